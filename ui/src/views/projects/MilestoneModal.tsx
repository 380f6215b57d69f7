import { App, Button, DatePicker, Form, Input, Popconfirm, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Milestone, MilestoneInput } from "../../bindings";
import { optionsState } from "../../components/QueryState";
import { AppError } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { useProjects } from "../../lib/queries";
import { EditModal } from "../../components/EditModal";
import { fromPicker, toPicker } from "../../lib/days";
import { useDeleteMilestone, useSaveMilestone, useSetDependencies, useTimeline } from "./projectQueries";

type Values = {
  projectId: number | null;
  name: string;
  span: [Dayjs, Dayjs] | null;
  staffing: string;
  exitCriteria: string;
  doneOn: Dayjs | null;
  dependsOn: number[];
};

/**
 * Adds or edits a milestone (S1: POC 2 weeks, 1 engineer → MVP 6 weeks, 2–3 engineers) and what
 * it waits for, in any project. The core refuses a dependency that would close a loop.
 */
export function MilestoneModal({ milestone, onClose }: { milestone: Milestone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const projectsQuery = useProjects();
  const timelineQuery = useTimeline();
  const projects = projectsQuery.data ?? [];
  const timeline = timelineQuery.data;
  const save = useSaveMilestone();
  const setDependencies = useSetDependencies();
  const remove = useDeleteMilestone();
  const before = milestone ? (timeline?.dependencies ?? []).filter(([id]) => id === milestone.id).map(([, on]) => on) : [];
  const titles = new Map(projects.map((p) => [p.id, p.title]));
  const others = (timeline?.milestones ?? [])
    .filter((m) => m.id !== milestone?.id)
    .map((m) => ({ value: m.id, label: `${titles.get(m.projectId) ?? ""} · ${m.name}` }));
  const initialValues: Values = {
    projectId: milestone?.projectId ?? projects[0]?.id ?? null,
    name: milestone?.name ?? "",
    span: milestone ? [toPicker(milestone.startsOn)!, toPicker(milestone.endsOn)!] : null,
    staffing: milestone?.staffing ?? "",
    exitCriteria: milestone?.exitCriteria ?? "",
    doneOn: toPicker(milestone?.doneOn),
    dependsOn: before,
  };
  const required = [{ required: true, message: t("errors.required") }];

  const submit = async (v: Values) => {
    const [start, end] = v.span ?? [null, null];
    const input: MilestoneInput = {
      name: v.name,
      startsOn: fromPicker(start) ?? "",
      endsOn: fromPicker(end) ?? "",
      staffing: v.staffing ?? "",
      exitCriteria: v.exitCriteria ?? "",
      doneOn: fromPicker(v.doneOn),
    };
    const saved = await save.mutateAsync({ id: milestone?.id ?? null, projectId: v.projectId ?? 0, input }).catch((error: unknown) => {
      // The core names startsOn/endsOn; both are the one range picker here.
      if (error instanceof AppError && (error.core.field === "startsOn" || error.core.field === "endsOn")) throw new AppError({ ...error.core, field: "span" });
      throw error;
    });
    await setDependencies.mutateAsync({ id: saved.id, before, after: v.dependsOn ?? [] });
  };

  return (
    <EditModal<Values>
      open
      title={milestone ? t("timeline.edit") : t("timeline.add")}
      form={form}
      initialValues={initialValues}
      saving={save.isPending || setDependencies.isPending}
      save={submit}
      onClose={onClose}
      testId="milestone-form"
    >
      <Form.Item name="projectId" label={t("projects.name")} rules={required}>
        <Select
          disabled={!!milestone}
          options={projects.map((p) => ({ value: p.id, label: p.title }))}
          {...optionsState(projectsQuery, t("reads.projects"))}
          data-testid="milestone-project"
        />
      </Form.Item>
      <Form.Item name="name" label={t("timeline.name")} rules={required}>
        <Input maxLength={100} data-testid="milestone-name" />
      </Form.Item>
      <Form.Item name="span" label={t("timeline.span")} rules={required}>
        <DatePicker.RangePicker data-testid="milestone-span" />
      </Form.Item>
      <Form.Item name="staffing" label={t("timeline.staffing")}>
        <Input maxLength={200} placeholder={t("timeline.staffingPlaceholder")} />
      </Form.Item>
      <Form.Item name="exitCriteria" label={t("timeline.exitCriteria")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="doneOn" label={t("timeline.doneOn")}>
        <DatePicker data-testid="milestone-done" />
      </Form.Item>
      <Form.Item name="dependsOn" label={t("timeline.dependsOn")} extra={t("timeline.dependsOnHint")}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          options={others}
          {...optionsState(timelineQuery, t("reads.timeline"))}
          data-testid="milestone-depends"
        />
      </Form.Item>
      {milestone && (
        <Popconfirm
          title={t("timeline.deleteConfirm", { name: milestone.name })}
          okText={t("common.delete")}
          cancelText={t("common.cancel")}
          onConfirm={() =>
            remove
              .mutateAsync(milestone.id)
              .then(onClose)
              .catch((e) => message.error(errorText(t, e)))
          }
        >
          <Button danger size="small">
            {t("timeline.delete")}
          </Button>
        </Popconfirm>
      )}
    </EditModal>
  );
}
