/** The impact metrics the core knows (service::stakeholders::METRICS), in the order shown. */
export const METRICS = [
  "nps",
  "complaints",
  "cost",
  "wait_time",
  "retention",
  "dau",
  "user_growth",
  "features_shipped",
  "ftfr",
  "dispatch_efficiency",
  "revenue",
  "satisfaction",
] as const;

/** Comma-separated metric codes (a project's impactMetrics) to the known codes. */
export function parseMetrics(codes: string): string[] {
  const known: readonly string[] = METRICS;
  return codes
    .split(",")
    .map((c) => c.trim())
    .filter((c) => known.includes(c));
}
