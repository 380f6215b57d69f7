import { App, Button } from "antd";
import { CopyOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";

/** Copies a ready-made sentence for a report or a chat message. */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t("evidence.copied"));
    } catch (error) {
      void message.error(t("evidence.copyFailed", { detail: String(error) }));
    }
  };
  return (
    <Button size="small" icon={<CopyOutlined />} onClick={copy} data-testid={testId}>
      {t("evidence.copy")}
    </Button>
  );
}
