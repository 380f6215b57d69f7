import { describe, expect, it } from "vitest";
import { dataUrlToBlob } from "./clipboard";

describe("chart image", () => {
  it("decodes a PNG data URL into its bytes", async () => {
    const blob = dataUrlToBlob("data:image/png;base64,iVBORw0K");
    expect(blob.type).toBe("image/png");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
  });
});
