import { Space } from "antd";
import { useTranslation } from "react-i18next";
import { STANCE_COLORS, STANCES } from "./model";
import { PrivateLabel } from "../../components/PrivateMark";

/** What the circles' colours and sizes mean, under the grid and the graph. */
export function StanceLegend() {
  const { t } = useTranslation();
  return (
    <Space wrap size="middle" className="legend">
      <PrivateLabel>{t("profile.stance")}</PrivateLabel>
      {STANCES.map((s) => (
        <span key={s}>
          <span className="stance-dot" style={{ background: STANCE_COLORS[s] }} />
          {t(`profile.stances.${s}`)}
        </span>
      ))}
      <span className="legend-note">{t("map.radiusIsTrust")}</span>
    </Space>
  );
}
