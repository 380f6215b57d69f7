/**
 * Turning an on-screen chart into a file a director can paste into a slide. The chart is styled
 * with attributes only (no stylesheet classes), so the serialized SVG looks the same on its own.
 */

import { commands, type ImageFormat } from "../bindings";
import { unwrap } from "./api";

const SVG_NS = "http://www.w3.org/2000/svg";

export function serializeSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(box.width));
  copy.setAttribute("height", String(box.height));
  copy.removeAttribute("style");
  copy.removeAttribute("class");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Rasterizes the SVG at `scale`× so the PNG stays sharp on a projector. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const box = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([serializeSvg(svg)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = box.width * scale;
    canvas.height = box.height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("canvas 2d context unavailable");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Saves an image where the director chooses in the system save dialog (the shell writes it; the
 * webview never names a path). Resolves to the saved path, or null when the dialog was cancelled.
 */
export async function saveImage(blob: Blob, baseName: string, format: ImageFormat): Promise<string | null> {
  const bytes = Array.from(new Uint8Array(await blob.arrayBuffer()));
  return unwrap(commands.imageSave(baseName, format, bytes));
}

export async function copyPng(blob: Blob) {
  await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
}

/**
 * Copies a PNG to the clipboard, or, where the webview cannot put images there (WebKitGTK builds
 * without image clipboard support), offers the save dialog instead. Resolves to "copied", the
 * saved path, or null when the dialog was cancelled.
 */
export async function copyOrSavePng(blob: Blob, baseName: string): Promise<"copied" | string | null> {
  try {
    await copyPng(blob);
    return "copied";
  } catch {
    return saveImage(blob, baseName, "png");
  }
}
