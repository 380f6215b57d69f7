import { useState } from "react";
import { Button, Col, Form, Input, InputNumber, Row, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Money, Problem, Validation } from "../../bindings";
import type { Language } from "../../i18n";
import { formatMoney } from "../../lib/format";
import { MoneyField } from "./fields";
import { Entered, num } from "./Figures";
import { LevelCard } from "./LevelCard";
import { LaunchEffectCard } from "../../components/LaunchEffect";
import { PatchModal } from "./PatchModal";
import { NpsFields } from "./NpsFields";

type Values = {
  npsBefore: number | null;
  npsAfter: number | null;
  pilotRateBefore: number | null;
  pilotRateAfter: number | null;
  pilotNote: string;
  competitorNotes: string;
  fixCost: Money | null;
  fixEffort: string;
  extraEvidence: string;
};

/**
 * Level 5, 验证方案: the rate before and after the linked project's launch (computed), and what a
 * pilot, competitors and a quote say about the fix (entered).
 */
export function ValidationCard({ problem, validation: v, language }: { problem: Problem; validation: Validation; language: Language }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const text = (s: string | undefined) => (s?.trim() ? <span className="pre-wrap">{s}</span> : null);
  const pair = (before: number | null, after: number | null, unit = "") =>
    before === null && after === null ? null : `${num(before, language) ?? "?"}${unit} → ${num(after, language) ?? "?"}${unit}`;

  const pilot = pair(v.pilotRateBefore, v.pilotRateAfter, "%");
  const change = v.pilotChangePct === null ? "" : `（${v.pilotChangePct > 0 ? "+" : ""}${num(v.pilotChangePct, language, 0)}%）`;
  // Only what was entered: a row of empty boxes would say nothing the sentence does not.
  const shown = (
    [
      ["nps", pair(v.npsBefore, v.npsAfter)],
      ["pilot", pilot && `${pilot}${change}`],
      ["fixCost", v.fixCost === null ? null : formatMoney(v.fixCost, language)],
      ["fixEffort", text(v.fixEffort)],
      ["pilotNote", text(v.pilotNote)],
      ["competitors", text(v.competitorNotes)],
      ["extra", text(problem.extraEvidence)],
    ] as const
  ).filter(([, value]) => value !== null && value !== "");

  return (
    <LevelCard
      level={5}
      title={t("evidence.validation.title")}
      hint={t("evidence.validation.hint")}
      sentence={v.sentence}
      testId="evidence-validation"
      extra={
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="validation-edit">
          {t("evidence.validation.edit")}
        </Button>
      }
      figures={
        shown.length > 0 ? (
          shown.map(([key, value]) => <Entered key={key} label={t(`evidence.validation.${key}`)} value={value} />)
        ) : (
          <Typography.Text type="secondary">{t("evidence.validation.none")}</Typography.Text>
        )
      }
    >
      {v.launch && <LaunchEffectCard problemId={problem.id} effect={v.launch} solved={problem.solvedAt != null} closable language={language} />}
      {editing && (
        <PatchModal<Values>
          problem={problem}
          title={t("evidence.validation.edit")}
          initialValues={{
            npsBefore: problem.npsBefore ?? null,
            npsAfter: problem.npsAfter ?? null,
            pilotRateBefore: problem.pilotRateBefore ?? null,
            pilotRateAfter: problem.pilotRateAfter ?? null,
            pilotNote: problem.pilotNote ?? "",
            competitorNotes: problem.competitorNotes ?? "",
            fixCost: problem.fixCost ?? null,
            fixEffort: problem.fixEffort ?? "",
            extraEvidence: problem.extraEvidence ?? "",
          }}
          toPatch={(values) => values}
          onClose={() => setEditing(false)}
          testId="validation-form"
        >
          <Row gutter={12}>
            <NpsFields />
            <Col span={12}>
              <Form.Item name="pilotRateBefore" label={t("evidence.validation.pilotBefore")}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="pilotRateAfter" label={t("evidence.validation.pilotAfter")}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="fixCost" label={t("evidence.validation.fixCost")}>
                <MoneyField placeholder={t("businessCase.moneyHint")} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="fixEffort" label={t("evidence.validation.fixEffort")}>
                <Input maxLength={200} placeholder={t("evidence.validation.fixEffortHint")} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="pilotNote" label={t("evidence.validation.pilotNote")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item name="competitorNotes" label={t("evidence.validation.competitors")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item name="extraEvidence" label={t("evidence.validation.extra")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </PatchModal>
      )}
    </LevelCard>
  );
}
