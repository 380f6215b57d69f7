import { useState } from "react";
import { Button, Checkbox, DatePicker, Empty, Form, Input, Select, Slider, Space, Tag, Timeline, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Interaction, InteractionKind, Replan } from "../../bindings";
import { fromZonedWall } from "../../lib/zone";
import { formatDay } from "./dates";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { EditModal } from "../../components/EditModal";
import { useDeleteInteraction, useLogInteraction, useStepDone } from "./stakeholderQueries";
import { ReplanNotice } from "./ReplanNotice";

const KINDS: InteractionKind[] = ["message", "coffee", "one_on_one", "meeting", "email"];
const SENTIMENT_COLORS: Record<number, string> = { [-2]: "red", [-1]: "orange", 0: "gray", 1: "green", 2: "green" };

type Values = {
  kind: InteractionKind;
  happenedAt: Dayjs;
  summary: string;
  sentiment: number;
  nextStep: string;
  nextStepDue?: Dayjs | null;
};

/** Every contact with the person, newest first, with the next step each one promised. */
export function InteractionsSection({ personId, interactions }: { personId: number; interactions: Interaction[] }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [replans, setReplans] = useState<Replan[]>([]);
  const log = useLogInteraction(personId, setReplans);
  const stepDone = useStepDone(personId);
  const remove = useDeleteInteraction(personId);
  const [adding, setAdding] = useState(false);
  const now = Date.now();
  const sorted = [...interactions].sort((a, b) => b.happenedAt - a.happenedAt);

  return (
    <div data-testid="profile-interactions">
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="interaction-add">
        {t("profile.logContact")}
      </Button>
      {replans.length > 0 && (
        <ReplanNotice
          replans={replans}
          onDone={(undone) => setReplans(undone === undefined ? [] : replans.filter((r) => r.id !== undone))}
        />
      )}
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("profile.noContacts")} />
      ) : (
        <Timeline
          className="profile-timeline"
          items={sorted.map((c) => ({
            key: c.id,
            color: SENTIMENT_COLORS[c.sentiment] ?? "gray",
            content: (
              <div>
                <Space size={6} wrap>
                  <Typography.Text strong>{formatDay(c.happenedAt, i18n.language)}</Typography.Text>
                  <Tag>{t(`profile.contactKinds.${c.kind}`)}</Tag>
                  <Tag color={SENTIMENT_COLORS[c.sentiment]}>{t(`profile.sentiments.${c.sentiment}`)}</Tag>
                  <DeleteIconButton confirm={t("profile.deleteContact")} onDelete={() => remove.mutateAsync(c.id)} />
                </Space>
                <div className="pre-wrap">{c.summary}</div>
                {c.nextStep && (
                  <Checkbox
                    checked={c.nextStepDone}
                    onChange={(e) => stepDone.mutate({ id: c.id, done: e.target.checked })}
                    data-testid="interaction-step"
                  >
                    {t("profile.nextStep", { step: c.nextStep })}
                    {c.nextStepDue !== null && (
                      <Typography.Text type={!c.nextStepDone && c.nextStepDue < now ? "danger" : "secondary"}>
                        {" "}
                        {t("profile.due", { date: formatDay(c.nextStepDue, i18n.language) })}
                      </Typography.Text>
                    )}
                  </Checkbox>
                )}
              </div>
            ),
          }))}
        />
      )}
      {adding && (
        <EditModal<Values>
          open
          title={t("profile.logContact")}
          form={form}
          initialValues={{ kind: "message", happenedAt: dayjs(), summary: "", sentiment: 0, nextStep: "", nextStepDue: null }}
          saving={log.isPending}
          save={(v) =>
            log.mutateAsync({
              kind: v.kind,
              happenedAt: fromZonedWall(v.happenedAt),
              summary: v.summary ?? "",
              sentiment: v.sentiment,
              nextStep: v.nextStep ?? "",
              nextStepDue: v.nextStepDue ? fromZonedWall(v.nextStepDue.endOf("day")) : null,
            })
          }
          onClose={() => setAdding(false)}
          testId="interaction-form"
        >
          <div className="form-row">
            <Form.Item name="happenedAt" label={t("profile.when")}>
              <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" allowClear={false} />
            </Form.Item>
            <Form.Item name="kind" label={t("profile.contactKind")}>
              <Select style={{ minWidth: 140 }} options={KINDS.map((k) => ({ value: k, label: t(`profile.contactKinds.${k}`) }))} />
            </Form.Item>
          </div>
          <Form.Item name="summary" label={t("profile.summary")} required>
            <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="interaction-summary" />
          </Form.Item>
          <Form.Item name="sentiment" label={t("profile.sentiment")}>
            <Slider min={-2} max={2} step={1} marks={Object.fromEntries([-2, -1, 0, 1, 2].map((s) => [s, t(`profile.sentiments.${s}`)]))} />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="nextStep" label={t("profile.nextStepLabel")} className="grow">
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="nextStepDue" label={t("profile.nextStepDue")}>
              <DatePicker />
            </Form.Item>
          </div>
        </EditModal>
      )}
    </div>
  );
}
