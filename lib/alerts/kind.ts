// What every alert source kind provides. A kind turns one delivery's JSON body into normalized
// alerts; the ingest, the rules and the drafts only ever see NormalizedAlert. Adding a kind: its
// descriptor in ./kinds/ and one line in ./registry.ts.

export type AlertState = "firing" | "resolved";

/** One alert as Outpost understands it, whatever sent it. */
export type NormalizedAlert = {
  /** The source's own identity for the alert (Alertmanager fingerprint, PagerDuty incident id, Opsgenie alertId). */
  fingerprint: string;
  state: AlertState;
  /**
   * When the source says this state began (ms since the epoch): the start for a firing alert, the
   * end for a resolved one. Deliveries settle to the newest `at`, so order of arrival does not matter.
   */
  at: number;
  /** When the alert first fired, if the source says. */
  startedAt: number | null;
  /** One line for staff and for the draft ("High error rate on payments"), at most 300 characters. */
  summary: string;
  /** A link back to the alert at its source, if any (http or https only). */
  url: string | null;
  /** What rules match on: the source's labels, or its fields flattened to names and strings. */
  labels: Record<string, string>;
};

/** A body that cannot be read as this kind's payload; the ingest answers 400 with the message. */
export class AlertPayloadError extends Error {}

export type AlertSigning = {
  /** The request header that carries the signature (or the secret itself), lower case. */
  header: string;
  /** What a refused delivery's 401 says. */
  refusal: string;
  /** Whether `signature` (the header's value, or null when absent) signs `rawBody` with `secret`. */
  verify(rawBody: string, signature: string | null, secret: string): boolean;
};

export type AlertKindDescriptor<Id extends string = string> = {
  id: Id;
  /** What staff call it ("Prometheus Alertmanager"). */
  label: string;
  /** Reads one delivery; throws AlertPayloadError (or a ZodError) when the body is not this kind's. */
  parse(body: unknown, receivedAt: number): NormalizedAlert[];
  /**
   * How a delivery proves it comes from the tool once the source has a secret: PagerDuty's HMAC
   * signature, or the secret itself in the Authorization header (./kinds/shared-secret.ts).
   */
  signing: AlertSigning;
  /** Label names this kind usually sends, offered when staff write a rule. */
  commonLabels: readonly string[];
};
