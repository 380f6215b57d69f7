import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type DepartmentInput, type IncidentFilter, type Person, type Lang, type PersonInput, type ProblemInput } from "../bindings";
import { AppError, unwrap } from "./api";

/** Everything read from a workspace sits under this key, so switching workspace refetches all. */
export const WS = "workspace-data";

export const keys = {
  status: ["workspace-status"] as const,
  counts: [WS, "counts"] as const,
  departments: [WS, "departments"] as const,
  people: [WS, "people"] as const,
  projects: [WS, "projects"] as const,
  projectMembers: [WS, "project-members"] as const,
  problems: [WS, "problems"] as const,
  today: (day: string) => [WS, "today", day] as const,
  incidents: (limit: number) => [WS, "incidents", limit] as const,
  pivot: [WS, "pivot"] as const,
};

export const useWorkspaceStatus = () =>
  useQuery({ queryKey: keys.status, queryFn: () => unwrap(commands.workspaceStatus()) });

export const useCounts = () => useQuery({ queryKey: keys.counts, queryFn: () => unwrap(commands.overviewCounts()) });

export const useDepartments = () =>
  useQuery({ queryKey: keys.departments, queryFn: () => unwrap(commands.departmentsList()) });

/** The people read, shared by every hook that reads them (each may `select` its own shape). */
export const peopleQuery = { queryKey: keys.people, queryFn: () => unwrap(commands.peopleList()) };

export const usePeople = () => useQuery(peopleQuery);

const byId = (people: Person[]) => new Map(people.map((p) => [p.id, p]));

/**
 * People by id: every tab resolves ids (manager, relationship ends, candidates) to names. It is the
 * people query itself, so a failed read of the names shows as one instead of as nameless rows.
 */
export const usePeopleById = () => useQuery({ ...peopleQuery, select: byId });

export const useProjects = () => useQuery({ queryKey: keys.projects, queryFn: () => unwrap(commands.projectsList()) });

export const useProjectMembers = () =>
  useQuery({ queryKey: keys.projectMembers, queryFn: () => unwrap(commands.projectMembers()) });

/** KPIs in the director's words: edited on the stakeholder map, measured by problems' effects. */
export const useKpis = () => useQuery({ queryKey: [WS, "kpis"], queryFn: () => unwrap(commands.kpisList()) });

export const useProblems = () => useQuery({ queryKey: keys.problems, queryFn: () => unwrap(commands.problemsList()) });

/** A problem's evidence chain; the problem page and the project's linked problems share it. */
export const useEvidence = (id: number, language: Lang) =>
  useQuery({
    queryKey: [WS, "problem-evidence", id, language],
    queryFn: () => unwrap(commands.problemEvidence(id, language)),
    // Keeps the chain on screen while a changed setting recomputes it, so the cards do not blink.
    placeholderData: keepPreviousData,
  });

/** Who should sponsor a problem (the problem page and the stakeholder map both rank). */
export const useProblemSponsors = (problemId: number, language: Lang) =>
  useQuery({ queryKey: [WS, "problem-sponsors", problemId, language], queryFn: () => unwrap(commands.problemSponsors(problemId, language)) });

export const useSponsorBenefit = (problemId: number, personId: number | null, language: Lang) =>
  useQuery({
    queryKey: [WS, "problem-sponsor-benefit", problemId, personId, language],
    queryFn: () => unwrap(commands.problemSponsorBenefit(problemId, personId ?? 0, language)),
    enabled: personId !== null,
  });

export const useChooseSponsor = () =>
  useWrite(({ problemId, personId }: { problemId: number; personId: number | null }) => unwrap(commands.problemChooseSponsor(problemId, personId)));

export const useToday = (day: string) => useQuery({ queryKey: keys.today(day), queryFn: () => unwrap(commands.today(day)) });

export const useRecentIncidents = (limit: number) =>
  useQuery({ queryKey: keys.incidents(limit), queryFn: () => unwrap(commands.incidentsRecent(limit)) });

export const useBoardPivot = () => useQuery({ queryKey: keys.pivot, queryFn: () => unwrap(commands.boardPivot()) });

/** A write that refreshes every workspace query once it lands (every view that reads it follows). */
export function useWrite<A, T>(write: (args: A) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: [WS] }),
  });
}

export const useSaveDepartment = () =>
  useWrite(({ id, input }: { id: number | null; input: DepartmentInput }) =>
    unwrap(id === null ? commands.departmentsCreate(input) : commands.departmentsUpdate(id, input)),
  );

export const useDeleteDepartment = () => useWrite((id: number) => unwrap(commands.departmentsDelete(id)));

export const useSavePerson = () =>
  useWrite(({ id, input }: { id: number | null; input: PersonInput }) =>
    unwrap(id === null ? commands.peopleCreate(input) : commands.peopleUpdate(id, input)),
  );

export const useDeletePerson = () =>
  useWrite(({ id, removeProjectRoles }: { id: number; removeProjectRoles: boolean }) =>
    unwrap(commands.peopleDelete(id, removeProjectRoles)),
  );

export const useEscalateTouchpoint = () =>
  useWrite(({ id, today }: { id: number; today: string }) => unwrap(commands.touchpointEscalate(id, today)));

export const useCreateProblem = () =>
  useWrite(({ input, link }: { input: ProblemInput; link: IncidentFilter | null }) => unwrap(commands.problemCreate(input, link)));

export const useLinkIncidents = () =>
  useWrite(({ id, filter }: { id: number; filter: IncidentFilter }) => unwrap(commands.problemLink(id, filter)));

export const isLockedError = (error: unknown) => error instanceof AppError && error.core.code === "workspace.passphrase_required";

/** Switching workspace: a new status and fresh data everywhere. */
export function useOpenWorkspace<A>(open: (args: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: open,
    onSuccess: async () => {
      client.removeQueries({ queryKey: [WS] });
      await client.invalidateQueries({ queryKey: keys.status });
    },
    // An encrypted file waits for its passphrase: the status now names it and the unlock dialog opens.
    onError: (error) => {
      if (isLockedError(error)) void client.invalidateQueries({ queryKey: keys.status });
    },
  });
}
