import { useState } from "react";
import { App, Button, Form, Input, Select, Table } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Person, PersonInput } from "../../bindings";
import { matchesName } from "../../lib/format";
import { useDeletePerson, useDepartments, usePeople, useSavePerson } from "../../lib/queries";
import { EditModal } from "./EditModal";
import { RowActions } from "./RowActions";

const EMPTY: PersonInput = {
  name: "",
  title: "",
  departmentId: null,
  reportsToId: null,
  stance: "neutral",
  trust: 3,
  power: 5,
  interest: 5,
  contactEveryDays: 30,
};

export function PeoplePanel({ search }: { search: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = usePeople();
  const departments = useDepartments();
  const save = useSavePerson();
  const remove = useDeletePerson();
  const [form] = Form.useForm<PersonInput>();
  const [editing, setEditing] = useState<Person | "new" | null>(null);

  const rows = (people.data ?? []).filter((p) => matchesName(search, p.name, p.nameKey));
  const current = editing === "new" || editing === null ? null : editing;
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name, key: d.nameKey }));

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="person-add">
        {t("people.add")}
      </Button>
      <Table<Person>
        style={{ marginTop: 12 }}
        rowKey="id"
        loading={people.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("people.empty") }}
        data-testid="people-table"
        columns={[
          { title: t("people.name"), dataIndex: "name", width: 160 },
          { title: t("people.title"), dataIndex: "title" },
          {
            title: t("people.department"),
            dataIndex: "departmentName",
            width: 180,
            render: (d: string | null) => d ?? t("people.noDepartment"),
          },
          {
            title: t("common.actions"),
            width: 140,
            render: (_: unknown, p: Person) => (
              <RowActions
                onEdit={() => setEditing(p)}
                onDelete={() => remove.mutateAsync({ id: p.id, removeProjectRoles: false })}
                confirm={t("people.deleteConfirm", { name: p.name })}
                deleted={t("people.deleted", { name: p.name })}
              />
            ),
          },
        ]}
      />
      <EditModal<PersonInput>
        open={editing !== null}
        title={t(current ? "people.edit" : "people.add")}
        form={form}
        initialValues={current ? { ...EMPTY, ...current } : EMPTY}
        saving={save.isPending}
        save={async (values) => {
          const saved = await save.mutateAsync({ id: current?.id ?? null, input: { ...EMPTY, ...(current ?? {}), ...values } });
          void message.success(t("people.saved", { name: saved.name }));
        }}
        onClose={() => setEditing(null)}
        testId="person-form"
      >
        <Form.Item name="name" label={t("people.name")} required>
          <Input placeholder={t("people.namePlaceholder")} maxLength={60} autoFocus data-testid="person-name" />
        </Form.Item>
        <Form.Item name="title" label={t("people.title")}>
          <Input placeholder={t("people.titlePlaceholder")} maxLength={80} data-testid="person-title" />
        </Form.Item>
        <Form.Item name="departmentId" label={t("people.department")}>
          <Select
            allowClear
            showSearch={{
              filterOption: (input, option) => matchesName(input, String(option?.label ?? ""), String(option?.key ?? "")),
            }}
            placeholder={t("people.departmentPlaceholder")}
            options={departmentOptions}
            data-testid="person-department"
          />
        </Form.Item>
      </EditModal>
    </>
  );
}
