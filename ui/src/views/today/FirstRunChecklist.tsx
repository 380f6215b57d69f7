import { App, Button, type ButtonProps, Card, Input, InputNumber, List, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import { CheckCircleFilled, ClockCircleOutlined } from "@ant-design/icons";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Checklist, type SuggestedClass } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { WS } from "../../lib/queries";
import type { TodayLink } from "./TodayView";

type Item = { key: keyof Omit<Checklist, "dismissed">; open: () => void };

/**
 * A new workspace's first steps, on Today rather than in a wizard: each item leads to its screen
 * and is ticked from the workspace's data once done. The user can put it away and bring it back.
 */
export function FirstRunChecklist({ language, onNavigate }: { language: Language; onNavigate: (link: TodayLink) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [suggesting, setSuggesting] = useState(false);
  const query = useQuery({ queryKey: [WS, "checklist"], queryFn: () => unwrap(commands.checklistGet()) });
  const dismiss = useMutation({
    mutationFn: (dismissed: boolean) => unwrap(commands.checklistDismiss(dismissed)),
    onSuccess: (c) => client.setQueryData([WS, "checklist"], c),
  });
  const items: Item[] = [
    { key: "departments", open: () => onNavigate({ section: "settings", tab: "departments" }) },
    { key: "stores", open: () => onNavigate({ section: "settings", tab: "stores" }) },
    { key: "severityClasses", open: () => setSuggesting(true) },
    { key: "incidents", open: () => onNavigate({ section: "incidents" }) },
    { key: "routingRules", open: () => onNavigate({ section: "incidents" }) },
  ];

  return (
    <QueryState query={query} what={t("reads.checklist")}>
      {(c) => {
        const done = items.filter((i) => c[i.key] > 0).length;
        if (c.dismissed || done === items.length) {
          return c.dismissed && done < items.length ? (
            <Button type="link" size="small" onClick={() => dismiss.mutate(false)} data-testid="checklist-show">
              {t("checklist.show", { done, total: items.length })}
            </Button>
          ) : null;
        }
        return (
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={t("checklist.title", { done, total: items.length })}
            extra={<Button type="link" size="small" onClick={() => dismiss.mutate(true)} data-testid="checklist-dismiss">{t("checklist.dismiss")}</Button>}
            data-testid="first-run-checklist"
          >
            <List
              size="small"
              dataSource={items}
              renderItem={(item) => {
                const ticked = c[item.key] > 0;
                return (
                  <List.Item
                    data-testid={`checklist-${item.key}`}
                    data-done={ticked ? "yes" : "no"}
                    actions={[
                      <Button key="go" type="link" size="small" onClick={item.open} data-testid={`checklist-go-${item.key}`}>
                        {t(ticked ? "checklist.open" : "checklist.start")}
                      </Button>,
                    ]}
                  >
                    <Space>
                      {ticked ? <CheckCircleFilled style={{ color: "#52c41a" }} /> : <ClockCircleOutlined />}
                      <Typography.Text delete={ticked}>{t(`checklist.items.${item.key}`)}</Typography.Text>
                      {ticked && <Typography.Text type="secondary">{t("checklist.count", { count: c[item.key] })}</Typography.Text>}
                    </Space>
                  </List.Item>
                );
              }}
            />
            {suggesting && <SuggestedClassesModal language={language} onClose={() => setSuggesting(false)} onOpenSettings={() => onNavigate({ section: "settings", tab: "severityClasses" })} />}
          </Card>
        );
      }}
    </QueryState>
  );
}

/** The suggested P1/P2/P3 ladder, editable; stored only when the user confirms it. */
function SuggestedClassesModal({ language, onClose, onOpenSettings }: { language: Language; onClose: () => void; onOpenSettings: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const suggested = useQuery({ queryKey: ["suggested-classes", language], queryFn: () => commands.checklistSuggestedClasses(language) });
  const [edits, setEdits] = useState<SuggestedClass[] | null>(null);
  const rows = edits ?? suggested.data ?? [];
  const change = (i: number, patch: Partial<SuggestedClass>) => setEdits(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const confirm = useMutation({
    mutationFn: async () => {
      for (const r of rows) {
        await unwrap(commands.severityClassCreate({ class: { name: r.name, remedy: r.remedy, claimHours: r.claimHours, slaHours: r.resolveHours, workingHours: r.workingHours }, departmentSlas: [] }));
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: [WS] }),
  });

  return (
    <Modal
      open
      width={760}
      title={t("checklist.classesTitle")}
      okText={t("checklist.classesConfirm")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      confirmLoading={confirm.isPending}
      okButtonProps={{ disabled: !rows.length, "data-testid": "classes-confirm" } as ButtonProps}
      onOk={() => confirm.mutateAsync().then(() => { void message.success(t("checklist.classesSaved")); onClose(); }).catch((e) => message.error(errorText(t, e)))}
    >
      <Typography.Paragraph>
        <Tag color="blue">{t("checklist.suggestion")}</Tag> {t("checklist.classesHint")}{" "}
        <Button type="link" size="small" onClick={onOpenSettings}>{t("checklist.classesOwn")}</Button>
      </Typography.Paragraph>
      <QueryState query={suggested} what={t("reads.checklist")}>
        {() => (
          <Table<SuggestedClass>
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={rows}
            data-testid="suggested-classes"
            columns={[
              { title: t("checklist.className"), key: "name", render: (_, r, i) => <Input value={r.name} maxLength={100} onChange={(e) => change(i, { name: e.target.value })} /> },
              { title: t("checklist.claimHours"), key: "claim", render: (_, r, i) => <InputNumber min={1} max={8760} value={r.claimHours} onChange={(v) => change(i, { claimHours: v ?? 1 })} data-testid={`suggested-claim-${i}`} /> },
              { title: t("checklist.resolveHours"), key: "resolve", render: (_, r, i) => <InputNumber min={1} max={8760} value={r.resolveHours} onChange={(v) => change(i, { resolveHours: v ?? 1 })} data-testid={`suggested-resolve-${i}`} /> },
              { title: t("checklist.workingHours"), key: "working", render: (_, r, i) => <Switch checked={r.workingHours} onChange={(v) => change(i, { workingHours: v })} data-testid={`suggested-working-${i}`} /> },
            ]}
          />
        )}
      </QueryState>
    </Modal>
  );
}
