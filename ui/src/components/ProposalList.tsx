import { App, Button, List, Tag } from "antd";
import { RiseOutlined } from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EscalationProposal } from "../bindings";
import { QueryState } from "./QueryState";
import { errorText } from "../lib/errors";
import { useEscalateTouchpoint, usePeopleById } from "../lib/queries";
import { daysBetween } from "../lib/days";

/**
 * Follow-ups overdue with no answer, each with the escalation step its cadence calls for (S6, week
 * 6: ask the sponsor to push). One click plans that step, due the next working day.
 */
export function ProposalList({ proposals, today, link }: { proposals: EscalationProposal[]; today: string; link?: (p: EscalationProposal) => ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = usePeopleById();
  const escalate = useEscalateTouchpoint();
  const take = (p: EscalationProposal) =>
    escalate
      .mutateAsync({ id: p.touchpoint.id, today })
      .then((created) => message.success(t("cadence.escalated", { day: created.dueOn })))
      .catch((e) => message.error(errorText(t, e)));
  // The sponsor is named in each proposal: without the names the proposals cannot be read.
  return (
    <QueryState query={people} what={t("reads.people")}>
      {(byId) => (
        <List
          size="small"
          dataSource={proposals}
          locale={{ emptyText: t("cadence.noProposals") }}
          data-testid="proposals"
          renderItem={(p) => (
            <List.Item
              actions={[
                ...(link ? [link(p)] : []),
                <Button key="push" size="small" type="primary" danger icon={<RiseOutlined />} loading={escalate.isPending} onClick={() => take(p)} data-testid={`escalate-${p.touchpoint.id}`}>
                  {t("cadence.askSponsor")}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {p.touchpoint.action} <Tag color="red">{t("cadence.overdueDays", { count: daysBetween(p.touchpoint.dueOn, today) })}</Tag>
                  </>
                }
                description={t("cadence.proposal", {
                  project: p.touchpoint.projectTitle,
                  action: p.action,
                  sponsor: (p.sponsorId !== null && byId.get(p.sponsorId)?.name) || t("cadence.noSponsor"),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}
