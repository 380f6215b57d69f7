import type { Touchpoint } from "../bindings";

/** What a touchpoint badge says: the core stores open|done|skipped, the day makes open ones due or overdue. */
export type TouchpointStatus = "upcoming" | "due" | "overdue" | "done" | "skipped";

export function touchpointStatus(t: Pick<Touchpoint, "state" | "dueOn">, today: string): TouchpointStatus {
  if (t.state === "done") return "done";
  if (t.state === "skipped") return "skipped";
  if (t.dueOn < today) return "overdue";
  return t.dueOn === today ? "due" : "upcoming";
}

export const STATUS_COLOR: Record<TouchpointStatus, string> = {
  upcoming: "default",
  due: "blue",
  overdue: "red",
  done: "green",
  skipped: "default",
};

/** The next thing to do with the counterpart: the earliest open touchpoint, overdue ones first by date. */
export function nextOpen(touchpoints: Touchpoint[]): Touchpoint | undefined {
  return touchpoints
    .filter((t) => t.state === "open")
    .reduce<Touchpoint | undefined>((best, t) => (!best || t.dueOn < best.dueOn || (t.dueOn === best.dueOn && t.id < best.id) ? t : best), undefined);
}
