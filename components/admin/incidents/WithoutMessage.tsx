// Shown beside an empty message the server refused: ticking it confirms a status-only update.
import { Checkbox } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

export function WithoutMessage() {
  return <Checkbox label={staffT("staff.incidents.postWithoutMessage")} name="withoutMessage" />;
}
