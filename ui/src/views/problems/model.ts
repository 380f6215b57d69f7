import type { Problem, ProblemInput, ProblemStatus } from "../../bindings";

/** The path a systemic problem walks, in order: the Steps on its page and the list's tag. */
export const PROBLEM_STATUSES: ProblemStatus[] = ["new", "assessed", "root_cause", "fix_in_progress", "verified"];

export const STATUS_COLORS: Record<ProblemStatus, string> = {
  new: "default",
  assessed: "blue",
  root_cause: "purple",
  fix_in_progress: "orange",
  verified: "green",
};

/** The S7 approaches from least to most prepared: the order of the 推动成效 table. */
export const APPROACHES = ["problem_only", "data_only", "data_and_solution", "all_strategies"] as const;

/**
 * The director's write-up of a problem, without what the core computes. `problemUpdate` replaces
 * the whole input (absent fields fall back to their defaults), so every save sends all of it.
 */
export function toInput(problem: Problem): ProblemInput {
  const { id: _id, ownerDepartmentName: _owner, incidentCount: _count, fixAnnouncedAt: _announced, updatedAt: _updated, ...input } = problem;
  return input;
}

/** Impact metrics are stored as comma-separated codes; forms pick them as a list. */
export function metricList(codes: string | undefined): string[] {
  return (codes ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
}
