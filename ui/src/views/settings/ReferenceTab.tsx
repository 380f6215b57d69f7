import { App, Button, Form, Input, Space, Table, Tag, type TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ReferenceList } from "../../bindings";
import { EditModal } from "../../components/EditModal";
import { UnlessFailed } from "../../components/QueryState";
import { errorText } from "../../lib/errors";
import { MergeModal } from "./MergeModal";
import { ReferenceImportButton } from "./ReferenceImport";
import { useArchive, useReferenceEntries, type Entry } from "./settingsQueries";

/** How one list's screen shows, edits and saves its entries. */
export type ListScreen<V extends object> = {
  list: ReferenceList;
  /** Columns after the name. */
  columns: TableColumnsType<Entry>;
  /** The form's fields after the name. */
  fields: ReactNode;
  /** The form's values for an entry, or for a new one (null). */
  values: (entry: Entry | null) => V;
  save: (id: number | null, values: V) => Promise<unknown>;
  saving: boolean;
};

/**
 * One reference list: searched by name or pinyin, archived entries shown with a tag; each entry
 * can be edited, archived (or brought back) and merged into another; new entries are added by
 * hand or imported from a file.
 */
export function ReferenceTab<V extends { name: string }>({ screen }: { screen: ListScreen<V> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useState("");
  const entries = useReferenceEntries(screen.list, search);
  const archive = useArchive(screen.list);
  const [editing, setEditing] = useState<Entry | null | undefined>(undefined);
  const [merging, setMerging] = useState<Entry | null>(null);
  const [form] = Form.useForm<V>();
  const setArchived = (e: Entry, archived: boolean) =>
    archive.mutateAsync({ id: e.id, archived }).catch((err: unknown) => void message.error(errorText(t, err), 8));
  const columns: TableColumnsType<Entry> = [
    {
      title: t("settings.fields.name"),
      render: (_: unknown, e: Entry) => (
        <Space>
          <span data-testid="entry-name">{e.name}</span>
          {e.archivedAt !== null && <Tag data-testid="archived-tag">{t("settings.archived")}</Tag>}
        </Space>
      ),
    },
    ...screen.columns,
    {
      title: t("common.actions"),
      width: 230,
      render: (_: unknown, e: Entry) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(e)} data-testid="entry-edit">
            {t("common.edit")}
          </Button>
          <Button type="link" size="small" onClick={() => void setArchived(e, e.archivedAt === null)} data-testid="entry-archive">
            {t(e.archivedAt === null ? "settings.archive" : "settings.unarchive")}
          </Button>
          <Button type="link" size="small" onClick={() => setMerging(e)} data-testid="entry-merge">
            {t("settings.merge.button")}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid={`settings-${screen.list}`}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={t("settings.search")} onSearch={setSearch} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} data-testid="settings-search" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid={`new-${screen.list}`}>
          {t("settings.new")}
        </Button>
        <ReferenceImportButton list={screen.list} />
      </Space>
      <UnlessFailed queries={entries} what={t("settings.reads.list")}>
        <Table<Entry>
          size="small"
          rowKey="id"
          loading={entries.data === undefined}
          dataSource={entries.data ?? []}
          columns={columns}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="settings-table"
        />
      </UnlessFailed>
      {editing !== undefined && (
        <EditModal<V>
          open
          title={editing ? t("settings.editTitle", { name: editing.name }) : t("settings.new")}
          form={form}
          initialValues={screen.values(editing)}
          saving={screen.saving}
          save={(values) => screen.save(editing?.id ?? null, values)}
          onClose={() => setEditing(undefined)}
          testId={`edit-${screen.list}`}
        >
          <Form.Item name="name" label={t("settings.fields.name")} rules={[{ required: true, message: t("errors.required") }]}>
            <Input maxLength={100} data-testid="field-name" />
          </Form.Item>
          {screen.fields}
        </EditModal>
      )}
      {merging && <MergeModal list={screen.list} from={merging} entries={entries.data ?? []} onClose={() => setMerging(null)} />}
    </div>
  );
}
