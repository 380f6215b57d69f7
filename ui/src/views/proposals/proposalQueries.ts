import { useQuery } from "@tanstack/react-query";
import { commands, type DraftRequest, type Document, type ProposalTemplate } from "../../bindings";
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
