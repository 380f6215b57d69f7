import { useQuery } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { unwrap } from "../../lib/api";
import { WS } from "../../lib/queries";

/** A period of whole days in the workspace zone: `from` the first, `until` the day after the last. */
export type Period = { from: string; until: string };

export const dispatchKeys = {
  departments: (p: Period) => [WS, "dispatch-departments", p.from, p.until] as const,
  trend: (p: Period) => [WS, "dispatch-trend", p.from, p.until] as const,
};

export const useDispatchDepartments = (p: Period) =>
  useQuery({ queryKey: dispatchKeys.departments(p), queryFn: () => unwrap(commands.dispatchDepartments(p.from, p.until)) });

export const useDispatchTrend = (p: Period) =>
  useQuery({ queryKey: dispatchKeys.trend(p), queryFn: () => unwrap(commands.dispatchTrend(p.from, p.until)) });
