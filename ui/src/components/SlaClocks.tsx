import { App, Button, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type ClockState, type WaitingOn } from "../bindings";
import { QueryState } from "./QueryState";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { WS } from "../lib/queries";

/** An open incident's SLA clocks (time to claim, time to resolve), and the wait that stops them. */
export function SlaClocks({ incidentId, language }: { incidentId: number; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const sla = useQuery({ queryKey: [WS, "incident-sla", incidentId], queryFn: () => unwrap(commands.incidentSla(incidentId)) });
  const refresh = () => client.invalidateQueries({ queryKey: [WS] });
  const wait = useMutation({ mutationFn: (on: WaitingOn) => unwrap(commands.incidentWait(incidentId, on, note)), onSuccess: refresh });
  const resume = useMutation({ mutationFn: () => unwrap(commands.incidentResume(incidentId)), onSuccess: refresh });
  const fail = (e: unknown) => message.error(errorText(t, e));

  return (
    <div data-testid="incident-sla" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t("incident.sla")}</Typography.Title>
      <QueryState query={sla} what={t("reads.incidentSla")}>
        {(s) => {
          if (!s) return <Typography.Text type="secondary">{t("incident.slaNone")}</Typography.Text>;
          const unit = (hours: number) => t(s.workingHours ? "incident.limitWorkingHours" : "incident.limitHours", { hours });
          const clock = (name: "claim" | "resolve", c: ClockState) => (
            <div data-testid={`sla-${name}`}>
              <Typography.Text strong>{t(`incident.clock${name}`)}</Typography.Text>{" "}
              {t("incident.slaRunning", { running: unit(c.runningHours ?? 0), limit: unit(c.limitHours ?? 0) })}{" "}
              {c.breached ? <Tag color="red">{t("incident.slaBreached")}</Tag> : c.dueAt !== null && <Tag>{t("incident.slaDue", { at: formatDateTime(c.dueAt, language) })}</Tag>}
            </div>
          );
          return (
            <Space direction="vertical" style={{ width: "100%" }}>
              {s.claim && clock("claim", s.claim)}
              {clock("resolve", s.resolve)}
              {s.level > 0 && <Tag color="volcano">{t("incident.levelTag", { level: s.level })}</Tag>}
              {s.pendingSince !== null ? (
                <Space wrap>
                  <Tag color="gold" data-testid="sla-paused">
                    {t("incident.slaPaused", { since: formatDateTime(s.pendingSince, language), reason: t(`incident.waitingOn.${s.pendingReason}`, { defaultValue: s.pendingReason }) })}
                  </Tag>
                  <Button size="small" loading={resume.isPending} data-testid="incident-resume"
                    onClick={() => resume.mutateAsync().then(() => message.success(t("incident.resumeDone"))).catch(fail)}>
                    {t("incident.resume")}
                  </Button>
                </Space>
              ) : (
                <Space wrap>
                  <Input size="small" style={{ width: 220 }} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("incident.waitNote")} />
                  {(["customer", "supplier"] as const).map((on) => (
                    <Button key={on} size="small" loading={wait.isPending} data-testid={`incident-wait-${on}`}
                      onClick={() => wait.mutateAsync(on).then(() => { setNote(""); void message.success(t("incident.waitDone")); }).catch(fail)}>
                      {t(on === "customer" ? "incident.waitOnCustomer" : "incident.waitOnSupplier")}
                    </Button>
                  ))}
                </Space>
              )}
              {(s.pausedHours ?? 0) > 0 && <Typography.Text type="secondary">{t("incident.slaPausedTotal", { hours: s.pausedHours })}</Typography.Text>}
            </Space>
          );
        }}
      </QueryState>
    </div>
  );
}
