import { QueryCache } from "@tanstack/react-query";
import { commands } from "../bindings";

/**
 * What goes wrong in the page out of the user's sight goes to the app's log (`liaison.log`):
 * a read that failed, an uncaught error, a rejected promise nobody handled, React's own error
 * reports. The page still shows the failure where it happened; the log is for support, and the
 * end-to-end tests fail on any line in it.
 */
export function report(kind: string, error: unknown) {
  const detail = error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack}` : ""}` : safeJson(error);
  void commands.uiErrorReport(kind, detail).catch(() => {});
}

function safeJson(value: unknown) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A query cache that reports every failed read, with the query's key. */
export const reportingQueryCache = () =>
  new QueryCache({ onError: (error, query) => report("query", { key: query.queryKey, error: error instanceof Error ? { ...error, message: error.message } : error }) });

export function reportUncaught() {
  window.addEventListener("error", (e) => report("uncaught", e.error ?? e.message));
  window.addEventListener("unhandledrejection", (e) => report("rejection", e.reason));
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    consoleError(...args);
    report("console", args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : safeJson(a))).join(" "));
  };
}
