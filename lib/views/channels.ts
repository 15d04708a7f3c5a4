// The channels page's read model: which networks post, the chat channels, and recent failures.
import { getDb, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { countByState, listRecentProblems, networkSwitches } from "@/db/queries/deliveries";
import { getPage } from "@/db/queries/page";
import { listSubscribers } from "@/db/queries/subscribers";
import { configuredNetworks } from "../syndication/outbox";
import { deliveryPage, deliverySubject } from "./deliveries";

export function channelsView(db: Db = getDb()) {
  return {
    configured: new Set(configuredNetworks()),
    switches: networkSwitches(db),
    chats: listSubscribers(db, { limit: 500, offset: 0 }).filter((s) => s.kind !== "email" && s.kind !== "webhook"),
    components: listComponents(db, getPage(db)?.id ?? ""),
    problems: listRecentProblems(db, 20).map((p) => ({ ...p, subject: deliverySubject(p), href: deliveryPage(p) })),
    counts: countByState(db),
  };
}
