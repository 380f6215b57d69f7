import { Input, Select, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Block } from "../../bindings";

/**
 * Edits one block in place: a paragraph as text, a list one item per line, a table cell by cell,
 * and in a template a data block as the choice of which workspace table it places.
 */
export function BlockEditor({ block, onChange, sources, testId }: { block: Block; onChange: (b: Block) => void; sources: string[]; testId: string }) {
  const { t } = useTranslation();
  switch (block.type) {
    case "paragraph":
      return <Input.TextArea autoSize={{ minRows: 1, maxRows: 12 }} value={block.text} onChange={(e) => onChange({ ...block, text: e.target.value })} data-testid={testId} />;
    case "bullets":
      return (
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 12 }}
          value={block.items.join("\n")}
          onChange={(e) => onChange({ ...block, items: e.target.value.split("\n") })}
          placeholder={t("proposals.onePerLine")}
          data-testid={testId}
        />
      );
    case "table": {
      const setCell = (row: number, col: number, value: string) =>
        onChange({ ...block, rows: block.rows.map((r, i) => (i === row ? block.columns.map((_, j) => (j === col ? value : (r[j] ?? ""))) : r)) });
      return (
        <Table
          size="small"
          pagination={false}
          bordered
          rowKey={(_, i) => String(i)}
          dataSource={block.rows.map((r, i) => ({ r, i }))}
          columns={block.columns.map((c, j) => ({
            title: c,
            key: j,
            render: (_: unknown, { r, i }: { r: string[]; i: number }) => (
              <Input.TextArea variant="borderless" autoSize value={r[j] ?? ""} onChange={(e) => setCell(i, j, e.target.value)} data-testid={`${testId}-${i}-${j}`} />
            ),
          }))}
          data-testid={testId}
        />
      );
    }
    case "data":
      return (
        <Select
          style={{ minWidth: 240 }}
          value={block.source}
          options={sources.map((s) => ({ value: s, label: t(`proposals.sources.${s}`, { defaultValue: s }) }))}
          onChange={(source) => onChange({ ...block, source })}
          data-testid={testId}
        />
      );
  }
}
