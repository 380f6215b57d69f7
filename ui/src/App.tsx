import { useState } from "react";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import enUS from "antd/locale/en_US";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { commands } from "./bindings";
import i18n, { type Language } from "./i18n";
import { Root } from "./shell/Root";
import { reportingQueryCache } from "./lib/errorReport";

const queryClient = new QueryClient({
  queryCache: reportingQueryCache(),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

const FONT = `"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif`;

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);

  const changeLanguage = async (next: Language) => {
    await i18n.changeLanguage(next);
    document.documentElement.lang = next;
    setLanguage(next);
    await commands.prefsSetLanguage(next);
  };

  return (
    <ConfigProvider locale={language === "zh-CN" ? zhCN : enUS} theme={{ token: { fontFamily: FONT } }}>
      <AntApp style={{ height: "100%" }}>
        <QueryClientProvider client={queryClient}>
          <Root language={language} onLanguageChange={changeLanguage} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
