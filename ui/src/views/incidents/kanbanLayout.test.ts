import { describe, expect, it } from "vitest";
import type { Card } from "../../bindings";
import { CARD_ROW, HEADER_ROW, layoutKanban, visibleRows } from "./kanbanLayout";

const STATUSES = ["open", "claimed", "closed"];
const card = (id: number, departmentId: number | null, status: string): Card => ({
  id,
  title: `#${id}`,
  departmentId,
  status,
  storeName: null,
  severityClass: null,
  openedAt: 0,
  escalated: false,
});

describe("kanban rows", () => {
  const cards = [card(1, 7, "open"), card(2, 7, "open"), card(3, 7, "closed"), card(4, null, "claimed"), card(5, 9, "open")];
  const layout = layoutKanban(cards, [{ id: null, name: "triage" }, { id: 7, name: "IT" }, { id: 8, name: "empty" }], STATUSES);

  it("puts the r-th card of each column in row r of its lane, under one header per lane", () => {
    expect(layout.rows.map((r) => r.key)).toEqual(["triage-h", "triage-0", "7-h", "7-0", "7-1"]);
    const it7 = layout.rows[3];
    expect(it7.kind === "cards" && it7.cards.map((c) => c?.id)).toEqual([1, undefined, 3]);
    expect(layout.rows[2].kind === "header" && layout.rows[2].counts).toEqual([2, 0, 1]);
  });

  it("gives every row a fixed top", () => {
    expect(layout.tops).toEqual([0, HEADER_ROW, HEADER_ROW + CARD_ROW, 2 * HEADER_ROW + CARD_ROW, 2 * HEADER_ROW + 2 * CARD_ROW]);
    expect(layout.height).toBe(2 * HEADER_ROW + 3 * CARD_ROW);
  });

  it("draws only the rows inside the viewport, plus the overscan", () => {
    const tops = Array.from({ length: 1000 }, (_, i) => i * 10);
    expect(visibleRows(tops, 10_000, 0, 50, 0)).toEqual([0, 5]);
    expect(visibleRows(tops, 10_000, 505, 50, 2)).toEqual([48, 58]);
    expect(visibleRows(tops, 10_000, 9_990, 50, 0)).toEqual([999, 1000]);
    expect(visibleRows([], 0, 0, 50, 3)).toEqual([0, 0]);
  });
});
