import { useState } from "react";
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space } from "antd";
import { useTranslation } from "react-i18next";
import { commands, type WorkspaceInfo } from "../bindings";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { blockEnterWhileComposing } from "../lib/ime";
import { useOpenWorkspace } from "../lib/queries";

type Values = { current?: string; next?: string; repeat?: string };

/** The smallest passphrase we accept: short ones fall to guessing in minutes. */
const MIN_LENGTH = 8;

/**
 * Sets, changes or removes the workspace's passphrase. Setting or changing one says plainly that a
 * forgotten passphrase cannot be recovered, and waits until the director ticks that they know it.
 */
export function PassphraseModal({ workspace, onClose }: { workspace: WorkspaceInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [understood, setUnderstood] = useState(false);
  const change = useOpenWorkspace(({ current, next }: { current: string | null; next: string | null }) =>
    unwrap(commands.workspaceSetPassphrase(current, next)),
  );
  const encrypted = workspace.encrypted;
  const run = (current: string | null, next: string | null, done: string) =>
    change
      .mutateAsync({ current, next })
      .then(() => {
        void message.success(t(done));
        onClose();
      })
      .catch((e) => void message.error(errorText(t, e), 8));
  const save = (v: Values) => run(v.current ?? null, v.next ?? null, encrypted ? "passphrase.changed" : "passphrase.set");
  const remove = () => form.validateFields(["current"]).then((v) => run(v.current ?? null, null, "passphrase.removed"));
  return (
    <Modal
      open
      onCancel={onClose}
      title={t(encrypted ? "passphrase.changeHeading" : "passphrase.setHeading")}
      footer={null}
      destroyOnHidden
      data-testid="passphrase-modal"
    >
      <Form form={form} layout="vertical" onFinish={save} onKeyDown={blockEnterWhileComposing}>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t("passphrase.warningTitle")} description={t("passphrase.warning")} />
        {encrypted && (
          <Form.Item name="current" label={t("passphrase.current")} rules={[{ required: true, message: t("passphrase.currentRequired") }]}>
            <Input.Password autoFocus data-testid="passphrase-current" />
          </Form.Item>
        )}
        <Form.Item
          name="next"
          label={t("passphrase.new")}
          rules={[{ required: true, min: MIN_LENGTH, message: t("passphrase.tooShort", { min: MIN_LENGTH }) }]}
        >
          <Input.Password autoFocus={!encrypted} data-testid="passphrase-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t("passphrase.repeat")}
          dependencies={["next"]}
          rules={[
            { required: true, message: t("passphrase.repeatRequired") },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue("next") ? Promise.resolve() : Promise.reject(new Error(t("passphrase.mismatch")))),
            }),
          ]}
        >
          <Input.Password data-testid="passphrase-repeat" />
        </Form.Item>
        <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="passphrase-understood">
          {t("passphrase.understood")}
        </Checkbox>
        <Space style={{ marginTop: 16, width: "100%", justifyContent: "flex-end" }}>
          {encrypted && (
            <Button danger onClick={remove} loading={change.isPending} data-testid="passphrase-remove">
              {t("passphrase.remove")}
            </Button>
          )}
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" disabled={!understood} loading={change.isPending} data-testid="passphrase-save">
            {t(encrypted ? "passphrase.change" : "passphrase.setAction")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
