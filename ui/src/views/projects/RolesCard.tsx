import { useState } from "react";
import { App, Button, Card, Select, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ProjectMember, ProjectRole } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import { errorText } from "../../lib/errors";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { usePeopleById, useProjectMembers } from "../../lib/queries";
import { PersonSelect } from "../../components/PersonSelect";
import { ROLES } from "./projectModel";
import { useAddRole, useRemoveRole } from "./projectQueries";

/** Who plays which S1 role: sponsors, product owner, tech lead, scrum master, stakeholders. */
export function RolesCard({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = usePeopleById();
  const allMembers = useProjectMembers();
  const members = (allMembers.data ?? []).filter((m) => m.projectId === projectId);
  const add = useAddRole();
  const remove = useRemoveRole();
  const [personId, setPersonId] = useState<number | null>(null);
  const [role, setRole] = useState<ProjectRole>("product_owner");
  const order = (m: ProjectMember) => ROLES.indexOf(m.role);
  const submit = () => {
    if (personId === null) return;
    add
      .mutateAsync({ id: projectId, personId, role })
      .then(() => setPersonId(null))
      .catch((e) => message.error(errorText(t, e)));
  };
  return (
    <Card size="small" title={t("projects.roles")}>
      <Space wrap style={{ marginBottom: 8 }}>
        <PersonSelect value={personId} onChange={setPersonId} style={{ width: 240 }} placeholder={t("projects.pickPerson")} data-testid="role-person" />
        <Select<ProjectRole>
          value={role}
          onChange={setRole}
          style={{ width: 160 }}
          options={ROLES.map((r) => ({ value: r, label: t(`sponsor.roles.${r}`) }))}
          data-testid="role-kind"
        />
        <Button onClick={submit} disabled={personId === null} loading={add.isPending} data-testid="role-add">
          {t("projects.addRole")}
        </Button>
      </Space>
      <UnlessFailed queries={[allMembers, people]} what={t("reads.roles")}>
        <Table<ProjectMember>
          size="small"
          loading={allMembers.isLoading || people.isLoading}
          rowKey={(m) => `${m.personId}-${m.role}`}
          dataSource={[...members].sort((a, b) => order(a) - order(b))}
          pagination={false}
          locale={{ emptyText: t("projects.noRoles") }}
          columns={[
            { title: t("projects.role"), dataIndex: "role", width: 160, render: (r: ProjectRole) => <Tag>{t(`sponsor.roles.${r}`)}</Tag> },
            { title: t("projects.person"), key: "person", render: (_, m) => people.data?.get(m.personId)?.name ?? t("common.none") },
            { title: t("projects.department"), key: "department", render: (_, m) => people.data?.get(m.personId)?.departmentName ?? t("common.none") },
            {
              key: "remove",
              width: 48,
              render: (_, m) => (
                <DeleteIconButton
                  confirm={t("projects.removeRoleConfirm")}
                  onDelete={() => remove.mutateAsync({ id: projectId, personId: m.personId, role: m.role })}
                />
              ),
            },
          ]}
        />
      </UnlessFailed>
    </Card>
  );
}
