import { App, Button, Popconfirm, Space } from "antd";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors";

/**
 * Edit and move-to-trash buttons of a table row; the trash asks first and says what happened.
 * `onDelete` resolves to false when a further question was declined and nothing was deleted.
 */
export function RowActions(props: {
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  confirm: string;
  hint?: string;
  deleted: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space>
      <Button size="small" onClick={props.onEdit}>
        {t("common.edit")}
      </Button>
      <Popconfirm
        title={props.confirm}
        description={props.hint}
        okText={t("common.delete")}
        cancelText={t("common.cancel")}
        onConfirm={() =>
          props
            .onDelete()
            .then((done) => done !== false && message.success(props.deleted))
            .catch((e) => message.error(errorText(t, e)))
        }
      >
        <Button size="small" danger>
          {t("common.delete")}
        </Button>
      </Popconfirm>
    </Space>
  );
}
