import { Button, Card, Space } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Section } from "../../bindings";
import { PrivateLabel } from "../../components/PrivateMark";
import { TypedText } from "../../components/TypedText";
import { BlockEditor } from "./BlockEditor";

/** A document or template, section by section: heading, blocks, order, removal. */
export function SectionsEditor({ sections, onChange, sources }: { sections: Section[]; onChange: (s: Section[]) => void; sources: string[] }) {
  const { t } = useTranslation();
  const set = (i: number, s: Section) => onChange(sections.map((x, j) => (j === i ? s : x)));
  const move = (i: number, by: number) => {
    const next = [...sections];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s);
    onChange(next);
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {sections.map((s, i) => (
        <Card
          key={i}
          size="small"
          data-testid={`section-${i}`}
          title={
            <Space>
              {s.private && <PrivateLabel>{null}</PrivateLabel>}
              <TypedText variant="borderless" autoSize value={s.heading} onChange={(heading) => set(i, { ...s, heading })} data-testid={`section-${i}-heading`} />
            </Space>
          }
          extra={
            <Space size={0}>
              <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("proposals.moveUp")} />
              <Button type="text" icon={<ArrowDownOutlined />} disabled={i === sections.length - 1} onClick={() => move(i, 1)} aria-label={t("proposals.moveDown")} />
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(sections.filter((_, j) => j !== i))} aria-label={t("proposals.removeSection")} />
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: "100%" }}>
            {s.blocks.map((b, j) => (
              <div key={j} className="proposal-block">
                <BlockEditor
                  block={b}
                  sources={sources}
                  testId={`section-${i}-block-${j}`}
                  onChange={(nb) => set(i, { ...s, blocks: s.blocks.map((x, k) => (k === j ? nb : x)) })}
                />
                {/* Every block can go, computed tables and texts too. */}
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => set(i, { ...s, blocks: s.blocks.filter((_, k) => k !== j) })}
                  aria-label={t("proposals.removeBlock")}
                  data-testid={`section-${i}-block-${j}-remove`}
                />
              </div>
            ))}
            <Button size="small" type="dashed" onClick={() => set(i, { ...s, blocks: [...s.blocks, { type: "paragraph", text: "" }] })} data-testid={`section-${i}-add-paragraph`}>
              {t("proposals.addParagraph")}
            </Button>
          </Space>
        </Card>
      ))}
      <Button onClick={() => onChange([...sections, { heading: t("proposals.newSection"), blocks: [{ type: "paragraph", text: "" }], private: false }])} data-testid="section-add">
        {t("proposals.addSection")}
      </Button>
    </Space>
  );
}
