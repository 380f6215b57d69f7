import type { Person } from "../../bindings";

/** Size of a person card and of the gaps, in React Flow units. */
export const NODE = { width: 150, height: 52, gap: 16, padding: 20, header: 36 } as const;
const GROUP_GAP = 48;

export type GroupBox = { key: string; name: string | null; x: number; y: number; width: number; height: number };
export type PersonSpot = { personId: number; group: string; x: number; y: number };

/**
 * Places people in one box per department (a grid of cards inside), and the boxes in wrapped rows.
 * Positions are computed once per people list, not by a force simulation: the picture stays the
 * same every time the director opens it, and 500 people lay out in a millisecond.
 */
function boxSize(count: number) {
  const columns = Math.min(6, Math.ceil(Math.sqrt(count)));
  const rows = Math.ceil(count / columns);
  return {
    columns,
    width: NODE.padding * 2 + columns * NODE.width + (columns - 1) * NODE.gap,
    height: NODE.header + NODE.padding + rows * NODE.height + (rows - 1) * NODE.gap,
  };
}

export function layoutByDepartment(people: Person[]): { groups: GroupBox[]; spots: PersonSpot[] } {
  const byDepartment = new Map<string, { name: string | null; members: Person[] }>();
  for (const p of people) {
    const key = p.departmentId === null || p.departmentName === null ? "none" : `d${p.departmentId}`;
    const entry = byDepartment.get(key) ?? { name: p.departmentName, members: [] };
    entry.members.push(p);
    byDepartment.set(key, entry);
  }
  // Rows about twice as wide as the whole is tall, like the canvas, so fitting it wastes little.
  const sizes = [...byDepartment.values()].map(({ members }) => boxSize(members.length));
  const area = sizes.reduce((sum, s) => sum + (s.width + GROUP_GAP) * (s.height + GROUP_GAP), 0);
  const rowWidth = Math.max(...sizes.map((s) => s.width), Math.sqrt(area * 2));
  const groups: GroupBox[] = [];
  const spots: PersonSpot[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const [key, { name, members }] of byDepartment) {
    const { columns, width, height } = boxSize(members.length);
    if (x > 0 && x + width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    groups.push({ key, name, x, y, width, height });
    members.forEach((p, i) => {
      spots.push({
        personId: p.id,
        group: key,
        // Relative to the group box: React Flow places children inside their parent.
        x: NODE.padding + (i % columns) * (NODE.width + NODE.gap),
        y: NODE.header + Math.floor(i / columns) * (NODE.height + NODE.gap),
      });
    });
    x += width + GROUP_GAP;
    rowHeight = Math.max(rowHeight, height);
  }
  return { groups, spots };
}

/** The box around every department, or null when there is none. */
export function layoutBounds(groups: GroupBox[]): { x: number; y: number; width: number; height: number } | null {
  if (groups.length === 0) return null;
  const x = Math.min(...groups.map((g) => g.x));
  const y = Math.min(...groups.map((g) => g.y));
  const right = Math.max(...groups.map((g) => g.x + g.width));
  const bottom = Math.max(...groups.map((g) => g.y + g.height));
  return { x, y, width: right - x, height: bottom - y };
}
