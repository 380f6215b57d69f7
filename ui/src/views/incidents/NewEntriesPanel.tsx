import { Alert, Select, Table } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type ListKind, type NewEntries, type ValueMapping } from "../../bindings";
import { optionsState } from "../../components/QueryState";
import { unwrap } from "../../lib/api";
import { matchesName } from "../../lib/format";
import { WS } from "../../lib/queries";

/** The order the core names the lists in (`ListKind::ALL`). */
const KINDS: ListKind[] = ["store", "product", "product_category", "supplier", "problem_type", "department"];

/** "3 new stores, 2 new suppliers": the entries an import creates, per list. */
export function NewEntriesSummary({ entries, done }: { entries: NewEntries[]; done: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  const list = entries.map((e) => t(`import.newEntries.count.${e.kind}`, { count: e.names.length })).join(t("import.newEntries.separator"));
  return (
    <Alert
      type="info"
      showIcon
      title={t(done ? "import.newEntries.created" : "import.newEntries.willCreate", { list })}
      style={{ marginTop: 12 }}
      data-testid="import-new-entries"
    />
  );
}

type Row = { kind: ListKind; value: string };

/**
 * Each value an import would create, with a picker of the list's existing entries to take it as
 * instead. `met` is every new value the previews of this file showed, so a value stays listed
 * (with its entry) once mapped and the mapping can be undone.
 */
export function ValueMappings({ met, values, onChange }: { met: NewEntries[]; values: ValueMapping[]; onChange: (next: ValueMapping[]) => void }) {
  const { t } = useTranslation();
  const rows: Row[] = KINDS.flatMap((kind) => [...new Set(met.filter((e) => e.kind === kind).flatMap((e) => e.names))].map((value) => ({ kind, value })));
  if (rows.length === 0) return null;
  const map = (row: Row, to: number | undefined) => {
    const others = values.filter((v) => v.kind !== row.kind || v.value !== row.value);
    onChange(to === undefined ? others : [...others, { kind: row.kind, value: row.value, to }]);
  };
  return (
    <Table<Row>
      style={{ marginTop: 12 }}
      size="small"
      rowKey={(r) => `${r.kind}:${r.value}`}
      pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
      dataSource={rows}
      data-testid="import-value-mappings"
      columns={[
        { title: t("import.newEntries.list"), width: 120, render: (_: unknown, r: Row) => t(`import.kinds.${r.kind}`) },
        { title: t("import.newEntries.value"), dataIndex: "value" },
        {
          title: t("import.newEntries.mapTo"),
          width: 300,
          render: (_: unknown, r: Row) => (
            <TargetSelect kind={r.kind} value={values.find((v) => v.kind === r.kind && v.value === r.value)?.to} onChange={(to) => map(r, to)} testId={`import-map-${r.value}`} />
          ),
        },
      ]}
    />
  );
}

/** The existing, unarchived entries of a list; typing matches a name or its pinyin. */
function TargetSelect({ kind, value, onChange, testId }: { kind: ListKind; value: number | undefined; onChange: (to: number | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  const targets = useQuery({ queryKey: [WS, "import-targets", kind], queryFn: () => unwrap(commands.importMappingTargets(kind)) });
  return (
    <Select<number>
      style={{ width: "100%" }}
      allowClear
      placeholder={t("import.newEntries.createNew")}
      value={value}
      onChange={(to) => onChange(to ?? undefined)}
      options={(targets.data ?? []).map((e) => ({ value: e.id, label: e.name, key: e.nameKey }))}
      showSearch={{ filterOption: (input, option) => matchesName(input, String(option?.label ?? ""), String(option?.key ?? "")) }}
      {...optionsState(targets, t("reads.importTargets"))}
      data-testid={testId}
    />
  );
}
