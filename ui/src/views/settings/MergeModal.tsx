import { Alert, App, Descriptions, Modal, Select, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { commands, type MergeCounts, type ReferenceList } from "../../bindings";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { matchesName } from "../../lib/format";
import { useMerge, type Entry } from "./settingsQueries";

/**
 * Merges `from` into another entry: the user picks the target, sees how many incidents, routing
 * rules and other rows will move, and confirms; nothing moves before that.
 */
export function MergeModal({ list, from, entries, onClose }: { list: ReferenceList; from: Entry; entries: Entry[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [into, setInto] = useState<number | null>(null);
  const [counts, setCounts] = useState<MergeCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const merge = useMerge(list);
  const choose = async (id: number) => {
    setInto(id);
    setCounts(null);
    setError(null);
    try {
      setCounts(await unwrap(commands.referenceMergePreview(list, from.id, id)));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const confirm = async () => {
    if (into === null) return;
    try {
      const moved = await merge.mutateAsync({ from: from.id, into });
      void message.success(t("settings.merge.done", { incidents: moved.incidents }));
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Modal
      open
      title={t("settings.merge.title", { name: from.name })}
      okText={t("settings.merge.confirm")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: counts === null, "data-testid": "merge-confirm" } as ButtonProps}
      confirmLoading={merge.isPending}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("settings.merge.hint")}</Typography.Paragraph>
      <Select
        style={{ width: "100%" }}
        showSearch={{ filterOption: (input, option) => matchesName(input, String(option?.label ?? ""), String(option?.key ?? "")) }}
        placeholder={t("settings.merge.into")}
        value={into ?? undefined}
        onChange={(id: number) => void choose(id)}
        options={entries.filter((e) => e.id !== from.id).map((e) => ({ value: e.id, label: e.name, key: String(e.nameKey ?? "") }))}
        data-testid="merge-into"
      />
      {counts && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} bordered data-testid="merge-counts">
          <Descriptions.Item label={t("settings.merge.incidents")}>
            <span data-testid="merge-incidents">{counts.incidents}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("settings.merge.rules")}>{counts.routingRules}</Descriptions.Item>
          <Descriptions.Item label={t("settings.merge.other")}>{counts.other}</Descriptions.Item>
        </Descriptions>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
