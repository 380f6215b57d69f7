import { useMemo } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useProjects } from "../../lib/queries";
import { useProjectMembers } from "./stakeholderQueries";

/** A project picker; cleared means everyone. */
export function ProjectFilter(props: {
  value: number | null;
  onChange: (projectId: number | null) => void;
  placeholder?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const projects = useProjects().data ?? [];
  return (
    <Select
      allowClear
      style={{ minWidth: 220 }}
      placeholder={props.placeholder ?? t("map.allPeople")}
      value={props.value ?? undefined}
      onChange={(v?: number) => props.onChange(v ?? null)}
      options={projects.map((p) => ({ value: p.id, label: p.title, title: p.title }))}
      data-testid={props.testId}
    />
  );
}

/** The ids of a project's members, or null when no project is picked (nobody is filtered out). */
export function useProjectPeople(projectId: number | null): Set<number> | null {
  const members = useProjectMembers().data;
  return useMemo(
    () =>
      projectId === null ? null : new Set((members ?? []).filter((m) => m.projectId === projectId).map((m) => m.personId)),
    [members, projectId],
  );
}
