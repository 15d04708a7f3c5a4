// Rendered markup of repeated rows (the page's components), kept from one render to the next
// with the inputs each was made from: a change renders again only the rows whose inputs changed.

type Row = { key: string; html: string };

export class RenderedRows {
  private previous = new Map<string, Row>();
  private current = new Map<string, Row>();

  /** Starts a render: a row not asked for in it (deleted, hidden) is let go at the next. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The markup of row `id` for inputs `key`: kept when the key is the same, else made anew. */
  html(id: string, key: string, make: () => string): string {
    let row = this.current.get(id) ?? this.previous.get(id);
    if (row?.key !== key) row = { key, html: make() };
    this.current.set(id, row);
    return row.html;
  }

  /** Forgets every row (tests compare with a render from nothing). */
  clear(): void {
    this.previous = new Map();
    this.current = new Map();
  }
}

const liveRows = new Map<string, RenderedRows>();

/**
 * The live page's component rows in one locale (`key`: the locale and the page's default, which
 * decides its addresses). Each process and builder thread has its own.
 */
export function statusPageRows(key = "en:en"): RenderedRows {
  let rows = liveRows.get(key);
  if (!rows) {
    rows = new RenderedRows();
    liveRows.set(key, rows);
  }
  return rows;
}
