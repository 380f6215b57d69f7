import { describe, expect, it } from "vitest";
import { effectFigures, formatEffect } from "./effectText";

describe("effect figures", () => {
  it("writes the sign, the unit and the money freed as the core's reasons do", () => {
    expect(formatEffect(-30, "%")).toBe("−30 %");
    expect(formatEffect(2.345, "分钟")).toBe("+2.35 分钟");
    expect(effectFigures({ effect: -30, unit: "%", money: "8000000.00" }, "zh-CN")).toBe("−30 %，800万元");
    expect(effectFigures({ effect: -40, unit: "%", money: null }, "en")).toBe("−40 %");
  });
});
