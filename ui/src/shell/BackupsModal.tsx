import { App, Button, InputNumber, Modal, Popconfirm, Space, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type BackupFile } from "../bindings";
import { UnlessFailed } from "../components/QueryState";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { useOpenWorkspace, useWrite, WS } from "../lib/queries";

/**
 * The workspace's backups (before each migration, daily, on request): make one now, choose how
 * many to keep, restore one. A restore first backs up the current file, so it can be undone.
 */
export function BackupsModal({ onClose, language }: { onClose: () => void; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: [WS, "backups"], queryFn: () => unwrap(commands.backupsList()) });
  const now = useWrite(() => unwrap(commands.backupNow()));
  const keep = useWrite((n: number) => unwrap(commands.backupSetKeep(n)));
  const restore = useOpenWorkspace((fileName: string) => unwrap(commands.backupRestore(fileName)));
  const fail = (e: unknown) => void message.error(errorText(t, e), 8);
  const data = list.data;
  return (
    <Modal open onCancel={onClose} footer={null} width={760} title={t("backups.title")} destroyOnHidden data-testid="backups-modal">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("backups.hint", { folder: data?.folder ?? "" })}</Typography.Text>
        <Space wrap>
          <Button type="primary" loading={now.isPending} onClick={() => now.mutateAsync(undefined).then(() => message.success(t("backups.made"))).catch(fail)} data-testid="backup-now">
            {t("backups.now")}
          </Button>
          <span>{t("backups.keep")}</span>
          <InputNumber min={1} max={365} value={data?.keep} onChange={(n) => n && keep.mutateAsync(n).catch(fail)} />
        </Space>
        <UnlessFailed queries={list} what={t("reads.backups")}>
          <Table<BackupFile>
            size="small"
            rowKey="fileName"
            loading={list.isLoading}
            dataSource={data?.files ?? []}
            pagination={false}
            locale={{ emptyText: t("backups.empty") }}
            columns={[
              { title: t("backups.when"), key: "at", render: (_, b) => formatDateTime(b.createdAt, language) },
              { title: t("backups.reason"), key: "reason", render: (_, b) => t(`backups.reasons.${b.reason}`, { defaultValue: b.reason }) },
              { title: t("backups.size"), key: "size", render: (_, b) => `${((b.bytes ?? 0) / 1_048_576).toFixed(1)} MB` },
              {
                key: "restore",
                render: (_, b) => (
                  <Popconfirm
                    title={t("backups.restoreConfirm")}
                    onConfirm={() =>
                      restore
                        .mutateAsync(b.fileName)
                        .then(() => {
                          message.success(t("backups.restored"));
                          onClose();
                        })
                        .catch(fail)
                    }
                  >
                    <Button size="small" loading={restore.isPending && restore.variables === b.fileName}>
                      {t("backups.restore")}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </UnlessFailed>
      </Space>
    </Modal>
  );
}
