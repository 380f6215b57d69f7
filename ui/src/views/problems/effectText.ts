import type { Effect } from "../../bindings";
import type { Language } from "../../i18n";
import { formatMoney } from "../../lib/format";

/** `−30 %`, `+2.5 分钟`: the sign always written, a true minus, as the core writes it in reasons. */
export function formatEffect(effect: number, unit: string): string {
  const sign = effect < 0 ? "−" : effect > 0 ? "+" : "";
  const abs = Math.round(Math.abs(effect) * 100) / 100;
  return `${sign}${abs} ${unit}`;
}

/** The effect with the money it frees, e.g. "−30 %，800万元". */
export function effectFigures(e: Pick<Effect, "effect" | "unit" | "money">, language: Language): string {
  const effect = formatEffect(e.effect ?? 0, e.unit);
  if (!e.money) return effect;
  return `${effect}${language === "en" ? ", " : "，"}${formatMoney(e.money, language)}`;
}
