import { useState } from "react";
import { App, Button, Form, Input, Table } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Department, DepartmentInput } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import { matchesName } from "../../lib/format";
import { useDeleteDepartment, useDepartments, useSaveDepartment } from "../../lib/queries";
import { EditModal } from "../../components/EditModal";
import { RowActions } from "./RowActions";

const EMPTY: DepartmentInput = { name: "", head: "", kpis: "" };

export function DepartmentsPanel({ search }: { search: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const save = useSaveDepartment();
  const remove = useDeleteDepartment();
  const [form] = Form.useForm<DepartmentInput>();
  const [editing, setEditing] = useState<Department | "new" | null>(null);

  const rows = (departments.data ?? []).filter((d) => matchesName(search, d.name, d.nameKey));
  const current = editing === "new" || editing === null ? null : editing;

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="department-add">
        {t("departments.add")}
      </Button>
      <UnlessFailed queries={departments} what={t("reads.departments")}>
        <Table<Department>
          style={{ marginTop: 12 }}
          rowKey="id"
          loading={departments.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t("departments.empty") }}
          data-testid="departments-table"
          columns={[
            { title: t("departments.name"), dataIndex: "name", width: 180 },
            { title: t("departments.head"), dataIndex: "head", width: 120 },
            { title: t("departments.kpis"), dataIndex: "kpis", render: (k: string) => <span className="pre-wrap">{k}</span> },
            { title: t("departments.peopleCount"), dataIndex: "peopleCount", width: 80, align: "right" },
            {
              title: t("common.actions"),
              width: 140,
              render: (_: unknown, d: Department) => (
                <RowActions
                  onEdit={() => setEditing(d)}
                  onDelete={() => remove.mutateAsync(d.id)}
                  confirm={t("departments.deleteConfirm", { name: d.name })}
                  hint={t("departments.deleteHint")}
                  deleted={t("departments.deleted", { name: d.name })}
                />
              ),
            },
          ]}
        />
      </UnlessFailed>
      <EditModal<DepartmentInput>
        open={editing !== null}
        title={t(current ? "departments.edit" : "departments.add")}
        form={form}
        initialValues={current ? { name: current.name, head: current.head, kpis: current.kpis } : EMPTY}
        saving={save.isPending}
        save={async (values) => {
          const saved = await save.mutateAsync({ id: current?.id ?? null, input: { ...EMPTY, ...values } });
          void message.success(t("departments.saved", { name: saved.name }));
        }}
        onClose={() => setEditing(null)}
        testId="department-form"
      >
        <Form.Item name="name" label={t("departments.name")} required>
          <Input placeholder={t("departments.namePlaceholder")} maxLength={60} autoFocus data-testid="department-name" />
        </Form.Item>
        <Form.Item name="head" label={t("departments.head")}>
          <Input maxLength={60} data-testid="department-head" />
        </Form.Item>
        <Form.Item name="kpis" label={t("departments.kpis")}>
          <Input.TextArea rows={3} placeholder={t("departments.kpisPlaceholder")} maxLength={2000} />
        </Form.Item>
      </EditModal>
    </>
  );
}
