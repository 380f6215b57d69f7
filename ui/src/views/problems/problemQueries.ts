import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { commands, type EffectInput, type Problem, type ProblemInput, type StoreSet, type Suggestion, type SuggestionRule } from "../../bindings";
import { unwrap } from "../../lib/api";
import { useWrite, WS } from "../../lib/queries";
import { toInput } from "./model";

export { useEvidence } from "../../lib/queries";

export const useProblemStores = (id: number, set: StoreSet) =>
  useQuery({ queryKey: [WS, "problem-stores", id, set], queryFn: () => unwrap(commands.problemStores(id, set)) });

export const useSuggestions = (rule: SuggestionRule) =>
  useQuery({
    queryKey: [WS, "problem-suggestions", rule],
    queryFn: () => unwrap(commands.problemSuggestions(rule)),
    placeholderData: keepPreviousData,
  });

export const useApproachTable = () =>
  useQuery({ queryKey: [WS, "problem-approaches"], queryFn: () => unwrap(commands.problemApproachTable()) });

/** Saves part of a problem's write-up on top of what is stored. */
export const useUpdateProblem = () =>
  useWrite(({ problem, patch }: { problem: Problem; patch: ProblemInput }) =>
    unwrap(commands.problemUpdate(problem.id, { ...toInput(problem), ...patch })),
  );

export const useDeleteProblem = () => useWrite((id: number) => unwrap(commands.problemDelete(id)));

export const useSetStores = () =>
  useWrite(({ id, set, storeIds }: { id: number; set: StoreSet; storeIds: number[] }) => unwrap(commands.problemSetStores(id, set, storeIds)));

export const useAnnounceFix = () => useWrite((id: number) => unwrap(commands.problemAnnounceFix(id)));

export const useAcceptSuggestion = () =>
  useWrite(({ suggestion, rule }: { suggestion: Suggestion; rule: SuggestionRule }) => unwrap(commands.problemAcceptSuggestion(suggestion, rule)));

export const useEffects = (problemId: number) =>
  useQuery({ queryKey: [WS, "problem-effects", problemId], queryFn: () => unwrap(commands.problemEffects(problemId)) });

export const useEffectSuggestions = (problemId: number) =>
  useQuery({ queryKey: [WS, "problem-effect-suggestions", problemId], queryFn: () => unwrap(commands.problemEffectSuggestions(problemId)) });

/** Adds an effect (id null) or rewrites one. */
export const useSaveEffect = (problemId: number) =>
  useWrite(({ id, input }: { id: number | null; input: EffectInput }) =>
    unwrap(id === null ? commands.problemEffectAdd(problemId, input) : commands.problemEffectUpdate(id, input)),
  );

export const useDeleteEffect = () => useWrite((id: number) => unwrap(commands.problemEffectDelete(id)));

