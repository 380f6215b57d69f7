import { describe, expect, it } from "vitest";
import type { ProjectMetric, Reading } from "../../bindings";
import { latestReading, progressToTarget } from "./metricProgress";

const metric = (baseline: number | null, target: number | null) => ({ id: 1, baseline, target }) as ProjectMetric;
const reading = (takenOn: string, value: number | null) => ({ id: 0, metricId: 1, takenOn, value }) as Reading;

describe("progress to target", () => {
  it("measures S1's launch figures against their targets", () => {
    // NPS +5 targeted, +8 reached; complaints −40% targeted (100 → 60), −45% reached (55).
    expect(progressToTarget(metric(40, 45), 48)).toBe(160);
    expect(progressToTarget(metric(100, 60), 55)).toBe(113);
    expect(progressToTarget(metric(100, 60), 80)).toBe(50);
  });

  it("has nothing to show without a baseline, a target or a reading", () => {
    expect(progressToTarget(metric(null, 45), 48)).toBeNull();
    expect(progressToTarget(metric(40, 40), 48)).toBeNull();
    expect(progressToTarget(metric(40, 45), undefined)).toBeNull();
  });

  it("takes the latest reading that has a value", () => {
    const readings = [reading("2026-10-01", 42), reading("2026-11-01", null), reading("2026-10-15", 44)];
    expect(latestReading(1, readings)?.value).toBe(44);
  });
});
