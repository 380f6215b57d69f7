import { App, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { IncidentFilter, Problem } from "../bindings";
import { DepartmentSelect } from "./DepartmentSelect";
import { optionsState } from "./QueryState";
import { useCreateProblem, useLinkIncidents, useProblems } from "../lib/queries";
import { EditModal } from "./EditModal";

type Values = { target: "new" | "existing"; title: string; ownerDepartmentId: number | null; problemId: number | null };

/**
 * A new problem, or (with `link`, from the board) the board's filtered incidents filed under a new
 * or an existing problem.
 */
export function NewProblemModal({
  link,
  onClose,
  onCreated,
}: {
  link: IncidentFilter | null;
  onClose: () => void;
  onCreated?: (problem: Problem) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch("target", form) ?? "new";
  const problems = useProblems();
  const create = useCreateProblem();
  const linkIncidents = useLinkIncidents();

  const save = async (v: Values) => {
    if (v.target === "existing" && link && v.problemId !== null) {
      const added = await linkIncidents.mutateAsync({ id: v.problemId, filter: link });
      void message.success(t("problems.linked", { count: added }));
      return;
    }
    const created = await create.mutateAsync({ input: { title: v.title, ownerDepartmentId: v.ownerDepartmentId, projectionWeeks: 12 }, link });
    void message.success(link ? t("problems.createdLinked", { title: created.title, count: created.incidentCount }) : t("problems.created", { title: created.title }));
    onCreated?.(created);
  };

  return (
    <EditModal<Values>
      open
      title={link ? t("problems.fileTitle") : t("problems.new")}
      form={form}
      initialValues={{ target: "new", title: "", ownerDepartmentId: null, problemId: null }}
      saving={create.isPending || linkIncidents.isPending}
      save={save}
      onClose={onClose}
      testId="problem-form"
    >
      {link && (
        <Form.Item name="target">
          <Radio.Group
            options={[
              { value: "new", label: t("problems.fileNew") },
              // Only a list read as empty rules this out; a failed one is shown at the picker.
              { value: "existing", label: t("problems.fileExisting"), disabled: problems.data?.length === 0 },
            ]}
          />
        </Form.Item>
      )}
      {target === "existing" ? (
        <Form.Item name="problemId" label={t("problems.fileProblem")} rules={[{ required: true, message: t("errors.required") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={(problems.data ?? []).map((p) => ({ value: p.id, label: p.title ?? "" }))}
            {...optionsState(problems, t("reads.problems"))}
            data-testid="problem-form-existing"
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="title" label={t("problems.fields.title")} rules={[{ required: true, whitespace: true, message: t("errors.required") }]}>
            <Input maxLength={200} placeholder={t("problems.fields.titleHint")} data-testid="problem-form-title" />
          </Form.Item>
          <Form.Item name="ownerDepartmentId" label={t("problems.fields.owner")}>
            <DepartmentSelect allowClear showSearch={{ optionFilterProp: "label" }} placeholder={t("problems.fields.ownerHint")} />
          </Form.Item>
        </>
      )}
    </EditModal>
  );
}
