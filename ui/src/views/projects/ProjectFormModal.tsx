import { DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Project, ProjectInput } from "../../bindings";
import { EditModal } from "../../components/EditModal";
import { MetricSelect } from "../../components/MetricSelect";
import { parseMetrics } from "../../lib/metrics";
import { fromPicker, toPicker } from "../../lib/days";
import { EMPTY_PROJECT, STATUSES } from "./projectModel";
import { useSaveProject } from "./projectQueries";

type Values = Omit<ProjectInput, "impactMetrics" | "launchOn" | "anchorOn"> & { impactMetrics: string[]; launchOn: Dayjs | null };

/** Creates or edits a project's write-up; co-owners, roles and the rest live on the project page. */
export function ProjectFormModal({ project, onClose, onSaved }: { project: Project | null; onClose: () => void; onSaved?: (p: Project) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProject();
  const base = project ?? EMPTY_PROJECT;
  const initialValues: Values = { ...base, impactMetrics: parseMetrics(base.impactMetrics), launchOn: toPicker(base.launchOn) };
  return (
    <EditModal<Values>
      open
      title={project ? t("projects.edit") : t("projects.new")}
      form={form}
      initialValues={initialValues}
      saving={save.isPending}
      testId="project-form"
      onClose={onClose}
      save={async (v) => {
        // The anchor date is set by applying a cadence; editing the write-up keeps it.
        const input: ProjectInput = { ...v, impactMetrics: v.impactMetrics.join(","), launchOn: fromPicker(v.launchOn), anchorOn: base.anchorOn };
        const saved = await save.mutateAsync({ id: project?.id ?? null, input });
        onSaved?.(saved);
      }}
    >
      <Form.Item name="title" label={t("projects.name")} rules={[{ required: true, message: t("errors.required") }]}>
        <Input maxLength={100} data-testid="project-title" />
      </Form.Item>
      <Form.Item name="goal" label={t("projects.goal")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="project-goal" />
      </Form.Item>
      <div className="project-form-row">
        <Form.Item name="status" label={t("projects.status")}>
          <Select options={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))} data-testid="project-status" />
        </Form.Item>
        <Form.Item name="launchOn" label={t("projects.launchOn")}>
          <DatePicker data-testid="project-launch" />
        </Form.Item>
      </div>
      <Form.Item name="impactMetrics" label={t("projects.impactMetrics")} extra={t("projects.impactMetricsHint")}>
        <MetricSelect mode="multiple" allowClear data-testid="project-metrics" />
      </Form.Item>
      <Form.Item name="benefits" label={t("projects.benefits")} extra={t("projects.benefitsHint")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="project-benefits" />
      </Form.Item>
    </EditModal>
  );
}
