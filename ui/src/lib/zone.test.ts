import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { dayAfterStart, fromZonedWall, toZonedWall } from "./zone";

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
