import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { commands, type IncidentFilter, type IncidentSort } from "../bindings";
import { unwrap } from "./api";
import { WS } from "./queries";

/** Every status an incident can have, in the kanban's column order. */
export const STATUSES = ["open", "claimed", "in_progress", "resolved", "closed"] as const;

export const useBoardLists = () => useQuery({ queryKey: [WS, "board-lists"], queryFn: () => unwrap(commands.boardLists()) });

export const useIncidentsPage = (filter: IncidentFilter, sort: IncidentSort, offset: number, limit: number) =>
  useQuery({
    queryKey: [WS, "incidents-page", filter, sort, offset, limit],
    queryFn: () => unwrap(commands.incidentsPage(filter, sort, offset, limit)),
    // Keeps the old page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const useIncident = (id: number) =>
  useQuery({ queryKey: [WS, "incident", id], queryFn: () => unwrap(commands.incidentGet(id)) });
