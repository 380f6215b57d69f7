import { CHART_FONT } from "./chartFont";

/**
 * Draws a table of text as a PNG a director can paste into a slide: a bold header row, then the
 * rows, columns as wide as their widest cell. Drawn at `scale`× so it stays sharp on a projector.
 */
export async function tableToPng(title: string, header: string[], rows: string[][], scale = 2): Promise<Blob> {
  const font = `13px ${CHART_FONT}`;
  const bold = `bold 13px ${CHART_FONT}`;
  const pad = 10;
  const rowHeight = 28;
  const measure = document.createElement("canvas").getContext("2d");
  if (!measure) throw new Error("canvas 2d context unavailable");
  const widths = header.map((h, c) => {
    measure.font = bold;
    let w = measure.measureText(h).width;
    measure.font = font;
    for (const r of rows) w = Math.max(w, measure.measureText(r[c] ?? "").width);
    return Math.ceil(w) + 2 * pad;
  });
  const width = widths.reduce((a, b) => a + b, 0);
  const height = rowHeight * (rows.length + 2);
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("canvas 2d context unavailable");
  g.scale(scale, scale);
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, width, height);
  g.textBaseline = "middle";
  g.fillStyle = "#1f1f1f";
  g.font = bold;
  g.fillText(title, pad, rowHeight / 2);
  const line = (y: number, cells: string[], isHeader: boolean) => {
    if (isHeader) {
      g.fillStyle = "#f5f5f5";
      g.fillRect(0, y, width, rowHeight);
    }
    g.fillStyle = "#1f1f1f";
    g.font = isHeader ? bold : font;
    let x = 0;
    cells.forEach((cell, c) => {
      g.fillText(cell, x + pad, y + rowHeight / 2);
      x += widths[c];
    });
    g.strokeStyle = "#e8e8e8";
    g.beginPath();
    g.moveTo(0, y + rowHeight - 0.5);
    g.lineTo(width, y + rowHeight - 0.5);
    g.stroke();
  };
  line(rowHeight, header, true);
  rows.forEach((r, i) => line(rowHeight * (i + 2), r, false));
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
}
