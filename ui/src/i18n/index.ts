import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import zhCN from "./zh-CN.json";
import en from "./en.json";

export type Language = "zh-CN" | "en";
export const LANGUAGES: Language[] = ["zh-CN", "en"];

export function initI18n(language: Language) {
  return i18n.use(initReactI18next).init({
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: "zh-CN",
    // React escapes text itself; i18next escaping would show &lt; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export default i18n;
