import type { ReactNode } from "react";
import { Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { IncidentFilter } from "../../bindings";
import { useIncidentLinks } from "./IncidentLinks";

/** One decimal at most, grouped the reader's way; null ("not enough data") stays null. */
export function num(value: number | null | undefined, language: string, digits = 1): string | null {
  return value === null || value === undefined ? null : value.toLocaleString(language, { maximumFractionDigits: digits });
}

/**
 * A figure computed from the registry. With a filter it is a link to the incidents behind it, so
 * anyone who doubts the number can open the tickets it counts.
 */
export function Computed({
  label,
  value,
  link,
  testId,
}: {
  label: string;
  value: string | null;
  link?: IncidentFilter | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const { showIncidents } = useIncidentLinks();
  const shown = value ?? t("common.none");
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      <div className="figure-value">
        {link && value !== null ? (
          <Tooltip title={t("evidence.openIncidents")}>
            <Typography.Link onClick={() => showIncidents(`${label}：${shown}`, link)} data-testid={testId}>
              {shown}
            </Typography.Link>
          </Tooltip>
        ) : (
          <span data-testid={testId}>{shown}</span>
        )}
      </div>
    </div>
  );
}

/** A figure the director entered (a survey, a pilot, a quote): marked so nobody takes it for computed. */
export function Entered({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="figure figure-entered">
      <div className="figure-label">
        {label}
        <Tag color="gold" className="entered-tag">
          {t("evidence.entered")}
        </Tag>
      </div>
      <div className="figure-value" data-testid={testId}>
        {value ?? t("common.none")}
      </div>
    </div>
  );
}
