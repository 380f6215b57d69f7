import { useQuery } from "@tanstack/react-query";
import { commands, type DraftRequest, type Document, type OptionInput, type ProposalTemplate } from "../../bindings";
import { unwrap } from "../../lib/api";
import { useWrite, WS } from "../../lib/queries";
import { todayInZone } from "../../lib/days";

const proposalKeys = {
  drafts: [WS, "proposal-drafts"] as const,
  catalogue: [WS, "proposal-catalogue"] as const,
};

export const useDrafts = () => useQuery({ queryKey: proposalKeys.drafts, queryFn: () => unwrap(commands.proposalDrafts()) });

export const useCatalogue = () => useQuery({ queryKey: proposalKeys.catalogue, queryFn: () => unwrap(commands.proposalCatalogue()) });

export const useCreateDraft = () => useWrite((request: DraftRequest) => unwrap(commands.proposalCreate(request, todayInZone())));

export const useSaveDraft = () => useWrite(({ id, document }: { id: number; document: Document }) => unwrap(commands.proposalSave(id, document)));

export const useDeleteDraft = () => useWrite((id: number) => unwrap(commands.proposalDelete(id)));

export const useSaveTemplate = () =>
  useWrite(({ name, template }: { name: string; template: ProposalTemplate }) => unwrap(commands.proposalTemplateSave(name, template)));

export const useDeleteTemplate = () => useWrite((id: number) => unwrap(commands.proposalTemplateDelete(id)));

const optionKeys = (draftId: number) => [WS, "proposal-options", draftId] as const;

export const useOptions = (draftId: number) => useQuery({ queryKey: optionKeys(draftId), queryFn: () => unwrap(commands.proposalOptions(draftId)) });

/** The editor's document as it will be exported: options and risks expanded from the stored options. */
export const usePreview = (draftId: number, document: Document) =>
  useQuery({ queryKey: [WS, "proposal-preview", draftId, document] as const, queryFn: () => unwrap(commands.proposalPreview(draftId, document)) });

export const useCreateOption = () => useWrite(({ draftId, input }: { draftId: number; input: OptionInput }) => unwrap(commands.proposalOptionCreate(draftId, input)));

export const useUpdateOption = () => useWrite(({ id, input }: { id: number; input: OptionInput }) => unwrap(commands.proposalOptionUpdate(id, input)));

export const useDeleteOption = () => useWrite((id: number) => unwrap(commands.proposalOptionDelete(id)));

export const useMoveOption = () => useWrite(({ id, position }: { id: number; position: number }) => unwrap(commands.proposalOptionMove(id, position)));

export const useRecommendOption = () =>
  useWrite(({ draftId, optionId }: { draftId: number; optionId: number | null }) => unwrap(commands.proposalOptionRecommend(draftId, optionId)));

export const useAcceptOption = () => useWrite((id: number) => unwrap(commands.proposalOptionAccept(id)));
