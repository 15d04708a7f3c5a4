"use client";
// Keeps the dashboard current without a reload: every 30 seconds while the tab is visible (and at
// once when it becomes visible again), the server renders it afresh. What is on screen and typed
// stays (router.refresh keeps client state).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const REFRESH_MS = 30_000;

export function AutoRefresh() {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      last = Date.now();
      router.refresh();
    };
    const timer = setInterval(refresh, REFRESH_MS);
    const onVisible = () => {
      if (Date.now() - last >= REFRESH_MS) refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router]);
  return null;
}
