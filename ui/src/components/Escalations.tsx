import { App, Button, Collapse, List, Tag, Typography } from "antd";
import { CopyOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands } from "../bindings";
import { QueryState } from "./QueryState";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { WS } from "../lib/queries";

/** A page is what a person reads; a big workspace has tens of thousands past their SLA. */
const SHOWN = 50;

/** Incidents past their SLA (highest escalation level, then longest overdue first), each with whom its level tells and a drafted reminder. */
export function Escalations({ language, expanded = false }: { language: Language; expanded?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery({
    queryKey: [WS, "escalations", language],
    queryFn: () => unwrap(commands.incidentEscalations(language, SHOWN)),
  });
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(() => message.success(t("incident.copied")));
  return (
    <div style={{ marginBottom: 16 }}>
      <QueryState query={query} what={t("reads.escalations")}>
        {({ total, shown }) => (
          <Collapse
            defaultActiveKey={expanded ? ["escalations"] : []}
            data-testid="escalations"
            items={[
              {
                key: "escalations",
                label: <Typography.Text type={total ? "danger" : undefined}>{t("incident.escalations", { count: total })}</Typography.Text>,
                children: total ? (
                  <List
                    className="escalation-list"
                    size="small"
                    dataSource={shown}
                    footer={total > shown.length ? <Typography.Text type="secondary" data-testid="escalations-more">{t("incident.escalationsMore", { shown: shown.length, total })}</Typography.Text> : undefined}
                    renderItem={(e) => (
                      <List.Item actions={[<Button key="copy" size="small" icon={<CopyOutlined />} onClick={() => copy(e.draft)}>{t("incident.copyDraft")}</Button>]}>
                        <List.Item.Meta
                          title={
                            <>
                              {e.title}{" "}
                              {e.level > 0 && <Tag color={e.level > 1 ? "volcano" : "red"} data-testid="escalation-level">{t("incident.levelTag", { level: e.level })}</Tag>}
                              <Tag color="red">{t(e.workingHours ? "incident.overWorkingHours" : "incident.hoursOver", { hours: e.hoursOver })}</Tag>
                              {e.pending && <Tag>{t("incident.pendingTag")}</Tag>}
                            </>
                          }
                          description={[
                            e.department ?? "",
                            e.severityClass,
                            `${t(`incident.clock${e.clock}`)} ${t(e.workingHours ? "incident.limitWorkingHours" : "incident.limitHours", { hours: e.limitHours })}`,
                            e.level > 0 ? t("incident.tells", { name: e.notified || t("incident.nobodyNamed") }) : "",
                          ].filter(Boolean).join(" · ")}
                        />
                      </List.Item>
                    )}
                  />
                ) : (
                  t("incident.noEscalations")
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
