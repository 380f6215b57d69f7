import { App, Button, Card, Form } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/QueryState";
import { errorText, showFieldError } from "../../lib/errors";
import { useProjectMembers } from "../../lib/queries";
import { PersonSelect } from "../../components/PersonSelect";
import { useSetCoOwners } from "./projectQueries";

type Values = { coOwnerA: number | null; coOwnerB: number | null };

/**
 * The two co-owners (共同负责人), one from each department: shared credit is what wins the other
 * side's VP (S1). They are stored as the project's two executive sponsors; the core refuses two
 * people of the same department next to the second picker.
 */
export function CoOwnersCard({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const members = useProjectMembers();
  const save = useSetCoOwners();
  const sponsors = (members.data ?? []).filter((m) => m.projectId === projectId && m.role === "executive_sponsor").map((m) => m.personId);
  const submit = async ({ coOwnerA, coOwnerB }: Values) => {
    if (coOwnerA === null || coOwnerB === null) return;
    try {
      await save.mutateAsync({ id: projectId, a: coOwnerA, b: coOwnerB });
      void message.success(t("projects.coOwnersSaved"));
    } catch (error) {
      if (!showFieldError(form, t, error)) void message.error(errorText(t, error));
    }
  };
  const required = [{ required: true, message: t("errors.required") }];
  return (
    <Card size="small" title={t("projects.coOwners")} extra={<span className="card-hint">{t("projects.coOwnersHint")}</span>}>
      <QueryState query={members} what={t("reads.coOwners")}>
        {() => (
          <Form<Values>
            form={form}
            layout="inline"
            // Remount when the stored pair changes, so the pickers show what is saved.
            key={sponsors.join(",")}
            initialValues={{ coOwnerA: sponsors[0] ?? null, coOwnerB: sponsors[1] ?? null }}
            onFinish={submit}
            data-testid="co-owners-form"
          >
            <Form.Item name="coOwnerA" label={t("projects.coOwnerA")} rules={required}>
              <PersonSelect style={{ width: 240 }} placeholder={t("projects.pickPerson")} data-testid="co-owner-a" />
            </Form.Item>
            <Form.Item name="coOwnerB" label={t("projects.coOwnerB")} rules={required}>
              <PersonSelect style={{ width: 240 }} placeholder={t("projects.pickPerson")} data-testid="co-owner-b" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="co-owners-save">
              {t("common.save")}
            </Button>
          </Form>
        )}
      </QueryState>
    </Card>
  );
}
