// The subscribers page's read model: the first page of subscribers and the components they follow.
import { getDb, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { getPage } from "@/db/queries/page";
import { countSubscribers, listSubscribers } from "@/db/queries/subscribers";
import { publicView } from "../syndication/subscribers";

export const SUBSCRIBERS_PAGE_SIZE = 200;

export function subscribersView(db: Db = getDb()) {
  const components = listComponents(db, getPage(db)?.id ?? "");
  return {
    components,
    componentNames: new Map(components.map((c) => [c.id, c.name])),
    subscribers: listSubscribers(db, { limit: SUBSCRIBERS_PAGE_SIZE, offset: 0 }).map(publicView),
    total: countSubscribers(db),
  };
}
