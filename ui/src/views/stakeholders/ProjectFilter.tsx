import { useMemo } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { optionsState, type Query } from "../../components/QueryState";
import { useProjectMembers, useProjects } from "../../lib/queries";

/** A project picker; cleared means everyone. */
export function ProjectFilter(props: {
  value: number | null;
  onChange: (projectId: number | null) => void;
  placeholder?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const projects = useProjects();
  return (
    <Select
      allowClear
      style={{ minWidth: 220 }}
      placeholder={props.placeholder ?? t("map.allPeople")}
      value={props.value ?? undefined}
      onChange={(v?: number) => props.onChange(v ?? null)}
      options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.title, title: p.title }))}
      {...optionsState(projects, t("reads.projects"))}
      data-testid={props.testId}
    />
  );
}

/**
 * The ids of a project's members, or null when no project is picked (nobody is filtered out). Kept
 * as a read: with a project picked the members may still load or have failed, and neither may
 * filter everyone out.
 */
export function useProjectPeople(projectId: number | null): Query<Set<number> | null> {
  const members = useProjectMembers();
  const ids = useMemo(
    () => members.data && new Set(members.data.filter((m) => m.projectId === projectId).map((m) => m.personId)),
    [members.data, projectId],
  );
  if (projectId === null) return { data: null, error: null, isError: false, refetch: members.refetch };
  return { data: ids, error: members.error, isError: members.isError, refetch: members.refetch };
}
