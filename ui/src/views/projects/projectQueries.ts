import { useQuery } from "@tanstack/react-query";
import {
  commands,
  type ApplyCadence,
  type CalendarDay,
  type CommitmentInput,
  type MetricInput,
  type MilestoneInput,
  type ProjectInput,
  type ProjectRole,
  type Step,
  type WeeklyReport,
} from "../../bindings";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { useWrite, WS } from "../../lib/queries";

// Every key sits under WS: a write anywhere (useWrite) refreshes the project pages and Today alike.
export const projectKeys = {
  commitments: (projectId: number) => [WS, "commitments", projectId] as const,
  timeline: [WS, "timeline"] as const,
  metrics: (projectId: number) => [WS, "project-metrics", projectId] as const,
  templates: (language: Language) => [WS, "cadence-templates", language] as const,
  steps: (templateId: number) => [WS, "cadence-steps", templateId] as const,
  touchpoints: (projectId: number) => [WS, "touchpoints", projectId] as const,
  reports: (projectId: number) => [WS, "weekly-reports", projectId] as const,
  calendar: [WS, "calendar-days"] as const,
};

export const useCommitments = (projectId: number) =>
  useQuery({ queryKey: projectKeys.commitments(projectId), queryFn: () => unwrap(commands.commitmentsList(projectId)) });

export const useTimeline = () => useQuery({ queryKey: projectKeys.timeline, queryFn: () => unwrap(commands.timeline()) });

export const useProjectMetrics = (projectId: number) =>
  useQuery({ queryKey: projectKeys.metrics(projectId), queryFn: () => unwrap(commands.projectMetrics(projectId)) });

export const useTemplates = (language: Language) =>
  useQuery({ queryKey: projectKeys.templates(language), queryFn: () => unwrap(commands.cadenceTemplates(language)) });

export const useSteps = (templateId: number | null) =>
  useQuery({
    queryKey: projectKeys.steps(templateId ?? 0),
    queryFn: () => unwrap(commands.cadenceSteps(templateId ?? 0)),
    enabled: templateId !== null,
  });

export const useTouchpoints = (projectId: number) =>
  useQuery({ queryKey: projectKeys.touchpoints(projectId), queryFn: () => unwrap(commands.touchpointsList(projectId)) });

export const useWeeklyReports = (projectId: number) =>
  useQuery({ queryKey: projectKeys.reports(projectId), queryFn: () => unwrap(commands.weeklyReports(projectId)) });

export const useCalendarDays = () => useQuery({ queryKey: projectKeys.calendar, queryFn: () => unwrap(commands.calendarDays()) });

export const useSaveProject = () =>
  useWrite(({ id, input }: { id: number | null; input: ProjectInput }) =>
    unwrap(id === null ? commands.projectCreate(input) : commands.projectUpdate(id, input)),
  );

export const useDeleteProject = () => useWrite((id: number) => unwrap(commands.projectDelete(id)));

export const useSetCoOwners = () =>
  useWrite(({ id, a, b }: { id: number; a: number; b: number }) => unwrap(commands.projectSetCoOwners(id, a, b)));

type RoleArgs = { id: number; personId: number; role: ProjectRole };
export const useAddRole = () => useWrite(({ id, personId, role }: RoleArgs) => unwrap(commands.projectAddRole(id, personId, role)));
export const useRemoveRole = () => useWrite(({ id, personId, role }: RoleArgs) => unwrap(commands.projectRemoveRole(id, personId, role)));

export const useAddCommitment = () =>
  useWrite(({ projectId, input }: { projectId: number; input: CommitmentInput }) => unwrap(commands.commitmentAdd(projectId, input)));
export const useSetCommitmentDone = () =>
  useWrite(({ id, done }: { id: number; done: boolean }) => unwrap(commands.commitmentSetDone(id, done)));
export const useDeleteCommitment = () => useWrite((id: number) => unwrap(commands.commitmentDelete(id)));

export const useSaveMilestone = () =>
  useWrite(({ id, projectId, input }: { id: number | null; projectId: number; input: MilestoneInput }) =>
    unwrap(id === null ? commands.milestoneAdd(projectId, input) : commands.milestoneUpdate(id, input)),
  );
export const useDeleteMilestone = () => useWrite((id: number) => unwrap(commands.milestoneDelete(id)));

/**
 * Sets what a milestone waits for, one dependency at a time: the core checks each for a cycle,
 * and the first refusal stops the rest (the ones already written stay, and the chart shows them).
 */
export const useSetDependencies = () =>
  useWrite(async ({ id, before, after }: { id: number; before: number[]; after: number[] }) => {
    for (const gone of before.filter((d) => !after.includes(d))) await unwrap(commands.milestoneRemoveDependency(id, gone));
    for (const added of after.filter((d) => !before.includes(d))) await unwrap(commands.milestoneAddDependency(id, added));
  });

export const useAddMetric = () =>
  useWrite(({ projectId, input }: { projectId: number; input: MetricInput }) => unwrap(commands.metricAdd(projectId, input)));
export const useAddReading = () =>
  useWrite(({ metricId, takenOn, value }: { metricId: number; takenOn: string; value: number }) =>
    unwrap(commands.metricReadingAdd(metricId, takenOn, value)),
  );
export const useDeleteMetric = () => useWrite((id: number) => unwrap(commands.metricDelete(id)));

export const useSaveSteps = () =>
  useWrite(({ templateId, steps }: { templateId: number; steps: Step[] }) => unwrap(commands.cadenceStepsSave(templateId, steps)));
export const useApplyCadence = () =>
  useWrite(({ projectId, input, language }: { projectId: number; input: ApplyCadence; language: Language }) =>
    unwrap(commands.cadenceApply(projectId, input, language)),
  );
export const useCompleteTouchpoint = () =>
  useWrite(({ id, doneOn, result }: { id: number; doneOn: string; result: string }) => unwrap(commands.touchpointComplete(id, doneOn, result)));
export const useSkipTouchpoint = () => useWrite((id: number) => unwrap(commands.touchpointSkip(id)));
export const useRescheduleTouchpoint = () =>
  useWrite(({ id, dueOn }: { id: number; dueOn: string }) => unwrap(commands.touchpointReschedule(id, dueOn)));

export const useSaveReport = () =>
  useWrite(({ projectId, report }: { projectId: number; report: WeeklyReport }) => unwrap(commands.weeklyReportSave(projectId, report)));

export const useSaveCalendarDay = () => useWrite((day: CalendarDay) => unwrap(commands.calendarDaySave(day)));
export const useDeleteCalendarDay = () => useWrite((day: string) => unwrap(commands.calendarDayDelete(day)));
