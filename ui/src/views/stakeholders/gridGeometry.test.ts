import { describe, expect, it } from "vitest";
import { fromXY, GRID, radiusFor, toXY } from "./gridGeometry";
import { quadrantOf } from "./model";

describe("power/interest grid", () => {
  it("puts high power at the top and high interest on the right", () => {
    const top = toXY(10, 0);
    const right = toXY(0, 10);
    expect(top).toEqual({ x: GRID.left, y: GRID.top });
    expect(right.x).toBe(GRID.width - GRID.right);
    expect(right.y).toBe(GRID.height - GRID.bottom);
  });

  it("reads a point back to the same position, clamped and rounded to a tenth", () => {
    const { x, y } = toXY(9, 6);
    expect(fromXY(x, y)).toEqual({ power: 9, interest: 6 });
    expect(fromXY(-50, 10_000)).toEqual({ power: 0, interest: 0 });
    expect(fromXY(x + 1, y)).toEqual({ power: 9, interest: 6 });
  });

  it("names the quadrant the way the textbook does", () => {
    expect(quadrantOf(9, 6)).toBe("manage");
    expect(quadrantOf(9, 2)).toBe("satisfy");
    expect(quadrantOf(2, 9)).toBe("inform");
    expect(quadrantOf(2, 2)).toBe("monitor");
    expect(quadrantOf(5, 5)).toBe("manage");
  });

  it("draws more trust as a larger circle", () => {
    expect(radiusFor(1)).toBeLessThan(radiusFor(5));
    expect(radiusFor(0)).toBe(radiusFor(1));
  });
});
