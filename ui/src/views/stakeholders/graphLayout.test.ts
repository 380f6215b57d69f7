import { describe, expect, it } from "vitest";
import type { Person } from "../../bindings";
import { layoutByDepartment, NODE } from "./graphLayout";

function person(id: number, departmentId: number | null): Person {
  return {
    id,
    name: `P${id}`,
    nameKey: `p${id}`,
    title: "",
    departmentId,
    departmentName: departmentId === null ? null : `D${departmentId}`,
    reportsToId: null,
    stance: "neutral",
    trust: 3,
    power: 5,
    interest: 5,
    contactEveryDays: 30,
    createdAt: 0,
    updatedAt: 0,
  };
}

describe("relationship graph layout", () => {
  it("puts each department in its own box and people without one together", () => {
    const { groups, spots } = layoutByDepartment([person(1, 1), person(2, 2), person(3, 1), person(4, null)]);
    expect(groups.map((g) => g.name)).toEqual(["D1", "D2", null]);
    expect(spots.filter((s) => s.group === groups[0].key).map((s) => s.personId)).toEqual([1, 3]);
  });

  it("keeps every card inside its box and no two boxes overlapping, with 500 people", () => {
    const people = Array.from({ length: 500 }, (_, i) => person(i + 1, (i % 9) + 1));
    const { groups, spots } = layoutByDepartment(people);
    expect(spots).toHaveLength(500);
    for (const s of spots) {
      const box = groups.find((g) => g.key === s.group)!;
      expect(s.x + NODE.width).toBeLessThanOrEqual(box.width);
      expect(s.y + NODE.height).toBeLessThanOrEqual(box.height);
    }
    for (const a of groups)
      for (const b of groups) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.key} / ${b.key}`).toBe(true);
      }
  });
});
