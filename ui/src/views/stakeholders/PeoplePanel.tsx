import { useState } from "react";
import { App, Button, Form, Input, Table, Tag } from "antd";
import { TrustRate } from "./TrustRate";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Person, PersonInput, Stance } from "../../bindings";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { UnlessFailed } from "../../components/QueryState";
import { matchesName } from "../../lib/format";
import { usePeople, useSavePerson } from "../../lib/queries";
import { EditModal } from "../../components/EditModal";
import { STANCE_COLORS } from "./model";
import { PersonMapFields } from "./PersonFormFields";
import { PrivateLabel } from "../../components/PrivateMark";
import { RowActions } from "./RowActions";
import { usePersonDelete } from "./usePersonDelete";

const EMPTY: PersonInput = {
  name: "",
  title: "",
  departmentId: null,
  reportsToId: null,
  stance: "neutral",
  trust: null,
  power: 5,
  interest: 5,
  contactEveryDays: 30,
};

/** The editable part of a person; the list row also carries ids, pinyin keys and timestamps. */
function inputOf(p: Person): PersonInput {
  const { name, title, departmentId, reportsToId, stance, trust, power, interest, contactEveryDays } = p;
  return { name, title, departmentId, reportsToId, stance, trust, power, interest, contactEveryDays };
}

export function PeoplePanel({ search, onOpen }: { search: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = usePeople();
  const save = useSavePerson();
  const remove = usePersonDelete();
  const [form] = Form.useForm<PersonInput>();
  const [editing, setEditing] = useState<Person | "new" | null>(null);

  const rows = (people.data ?? []).filter((p) => matchesName(search, p.name, p.nameKey));
  const current = editing === "new" || editing === null ? null : editing;

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="person-add">
        {t("people.add")}
      </Button>
      <UnlessFailed queries={people} what={t("reads.people")}>
        <Table<Person>
          style={{ marginTop: 12 }}
          rowKey="id"
          loading={people.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t("people.empty") }}
          data-testid="people-table"
          columns={[
            {
              title: t("people.name"),
              dataIndex: "name",
              width: 160,
              render: (name: string, p: Person) => (
                <Button type="link" size="small" className="link-cell" onClick={() => onOpen(p.id)} data-testid="person-open">
                  {name}
                </Button>
              ),
            },
            { title: t("people.title"), dataIndex: "title" },
            {
              title: t("people.department"),
              dataIndex: "departmentName",
              width: 180,
              render: (d: string | null) => d ?? t("people.noDepartment"),
            },
            {
              title: <PrivateLabel>{t("profile.stance")}</PrivateLabel>,
              dataIndex: "stance",
              width: 110,
              render: (s: Stance) => <Tag color={STANCE_COLORS[s]}>{t(`profile.stances.${s}`)}</Tag>,
            },
            {
              title: <PrivateLabel>{t("profile.trust")}</PrivateLabel>,
              dataIndex: "trust",
              width: 150,
              render: (trust: number | null) => <TrustRate trust={trust} />,
            },
            {
              title: t("common.actions"),
              width: 140,
              render: (_: unknown, p: Person) => (
                <RowActions
                  onEdit={() => setEditing(p)}
                  onDelete={() => remove(p)}
                  confirm={t("people.deleteConfirm", { name: p.name })}
                  deleted={t("people.deleted", { name: p.name })}
                />
              ),
            },
          ]}
        />
      </UnlessFailed>
      <EditModal<PersonInput>
        open={editing !== null}
        title={t(current ? "people.edit" : "people.add")}
        form={form}
        initialValues={current ? inputOf(current) : EMPTY}
        saving={save.isPending}
        save={async (values) => {
          const saved = await save.mutateAsync({ id: current?.id ?? null, input: { ...(current ? inputOf(current) : EMPTY), ...values } });
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
          <DepartmentSelect allowClear searchPinyin placeholder={t("people.departmentPlaceholder")} data-testid="person-department" />
        </Form.Item>
        <PersonMapFields editingId={current?.id ?? null} />
      </EditModal>
    </>
  );
}
