import { Card, Col, Descriptions, Form, Input, InputNumber, Row, Spin, Statistic, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { BusinessCase, Money, Problem } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { formatMoney } from "../../lib/format";
import { CopyButton } from "../../components/CopyButton";
import { MoneyField } from "./fields";
import { num } from "./Figures";
import { PatchForm } from "./PatchForm";
import { useEvidence } from "./problemQueries";
import { NpsFields } from "./NpsFields";

type Values = {
  lostCustomers: number | null;
  customerValue: Money | null;
  revenueLoss: Money | null;
  costPerMonth: Money | null;
  strategicImpact: string;
  npsBefore: number | null;
  npsAfter: number | null;
  investment: Money | null;
};

/** 商业论证: the problem in money (S3), so a department head can weigh it against their budget. */
export function BusinessCaseTab({ problem, language }: { problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const evidence = useEvidence(problem.id, language);
  const moneyHint = t("businessCase.moneyHint");
  return (
    <Row gutter={24}>
      <Col xs={24} xl={11}>
        <PatchForm<Values>
          key={problem.id}
          problem={problem}
          testId="business-form"
          initialValues={{
            lostCustomers: problem.lostCustomers ?? null,
            customerValue: problem.customerValue ?? null,
            revenueLoss: problem.revenueLoss ?? null,
            costPerMonth: problem.costPerMonth ?? null,
            strategicImpact: problem.strategicImpact ?? "",
            npsBefore: problem.npsBefore ?? null,
            npsAfter: problem.npsAfter ?? null,
            investment: problem.investment ?? null,
          }}
          toPatch={(values) => values}
        >
          <Typography.Title level={5}>{t("businessCase.revenue")}</Typography.Title>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="lostCustomers" label={t("businessCase.lostCustomers")}>
                <InputNumber min={0} precision={0} style={{ width: "100%" }} data-testid="business-lost-customers" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="customerValue" label={t("businessCase.customerValue")}>
                <MoneyField placeholder={moneyHint} testId="business-customer-value" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="revenueLoss" label={t("businessCase.revenueLossEntered")} extra={t("businessCase.revenueLossHint")}>
            <MoneyField placeholder={moneyHint} testId="business-revenue-loss" />
          </Form.Item>
          <Typography.Title level={5}>{t("businessCase.cost")}</Typography.Title>
          <Form.Item name="costPerMonth" label={t("businessCase.costPerMonth")}>
            <MoneyField placeholder={moneyHint} testId="business-cost-per-month" />
          </Form.Item>
          <Typography.Title level={5}>{t("businessCase.strategic")}</Typography.Title>
          <Form.Item name="strategicImpact" label={t("businessCase.strategicImpact")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t("businessCase.strategicHint")} />
          </Form.Item>
          <Row gutter={12}>
            <NpsFields />
          </Row>
          <Typography.Title level={5}>{t("businessCase.fix")}</Typography.Title>
          <Form.Item name="investment" label={t("businessCase.investment")}>
            <MoneyField placeholder={moneyHint} testId="business-investment" />
          </Form.Item>
        </PatchForm>
      </Col>
      <Col xs={24} xl={13}>
        <QueryState query={evidence} what={t("reads.businessCase")} loading={<Spin />}>
          {(e) => <BusinessResult business={e.businessCase} problem={problem} language={language} />}
        </QueryState>
      </Col>
    </Row>
  );
}

/** What the entered figures add up to, as the core computed it. */
function BusinessResult({ business: b, problem, language }: { business: BusinessCase; problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const none = t("common.none");
  const money = (m: Money | null) => (m === null ? none : formatMoney(m, language));
  const entered = (
    <Tag color="gold" className="entered-tag">
      {t("evidence.entered")}
    </Tag>
  );
  const later = b.ifNotFixed;
  return (
    <Card className="business-result" data-testid="business-result">
      <div data-testid="business-roi">
        <Statistic
          title={t("businessCase.roi")}
          value={b.roi === null ? none : t("businessCase.roiValue", { value: num(b.roi, language, 0) })}
          styles={{ content: { color: b.roi !== null && b.roi >= 1 ? "#237804" : undefined, fontSize: 34 } }}
        />
      </div>
      <Typography.Paragraph type="secondary">{t("businessCase.roiFormula")}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t("businessCase.revenueLoss")}>
          <span data-testid="business-revenue-loss-value">{money(b.revenueLoss)}</span>
          {b.revenueLoss !== null &&
            (b.revenueLossEntered
              ? entered
              : ` = ${num(problem.lostCustomers, language)} × ${money(problem.customerValue ?? null)}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t("businessCase.costPerYear")}>
          {money(b.costPerYear)}
          {b.costPerYear !== null && ` = ${money(problem.costPerMonth ?? null)} × 12`}
        </Descriptions.Item>
        <Descriptions.Item label={t("businessCase.npsChange")}>
          {b.npsChange === null ? none : `${b.npsChange > 0 ? "+" : ""}${num(b.npsChange, language)}`}
          {b.npsChange !== null && entered}
        </Descriptions.Item>
        <Descriptions.Item label={t("businessCase.strategicImpact")}>
          {b.strategicImpact.trim() ? <span className="pre-wrap">{b.strategicImpact}</span> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t("businessCase.investment")}>{money(b.investment)}</Descriptions.Item>
        <Descriptions.Item label={t("businessCase.ifNotFixed", { weeks: later?.weeks ?? 13 })}>
          <span data-testid="business-if-not-fixed">
            {later
              ? t("businessCase.ifNotFixedValue", {
                  perWeek: num(later.eventsPerWeekThen, language) ?? none,
                  events: num(later.events, language, 0) ?? none,
                  cost: formatMoney(later.extraCost, language),
                })
              : t("businessCase.ifNotFixedUnknown")}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <div className="evidence-sentence">
        <Typography.Paragraph className="evidence-sentence-text" data-testid="business-sentence">
          {b.sentence}
        </Typography.Paragraph>
        <CopyButton text={b.sentence} testId="business-copy" />
      </div>
    </Card>
  );
}
