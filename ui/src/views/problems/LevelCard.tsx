import type { ReactNode } from "react";
import { Card, Flex, Typography } from "antd";
import { CopyButton } from "../../components/CopyButton";

/** One level of the evidence chain: its figures, its settings, and the sentence to paste. */
export function LevelCard({
  level,
  title,
  hint,
  sentence,
  extra,
  settings,
  figures,
  testId,
  children,
}: {
  level: number;
  title: string;
  hint: string;
  sentence: string;
  extra?: ReactNode;
  /** What the figures are computed over (stores, periods): above them, so the reader sees it first. */
  settings?: ReactNode;
  figures: ReactNode;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Card
      className="evidence-card"
      data-testid={testId}
      title={
        <Flex align="baseline" gap={8} wrap>
          <span className="evidence-level">{level}</span>
          <span>{title}</span>
          <Typography.Text type="secondary" className="evidence-hint">
            {hint}
          </Typography.Text>
        </Flex>
      }
      extra={extra}
    >
      {settings && <div className="evidence-settings">{settings}</div>}
      <Flex wrap gap={16} className="figures">
        {figures}
      </Flex>
      {children}
      <div className="evidence-sentence">
        <Typography.Paragraph className="evidence-sentence-text" data-testid={`${testId}-sentence`}>
          {sentence}
        </Typography.Paragraph>
        <CopyButton text={sentence} testId={`${testId}-copy`} />
      </div>
    </Card>
  );
}
