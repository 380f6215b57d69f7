import { roundTenth } from "./model";

/**
 * The power/interest grid in SVG user units: interest runs left → right, power bottom → top, so
 * "manage closely" sits top right as in every stakeholder-management textbook. The svg scales with
 * its viewBox, so pointer positions are converted through the screen matrix, never by pixels.
 */
export const GRID = {
  width: 960,
  height: 640,
  /** Room for the axis titles on the left and at the bottom. */
  left: 56,
  /** Names sit right of their circle: room for one at interest 10. */
  right: 96,
  /** Room for the largest circle at power 10. */
  top: 28,
  bottom: 48,
} as const;

const plotWidth = GRID.width - GRID.left - GRID.right;
const plotHeight = GRID.height - GRID.top - GRID.bottom;

export function toXY(power: number, interest: number): { x: number; y: number } {
  return { x: GRID.left + (interest / 10) * plotWidth, y: GRID.top + (1 - power / 10) * plotHeight };
}

/** A point on the grid back to (power, interest), clamped to 0–10 with one decimal. */
export function fromXY(x: number, y: number): { power: number; interest: number } {
  return {
    interest: roundTenth(((x - GRID.left) / plotWidth) * 10),
    power: roundTenth((1 - (y - GRID.top) / plotHeight) * 10),
  };
}

/** Trust 1–5 drawn as radius 8–20: the people we can count on take more room. Not recorded is drawn
 * as the middle, 3, the way the sponsor ranking counts it. */
export function radiusFor(trust: number | null): number {
  return 5 + 3 * Math.min(5, Math.max(1, trust ?? 3));
}
