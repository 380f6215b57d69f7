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

/** Whole fen back to the exact yuan string the bindings carry ("1234.50"). */
export function fenToYuan(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/**
 * An amount as a director types it (1.2万, ¥1,234.5, 7亿元, full-width digits) to the yuan string
 * the bindings carry; null when it is not an amount or finer than a fen. Parsed here because a
 * malformed amount never reaches the core's own error codes: it fails deserialising the command.
 */
export function parseMoney(input: string): string | null {
  const s = input.normalize("NFKC").replace(/[,\s¥￥]/g, "").replace(/元$/, "");
  const m = /^(-?)(\d+)(?:\.(\d+))?(万|亿)?$/.exec(s);
  if (!m) return null;
  const [, sign, int, frac = "", unit] = m;
  const places = (unit === "亿" ? 8 : unit === "万" ? 4 : 0) + 2;
  if (/[1-9]/.test(frac.slice(places))) return null;
  const fen = BigInt(int + frac.slice(0, places).padEnd(places, "0"));
  return fenToYuan(sign ? -fen : fen);
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

// Building an Intl formatter costs far more than using one; long lists format thousands of dates.
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatDateTime(ms: number, language: Language): string {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      timeZone: WORKSPACE_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    dateTimeFormats.set(language, format);
  }
  return format.format(new Date(ms));
}

/** Case-insensitive match on the name or its pinyin key ("chenli cl"). */
export function matchesName(query: string, name: string, nameKey: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, "");
  if (!q) return true;
  const compactKey = nameKey.toLowerCase().split(" ");
  return name.toLowerCase().includes(q) || compactKey.some((part) => part.includes(q));
}
