/** The same font stack as the page, so Chinese labels on the canvas use the CJK font too. */
export const CHART_FONT = getComputedFontFamily();

function getComputedFontFamily(): string {
  if (typeof document === "undefined") return "sans-serif";
  return getComputedStyle(document.documentElement).fontFamily || "sans-serif";
}
