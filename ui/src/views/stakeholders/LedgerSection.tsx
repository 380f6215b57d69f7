import { useState } from "react";
import { Button, DatePicker, Empty, Form, Input, Rate, Segmented, Select, Space, Statistic, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Direction, LedgerEntry, LedgerKind } from "../../bindings";
import { fromZonedWall } from "../../lib/zone";
import { formatDay } from "./dates";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { EditModal } from "../../components/EditModal";
import { useAddLedger, useDeleteLedger } from "./stakeholderQueries";

const KINDS: LedgerKind[] = ["data_shared", "help", "public_credit", "favour"];

type Values = { direction: Direction; kind: LedgerKind; description: string; meeting: string; weight: number; happenedAt: Dayjs };

/**
 * The reciprocity ledger: what we gave and what we received, weighted 1–5. A positive balance
 * means we can ask; a negative one means we owe before asking again.
 */
export function LedgerSection({ personId, ledger, balance }: { personId: number; ledger: LedgerEntry[]; balance: number }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddLedger(personId);
  const remove = useDeleteLedger(personId);
  const [adding, setAdding] = useState(false);
  const kind = Form.useWatch("kind", form);
  const sorted = [...ledger].sort((a, b) => b.happenedAt - a.happenedAt);

  return (
    <div data-testid="profile-ledger">
      <Space align="start" size="large" className="ledger-head">
        <Statistic
          title={t("profile.balance")}
          value={balance}
          prefix={balance > 0 ? "+" : undefined}
          styles={{ content: { color: balance > 0 ? "#389e0d" : balance < 0 ? "#cf1322" : undefined } }}
        />
        <Typography.Text type="secondary" className="ledger-hint">
          {t(balance > 0 ? "profile.balanceCredit" : balance < 0 ? "profile.balanceDebt" : "profile.balanceEven")}
        </Typography.Text>
      </Space>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ledger-add">
        {t("profile.addLedger")}
      </Button>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("profile.noLedger")} />
      ) : (
        <ul className="profile-list">
          {sorted.map((e) => (
            <li key={e.id}>
              <div className="profile-item-main">
                <Tag color={e.direction === "given" ? "green" : "volcano"}>{t(`profile.directions.${e.direction}`)}</Tag>
                <Tag>{t(`profile.ledgerKinds.${e.kind}`)}</Tag>
                <span>{e.description}</span>
              </div>
              <Space size={6} className="profile-item-meta" wrap>
                <Rate disabled count={5} value={e.weight} className="rate-small" />
                {e.meeting && <span>{t("profile.atMeeting", { meeting: e.meeting })}</span>}
                <span>{formatDay(e.happenedAt, i18n.language)}</span>
                <DeleteIconButton confirm={t("profile.deleteLedger")} onDelete={() => remove.mutateAsync(e.id)} />
              </Space>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <EditModal<Values>
          open
          title={t("profile.addLedger")}
          form={form}
          initialValues={{ direction: "given", kind: "data_shared", description: "", meeting: "", weight: 2, happenedAt: dayjs() }}
          saving={add.isPending}
          save={(v) =>
            add.mutateAsync({
              direction: v.direction,
              kind: v.kind,
              description: v.description ?? "",
              meeting: v.kind === "public_credit" ? (v.meeting ?? "") : "",
              weight: v.weight,
              happenedAt: fromZonedWall(v.happenedAt.startOf("day")),
            })
          }
          onClose={() => setAdding(false)}
          testId="ledger-form"
        >
          <Form.Item name="direction" label={t("profile.direction")}>
            <Segmented options={(["given", "received"] as Direction[]).map((d) => ({ value: d, label: t(`profile.directions.${d}`) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t("profile.ledgerKind")}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`profile.ledgerKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t("profile.description")} required>
            <Input.TextArea rows={2} maxLength={500} autoFocus data-testid="ledger-description" />
          </Form.Item>
          {kind === "public_credit" && (
            <Form.Item name="meeting" label={t("profile.meeting")} extra={t("profile.meetingHint")}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <div className="form-row">
            <Form.Item name="weight" label={t("profile.weight")}>
              <Rate count={5} allowClear={false} />
            </Form.Item>
            <Form.Item name="happenedAt" label={t("profile.when")}>
              <DatePicker allowClear={false} />
            </Form.Item>
          </div>
        </EditModal>
      )}
    </div>
  );
}
