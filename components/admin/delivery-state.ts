// A delivery's state in words (pending, sending, sent, failed, unknown); one not listed shows as stored.
import { staffT, type StaffKey } from "@/lib/i18n/staff";

const STATES: Record<string, StaffKey> = {
  pending: "staff.deliveries.state.pending",
  sending: "staff.deliveries.state.sending",
  sent: "staff.deliveries.state.sent",
  failed: "staff.deliveries.state.failed",
  unknown: "staff.deliveries.state.unknown",
};

export function deliveryState(state: string): string {
  return Object.hasOwn(STATES, state) ? staffT(STATES[state]!) : state;
}
