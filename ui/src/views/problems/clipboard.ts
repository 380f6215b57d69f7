/**
 * A chart's data URL as a PNG blob. Decoded by hand: the page's CSP lets `fetch` reach only
 * Tauri's IPC, so `fetch(dataUrl)` is refused.
 */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(",", 2);
  const type = /data:([^;]+)/.exec(head)?.[1] ?? "image/png";
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}
