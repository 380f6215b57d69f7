import { Alert, Checkbox, Form, Input, Modal, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { DraftRequest, TemplateKind } from "../../bindings";
import { optionsState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { useProblems, useProjects } from "../../lib/queries";
import { useCatalogue } from "./proposalQueries";

export const KINDS: TemplateKind[] = ["solution", "business_case", "invitation", "weekly_report", "launch_thanks", "meeting_recap"];

/** Which kinds need a problem, which a project: the form asks only for what the template fills. */
const NEEDS: Record<TemplateKind, { problem: boolean; project: boolean }> = {
  solution: { problem: true, project: true },
  business_case: { problem: true, project: false },
  invitation: { problem: false, project: true },
  weekly_report: { problem: false, project: true },
  launch_thanks: { problem: false, project: true },
  meeting_recap: { problem: true, project: true },
};

type Values = { kind: TemplateKind; language: Language; templateId: number | null; problemId: number | null; projectId: number | null; includePrivate: boolean; author: string };

// The author's name is this laptop's, not the workspace's.
const AUTHOR_KEY = "liaison.proposal.author";

export function NewDocumentModal({ open, language, onClose, onCreate, creating }: { open: boolean; language: Language; onClose: () => void; onCreate: (r: DraftRequest) => void; creating: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? "solution";
  const lang = Form.useWatch("language", form) ?? language;
  const includePrivate = Form.useWatch("includePrivate", form);
  const problemsQuery = useProblems();
  const projectsQuery = useProjects();
  const catalogue = useCatalogue();
  const problems = problemsQuery.data ?? [];
  const projects = projectsQuery.data ?? [];
  const saved = (catalogue.data?.saved ?? []).filter((s) => s.template.kind === kind && s.template.language === lang);
  const submit = (v: Values) => {
    localStorage.setItem(AUTHOR_KEY, v.author ?? "");
    onCreate({
      kind: v.kind,
      language: v.language,
      templateId: v.templateId ?? null,
      subject: { problemId: NEEDS[v.kind].problem ? (v.problemId ?? null) : null, projectId: NEEDS[v.kind].project ? (v.projectId ?? null) : null, week: null },
      includePrivate: v.includePrivate ?? false,
      author: v.author ?? "",
    });
  };
  return (
    <Modal open={open} title={t("proposals.new")} onCancel={onClose} onOk={() => form.submit()} okText={t("proposals.create")} confirmLoading={creating} destroyOnHidden data-testid="proposal-new-modal">
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ kind: "solution", language, templateId: null, problemId: problems[0]?.id ?? null, projectId: projects[0]?.id ?? null, includePrivate: false, author: localStorage.getItem(AUTHOR_KEY) ?? "" }}
      >
        <Form.Item name="kind" label={t("proposals.kind")}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`proposals.kinds.${k}`) }))} data-testid="proposal-kind" />
        </Form.Item>
        <Form.Item name="language" label={t("proposals.language")}>
          <Radio.Group optionType="button" options={[{ value: "zh-CN", label: "中文" }, { value: "en", label: "English" }]} />
        </Form.Item>
        <Form.Item name="templateId" label={t("proposals.template")}>
          <Select
            options={[{ value: null, label: t("proposals.builtinTemplate") }, ...saved.map((s) => ({ value: s.id, label: s.name }))]}
            {...optionsState(catalogue, t("reads.catalogue"))}
          />
        </Form.Item>
        {NEEDS[kind].problem && (
          <Form.Item name="problemId" label={t("proposals.problem")}>
            <Select
              allowClear
              options={problems.map((p) => ({ value: p.id, label: p.title }))}
              {...optionsState(problemsQuery, t("reads.problems"))}
              data-testid="proposal-problem"
            />
          </Form.Item>
        )}
        {NEEDS[kind].project && (
          <Form.Item name="projectId" label={t("proposals.project")}>
            <Select
              allowClear
              options={projects.map((p) => ({ value: p.id, label: p.title }))}
              {...optionsState(projectsQuery, t("reads.projects"))}
              data-testid="proposal-project"
            />
          </Form.Item>
        )}
        <Form.Item name="author" label={t("proposals.author")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="includePrivate" valuePropName="checked">
          <Checkbox data-testid="proposal-private">{t("proposals.includePrivate")}</Checkbox>
        </Form.Item>
        {includePrivate && <Alert type="warning" showIcon message={t("proposals.privateWarning")} />}
      </Form>
    </Modal>
  );
}
