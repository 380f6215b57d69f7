import { describe, expect, it } from "vitest";
import zhCN from "./zh-CN.json";
import en from "./en.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

function lookup(tree: Tree, key: string): string {
  return key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part], tree) as string;
}

describe("translations", () => {
  it("zh-CN and English have exactly the same keys", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zhCN as Tree).sort());
  });

  it("every text is non-empty and both languages use the same placeholders", () => {
    for (const key of keys(zhCN as Tree)) {
      const zh = lookup(zhCN as Tree, key);
      const english = lookup(en as Tree, key);
      expect(zh.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });
});
