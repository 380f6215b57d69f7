import type { Card } from "../../bindings";

export const HEADER_ROW = 40;
export const CARD_ROW = 88;

export type Lane = { id: number | null; name: string };

/**
 * One fixed-height row of the kanban: a lane's header, or the r-th card of each status column in
 * that lane. Flattening lanes this way gives every row a known top, so only the rows inside the
 * viewport need to exist in the DOM.
 */
export type KanbanRow =
  | { kind: "header"; key: string; lane: Lane; counts: number[] }
  | { kind: "cards"; key: string; lane: Lane; cards: (Card | undefined)[] };

export type KanbanLayout = { rows: KanbanRow[]; tops: number[]; height: number };

/** Lanes in `lanes` order; a lane with no card is left out so a narrow filter shows no empty bands. */
export function layoutKanban(cards: Card[], lanes: Lane[], statuses: readonly string[]): KanbanLayout {
  const byLane = new Map<number | null, Card[][]>();
  for (const card of cards) {
    const column = statuses.indexOf(card.status);
    if (column < 0) continue;
    let columns = byLane.get(card.departmentId);
    if (!columns) byLane.set(card.departmentId, (columns = statuses.map(() => [])));
    columns[column].push(card);
  }
  const rows: KanbanRow[] = [];
  const tops: number[] = [];
  let height = 0;
  const push = (row: KanbanRow, rowHeight: number) => {
    rows.push(row);
    tops.push(height);
    height += rowHeight;
  };
  for (const lane of lanes) {
    const columns = byLane.get(lane.id);
    if (!columns) continue;
    const laneKey = String(lane.id ?? "triage");
    push({ kind: "header", key: `${laneKey}-h`, lane, counts: columns.map((c) => c.length) }, HEADER_ROW);
    const depth = Math.max(...columns.map((c) => c.length));
    for (let r = 0; r < depth; r++) push({ kind: "cards", key: `${laneKey}-${r}`, lane, cards: columns.map((c) => c[r]) }, CARD_ROW);
  }
  return { rows, tops, height };
}

/** The rows [first, end) that overlap the viewport, widened by `overscan` rows on each side. */
export function visibleRows(tops: number[], height: number, scrollTop: number, viewport: number, overscan: number): [number, number] {
  // First row whose bottom edge is below scrollTop: binary search over the sorted tops.
  let lo = 0;
  let hi = tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bottom = mid + 1 < tops.length ? tops[mid + 1] : height;
    if (bottom <= scrollTop) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tops.length && tops[end] < scrollTop + viewport) end++;
  return [Math.max(0, lo - overscan), Math.min(tops.length, end + overscan)];
}
