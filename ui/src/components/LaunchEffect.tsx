import { App, Button, Card, Descriptions, Popconfirm, Tag, Typography } from "antd";
import { CheckCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { commands, type LaunchEffect as Effect, type LaunchVerdict } from "../bindings";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { useWrite } from "../lib/queries";
import type { Language } from "../i18n";

const COLORS: Record<LaunchVerdict, string> = {
  not_launched: "default",
  not_enough_data: "default",
  not_yet_sure: "orange",
  no_drop: "red",
  validated: "green",
};

const pct = (ratio: number, language: Language) => `${Math.round((1 - ratio) * 100).toLocaleString(language)} %`;

/**
 * Did the fix work: the incident rate in equal windows before and after the launch, over the same
 * stores, with the exact interval of the rate ratio and the verdict. `closable` offers to close a
 * validated problem as solved (on the problem's own page).
 */
export function LaunchEffectCard(props: { problemId: number; effect: Effect; solved: boolean; closable: boolean; language: Language; problemTitle?: string }) {
  const { problemId, effect, solved, closable, language } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useWrite((id: number) => unwrap(commands.problemCloseSolved(id, language)));
  const onClose = () =>
    close
      .mutateAsync(problemId)
      .then(() => message.success(t("thread.launch.closed")))
      .catch((e) => message.error(errorText(t, e)));
  const interval =
    effect.ratioLow === null ? null : `${effect.ratioLow.toFixed(2)} – ${effect.ratioHigh === null ? "∞" : effect.ratioHigh.toFixed(2)}`;
  const items = [
    { key: "project", label: t("thread.projects"), children: `${effect.projectTitle}（${effect.launchOn}）` },
    ...(effect.days > 0
      ? [
          { key: "before", label: t("thread.launch.before", { days: effect.days }), children: <span data-testid="launch-before">{effect.before}</span> },
          { key: "after", label: t("thread.launch.after", { days: effect.days }), children: <span data-testid="launch-after">{effect.after}</span> },
          { key: "stores", label: t("thread.launch.stores"), children: effect.stores === null ? t("thread.launch.allIncidents") : effect.stores },
          ...(effect.rateRatio === null ? [] : [{ key: "ratio", label: t("thread.launch.ratio"), children: `${effect.rateRatio.toFixed(2)}（${pct(effect.rateRatio, language)}↓）` }]),
          ...(interval === null ? [] : [{ key: "interval", label: t("thread.launch.interval"), children: interval }]),
          { key: "by", label: t("thread.launch.countedBy"), children: effect.byPattern ? t("thread.launch.byPattern") : t("thread.launch.byLinked") },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={props.problemTitle ? `${t("thread.launch.title")} · ${props.problemTitle}` : t("thread.launch.title")}
      data-testid="launch-effect"
      extra={
        <>
          <Tag color={COLORS[effect.verdict]} data-testid="launch-verdict">
            {t(`thread.launch.verdicts.${effect.verdict}`)}
          </Tag>
          {solved && <Tag color="green" icon={<CheckCircleOutlined />}>{t("thread.launch.solved")}</Tag>}
          {closable && !solved && effect.verdict === "validated" && (
            <Popconfirm title={t("thread.launch.closeConfirm")} onConfirm={onClose} okButtonProps={{ "data-testid": "close-solved-ok" }}>
              <Button size="small" type="primary" loading={close.isPending} data-testid="close-solved">
                {t("thread.launch.closeSolved")}
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Descriptions size="small" column={2} items={items} />
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="launch-sentence">
        {effect.sentence}
      </Typography.Paragraph>
    </Card>
  );
}
