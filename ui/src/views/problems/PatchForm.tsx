import type { ReactNode } from "react";
import { App, Button, Flex, Form, type FormInstance, type FormProps } from "antd";
import { SaveOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Problem, ProblemInput } from "../../bindings";
import { errorText, showFieldError } from "../../lib/errors";
import { blockEnterWhileComposing } from "../../lib/ime";
import { useUpdateProblem } from "./problemQueries";

/** Saves `toPatch(values)` over the stored problem; a core error lands next to its field. */
export function usePatchSave<V>(problem: Problem, form: FormInstance<V>, toPatch: (values: V) => ProblemInput) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateProblem();
  const save = async (values: V) => {
    try {
      await update.mutateAsync({ problem, patch: toPatch(values) });
      void message.success(t("problems.saved"));
      return true;
    } catch (error) {
      if (!showFieldError(form, t, error)) void message.error(errorText(t, error), 8);
      return false;
    }
  };
  return { save, saving: update.isPending };
}

/**
 * One part of a problem's write-up, edited in place. Form item names are the input's own field
 * names, so the core's field errors (`investment`, `periodATo`…) find their item.
 */
export function PatchForm<V extends object>({
  problem,
  initialValues,
  toPatch,
  testId,
  layout = "vertical",
  actions,
  children,
}: {
  problem: Problem;
  initialValues: V;
  toPatch: (values: V) => ProblemInput;
  testId: string;
  layout?: FormProps["layout"];
  /** More buttons beside Save; they get the form to read unsaved values. */
  actions?: (form: FormInstance<V>) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { save, saving } = usePatchSave(problem, form, toPatch);
  return (
    <div onKeyDownCapture={blockEnterWhileComposing}>
      <Form<V> form={form} layout={layout} initialValues={initialValues} onFinish={save} data-testid={testId}>
        {children}
        <Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid={`${testId}-save`}>
              {t("common.save")}
            </Button>
            {actions?.(form)}
          </Flex>
        </Form.Item>
      </Form>
    </div>
  );
}
