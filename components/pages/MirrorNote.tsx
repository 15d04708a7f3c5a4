import type { MirrorState } from "@/lib/mirror-state";
import { lastMirrorPublish } from "@/lib/mirror-state";
import { Time } from "../status/Time";

/** On the live page: when the static mirror was last published, or that publishing fails. */
export function MirrorNote({
  state,
  mirrorUrl,
  timeZone,
}: {
  state: MirrorState;
  mirrorUrl: string | null;
  timeZone: string;
}) {
  if (!state.configured) return null;
  const failing = state.targets.find((t) => t.lastError);
  const last = lastMirrorPublish(state);
  const label = mirrorUrl ? (
    <a href={mirrorUrl} className="hover:underline">
      Mirror
    </a>
  ) : (
    "Mirror"
  );
  return (
    <span data-mirror-status={failing ? "failing" : last ? "ok" : "pending"}>
      {label}
      {last ? (
        <>
          {" "}
          published <Time at={last} timeZone={timeZone} format="relative" />
        </>
      ) : (
        " not published yet"
      )}
      {failing ? `; the last attempt failed (retrying)` : null}
    </span>
  );
}

/** On every page of a static copy: when it was made. */
export function GeneratedNote({ at, liveUrl, timeZone }: { at: number; liveUrl: string; timeZone: string }) {
  return (
    <span data-generated-at={new Date(at).toISOString()}>
      Static copy generated <Time at={at} timeZone={timeZone} format="relative" /> (
      <a href={liveUrl} className="hover:underline">
        live page
      </a>
      )
    </span>
  );
}
