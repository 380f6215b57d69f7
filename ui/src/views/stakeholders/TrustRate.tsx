import { Rate, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Trust 1–5 as stars, or "not recorded" in words: no stars would read as no trust at all. */
export function TrustRate({ trust }: { trust: number | null }) {
  const { t } = useTranslation();
  return trust == null ? (
    <Typography.Text type="secondary">{t("profile.trustUnrecorded")}</Typography.Text>
  ) : (
    <Rate disabled value={trust} className="rate-small" />
  );
}
