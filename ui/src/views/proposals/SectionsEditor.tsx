import { Button, Card, Input, Space } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Section } from "../../bindings";
import { PrivateLabel } from "../../components/PrivateMark";
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
            <Input
              variant="borderless"
              value={s.heading}
              onChange={(e) => set(i, { ...s, heading: e.target.value })}
              prefix={s.private ? <PrivateLabel>{null}</PrivateLabel> : undefined}
              data-testid={`section-${i}-heading`}
            />
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
              <BlockEditor
                key={j}
                block={b}
                sources={sources}
                testId={`section-${i}-block-${j}`}
                onChange={(nb) => set(i, { ...s, blocks: s.blocks.map((x, k) => (k === j ? nb : x)) })}
              />
            ))}
          </Space>
        </Card>
      ))}
      <Button onClick={() => onChange([...sections, { heading: t("proposals.newSection"), blocks: [{ type: "paragraph", text: "" }], private: false }])} data-testid="section-add">
        {t("proposals.addSection")}
      </Button>
    </Space>
  );
}
