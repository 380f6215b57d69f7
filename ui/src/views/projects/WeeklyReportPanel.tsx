import { useState } from "react";
import { App, Button, Card, Col, Empty, Form, Input, List, Row, Space, Tag } from "antd";
import { CopyOutlined, FileAddOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type WeeklyReport } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { todayInZone } from "../../lib/days";
import { useSaveReport, useWeeklyReports } from "./projectQueries";

/** The six sections of the S1 weekly report, in the order both sponsors read them. */
const SECTIONS = ["progress", "metrics", "nextWeek", "asks", "risks", "credits"] as const;

/**
 * The weekly report to both sponsors: the core drafts it from the week's done follow-ups,
 * readings, milestones and risks; the director edits, saves, and copies the text into mail or chat.
 */
export function WeeklyReportPanel({ projectId, language }: { projectId: number; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WeeklyReport>();
  // Each load (a draft or a past report) remounts the form with it; `n` tells two loads apart.
  const [loaded, setLoaded] = useState<{ report: WeeklyReport; n: number } | null>(null);
  const week = loaded?.report.week ?? null;
  const reports = useWeeklyReports(projectId);
  const save = useSaveReport();
  const draft = useMutation({ mutationFn: () => unwrap(commands.weeklyReportDraft(projectId, todayInZone(), language)) });
  const text = useMutation({ mutationFn: (report: WeeklyReport) => unwrap(commands.weeklyReportText(projectId, report, language)) });

  const load = (report: WeeklyReport) => setLoaded((prev) => ({ report, n: (prev?.n ?? 0) + 1 }));
  const current = (): WeeklyReport => ({ ...form.getFieldsValue(), week: week ?? "" });
  const fail = (e: unknown) => message.error(errorText(t, e));

  return (
    <Row gutter={16}>
      <Col flex="auto">
        <Card
          size="small"
          title={week ? t("report.week", { week }) : t("report.title")}
          extra={
            <Button icon={<FileAddOutlined />} onClick={() => draft.mutateAsync().then(load).catch(fail)} loading={draft.isPending} data-testid="report-draft">
              {t("report.draft")}
            </Button>
          }
        >
          {loaded ? (
            <Form<WeeklyReport> key={loaded.n} form={form} layout="vertical" initialValues={loaded.report} data-testid="report-form">
              {SECTIONS.map((s) => (
                <Form.Item key={s} name={s} label={t(`report.sections.${s}`)}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid={`report-${s}`} />
                </Form.Item>
              ))}
              <Space>
                <Button
                  type="primary"
                  loading={save.isPending}
                  onClick={() =>
                    save
                      .mutateAsync({ projectId, report: current() })
                      .then(() => message.success(t("report.saved")))
                      .catch(fail)
                  }
                  data-testid="report-save"
                >
                  {t("common.save")}
                </Button>
                <Button
                  icon={<CopyOutlined />}
                  loading={text.isPending}
                  onClick={() =>
                    text
                      .mutateAsync(current())
                      .then((body) => navigator.clipboard.writeText(body))
                      .then(() => message.success(t("report.copied")))
                      .catch(fail)
                  }
                  data-testid="report-copy"
                >
                  {t("report.copy")}
                </Button>
              </Space>
            </Form>
          ) : (
            <Empty description={t("report.empty")} />
          )}
        </Card>
      </Col>
      <Col flex="220px">
        <Card size="small" title={t("report.past")}>
          <UnlessFailed queries={reports} what={t("reads.weeklyReports")}>
            <List
              size="small"
              loading={reports.isLoading}
              dataSource={reports.data ?? []}
              locale={{ emptyText: t("report.noPast") }}
              renderItem={(r) => (
                <List.Item>
                  <Button type="link" size="small" onClick={() => load(r)}>
                    {r.week}
                  </Button>
                  {r.week === week && <Tag color="blue">{t("report.open")}</Tag>}
                </List.Item>
              )}
            />
          </UnlessFailed>
        </Card>
      </Col>
    </Row>
  );
}
