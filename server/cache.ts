// The rendered-bytes cache, emptied whenever the snapshot changes. Two classes, so that no URL a
// visitor can invent pushes out the bytes everyone needs during a surge:
// - hot: the documents of a fixed, data-bounded set (the page, the v2 JSON, plain badges, feeds,
//   the widget, incident pages of the snapshot, and one shared 404 per kind). Never evicted.
// - variant: parameterised bytes (badge labels and styles, history pages, older incidents) in a
//   small LRU bounded by entries and bytes. Junk URLs only ever evict each other.
import type { Snapshot } from "@/lib/snapshot-types";
import type { Payload } from "./payload";

export type CacheClass = "hot" | "variant";

export const VARIANT_ENTRIES = 256;
export const VARIANT_BYTES = 32 * 1024 * 1024;

type Store = {
  owner: Snapshot | undefined;
  hot: Map<string, Payload>;
  variants: Map<string, Payload>;
  variantBytes: number;
};
const store: Store = { owner: undefined, hot: new Map(), variants: new Map(), variantBytes: 0 };

const sizeOf = (p: Payload) => p.body.length + (p.gzip?.length ?? 0) + (p.br?.length ?? 0);

/** The store for this snapshot: a newer snapshot starts empty. */
function storeFor(s: Snapshot): Store | null {
  if (store.owner === s) return store;
  // An older snapshot (a request that began before a rebuild) renders without caching.
  if (store.owner && s.builtAt < store.owner.builtAt) return null;
  store.owner = s;
  store.hot = new Map();
  store.variants = new Map();
  store.variantBytes = 0;
  return store;
}

/** Bytes computed once per snapshot and kept until the next one. */
export function hot(s: Snapshot, key: string, make: () => Payload): Payload {
  const st = storeFor(s);
  if (!st) return make();
  let p = st.hot.get(key);
  if (!p) {
    p = make();
    st.hot.set(key, p);
  }
  return p;
}

/** Bytes for a parameterised URL: kept while recently used, within VARIANT_ENTRIES and VARIANT_BYTES. */
export function variant(s: Snapshot, key: string, make: () => Payload): Payload {
  const st = storeFor(s);
  if (!st) return make();
  const found = st.variants.get(key);
  if (found) {
    // Most recently used last: a Map iterates in insertion order.
    st.variants.delete(key);
    st.variants.set(key, found);
    return found;
  }
  const p = make();
  const size = sizeOf(p);
  if (size > VARIANT_BYTES / 8) return p;
  st.variants.set(key, p);
  st.variantBytes += size;
  for (const [oldKey, old] of st.variants) {
    if (st.variants.size <= VARIANT_ENTRIES && st.variantBytes <= VARIANT_BYTES) break;
    st.variants.delete(oldKey);
    st.variantBytes -= sizeOf(old);
  }
  return p;
}

/** The hot bytes kept for this snapshot (a builder thread sends them with it). */
export function hotEntries(s: Snapshot): [string, Payload][] {
  return store.owner === s ? [...store.hot] : [];
}

/** Keeps bytes made elsewhere for this snapshot, as if hot() had made them here. */
export function seedHot(s: Snapshot, entries: readonly [string, Payload][]): void {
  const st = storeFor(s);
  if (!st) return;
  for (const [key, p] of entries) if (!st.hot.has(key)) st.hot.set(key, p);
}

/** What the cache holds now (tests and the bench read it). */
export function cacheStats(): { hot: number; variants: number; variantBytes: number } {
  return { hot: store.hot.size, variants: store.variants.size, variantBytes: store.variantBytes };
}
