import type { Stance } from "../../bindings";

/** From ally to opponent: the order of the legend and of the stance picker. */
export const STANCES: Stance[] = ["champion", "supporter", "neutral", "sceptic", "blocker"];

/** Green for those who push with us, grey for the undecided, orange/red for those who resist. */
export const STANCE_COLORS: Record<Stance, string> = {
  champion: "#237804",
  supporter: "#73a839",
  neutral: "#8c8c8c",
  sceptic: "#d46b08",
  blocker: "#cf1322",
};

export type Quadrant = "manage" | "satisfy" | "inform" | "monitor";

/** Power and interest run 0–10; 5 and above counts as high (the grid's middle lines). */
export const MIDPOINT = 5;

export function quadrantOf(power: number, interest: number): Quadrant {
  const highPower = power >= MIDPOINT;
  const highInterest = interest >= MIDPOINT;
  if (highPower) return highInterest ? "manage" : "satisfy";
  return highInterest ? "inform" : "monitor";
}

/** Power and interest are kept with one decimal. */
export function roundTenth(value: number): number {
  return Math.round(Math.min(10, Math.max(0, value)) * 10) / 10;
}

/**
 * The core stores power and interest as plain numbers; the generated bindings type every f64 as
 * nullable (NaN serializes as null), which the core never sends. Read them as numbers here.
 */
export function positionOf(p: { power: number | null; interest: number | null }): { power: number; interest: number } {
  return { power: p.power ?? 0, interest: p.interest ?? 0 };
}
