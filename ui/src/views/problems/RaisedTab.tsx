import { Col, DatePicker, Form, Row, Switch, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../bindings";
import { fromZonedWall, toZonedWall } from "../../lib/zone";
import { PatchForm } from "./PatchForm";

type Values = {
  raisedAt: Dayjs | null;
  hadData: boolean;
  hadSolution: boolean;
  hadSponsor: boolean;
  followedUp: boolean;
  approvedAt: Dayjs | null;
  solvedAt: Dayjs | null;
};

const DATES = ["raisedAt", "approvedAt", "solvedAt"] as const;
const SWITCHES = ["hadData", "hadSolution", "hadSponsor", "followedUp"] as const;

const day = (ms: number | null | undefined) => (ms == null ? null : toZonedWall(ms));
const ms = (d: Dayjs | null) => (d ? fromZonedWall(d.startOf("day")) : null);

/**
 * 上报记录: when and how the problem was raised, and what came of it. These rows make the director's
 * own S7 table (推动成效): which preparation got problems approved and solved.
 */
export function RaisedTab({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  return (
    <PatchForm<Values>
      key={problem.id}
      problem={problem}
      testId="raised-form"
      initialValues={{
        raisedAt: day(problem.raisedAt),
        hadData: problem.hadData ?? false,
        hadSolution: problem.hadSolution ?? false,
        hadSponsor: problem.hadSponsor ?? false,
        followedUp: problem.followedUp ?? false,
        approvedAt: day(problem.approvedAt),
        solvedAt: day(problem.solvedAt),
      }}
      toPatch={(v) => ({ ...v, raisedAt: ms(v.raisedAt), approvedAt: ms(v.approvedAt), solvedAt: ms(v.solvedAt) })}
    >
      <Typography.Paragraph type="secondary">{t("problems.raised.intro")}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          {DATES.map((name) => (
            <Form.Item key={name} name={name} label={t(`problems.raised.${name}`)}>
              <DatePicker style={{ width: "100%" }} data-testid={`raised-${name}`} />
            </Form.Item>
          ))}
        </Col>
        <Col xs={24} md={16}>
          {SWITCHES.map((name) => (
            <Form.Item key={name} name={name} label={t(`problems.raised.${name}`)} extra={t(`problems.raised.${name}Hint`)} valuePropName="checked">
              <Switch data-testid={`raised-${name}`} />
            </Form.Item>
          ))}
        </Col>
      </Row>
    </PatchForm>
  );
}
