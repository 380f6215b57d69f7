//! Money is one type: whole fen (分) in an i64. It crosses the bindings as a decimal string of yuan
//! ("700000000.00") so no float ever touches an amount, and it reads the way Chinese users type
//! amounts: `¥1,234.5`, `12.5万`, `7亿元`, `３００元`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{CoreError, ErrorCode, Result};

/// Stored in SQLite as INTEGER fen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type)]
#[sqlx(transparent)]
#[cfg_attr(feature = "specta", derive(specta::Type), specta(type = String))]
pub struct Money(i64);

const FEN_PER_YUAN: i128 = 100;
const WAN: i128 = 10_000;
const YI: i128 = 100_000_000;

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_fen(fen: i64) -> Money {
        Money(fen)
    }

    pub const fn from_yuan(yuan: i64) -> Money {
        Money(yuan * 100)
    }

    pub const fn fen(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Parses what a director types or an export contains. Fractions of a fen round half away
    /// from zero, as a cashier would.
    pub fn parse(input: &str) -> Result<Money> {
        let invalid = || CoreError::new(ErrorCode::InvalidMoney).with("value", input.trim());
        let normalised: String = input
            .chars()
            .map(fullwidth_to_ascii)
            .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '_' | '\''))
            .collect();
        let mut s = normalised.as_str();
        let negative = if let Some(rest) = s.strip_prefix('-') {
            s = rest;
            true
        } else {
            false
        };
        for prefix in ["¥", "￥", "CNY", "RMB"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest;
            }
        }
        for suffix in ["元", "CNY", "RMB"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest;
            }
        }
        let unit = if let Some(rest) = s.strip_suffix('亿') {
            s = rest;
            YI
        } else if let Some(rest) = s.strip_suffix('万') {
            s = rest;
            WAN
        } else {
            1
        };
        let (int_part, frac_part) = s.split_once('.').unwrap_or((s, ""));
        let digits_only = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if (int_part.is_empty() && frac_part.is_empty()) || !digits_only(int_part) || !digits_only(frac_part) {
            return Err(invalid());
        }
        if int_part.len() + frac_part.len() > 30 {
            return Err(CoreError::new(ErrorCode::MoneyOutOfRange).with("value", input.trim()));
        }
        let digits: i128 = format!("{int_part}{frac_part}").parse().unwrap_or(0);
        let denominator = 10i128.pow(frac_part.len() as u32);
        let numerator = digits * unit * FEN_PER_YUAN;
        let mut fen = numerator / denominator;
        if (numerator % denominator) * 2 >= denominator {
            fen += 1;
        }
        let fen = if negative { -fen } else { fen };
        i64::try_from(fen)
            .ok()
            .filter(|f| f.unsigned_abs() < (1u64 << 53))
            .map(Money)
            .ok_or_else(|| CoreError::new(ErrorCode::MoneyOutOfRange).with("value", input.trim()))
    }

    /// `700000000.00`: the exact wire form.
    pub fn to_yuan_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// How a Chinese reader says it: `7亿元`, `12.5万元`, `3,200元`.
    pub fn format_zh(self) -> String {
        let fen = self.0 as i128;
        let (scaled, unit) = if fen.abs() >= YI * FEN_PER_YUAN {
            (fen as f64 / (YI * FEN_PER_YUAN) as f64, "亿元")
        } else if fen.abs() >= WAN * FEN_PER_YUAN {
            (fen as f64 / (WAN * FEN_PER_YUAN) as f64, "万元")
        } else {
            return format!("{}元", group_thousands(self));
        };
        format!("{}{unit}", trim_zeros(&format!("{scaled:.2}")))
    }

    /// `¥700,000,000.00`.
    pub fn format_en(self) -> String {
        format!("¥{}", group_thousands(self))
    }
}

fn fullwidth_to_ascii(c: char) -> char {
    match c {
        '０'..='９' | '．' | '－' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { s }
}

fn group_thousands(m: Money) -> String {
    let plain = m.to_yuan_string();
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain.as_str()), |r| ("-", r));
    let (int_part, frac) = rest.split_once('.').unwrap_or((rest, "00"));
    let mut grouped = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let frac = if frac == "00" { String::new() } else { format!(".{frac}") };
    format!("{sign}{grouped}{frac}")
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_yuan_string())
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_yuan_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Money, D::Error> {
        let raw = String::deserialize(d)?;
        Money::parse(&raw).map_err(|e| serde::de::Error::custom(format!("{:?}", e.code)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEVEN_YI: Money = Money::from_yuan(700_000_000);

    #[test]
    fn seven_yi_round_trips_exactly() {
        assert_eq!(SEVEN_YI.fen(), 70_000_000_000);
        assert_eq!(Money::parse("7亿").unwrap(), SEVEN_YI);
        assert_eq!(Money::parse("7亿元").unwrap(), SEVEN_YI);
        assert_eq!(Money::parse("70000万").unwrap(), SEVEN_YI);
        assert_eq!(Money::parse("¥700,000,000.00").unwrap(), SEVEN_YI);
        let json = serde_json::to_string(&SEVEN_YI).unwrap();
        assert_eq!(json, "\"700000000.00\"");
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), SEVEN_YI);
        assert_eq!(SEVEN_YI.format_zh(), "7亿元");
        assert_eq!(SEVEN_YI.format_en(), "¥700,000,000");
    }

    #[test]
    fn s3_totals_add_without_float_error() {
        // S3: avoided loss 7亿 + saved cost 960万 a year.
        let total = SEVEN_YI.checked_add(Money::parse("960万").unwrap()).unwrap();
        assert_eq!(total.to_yuan_string(), "709600000.00");
        assert_eq!(total.format_zh(), "7.1亿元");
    }

    #[test]
    fn reads_what_exports_contain() {
        assert_eq!(Money::parse("¥1,234.5").unwrap().fen(), 123_450);
        assert_eq!(Money::parse("12.5万").unwrap().fen(), 12_500_000);
        assert_eq!(Money::parse(" ３００元 ").unwrap().fen(), 30_000);
        assert_eq!(Money::parse("-48万").unwrap().fen(), -48_000_000);
        assert_eq!(Money::parse("0.005").unwrap().fen(), 1);
        assert_eq!(Money::parse("0.004").unwrap().fen(), 0);
        assert_eq!(Money::parse("48万元").unwrap().format_zh(), "48万元");
        assert_eq!(Money::parse("3200").unwrap().format_zh(), "3,200元");
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for bad in ["", "abc", "1.2.3", "万", "12万元x", "1e5", "--5"] {
            let err = Money::parse(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidMoney, "{bad:?}");
        }
        assert_eq!(Money::parse("999999999999亿").unwrap_err().code, ErrorCode::MoneyOutOfRange);
    }
}
