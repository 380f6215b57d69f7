import { describe, expect, it } from "vitest";
import type { Touchpoint } from "../bindings";
import { nextOpen, touchpointStatus } from "./touchpointState";

const tp = (id: number, dueOn: string, state = "open") => ({ id, dueOn, state }) as Touchpoint;

describe("touchpoint badges", () => {
  it("tells due today from overdue and upcoming; done and skipped stay what they are", () => {
    expect(touchpointStatus(tp(1, "2026-11-25"), "2026-11-25")).toBe("due");
    expect(touchpointStatus(tp(1, "2026-11-24"), "2026-11-25")).toBe("overdue");
    expect(touchpointStatus(tp(1, "2026-11-26"), "2026-11-25")).toBe("upcoming");
    expect(touchpointStatus(tp(1, "2026-11-01", "done"), "2026-11-25")).toBe("done");
    expect(touchpointStatus(tp(1, "2026-11-01", "skipped"), "2026-11-25")).toBe("skipped");
  });

  it("picks the earliest open touchpoint as the next one", () => {
    const list = [tp(1, "2026-10-26", "done"), tp(3, "2026-11-23"), tp(2, "2026-11-09"), tp(4, "2026-11-09", "skipped")];
    expect(nextOpen(list)?.id).toBe(2);
    expect(nextOpen([tp(1, "2026-10-26", "done")])).toBeUndefined();
  });
});
