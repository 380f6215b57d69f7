import { Alert, Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Replan } from "../../bindings";
import { errorText } from "../../lib/errors";
import { useUndoReplan } from "./stakeholderQueries";

/**
 * What a logged contact did to the follow-ups: each touchpoint it answered, the later steps'
 * dates before and after, and an undo for each.
 */
export function ReplanNotice({ replans, onDone }: { replans: Replan[]; onDone: (undoneId?: number) => void }) {
  const { t } = useTranslation();
  const undo = useUndoReplan();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose: () => onDone() }}
      title={t("profile.replanTitle")}
      data-testid="replan-notice"
      description={
        <Space direction="vertical" size={4}>
          {replans.map((r) => (
            <div key={r.id} data-testid="replan">
              <Space wrap>
                <Typography.Text>
                  {t("profile.replanAnswered", { project: r.touchpoint.projectTitle, action: r.touchpoint.action, due: r.touchpoint.dueOn })}
                </Typography.Text>
                <Button
                  size="small"
                  loading={undo.isPending}
                  onClick={() => undo.mutateAsync(r.id).then(() => onDone(r.id))}
                  data-testid="replan-undo"
                >
                  {t("profile.undo")}
                </Button>
              </Space>
              {r.moves.length === 0 ? (
                <div>
                  <Typography.Text type="secondary">{t("profile.replanNone")}</Typography.Text>
                </div>
              ) : (
                r.moves.map((m) => (
                  <div key={m.touchpointId} data-testid="replan-move">
                    {t("profile.replanMoved", { action: m.action, before: m.beforeOn, after: m.afterOn })}
                  </div>
                ))
              )}
            </div>
          ))}
          {undo.error && <Typography.Text type="danger">{errorText(t, undo.error)}</Typography.Text>}
        </Space>
      }
    />
  );
}
