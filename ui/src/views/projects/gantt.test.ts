import { describe, expect, it } from "vitest";
import type { Milestone } from "../../bindings";
import { layoutGantt, milestoneState } from "./gantt";

const ms = (id: number, projectId: number, startsOn: string, endsOn: string, doneOn: string | null = null): Milestone => ({
  id,
  projectId,
  name: `M${id}`,
  startsOn,
  endsOn,
  staffing: "",
  exitCriteria: "",
  doneOn,
  position: id,
});

describe("milestone slippage", () => {
  it("tells done on time, done late, slipping and open apart", () => {
    expect(milestoneState(ms(1, 1, "2026-10-01", "2026-10-14", "2026-10-14"), "2026-11-25")).toBe("done");
    expect(milestoneState(ms(1, 1, "2026-10-01", "2026-10-14", "2026-10-20"), "2026-11-25")).toBe("done_late");
    expect(milestoneState(ms(1, 1, "2026-10-01", "2026-11-24"), "2026-11-25")).toBe("slipping");
    expect(milestoneState(ms(1, 1, "2026-10-01", "2026-11-25"), "2026-11-25")).toBe("open");
  });
});

describe("gantt layout", () => {
  const layout = () =>
    layoutGantt({
      projects: [
        { id: 1, title: "智能派单" },
        { id: 2, title: "App 集成" },
        { id: 3, title: "没有里程碑" },
      ],
      // S1's phases: POC 2 weeks, MVP 6 weeks; another project's milestone waits for the MVP.
      milestones: [ms(2, 1, "2026-11-16", "2026-12-25"), ms(1, 1, "2026-11-02", "2026-11-13", "2026-11-18"), ms(3, 2, "2026-12-28", "2027-01-22")],
      dependencies: [
        [2, 1],
        [3, 2],
      ],
      atRisk: new Set([3]),
      today: "2026-11-25",
      width: 1000,
      monthLabel: (y, m) => `${y}-${m}`,
    });

  it("puts each project's milestones under it in date order and skips empty projects", () => {
    const g = layout();
    expect(g.rows.map((r) => r.key)).toEqual(["p1", "m1", "m2", "p2", "m3"]);
    const late = g.rows[1];
    expect(late.kind === "milestone" && late.state).toBe("done_late");
    expect(late.kind === "milestone" && late.slipTo! > late.x2).toBe(true);
    const risky = g.rows[4];
    expect(risky.kind === "milestone" && risky.atRisk).toBe(true);
  });

  it("draws dependencies as arrows, across projects too", () => {
    const g = layout();
    expect(g.arrows.map((a) => a.key)).toEqual(["1-2", "2-3"]);
    expect(g.months.map((m) => m.label)).toEqual(["2026-11", "2026-12", "2027-1"]);
    expect(g.todayX).toBeGreaterThan(g.months[0].x);
    expect(g.todayX).toBeLessThan(g.months[1].x);
  });
});
