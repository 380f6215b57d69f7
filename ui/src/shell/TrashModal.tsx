import { App, Button, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type TrashItem, type TrashKind } from "../bindings";
import { UnlessFailed } from "../components/QueryState";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { useWrite, WS } from "../lib/queries";

const itemKey = (i: TrashItem) => `${i.kind}:${i.id}`;

/**
 * What was deleted, newest first, with how many links come back with it. Restoring puts an item
 * back as it was; deleting for good (one item or the whole trash) always asks first.
 */
export function TrashModal({ onClose, language }: { onClose: () => void; language: Language }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useQuery({ queryKey: [WS, "trash"], queryFn: () => unwrap(commands.trashList()), refetchOnMount: "always" });
  const restore = useWrite((i: TrashItem) => unwrap(commands.trashRestore(i.kind, i.id)));
  const purge = useWrite((i: TrashItem) => unwrap(commands.trashPurge(i.kind, i.id)));
  const empty = useWrite(() => unwrap(commands.trashEmpty()));
  const fail = (e: unknown) => void message.error(errorText(t, e), 8);
  const total = list.data?.total ?? 0;
  const askEmpty = () =>
    modal.confirm({
      title: t("trash.emptyConfirmTitle"),
      content: t("trash.emptyConfirm", { count: total }),
      okText: t("trash.emptyOk"),
      okButtonProps: { danger: true, id: "trash-empty-ok" },
      cancelText: t("common.cancel"),
      onOk: () =>
        empty
          .mutateAsync(undefined)
          .then(() => message.success(t("trash.emptied")))
          .catch(fail),
    });
  const kindLabel = (k: TrashKind) => t(`trash.kinds.${k}`);
  return (
    <Modal open onCancel={onClose} footer={null} width={860} title={t("trash.title")} destroyOnHidden data-testid="trash-modal">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("trash.hint")}</Typography.Text>
        <Space wrap>
          <Button danger disabled={total === 0} loading={empty.isPending} onClick={askEmpty} data-testid="trash-empty">
            {t("trash.empty")}
          </Button>
          {total > (list.data?.items.length ?? 0) && (
            <Typography.Text type="secondary">{t("trash.showingNewest", { shown: list.data?.items.length, total })}</Typography.Text>
          )}
        </Space>
        <UnlessFailed queries={list} what={t("reads.trash")}>
          <Table<TrashItem>
            size="small"
            rowKey={itemKey}
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t("trash.nothing") }}
            columns={[
              { title: t("trash.kind"), key: "kind", width: 110, render: (_, i) => <Tag>{kindLabel(i.kind)}</Tag> },
              {
                title: t("trash.item"),
                key: "title",
                render: (_, i) => (
                  <span data-testid={`trash-item-${i.kind}`}>
                    {i.title}
                    {i.owner && <Typography.Text type="secondary">{` · ${i.owner}`}</Typography.Text>}
                  </span>
                ),
              },
              { title: t("trash.links"), key: "links", width: 90, render: (_, i) => i.links },
              { title: t("trash.deletedAt"), key: "at", width: 160, render: (_, i) => formatDateTime(i.deletedAt, language) },
              {
                key: "actions",
                width: 190,
                render: (_, i) => (
                  <Space>
                    <Button
                      size="small"
                      loading={restore.isPending && restore.variables === i}
                      onClick={() =>
                        restore
                          .mutateAsync(i)
                          .then(() => message.success(t("trash.restored", { title: i.title })))
                          .catch(fail)
                      }
                      data-testid={`trash-restore-${i.kind}-${i.id}`}
                    >
                      {t("trash.restore")}
                    </Button>
                    <Popconfirm
                      title={t("trash.purgeConfirm", { title: i.title })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => purge.mutateAsync(i).catch(fail)}
                    >
                      <Button size="small" danger type="text">
                        {t("trash.purge")}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </UnlessFailed>
      </Space>
    </Modal>
  );
}
