import { useState, type HTMLAttributes } from "react";
import { App, Button, DatePicker, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Touchpoint } from "../../bindings";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { CompleteTouchpointModal } from "./CompleteTouchpointModal";
import { DraftModal } from "./DraftModal";
import { fromPicker, toPicker } from "../../lib/days";
import { useRescheduleTouchpoint, useSkipTouchpoint } from "./projectQueries";
import { STATUS_COLOR, touchpointStatus } from "../../lib/touchpointState";

/** A project's follow-ups in date order: each one done with a result, skipped, or drafted. */
export function TouchpointTable({ touchpoints, today, language }: { touchpoints: Touchpoint[]; today: string; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const skip = useSkipTouchpoint();
  const reschedule = useRescheduleTouchpoint();
  const [completing, setCompleting] = useState<Touchpoint | null>(null);
  const [drafting, setDrafting] = useState<Touchpoint | null>(null);
  const rows = [...touchpoints].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  return (
    <>
      <Table<Touchpoint>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("cadence.empty") }}
        data-testid="touchpoints"
        onRow={(tp) => ({ "data-testid": `touchpoint-${tp.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t("cadence.dueOn"),
            key: "dueOn",
            width: 140,
            // An open follow-up moves to the day agreed with the counterpart; the others keep theirs.
            render: (_, tp) =>
              tp.state === "open" ? (
                <DatePicker
                  size="small"
                  allowClear={false}
                  value={toPicker(tp.dueOn)}
                  onChange={(v) => {
                    const day = fromPicker(v);
                    if (day && day !== tp.dueOn) reschedule.mutateAsync({ id: tp.id, dueOn: day }).catch((e) => message.error(errorText(t, e)));
                  }}
                  aria-label={t("cadence.reschedule")}
                  data-testid={`touchpoint-due-${tp.id}`}
                />
              ) : (
                tp.dueOn
              ),
          },
          {
            title: t("cadence.action"),
            key: "action",
            render: (_, tp) => (
              <>
                <div>
                  {tp.action} {tp.escalates && <Tag color="volcano">{t("cadence.escalation")}</Tag>}
                </div>
                <Typography.Text type="secondary">{tp.purpose}</Typography.Text>
              </>
            ),
          },
          { title: t("cadence.counterpart"), dataIndex: "counterpartName", width: 110, render: (n: string | null) => n ?? t("common.none") },
          {
            title: t("cadence.state"),
            key: "state",
            width: 90,
            render: (_, tp) => {
              const status = touchpointStatus(tp, today);
              return <Tag color={STATUS_COLOR[status]} data-testid={`touchpoint-state-${tp.id}`}>{t(`cadence.states.${status}`)}</Tag>;
            },
          },
          {
            title: t("cadence.result"),
            key: "result",
            width: 200,
            render: (_, tp) => (tp.doneOn ? <span className="pre-wrap">{`${tp.doneOn} ${tp.result}`}</span> : null),
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 230,
            render: (_, tp) => (
              <Space size={4}>
                {tp.state === "open" && (
                  <>
                    <Button size="small" type="primary" onClick={() => setCompleting(tp)} data-testid={`touchpoint-complete-${tp.id}`}>
                      {t("cadence.complete")}
                    </Button>
                    <Popconfirm
                      title={t("cadence.skipConfirm")}
                      okText={t("common.confirm")}
                      cancelText={t("common.cancel")}
                      onConfirm={() => skip.mutateAsync(tp.id).catch((e) => message.error(errorText(t, e)))}
                    >
                      <Button size="small">{t("cadence.skip")}</Button>
                    </Popconfirm>
                  </>
                )}
                <Button size="small" onClick={() => setDrafting(tp)} data-testid={`touchpoint-draft-${tp.id}`}>
                  {t("cadence.draft")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {completing && <CompleteTouchpointModal touchpoint={completing} onClose={() => setCompleting(null)} />}
      {drafting && <DraftModal touchpoint={drafting} language={language} onClose={() => setDrafting(null)} />}
    </>
  );
}
