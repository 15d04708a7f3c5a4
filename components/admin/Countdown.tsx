"use client";
// The promised next update of an open incident, counting down each second; once the promise is
// broken it turns loud and counts how late it is. The first render uses the server's clock, so the
// page's HTML (and a reader without JavaScript) says the same.
import { useEffect, useState } from "react";
import { countdown } from "@/lib/countdown";
import { staffT } from "@/lib/i18n/staff";

export function Countdown({
  until,
  now,
  time,
}: {
  until: number;
  now: number;
  /** `until` in the page's zone. */ time: string;
}) {
  const [t, setT] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setT(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const { overdue, text } = countdown(until, t);
  return overdue ? (
    <strong data-countdown="overdue" className="inline-block rounded bg-red-700 px-1.5 py-0.5 font-semibold text-white">
      {staffT("staff.incidents.overdueSince", { time })}
      <span className="tabular-nums"> · {staffT("staff.incidents.late", { left: text })}</span>
    </strong>
  ) : (
    <span data-countdown="due" className="font-medium">
      {staffT("staff.incidents.nextUpdateBy", { time })}
      <span className="tabular-nums"> · {staffT("staff.incidents.left", { left: text })}</span>
    </span>
  );
}
