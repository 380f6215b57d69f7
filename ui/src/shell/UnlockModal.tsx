import { useState } from "react";
import { Alert, Button, Input, Modal, Space, Typography } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { commands } from "../bindings";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { blockEnterWhileComposing } from "../lib/ime";
import { useOpenWorkspace } from "../lib/queries";

/** Asks for the passphrase of the encrypted workspace the user chose (at start or from the menu). */
export function UnlockModal({ path }: { path: string }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState("");
  const unlock = useOpenWorkspace((p: string) => unwrap(commands.workspaceUnlock(p)));
  const cancel = useOpenWorkspace(() => unwrap(commands.workspaceUnlockCancel()));
  // After a wrong passphrase the field is emptied for the next try; the error says what happened.
  const submit = () => passphrase && unlock.mutate(passphrase, { onError: () => setPassphrase("") });
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      title={
        <Space>
          <LockOutlined />
          {t("passphrase.unlockTitle")}
        </Space>
      }
      footer={[
        <Button key="cancel" onClick={() => cancel.mutate(undefined)} data-testid="unlock-cancel">
          {t("common.cancel")}
        </Button>,
        <Button key="ok" type="primary" disabled={!passphrase} loading={unlock.isPending} onClick={submit} data-testid="unlock-ok">
          {t("passphrase.unlock")}
        </Button>,
      ]}
      data-testid="unlock-modal"
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text>{t("passphrase.unlockHint")}</Typography.Text>
        <Typography.Text type="secondary" ellipsis={{ tooltip: path }}>
          {path}
        </Typography.Text>
        <Input.Password
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          onKeyDown={blockEnterWhileComposing}
          onPressEnter={submit}
          data-testid="unlock-passphrase"
        />
        {unlock.error && <Alert type="error" showIcon title={errorText(t, unlock.error)} data-testid="unlock-error" />}
      </Space>
    </Modal>
  );
}
