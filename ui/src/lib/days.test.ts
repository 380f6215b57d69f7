import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromPicker, toPicker, todayInZone } from "./days";

describe("calendar days", () => {
  it("takes today from the Shanghai calendar, not the laptop's", () => {
    // 16:30 UTC on 4 March is already 5 March in Shanghai.
    expect(todayInZone(new Date(Date.UTC(2024, 2, 4, 16, 30)))).toBe("2024-03-05");
    expect(todayInZone(new Date(Date.UTC(2024, 2, 4, 15, 59)))).toBe("2024-03-04");
  });

  it("counts and adds days across months and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
  });

  it("round-trips a day through the picker", () => {
    expect(fromPicker(toPicker("2026-10-26"))).toBe("2026-10-26");
    expect(toPicker(null)).toBeNull();
    expect(fromPicker(null)).toBeNull();
  });
});
