import type { Language } from "../i18n";

export const WORKSPACE_TIME_ZONE = "Asia/Shanghai";

const WAN = 10_000n * 100n;
const YI = 100_000_000n * 100n;

/** Money arrives as an exact decimal string of yuan ("700000000.00"); parse it to whole fen. */
export function toFen(yuan: string): bigint {
  const negative = yuan.startsWith("-");
  const [int, frac = ""] = yuan.replace("-", "").split(".");
  const fen = BigInt(int || "0") * 100n + BigInt((frac + "00").slice(0, 2));
  return negative ? -fen : fen;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

function grouped(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  const int = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = abs % 100n;
  return `${fen < 0n ? "-" : ""}${int}${cents === 0n ? "" : "." + cents.toString().padStart(2, "0")}`;
}

/** How a director reads an amount: 7亿元 / 12.5万元 in Chinese, ¥700,000,000 in English. */
export function formatMoney(yuan: string, language: Language): string {
  const fen = toFen(yuan);
  if (language === "en") return `¥${grouped(fen)}`;
  const abs = fen < 0n ? -fen : fen;
  const scaled = (unit: bigint) => trimZeros((Number(fen) / Number(unit)).toFixed(2));
  if (abs >= YI) return `${scaled(YI)}亿元`;
  if (abs >= WAN) return `${scaled(WAN)}万元`;
  return `${grouped(fen)}元`;
}

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: WORKSPACE_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(ms));
}

/** Case-insensitive match on the name or its pinyin key ("chenli cl"). */
export function matchesName(query: string, name: string, nameKey: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, "");
  if (!q) return true;
  const compactKey = nameKey.toLowerCase().split(" ");
  return name.toLowerCase().includes(q) || compactKey.some((part) => part.includes(q));
}
