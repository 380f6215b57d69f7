import dayjs, { type Dayjs } from "dayjs";
import { WORKSPACE_TIME_ZONE } from "./format";

/**
 * Projects, milestones and touchpoints are dated in calendar days (YYYY-MM-DD) of the workspace
 * zone, never timed: "today" is the Shanghai date even on a laptop set to another zone, or a
 * touchpoint due today would show as overdue (or not yet due) around midnight.
 */
const dayParts = new Intl.DateTimeFormat("en-US", { timeZone: WORKSPACE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function todayInZone(now: Date = new Date()): string {
  // Assembled from the parts: how a locale orders and separates them differs between engines
  // (WebKitGTK's en-CA is not always YYYY-MM-DD).
  const part = Object.fromEntries(dayParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

/** A stored day as the value of an Ant Design date picker (the picker's own wall-clock day). */
export function toPicker(day: string | null | undefined): Dayjs | null {
  // dayjs reads a bare YYYY-MM-DD as local midnight, which is the day the picker shows.
  return day ? dayjs(day) : null;
}

/** A picked day back to the stored form; the picker's zone does not matter for a bare date. */
export function fromPicker(value: Dayjs | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}

/** Whole days from `a` to `b` (negative when `b` is earlier), counted on the calendar. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
