import { describe, expect, it } from "vitest";
import { parseMetrics } from "./metrics";

describe("impact metrics", () => {
  it("keeps only the metric codes the core knows", () => {
    expect(parseMetrics("nps, retention,unknown,,ftfr")).toEqual(["nps", "retention", "ftfr"]);
  });
});
