import { WORKSPACE_TIME_ZONE } from "../../lib/format";

// One formatter per language: profiles list many dates and building a formatter is the slow part.
const formats = new Map<string, Intl.DateTimeFormat>();

/** A day in the workspace zone (notes, contacts and favours are dated, not timed). */
export function formatDay(ms: number, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone: WORKSPACE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(language, format);
  }
  return format.format(new Date(ms));
}
