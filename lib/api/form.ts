// Statuspage's form-encoded bodies, in the bracket notation Rails reads:
//   incident[name]=X&incident[component_ids][]=a&incident[components][<id>]=major_outage
// become the object the JSON body would be: {incident: {name, component_ids: [...], components: {...}}}.
// Every value stays a string; the route's schema turns "true" or "15" into a boolean or a number
// where it expects one, so this parser never guesses a type.

/** A body the bracket notation cannot read; the dispatcher answers 400 with the message. */
export class FormError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormError";
  }
}

type Group = Record<string, unknown>;

/** Deeper nesting than any Statuspage body has is a mistake (or an attack), not data. */
const MAX_DEPTH = 8;
/** Names that would reach Object.prototype through a careless reader downstream. */
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

const group = (): Group => Object.create(null) as Group;
const isGroup = (v: unknown): v is Group => typeof v === "object" && v !== null && !Array.isArray(v);

/** `a[b][]` as ["a", "b", ""]: a name, then each bracketed segment ("" is `[]`, append). */
export function keyPath(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) throw new FormError(`The form field "${key.slice(0, 100)}" is not a name with [bracketed] parts`);
  const [, head = "", brackets = ""] = match;
  const path = [head, ...[...brackets.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")];
  if (path.length > MAX_DEPTH) throw new FormError(`The form field "${key.slice(0, 100)}" is nested too deeply`);
  const forbidden = path.find((p) => FORBIDDEN.has(p));
  if (forbidden !== undefined)
    throw new FormError(`The form field "${key.slice(0, 100)}" uses the reserved name ${forbidden}`);
  if (path.slice(0, -1).includes(""))
    throw new FormError(
      `The form field "${key.slice(0, 100)}" has [] before its end; only a list of values can be sent`,
    );
  return path;
}

function place(root: Group, key: string, value: string): void {
  const path = keyPath(key);
  const last = path.length - 1;
  let node = root;
  for (let i = 0; i < last; i++) {
    const name = path[i] ?? "";
    const child = node[name];
    const appends = path[i + 1] === "" && i + 1 === last;
    if (child === undefined) node[name] = appends ? [] : group();
    else if (appends ? !Array.isArray(child) : !isGroup(child))
      throw new FormError(
        `The form field "${key.slice(0, 100)}" mixes a list, a group or a single value under one name`,
      );
    const next = node[name];
    if (Array.isArray(next)) {
      // `x[]=` with nothing is how a form sends an empty list.
      if (value !== "") next.push(value);
      return;
    }
    node = next as Group;
  }
  const name = path[last] ?? "";
  if (node[name] !== undefined)
    throw new FormError(
      `The form field "${key.slice(0, 100)}" is given more than once; end its name in [] to send a list`,
    );
  node[name] = value;
}

/** Parses an application/x-www-form-urlencoded body written in bracket notation. */
export function parseBracketForm(text: string): Record<string, unknown> {
  const root = group();
  for (const [key, value] of new URLSearchParams(text)) place(root, key, value);
  return root;
}
