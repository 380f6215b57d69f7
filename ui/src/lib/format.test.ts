import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, matchesName, parseMoney, toFen } from "./format";

describe("money", () => {
  it("keeps 7亿 exact and reads it the Chinese way", () => {
    expect(toFen("700000000.00")).toBe(70_000_000_000n);
    expect(formatMoney("700000000.00", "zh-CN")).toBe("7亿元");
    expect(formatMoney("700000000.00", "en")).toBe("¥700,000,000");
  });

  it("uses 万 between ten thousand and one hundred million", () => {
    expect(formatMoney("125000.00", "zh-CN")).toBe("12.5万元");
    expect(formatMoney("9600000.00", "zh-CN")).toBe("960万元");
    expect(formatMoney("3200.50", "zh-CN")).toBe("3,200.50元");
    expect(formatMoney("-480000.00", "zh-CN")).toBe("-48万元");
  });
});

describe("typed amounts", () => {
  it("reads 万, 亿, currency signs and full-width digits exactly", () => {
    expect(parseMoney("1.2万")).toBe("12000.00");
    expect(parseMoney("7亿元")).toBe("700000000.00");
    expect(parseMoney("¥1,234.5")).toBe("1234.50");
    expect(parseMoney("３００元")).toBe("300.00");
    expect(parseMoney("0.00015万")).toBe("1.50");
  });

  it("rejects what is not an amount or finer than a fen", () => {
    for (const bad of ["", "abc", "1.2.3", "万", "1e5", "1.234"]) expect(parseMoney(bad), bad).toBeNull();
  });
});

describe("dates", () => {
  it("shows times in the workspace zone, Asia/Shanghai", () => {
    // 2024-03-04T16:30:00Z is 00:30 on 5 March in Shanghai.
    expect(formatDateTime(Date.UTC(2024, 2, 4, 16, 30), "zh-CN")).toContain("2024/03/05");
  });
});

describe("pinyin search", () => {
  it("finds a name by Han characters, full pinyin or initials", () => {
    expect(matchesName("陈", "陈立", "chenli cl")).toBe(true);
    expect(matchesName("chenli", "陈立", "chenli cl")).toBe(true);
    expect(matchesName("CL", "陈立", "chenli cl")).toBe(true);
    expect(matchesName("wang", "陈立", "chenli cl")).toBe(false);
  });
});
