import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  commands,
  type InteractionInput,
  type LedgerInput,
  type NoteInput,
  type Person,
  type Profile,
  type RelationKind,
  type Replan,
} from "../../bindings";
import { unwrap } from "../../lib/api";
import { keys, WS } from "../../lib/queries";

export const stakeholderKeys = {
  profile: (id: number) => [WS, "person-profile", id] as const,
  relationships: [WS, "relationships"] as const,
  health: [WS, "contact-health"] as const,
  sponsors: (metrics: string[], projectId: number | null) => [WS, "sponsors", metrics, projectId] as const,
  benefits: (projectId: number) => [WS, "project-benefits", projectId] as const,
};

export const useProfile = (id: number | null) =>
  useQuery({
    queryKey: stakeholderKeys.profile(id ?? 0),
    queryFn: () => unwrap(commands.personProfile(id ?? 0)),
    enabled: id !== null,
  });

export const useRelationships = () =>
  useQuery({ queryKey: stakeholderKeys.relationships, queryFn: () => unwrap(commands.relationshipsList()) });

export const useContactHealth = () =>
  useQuery({ queryKey: stakeholderKeys.health, queryFn: () => unwrap(commands.contactHealth()) });

export const useSponsors = (metrics: string[], projectId: number | null) =>
  useQuery({
    queryKey: stakeholderKeys.sponsors(metrics, projectId),
    queryFn: () => unwrap(commands.sponsorFinder(metrics, projectId)),
    // The core refuses an empty problem; nothing to rank until a project or a metric is picked.
    enabled: metrics.length > 0 || projectId !== null,
  });

export const useProjectBenefits = (projectId: number | null) =>
  useQuery({
    queryKey: stakeholderKeys.benefits(projectId ?? 0),
    queryFn: () => unwrap(commands.projectBenefits(projectId ?? 0)),
    enabled: projectId !== null,
  });

/**
 * Dropping a person on the grid. The circle moves at once (the people list is patched in the
 * cache) and only the people list is refetched after the write: a full workspace refresh on every
 * drop would refetch the incident board too.
 */
export function usePlacePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, power, interest }: { id: number; power: number; interest: number }) =>
      unwrap(commands.personPlace(id, power, interest)),
    onMutate: async ({ id, power, interest }) => {
      await client.cancelQueries({ queryKey: keys.people });
      const before = client.getQueryData<Person[]>(keys.people);
      client.setQueryData<Person[]>(keys.people, (list) =>
        list?.map((p) => (p.id === id ? { ...p, power, interest } : p)),
      );
      return { before };
    },
    onError: (_error, _vars, context) => client.setQueryData(keys.people, context?.before),
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: keys.people });
      void client.invalidateQueries({ queryKey: stakeholderKeys.profile(id) });
    },
  });
}

/**
 * A write on one person's profile: the command returns the fresh profile (or nothing), and the
 * derived views (health, sponsor ranking, benefits) follow.
 */
function useProfileWrite<A>(personId: number, write: (args: A) => Promise<Profile | null>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (profile) => {
      if (profile) client.setQueryData(stakeholderKeys.profile(personId), profile);
      else void client.invalidateQueries({ queryKey: stakeholderKeys.profile(personId) });
      void client.invalidateQueries({ queryKey: stakeholderKeys.health });
      void client.invalidateQueries({ queryKey: [WS, "sponsors"] });
      void client.invalidateQueries({ queryKey: [WS, "project-benefits"] });
    },
  });
}

export const useAddNote = (personId: number) =>
  useProfileWrite(personId, (note: NoteInput) => unwrap(commands.personNoteAdd(personId, note)));
export const useDeleteNote = (personId: number) =>
  useProfileWrite(personId, (id: number) => unwrap(commands.personNoteDelete(id)));
/** Logs a contact; `onReplans` hears which follow-ups it answered and the dates it moved. */
export const useLogInteraction = (personId: number, onReplans: (replans: Replan[]) => void) =>
  useProfileWrite(personId, async (input: InteractionInput) => {
    const logged = await unwrap(commands.interactionLog(personId, input));
    onReplans(logged.replans);
    return logged.profile;
  });

/** Takes back a follow-up a contact answered: it is open again and the later steps go back. */
export function useUndoReplan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (replanId: number) => unwrap(commands.touchpointUndoReplan(replanId)),
    onSuccess: () => client.invalidateQueries({ queryKey: [WS] }),
  });
}
export const useStepDone = (personId: number) =>
  useProfileWrite(personId, ({ id, done }: { id: number; done: boolean }) =>
    unwrap(commands.interactionStepDone(id, done)),
  );
export const useDeleteInteraction = (personId: number) =>
  useProfileWrite(personId, (id: number) => unwrap(commands.interactionDelete(id)));
export const useAddLedger = (personId: number) =>
  useProfileWrite(personId, (entry: LedgerInput) => unwrap(commands.ledgerAdd(personId, entry)));
export const useDeleteLedger = (personId: number) =>
  useProfileWrite(personId, (id: number) => unwrap(commands.ledgerDelete(id)));

export function useAddRelationship() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (r: { from: number; to: number; kind: RelationKind; note: string }) =>
      unwrap(commands.relationshipAdd(r.from, r.to, r.kind, r.note)),
    onSuccess: (list) => client.setQueryData(stakeholderKeys.relationships, list),
  });
}

export function useDeleteRelationship() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(commands.relationshipDelete(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: stakeholderKeys.relationships }),
  });
}
