import type { IncidentFilter } from "../../bindings";

/** Department id the filter uses for incidents no rule has dispatched yet. */
export const TRIAGE = 0;

/** How many filter fields narrow the list: shown on the "more filters" toggle. */
export function activeCount(filter: IncidentFilter, keys: (keyof IncidentFilter)[]): number {
  return keys.filter((k) => {
    const v = filter[k];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== "";
  }).length;
}
