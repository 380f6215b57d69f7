import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Touchpoint } from "../../bindings";
import { EditModal } from "../../components/EditModal";
import { fromPicker, toPicker, todayInZone } from "../../lib/days";
import { useCompleteTouchpoint } from "./projectQueries";

type Values = { doneOn: Dayjs | null; result: string };

/**
 * Records a follow-up as done: on which day (a late recap moves the later checks by as many days,
 * in the core) and what came of it, which the weekly report and the next follow-up build on.
 */
export function CompleteTouchpointModal({ touchpoint, onClose }: { touchpoint: Touchpoint; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const complete = useCompleteTouchpoint();
  return (
    <EditModal<Values>
      open
      title={t("cadence.completeTitle", { action: touchpoint.action })}
      form={form}
      initialValues={{ doneOn: toPicker(todayInZone()), result: "" }}
      saving={complete.isPending}
      save={(v) => complete.mutateAsync({ id: touchpoint.id, doneOn: fromPicker(v.doneOn) ?? "", result: v.result ?? "" })}
      onClose={onClose}
      testId="touchpoint-form"
    >
      <Form.Item name="doneOn" label={t("cadence.doneOn")} rules={[{ required: true, message: t("errors.required") }]} extra={t("cadence.doneOnHint", { due: touchpoint.dueOn })}>
        <DatePicker allowClear={false} data-testid="touchpoint-done-on" />
      </Form.Item>
      <Form.Item name="result" label={t("cadence.result")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t("cadence.resultPlaceholder")} data-testid="touchpoint-result" />
      </Form.Item>
    </EditModal>
  );
}
