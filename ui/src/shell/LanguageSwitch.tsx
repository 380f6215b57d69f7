import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n";
import type { LanguageProps } from "./Root";

export function LanguageSwitch({ language, onLanguageChange }: LanguageProps) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid="language-switch"
      aria-label={t("language.label")}
      value={language}
      onChange={onLanguageChange}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      style={{ width: 120 }}
    />
  );
}
