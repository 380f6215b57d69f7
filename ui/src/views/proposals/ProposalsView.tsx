import { Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";

export function ProposalsView() {
  const { t } = useTranslation();
  return (
    <div className="view" data-testid="view-proposals">
      <Typography.Title level={4}>{t("proposals.title")}</Typography.Title>
      <div className="view-subtitle">{t("proposals.subtitle")}</div>
      <Empty description={t("proposals.empty")} />
    </div>
  );
}
