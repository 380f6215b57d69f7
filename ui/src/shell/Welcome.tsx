import { Alert, Button, Card, Flex, Space, Typography } from "antd";
import { ExperimentOutlined, FolderOpenOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CoreError } from "../bindings";
import { AppError } from "../lib/api";
import { errorText } from "../lib/errors";
import { useFirstDataMark } from "../lib/firstDataMark";
import { LanguageSwitch } from "./LanguageSwitch";
import type { LanguageProps } from "./Root";
import { useWorkspaceActions } from "./workspaceActions";

export function Welcome(props: LanguageProps & { startupError: CoreError | null }) {
  const { t } = useTranslation();
  const actions = useWorkspaceActions(props.language);
  useFirstDataMark(true);
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100%", background: "#f0f2f5" }}>
      <Card style={{ width: 640 }} data-testid="welcome">
        <Flex justify="space-between" align="start">
          <Typography.Title level={3}>{t("welcome.title")}</Typography.Title>
          <LanguageSwitch {...props} />
        </Flex>
        <Typography.Paragraph type="secondary">{t("welcome.intro")}</Typography.Paragraph>
        {props.startupError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(t, new AppError(props.startupError))} />
        )}
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Card size="small">
            <Button type="primary" icon={<PlusOutlined />} loading={actions.busy} onClick={actions.openMine} data-testid="welcome-create">
              {t("welcome.createMine")}
            </Button>
            <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
              {t("welcome.createMineHint")}
            </Typography.Paragraph>
          </Card>
          <Card size="small">
            <Button icon={<ExperimentOutlined />} loading={actions.busy} onClick={actions.openDemo} data-testid="welcome-demo">
              {t("welcome.openDemo")}
            </Button>
            <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
              {t("welcome.openDemoHint")}
            </Typography.Paragraph>
          </Card>
          <Button type="link" icon={<FolderOpenOutlined />} onClick={actions.openFile}>
            {t("welcome.openFile")}
          </Button>
        </Space>
      </Card>
    </Flex>
  );
}
