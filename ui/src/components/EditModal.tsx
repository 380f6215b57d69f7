import { App, Form, Modal, type ButtonProps, type FormInstance } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorText, showFieldError } from "../lib/errors";
import { blockEnterWhileComposing } from "../lib/ime";

/**
 * A create/edit dialog: submits through `save`, puts a core error next to its field (or in a
 * message when it belongs to none), and closes only when the write landed.
 */
export function EditModal<V extends object>(props: {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  initialValues: V;
  saving: boolean;
  save: (values: V) => Promise<unknown>;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = async (values: V) => {
    try {
      await props.save(values);
      props.onClose();
    } catch (error) {
      if (!showFieldError(props.form, t, error)) void message.error(errorText(t, error), 8);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={props.saving}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": `${props.testId}-save` } as ButtonProps}
    >
      <div onKeyDownCapture={blockEnterWhileComposing}>
        <Form<V>
          form={props.form}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={submit}
          preserve={false}
          data-testid={props.testId}
        >
          {props.children}
        </Form>
      </div>
    </Modal>
  );
}
