import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The UI's layers: each view (views/<feature>/) uses its own folder and the shared code —
 * components/ (widgets), lib/ (hooks and helpers), i18n/ and the generated bindings — and never a
 * sibling view. What two views share lives in components/ or lib/, which use no view and no shell.
 */
const SRC = dirname(fileURLToPath(import.meta.url));

/** Every import specifier of a module: static, type-only, re-exports, side effects, dynamic. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;
  for (const m of source.matchAll(pattern)) found.push(m[1] ?? m[2]);
  return found;
}

/** Where a file sits: "views/<feature>" inside a view, else its top folder or module under src ("lib", "bindings"). */
function area(pathFromSrc: string): string {
  const parts = pathFromSrc.split(sep);
  return parts[0] === "views" && parts.length > 2 ? `views/${parts[1]}` : parts[0];
}

type Import = { file: string; spec: string; from: string; to: string };

/** The relative imports of every source file under src, with the area each one leaves and enters. */
function relativeImports(): Import[] {
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
  return files.flatMap((file) =>
    specifiers(readFileSync(join(SRC, file), "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => {
        const target = relative(SRC, resolve(SRC, dirname(file), spec.split("?")[0]));
        return { file, spec, from: area(file), to: area(target) };
      }),
  );
}

const shown = (list: Import[]) => list.map((i) => `${i.file} imports "${i.spec}" (${i.to})`);

describe("module layers", () => {
  it("reads every kind of import specifier", () => {
    const source = [
      'import { a } from "./a";',
      'import type { B } from "../b";',
      "import {\n  c,\n  d,\n} from '../../c';",
      'export { e } from "./e";',
      'import "./f.css";',
      'const g = await import("../g");',
      'import { h } from "react";',
    ].join("\n");
    expect(specifiers(source)).toEqual(["./a", "../b", "../../c", "./e", "./f.css", "../g", "react"]);
  });

  it("sees the views and their imports", () => {
    const fromViews = relativeImports().filter((i) => i.from.startsWith("views/"));
    expect(new Set(fromViews.map((i) => i.from)).size).toBeGreaterThanOrEqual(6);
    expect(fromViews.some((i) => i.to === "components")).toBe(true);
  });

  it("no view imports from a sibling view (shared widgets go to components/, helpers to lib/)", () => {
    const crossing = relativeImports().filter((i) => i.from.startsWith("views/") && i.to.startsWith("views/") && i.to !== i.from);
    expect(shown(crossing)).toEqual([]);
  });

  it("a view imports nothing else but its own folder, components/, lib/, i18n/ and the bindings", () => {
    const allowed = new Set(["components", "lib", "i18n", "bindings"]);
    const outside = relativeImports().filter((i) => i.from.startsWith("views/") && !i.to.startsWith("views/") && !allowed.has(i.to));
    expect(shown(outside)).toEqual([]);
  });

  it("components/ and lib/ import no view and no shell module", () => {
    const upward = relativeImports().filter(
      (i) => (i.from === "components" || i.from === "lib") && (i.to.startsWith("views/") || i.to === "views" || i.to === "shell"),
    );
    expect(shown(upward)).toEqual([]);
  });
});
