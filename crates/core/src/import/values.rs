//! Cell values as Chinese ticket exports and Excel sheets write them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use crate::error::{CoreError, ErrorCode, Result};

/// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
const EXCEL_EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1899, 12, 30) {
    Some(d) => d,
    None => panic!("valid date"),
};

const DATE_TIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y.%m.%d %H:%M",
];
const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d", "%Y%m%d"];

/// A point in time as UTC milliseconds. Times without a zone are read in `zone`, the workspace's.
pub fn parse_time(raw: &str, zone: Tz) -> Result<i64> {
    let s = raw.trim();
    let invalid = || CoreError::new(ErrorCode::InvalidDate).with("value", s);
    if let Some(local) = iso_local(s) {
        return local_to_utc(local, zone).ok_or_else(invalid);
    }
    if let Ok(with_zone) = DateTime::parse_from_rfc3339(s) {
        return Ok(with_zone.timestamp_millis());
    }
    if let Some(serial) = excel_serial(s) {
        return local_to_utc(serial, zone).ok_or_else(invalid);
    }
    let local = DATE_TIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            DATE_FORMATS
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
                .map(|d| d.and_time(NaiveTime::MIN))
        })
        .ok_or_else(invalid)?;
    local_to_utc(local, zone).ok_or_else(invalid)
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`), zone-less, as most exports write every row: read
/// directly, as the first of `DATE_TIME_FORMATS` would read it (trying RFC 3339, Excel serials and
/// chrono's format parser row after row was a fifth of an import's parsing). Anything else, an
/// impossible date or a leap second included, is left to the general path.
fn iso_local(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b' ' | b'T') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let date = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?;
    date.and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)
}

/// Excel stores dates as days since its epoch, with the time of day as the fraction.
pub fn excel_serial_to_local(serial: f64) -> Option<NaiveDateTime> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let millis = (serial * 86_400_000.0).round() as i64;
    EXCEL_EPOCH.and_time(NaiveTime::MIN).checked_add_signed(chrono::Duration::milliseconds(millis))
}

fn excel_serial(s: &str) -> Option<NaiveDateTime> {
    // Only plain numbers in Excel's plausible date range (1982..2173) count as serials, so that
    // "20240305" falls through to the yyyymmdd format.
    let n: f64 = s.parse().ok()?;
    if (30_000.0..100_000.0).contains(&n) { excel_serial_to_local(n) } else { None }
}

pub fn local_to_utc(local: NaiveDateTime, zone: Tz) -> Option<i64> {
    // In a DST gap the earliest valid reading wins; Asia/Shanghai has none.
    zone.from_local_datetime(&local).earliest().map(|t| t.timestamp_millis())
}

/// Minutes of waiting: `45`, `45分钟`, `1.5小时`, `2h`, `1:30`.
pub fn parse_minutes(raw: &str) -> Result<i64> {
    let s = raw.trim().to_lowercase();
    let invalid = || CoreError::new(ErrorCode::InvalidNumber).with("value", raw.trim());
    if let Some((h, m)) = s.split_once(':') {
        let (h, m): (i64, i64) = (h.trim().parse().map_err(|_| invalid())?, m.trim().parse().map_err(|_| invalid())?);
        // Checked, and in the same bounds as `45` or `1.5小时`: `999999999999999999:1` is no wait.
        return h.checked_mul(60).and_then(|h| h.checked_add(m)).filter(|v| (0..=1_000_000).contains(v)).ok_or_else(invalid);
    }
    let (number, factor) = [("小时", 60.0), ("hours", 60.0), ("hour", 60.0), ("h", 60.0), ("分钟", 1.0), ("分", 1.0), ("min", 1.0), ("m", 1.0)]
        .iter()
        .find_map(|(suffix, f)| s.strip_suffix(suffix).map(|n| (n.trim().to_owned(), *f)))
        .unwrap_or((s.clone(), 1.0));
    let value: f64 = number.parse().map_err(|_| invalid())?;
    if !(0.0..=1_000_000.0).contains(&value) {
        return Err(invalid());
    }
    Ok((value * factor).round() as i64)
}

/// Yes/no as exports write it: 是/否, Y/N, true/false, 1/0, 有/无.
pub fn parse_bool(raw: &str) -> Result<bool> {
    match raw.trim().to_lowercase().as_str() {
        "是" | "有" | "y" | "yes" | "true" | "1" | "√" | "✓" => Ok(true),
        "否" | "无" | "n" | "no" | "false" | "0" | "" | "×" => Ok(false),
        other => Err(CoreError::new(ErrorCode::InvalidBoolean).with("value", other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SH: Tz = chrono_tz::Asia::Shanghai;

    fn utc(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    #[test]
    fn dates_as_chinese_exports_write_them() {
        assert_eq!(parse_time("2024/3/5", SH).unwrap(), utc("2024-03-04T16:00:00Z"));
        assert_eq!(parse_time("2024-03-05 14:00", SH).unwrap(), utc("2024-03-05T06:00:00Z"));
        assert_eq!(parse_time("2024年3月5日 14:00", SH).unwrap(), utc("2024-03-05T06:00:00Z"));
        assert_eq!(parse_time("2024-03-05T14:00:00+02:00", SH).unwrap(), utc("2024-03-05T12:00:00Z"));
        assert_eq!(parse_time("20240305", SH).unwrap(), utc("2024-03-04T16:00:00Z"));
        // Excel serial 45356.5 is 2024-03-05 12:00 local.
        assert_eq!(parse_time("45356.5", SH).unwrap(), utc("2024-03-05T04:00:00Z"));
        assert_eq!(parse_time("2024/2/30", SH).unwrap_err().code, ErrorCode::InvalidDate);
        assert_eq!(parse_time("下周一", SH).unwrap_err().code, ErrorCode::InvalidDate);
    }

    /// The direct reading of `YYYY-MM-DD HH:MM:SS` gives what chrono's format parser gives, and
    /// leaves to it everything it does not read itself.
    #[test]
    fn the_common_format_read_directly_equals_chrono() {
        let cases = [
            "2024-09-11 02:58:00", "2024-09-11T02:58:00", "1999-12-31 23:59:59", "2024-02-29 00:00:00", "0001-01-01 00:00:00",
            "2023-02-29 10:00:00", "2024-13-01 10:00:00", "2024-00-10 10:00:00", "2024-04-31 10:00:00", "2024-01-01 24:00:00",
            "2024-01-01 23:60:00", "2024-01-01 23:59:60", "2024-01-01 2:59:600", "2024-1-01 023:59:00", "2024/01/01 10:00:00",
            "2024-01-01 10:00:0x", "+024-01-01 10:00:00", "2024-01-01_10:00:00", "２０２４-01-01 10:00", "2024-01-01 10:00",
        ];
        for s in cases {
            let chrono = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"].iter().find_map(|f| NaiveDateTime::parse_from_str(s, f).ok());
            if let Some(direct) = iso_local(s) {
                assert_eq!(Some(direct), chrono, "{s}");
            }
        }
        assert!(cases[..5].iter().all(|s| iso_local(s).is_some()), "the common shapes are read directly");
    }

    #[test]
    fn zone_less_times_follow_the_workspace_zone_including_dst() {
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(parse_time("2024-07-01 12:00", berlin).unwrap(), utc("2024-07-01T10:00:00Z"));
        assert_eq!(parse_time("2024-01-01 12:00", berlin).unwrap(), utc("2024-01-01T11:00:00Z"));
    }

    #[test]
    fn waits_and_flags() {
        assert_eq!(parse_minutes("45").unwrap(), 45);
        assert_eq!(parse_minutes("45分钟").unwrap(), 45);
        assert_eq!(parse_minutes("1.5小时").unwrap(), 90);
        assert_eq!(parse_minutes("2h").unwrap(), 120);
        assert_eq!(parse_minutes("1:30").unwrap(), 90);
        assert!(parse_minutes("很久").is_err());
        // Found by fuzzing (fuzz/): hours times 60 overflowed and panicked.
        assert_eq!(parse_minutes("999999999999999999:1").unwrap_err().code, ErrorCode::InvalidNumber);
        assert!(parse_minutes("-5:00").is_err());
        assert!(parse_bool("是").unwrap());
        assert!(!parse_bool("否").unwrap());
        assert!(parse_bool("maybe").is_err());
    }
}
