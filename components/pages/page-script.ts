// The public pages' only script (inlined, CSP-hashed). Pages are pre-built once per change for
// every visitor, so times are sent as absolute <time datetime> and made local here.
const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function relative(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
}

function localise(): void {
  const now = Date.now();
  document.querySelectorAll<HTMLTimeElement>("time[data-format]").forEach((el) => {
    const at = Date.parse(el.dateTime);
    if (Number.isNaN(at)) return;
    const full = absolute.format(at);
    if (el.dataset.format === "relative") {
      el.textContent = relative(at, now);
      el.title = full;
    } else {
      el.textContent = full;
    }
  });
}

localise();
setInterval(localise, 30_000);
