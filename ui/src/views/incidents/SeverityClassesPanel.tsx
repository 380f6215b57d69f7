import { useState } from "react";
import { App, Button, Input, InputNumber, Table } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type SeverityClass } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { WS } from "../../lib/queries";
import { useBoardLists } from "../../lib/incidentQueries";

type Edit = { remedy: string; slaHours: number | null };

/** Each class's preset remedy and SLA; open incidents of a class follow its new SLA. */
export function SeverityClassesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const lists = useBoardLists();
  const classes = lists.data?.severityClasses ?? [];
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const save = useMutation({
    mutationFn: ({ id, remedy, slaHours }: { id: number; remedy: string; slaHours: number }) =>
      unwrap(commands.severityClassUpdate(id, remedy, slaHours)),
    onSuccess: (_, { id }) => {
      setEdits(({ [id]: _saved, ...rest }) => rest);
      void message.success(t("rules.classSaved"));
      return client.invalidateQueries({ queryKey: [WS] });
    },
    onError: (e) => void message.error(errorText(t, e)),
  });
  const editOf = (c: SeverityClass): Edit => edits[c.id] ?? { remedy: c.remedy, slaHours: c.slaHours };
  const change = (c: SeverityClass, patch: Partial<Edit>) => setEdits({ ...edits, [c.id]: { ...editOf(c), ...patch } });

  return (
    <UnlessFailed queries={lists} what={t("reads.severityClasses")}>
      <Table<SeverityClass>
        size="small"
        rowKey="id"
        pagination={false}
        loading={lists.isLoading}
        dataSource={classes}
        data-testid="severity-classes"
        columns={[
          { title: t("rules.className"), dataIndex: "name", width: 120 },
          {
            title: t("rules.remedy"),
            render: (_, c) => (
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} value={editOf(c).remedy} onChange={(e) => change(c, { remedy: e.target.value })} />
            ),
          },
          {
            title: t("rules.slaHours"),
            width: 130,
            render: (_, c) => (
              <InputNumber min={1} precision={0} style={{ width: "100%" }} value={editOf(c).slaHours} onChange={(v) => change(c, { slaHours: v })} />
            ),
          },
          {
            title: t("common.actions"),
            width: 90,
            render: (_, c) => {
              const { remedy, slaHours } = editOf(c);
              return (
                <Button
                  type="primary"
                  size="small"
                  disabled={!edits[c.id] || slaHours === null}
                  loading={save.isPending && save.variables?.id === c.id}
                  onClick={() => slaHours !== null && save.mutate({ id: c.id, remedy, slaHours })}
                >
                  {t("common.save")}
                </Button>
              );
            },
          },
        ]}
      />
    </UnlessFailed>
  );
}
