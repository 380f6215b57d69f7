import { useState } from "react";
import { Button, Flex, Form, Input, Tag, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { GroupRate, Problem, RootCause } from "../../bindings";
import type { Language } from "../../i18n";
import { Computed, num } from "./Figures";
import { LevelCard } from "./LevelCard";
import { PatchModal } from "./PatchModal";
import { StoreSetPicker } from "./StoreSetPicker";

const WHYS = 5;

type Values = { fiveWhys: string[]; abLabelA: string; abLabelB: string };

/** Asked five times, the last answer is the root cause; blank answers are not kept. */
const toPatch = (v: Values) => ({ ...v, fiveWhys: v.fiveWhys.map((w) => w.trim()).filter(Boolean) });

/** Level 4, 根因: the five whys, and the A/B comparison of stores with and without the cause. */
export function RootCauseCard({ problem, rootCause: r, language }: { problem: Problem; rootCause: RootCause; language: Language }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const whys = problem.fiveWhys ?? [];
  const group = (g: GroupRate | null, set: "a" | "b") => (
    <Computed
      label={g?.label || t(`evidence.rootCause.group${set.toUpperCase()}`)}
      value={g === null ? null : t("evidence.rootCause.rateValue", { rate: num(g.rate, language, 2) ?? t("common.none"), stores: g.stores, events: g.events })}
      link={g?.link}
      testId={`figure-group-${set}`}
    />
  );
  const picker = (set: "a" | "b", label: string | undefined) => (
    <Flex align="center" gap={8} wrap>
      <Tag color={set === "a" ? "blue" : "orange"}>{label || t(`evidence.rootCause.group${set.toUpperCase()}`)}</Tag>
      <StoreSetPicker problemId={problem.id} set={set} placeholder={t("evidence.rootCause.pickStores")} width={280} />
    </Flex>
  );

  return (
    <LevelCard
      level={4}
      title={t("evidence.rootCause.title")}
      hint={t("evidence.rootCause.hint")}
      sentence={r.sentence}
      testId="evidence-root-cause"
      extra={
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="root-cause-edit">
          {t("evidence.rootCause.edit")}
        </Button>
      }
      settings={
        <Flex gap={16} wrap>
          {picker("a", problem.abLabelA)}
          {picker("b", problem.abLabelB)}
        </Flex>
      }
      figures={
        <>
          <div className="figure figure-wide">
            <div className="figure-label">
              {t("evidence.rootCause.whys")}
              <Tag color="gold" className="entered-tag">
                {t("evidence.entered")}
              </Tag>
            </div>
            {whys.length > 0 ? (
              <ol className="whys">
                {whys.map((why, i) => (
                  <li key={i}>{why}</li>
                ))}
              </ol>
            ) : (
              <Typography.Text type="secondary">{t("evidence.rootCause.noWhys")}</Typography.Text>
            )}
          </div>
          {group(r.groupA, "a")}
          {group(r.groupB, "b")}
          <Computed label={t("evidence.rootCause.difference")} value={num(r.difference, language, 2)} testId="figure-difference" />
        </>
      }
    >
      {editing && (
        <PatchModal<Values>
          problem={problem}
          title={t("evidence.rootCause.edit")}
          initialValues={{
            fiveWhys: Array.from({ length: WHYS }, (_, i) => whys[i] ?? ""),
            abLabelA: problem.abLabelA ?? "",
            abLabelB: problem.abLabelB ?? "",
          }}
          toPatch={toPatch}
          onClose={() => setEditing(false)}
          testId="root-cause-form"
        >
          {Array.from({ length: WHYS }, (_, i) => (
            <Form.Item key={i} name={["fiveWhys", i]} label={t("evidence.rootCause.why", { n: i + 1 })}>
              <Input maxLength={500} />
            </Form.Item>
          ))}
          <Form.Item name="abLabelA" label={t("evidence.rootCause.labelA")}>
            <Input maxLength={100} placeholder={t("evidence.rootCause.labelAHint")} />
          </Form.Item>
          <Form.Item name="abLabelB" label={t("evidence.rootCause.labelB")}>
            <Input maxLength={100} placeholder={t("evidence.rootCause.labelBHint")} />
          </Form.Item>
        </PatchModal>
      )}
    </LevelCard>
  );
}
