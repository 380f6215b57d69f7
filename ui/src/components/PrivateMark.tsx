import { Tooltip } from "antd";
import { LockOutlined } from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A label with a lock: our private read of a person (stance, trust, pressures, contacts, favours)
 * must look different from the facts a director would share, so nobody pastes it by accident.
 */
export function PrivateLabel({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span className="private-label">
      {children}
      <Tooltip title={t("profile.privateHint")}>
        <LockOutlined className="private-lock" aria-label={t("profile.private")} data-testid="private-lock" />
      </Tooltip>
    </span>
  );
}
