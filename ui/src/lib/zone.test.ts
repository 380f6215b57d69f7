import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { dayAfterStart, fromZonedWall, rangeToSpan, spanToRange, toZonedWall } from "./zone";

describe("workspace-zone pickers", () => {
  it("reads a picked wall clock as Shanghai time, whatever the laptop's zone", () => {
    expect(fromZonedWall(dayjs(new Date(2024, 2, 5, 0, 30)))).toBe(Date.UTC(2024, 2, 4, 16, 30));
    expect(dayAfterStart(dayjs(new Date(2024, 2, 5, 13, 0)))).toBe(Date.UTC(2024, 2, 5, 16, 0));
  });

  it("shows a stored time as its Shanghai wall clock", () => {
    const shown = toZonedWall(Date.UTC(2024, 2, 4, 16, 30));
    expect(shown.format("YYYY-MM-DD HH:mm")).toBe("2024-03-05 00:30");
    expect(fromZonedWall(shown)).toBe(Date.UTC(2024, 2, 4, 16, 30));
  });
});

describe("day ranges", () => {
  it("turns a picked range into [from, to) in Shanghai time and back", () => {
    const [from, to] = rangeToSpan([dayjs(new Date(2024, 3, 1, 15)), dayjs(new Date(2024, 3, 30))]);
    expect(from).toBe(Date.UTC(2024, 2, 31, 16));
    expect(to).toBe(Date.UTC(2024, 3, 30, 16));
    const back = spanToRange(from, to);
    expect(back?.[0]?.format("YYYY-MM-DD")).toBe("2024-04-01");
    expect(back?.[1]?.format("YYYY-MM-DD")).toBe("2024-04-30");
    expect(spanToRange(null, null)).toBeNull();
  });
});
