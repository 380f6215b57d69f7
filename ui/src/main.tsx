import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { commands } from "./bindings";
import { initI18n, type Language } from "./i18n";
import { App } from "./App";
import { reportUncaught } from "./lib/errorReport";
import "./styles.css";

reportUncaught();

async function start() {
  const prefs = await commands.prefsGet();
  const language: Language = prefs.language ?? "zh-CN";
  await initI18n(language);
  document.documentElement.lang = language;
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App initialLanguage={language} />
    </StrictMode>,
  );
}

void start();
