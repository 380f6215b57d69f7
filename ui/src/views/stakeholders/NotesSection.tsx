import { useState } from "react";
import { Button, DatePicker, Empty, Form, Input, Select, Space, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { NoteKind, PersonNote } from "../../bindings";
import { fromZonedWall } from "../../lib/zone";
import { formatDay } from "./dates";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { EditModal } from "../../components/EditModal";
import { MetricSelect } from "../../components/MetricSelect";
import { PrivateLabel } from "../../components/PrivateMark";
import { useAddNote, useDeleteNote } from "./stakeholderQueries";

const KINDS: NoteKind[] = ["kpi", "pressure", "initiative", "pain_point", "opportunity"];
/** What they are measured on is shared knowledge; what weighs on them is our private read. */
const PRIVATE_KINDS = new Set<NoteKind>(["pressure", "initiative", "pain_point", "opportunity"]);
/** Only a KPI or a pain point is something a project can move. */
const WITH_METRIC = new Set<NoteKind>(["kpi", "pain_point"]);

type Values = { kind: NoteKind; text: string; metric?: string | null; source: string; notedOn: Dayjs };

export function NotesSection({ personId, notes }: { personId: number; notes: PersonNote[] }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddNote(personId);
  const remove = useDeleteNote(personId);
  const [adding, setAdding] = useState(false);
  const kind = Form.useWatch("kind", form);

  return (
    <div data-testid="profile-notes">
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="note-add">
        {t("profile.addNote")}
      </Button>
      {notes.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("profile.noNotes")} />}
      {KINDS.map((k) => {
        const ofKind = notes.filter((n) => n.kind === k);
        if (ofKind.length === 0) return null;
        const title = t(`profile.noteKinds.${k}`);
        return (
          <section key={k} className="profile-group">
            <Typography.Text strong>{PRIVATE_KINDS.has(k) ? <PrivateLabel>{title}</PrivateLabel> : title}</Typography.Text>
            <ul className="profile-list">
              {ofKind.map((n) => (
                <li key={n.id}>
                  <div className="profile-item-main">
                    <span>{n.text}</span>
                    {n.metric && <Tag color="blue">{t(`sponsor.metrics.${n.metric}`, { defaultValue: n.metric })}</Tag>}
                  </div>
                  <Space size={4} className="profile-item-meta">
                    <span>{t("profile.source", { source: n.source || t("common.none") })}</span>
                    <span>{formatDay(n.notedOn, i18n.language)}</span>
                    <DeleteIconButton confirm={t("profile.deleteNote")} onDelete={() => remove.mutateAsync(n.id)} />
                  </Space>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {adding && (
        <EditModal<Values>
          open
          title={t("profile.addNote")}
          form={form}
          initialValues={{ kind: "kpi", text: "", metric: null, source: "", notedOn: dayjs() }}
          saving={add.isPending}
          save={(v) =>
            add.mutateAsync({
              kind: v.kind,
              text: v.text ?? "",
              metric: WITH_METRIC.has(v.kind) ? (v.metric ?? null) : null,
              source: v.source ?? "",
              notedOn: fromZonedWall(v.notedOn.startOf("day")),
            })
          }
          onClose={() => setAdding(false)}
          testId="note-form"
        >
          <Form.Item name="kind" label={t("profile.noteKind")}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`profile.noteKinds.${k}`) }))} data-testid="note-kind" />
          </Form.Item>
          <Form.Item name="text" label={t("profile.noteText")} required>
            <Input.TextArea rows={2} maxLength={500} autoFocus data-testid="note-text" />
          </Form.Item>
          {WITH_METRIC.has(kind ?? "kpi") && (
            <Form.Item name="metric" label={t("profile.metric")} extra={t("profile.metricHint")}>
              <MetricSelect allowClear data-testid="note-metric" />
            </Form.Item>
          )}
          <Form.Item name="source" label={t("profile.sourceLabel")}>
            <Input maxLength={200} placeholder={t("profile.sourcePlaceholder")} />
          </Form.Item>
          <Form.Item name="notedOn" label={t("profile.notedOn")}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </EditModal>
      )}
    </div>
  );
}
