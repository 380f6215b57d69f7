import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { commands, type IncidentFilter } from "../../bindings";
import { unwrap } from "../../lib/api";
import { WS } from "../../lib/queries";

/** The kanban holds at most this many cards; the rest is counted, not drawn. */
export const KANBAN_LIMIT = 20_000;

export const useKanbanCards = (filter: IncidentFilter) =>
  useQuery({
    queryKey: [WS, "incidents-cards", filter],
    queryFn: () => unwrap(commands.incidentsCards(filter, KANBAN_LIMIT)),
    placeholderData: keepPreviousData,
  });
