import type { TFunction } from "i18next";
import type { PersonNote, SponsorCandidate } from "../../bindings";

/** The distinct metrics a candidate's notes touch, named in the current language. */
export function matchedMetricNames(t: TFunction, matched: PersonNote[]): string {
  const codes = [...new Set(matched.flatMap((n) => (n.metric ? [n.metric] : [])))];
  return codes.map((m) => t(`sponsor.metrics.${m}`, { defaultValue: m })).join(t("sponsor.listSeparator"));
}

const number = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Why a candidate ranks where they do, in the formula's own terms, e.g.
 * "决策权 9/10 × 相关度 100%（NPS、留存）× 信任 2/5 = 36". A director must be able to check it.
 */
export function sponsorReason(t: TFunction, c: SponsorCandidate): string {
  const relevance = c.relevance ?? 0;
  const metrics = matchedMetricNames(t, c.matched);
  return t(metrics ? "sponsor.reason" : "sponsor.reasonNoMetrics", {
    power: number(c.power ?? 0),
    relevance: Math.round(relevance * 100),
    metrics,
    trust: c.trust,
    score: number(c.score ?? 0),
  });
}
