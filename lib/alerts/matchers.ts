// Rule matchers, written the way Alertmanager writes them: `service="payments", severity=~"crit.*"`.
// Operators: = (equals), != (differs), =~ (matches the regular expression, anchored), !~ (does not
// match). A label the alert lacks counts as the empty string, as in Alertmanager. An empty list
// matches every alert (a catch-all rule).

export type MatchOp = "=" | "!=" | "=~" | "!~";
export type Matcher = { name: string; op: MatchOp; value: string };

/** A matcher list that cannot be read; the message says where and why, for the form or the API. */
export class MatcherError extends Error {}

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const MAX_LENGTH = 1000;

export function parseMatchers(text: string): Matcher[] {
  if (text.length > MAX_LENGTH) throw new MatcherError(`Matchers are at most ${MAX_LENGTH} characters`);
  const out: Matcher[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  skip();
  if (text[i] === "{") i++; // Alertmanager's {…} form is accepted too.
  for (;;) {
    skip();
    if (i >= text.length || text[i] === "}") break;
    NAME.lastIndex = i;
    const name = NAME.exec(text)?.[0];
    if (!name) throw new MatcherError(`Expected a label name at character ${i + 1}`);
    i += name.length;
    skip();
    const op = (["=~", "!~", "!=", "="] as const).find((o) => text.startsWith(o, i));
    if (!op) throw new MatcherError(`Expected =, !=, =~ or !~ after "${name}"`);
    i += op.length;
    skip();
    let value = "";
    if (text[i] === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i++]!;
        if (c === "\\" && i < text.length) value += text[i++];
        else if (c === '"') {
          closed = true;
          break;
        } else value += c;
      }
      if (!closed) throw new MatcherError(`The value of "${name}" has no closing quote`);
    } else {
      const m = /[^,}\s]*/y;
      m.lastIndex = i;
      value = m.exec(text)![0];
      i += value.length;
    }
    if (op === "=~" || op === "!~") {
      try {
        new RegExp(`^(?:${value})$`);
      } catch {
        throw new MatcherError(`"${value}" is not a valid regular expression (for ${name})`);
      }
    }
    out.push({ name, op, value });
    skip();
    if (text[i] === ",") i++;
    else if (i < text.length && text[i] !== "}") throw new MatcherError(`Expected a comma at character ${i + 1}`);
  }
  return out;
}

/** The canonical text of a matcher list (what is stored and shown). */
export function formatMatchers(matchers: readonly Matcher[]): string {
  return matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(", ");
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) {
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, (r = new RegExp(`^(?:${source})$`)));
  }
  return r;
}

export function matches(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every((m) => {
    const v = labels[m.name] ?? "";
    switch (m.op) {
      case "=":
        return v === m.value;
      case "!=":
        return v !== m.value;
      case "=~":
        return regex(m.value).test(v);
      case "!~":
        return !regex(m.value).test(v);
    }
  });
}

/** Labels that usually say what is broken, tried in this order when suggesting a rule for an alert. */
const TELLING = ["service", "job", "app", "component", "alertname", "entity", "priority", "severity"];

/** A starting rule for an unmapped alert: its most telling labels, exactly. */
export function suggestMatchers(labels: Readonly<Record<string, string>>): string {
  const picked = TELLING.filter((n) => labels[n]).slice(0, 2);
  const names = picked.length > 0 ? picked : Object.keys(labels).sort().slice(0, 2);
  return formatMatchers(names.map((name) => ({ name, op: "=" as const, value: labels[name]! })));
}
