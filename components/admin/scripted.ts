// Whether scripts run: false in the server's HTML and while hydrating, true afterwards. Controls
// that only work with JavaScript (a drag handle, roving focus) appear once it is there.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useScripted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
