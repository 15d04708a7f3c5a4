// Occurrences of a recurring maintenance in the page's time zone. Pure; DST-safe because each
// occurrence is built from its local date and wall-clock time.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";

export type RecurrenceRule = {
  frequency: "weekly" | "monthly";
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
  /** monthly: 1-4 for the first to fourth such weekday, -1 for the last */
  nth?: number | null;
  /** HH:MM, local */
  startTime: string;
  durationMinutes: number;
};

export type Occurrence = { start: number; end: number };

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const NTH_NAMES: Record<string, string> = { "1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last" };

export function describeRule(rule: RecurrenceRule): string {
  const day = WEEKDAY_NAMES[rule.weekday];
  const every =
    rule.frequency === "weekly" ? `Every ${day}` : `Every ${NTH_NAMES[String(rule.nth)]} ${day} of the month`;
  return `${every}, ${rule.startTime} for ${rule.durationMinutes} minutes`;
}

function qualifies(date: TZDate, rule: RecurrenceRule): boolean {
  if (date.getDay() !== rule.weekday) return false;
  if (rule.frequency === "weekly") return true;
  const nth = rule.nth ?? 1;
  if (nth === -1) return addDays(date, 7).getMonth() !== date.getMonth();
  return Math.ceil(date.getDate() / 7) === nth;
}

/** Occurrences whose start lies in [from, until), in order. */
export function occurrences(rule: RecurrenceRule, from: number, until: number, timeZone: string): Occurrence[] {
  const [hh = NaN, mm = NaN] = rule.startTime.split(":").map(Number);
  const out: Occurrence[] = [];
  const first = new TZDate(from, timeZone);
  // Walk local calendar days; a day before `from` is included so a window starting today counts.
  for (
    let day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() - 1, timeZone);
    day.getTime() < until + 86_400_000;
    day = addDays(day, 1)
  ) {
    if (!qualifies(day, rule)) continue;
    const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hh, mm, timeZone).getTime();
    if (start >= from && start < until) out.push({ start, end: start + rule.durationMinutes * 60_000 });
  }
  return out;
}
