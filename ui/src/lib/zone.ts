import dayjs, { type Dayjs } from "dayjs";
import { WORKSPACE_TIME_ZONE } from "./format";

const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: WORKSPACE_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** How far the workspace zone's wall clock is ahead of UTC at `utcMs`. */
function zoneOffsetMs(utcMs: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Ant Design's pickers hand out wall-clock times in the laptop's zone; the registry's times are
 * wall-clock times in the workspace zone. Read the picked wall clock as workspace time.
 */
export function fromZonedWall(d: Dayjs): number {
  const wall = Date.UTC(d.year(), d.month(), d.date(), d.hour(), d.minute());
  return wall - zoneOffsetMs(wall - zoneOffsetMs(wall));
}

/** The picker value that shows `ms` as the workspace zone's wall clock. */
export function toZonedWall(ms: number): Dayjs {
  const w = new Date(ms + zoneOffsetMs(ms));
  return dayjs(new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes()));
}

/** The start of the day after `d`, in workspace time: the exclusive end of a picked date range. */
export function dayAfterStart(d: Dayjs): number {
  return fromZonedWall(d.startOf("day").add(1, "day"));
}

/** A picked day range, as the picker hands it out. */
export type DayRange = [Dayjs | null, Dayjs | null] | null;

/** A picked day range as [from, to) in workspace time: the first day's start, the day after the last. */
export function rangeToSpan(range: DayRange): [number | null, number | null] {
  return [range?.[0] ? fromZonedWall(range[0].startOf("day")) : null, range?.[1] ? dayAfterStart(range[1]) : null];
}

/** A stored [from, to) span back to the picker's day range (the last day is the one before `to`). */
export function spanToRange(from: number | null | undefined, to: number | null | undefined): DayRange {
  if (from == null && to == null) return null;
  return [from == null ? null : toZonedWall(from), to == null ? null : toZonedWall(to - 1)];
}
