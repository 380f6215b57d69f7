import { App, Button, Popconfirm } from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { errorText } from "../lib/errors";

/** The small trash button of a note, contact or favour: asks first, reports a refused delete. */
export function DeleteIconButton({ confirm, onDelete, testId }: { confirm: string; onDelete: () => Promise<unknown>; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={confirm}
      okText={t("common.delete")}
      cancelText={t("common.cancel")}
      onConfirm={() => onDelete().catch((e) => message.error(errorText(t, e)))}
    >
      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} data-testid={testId} />
    </Popconfirm>
  );
}
