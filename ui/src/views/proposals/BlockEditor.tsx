import { Select, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Block } from "../../bindings";
import { TypedText } from "../../components/TypedText";

/**
 * Edits one block in place: a paragraph as text, a list one item per line, a table cell by cell,
 * and in a template a data block as the choice of which workspace table it places.
 */
export function BlockEditor({ block, onChange, sources, testId }: { block: Block; onChange: (b: Block) => void; sources: string[]; testId: string }) {
  const { t } = useTranslation();
  switch (block.type) {
    case "paragraph":
      return <TypedText autoSize={{ minRows: 1, maxRows: 12 }} value={block.text} onChange={(text) => onChange({ ...block, text })} data-testid={testId} />;
    case "bullets":
      return (
        <TypedText
          autoSize={{ minRows: 2, maxRows: 12 }}
          value={block.items.join("\n")}
          onChange={(text) => onChange({ ...block, items: text.split("\n") })}
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
              <TypedText variant="borderless" autoSize value={r[j] ?? ""} onChange={(v) => setCell(i, j, v)} data-testid={`${testId}-${i}-${j}`} />
            ),
          }))}
          data-testid={testId}
        />
      );
    }
    case "data":
      return (
        <Space direction="vertical" size={0}>
        <Select
          style={{ minWidth: 240 }}
          value={block.source}
          options={sources.map((s) => ({ value: s, label: t(`proposals.sources.${s}`, { defaultValue: s }) }))}
          onChange={(source) => onChange({ ...block, source })}
          data-testid={testId}
        />
        {live.includes(block.source) && <Typography.Text type="secondary">{t("proposals.liveBlock")}</Typography.Text>}
        </Space>
      );
  }
}

/** Filled from the draft's stored options at preview and export (`proposal::fill::LIVE`). */
const live = ["options", "risks"];
