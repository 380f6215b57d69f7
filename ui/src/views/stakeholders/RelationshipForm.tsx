import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { RelationKind } from "../../bindings";
import { optionsState } from "../../components/QueryState";
import { matchesName } from "../../lib/format";
import { usePeople } from "../../lib/queries";
import { EditModal } from "../../components/EditModal";
import { PrivateLabel } from "../../components/PrivateMark";
import { useAddRelationship } from "./stakeholderQueries";

type Values = { from: number; to: number; kind: RelationKind; note: string };

const pinyinSearch = {
  filterOption: (input: string, option?: { label?: unknown; key?: unknown }) =>
    matchesName(input, String(option?.label ?? ""), String(option?.key ?? "")),
};

/** Records that two people are allies, rivals, or that one influences the other. */
export function RelationshipForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddRelationship();
  const people = usePeople();
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: p.name, key: p.nameKey, title: p.name }));
  const peopleState = optionsState(people, t("reads.people"));
  const kinds: RelationKind[] = ["ally", "rival", "influences"];
  return (
    <EditModal<Values>
      open={open}
      title={t("map.addRelationship")}
      form={form}
      initialValues={{ kind: "ally", note: "" } as Values}
      saving={add.isPending}
      save={(v) => add.mutateAsync({ from: v.from, to: v.to, kind: v.kind, note: v.note ?? "" })}
      onClose={onClose}
      testId="relationship-form"
    >
      <Form.Item name="from" label={t("map.from")} rules={[{ required: true, message: t("errors.required") }]}>
        <Select showSearch={pinyinSearch} options={options} {...peopleState} data-testid="relationship-from" />
      </Form.Item>
      <Form.Item name="kind" label={t("map.kind")}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`map.edges.${k}`) }))} />
      </Form.Item>
      <Form.Item name="to" label={t("map.to")} rules={[{ required: true, message: t("errors.required") }]}>
        <Select showSearch={pinyinSearch} options={options} {...peopleState} data-testid="relationship-to" />
      </Form.Item>
      <Form.Item name="note" label={<PrivateLabel>{t("map.note")}</PrivateLabel>}>
        <Input maxLength={500} placeholder={t("map.notePlaceholder")} />
      </Form.Item>
    </EditModal>
  );
}
