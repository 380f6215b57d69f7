//! The open follow-ups as an iCalendar file (RFC 5545): an all-day event per touchpoint with a
//! reminder the evening before, for Outlook, DingTalk or any calendar the director uses.

use std::path::Path;

use chrono::NaiveDate;

use super::files::write_whole;
use crate::error::Result;
use crate::repo::touchpoints::Touchpoint;

const DATE: &str = "%Y-%m-%d";

/// Writes the open touchpoints of `touchpoints` to `path` as one calendar.
pub fn write(path: &Path, touchpoints: &[Touchpoint], stamp: chrono::DateTime<chrono::Utc>) -> Result<()> {
    write_whole(path, ics(touchpoints, stamp).as_bytes())
}

/// RFC 5545 text: backslash, semicolon, comma and newlines escaped.
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// An all-day event per open touchpoint.
fn ics(touchpoints: &[Touchpoint], stamp: chrono::DateTime<chrono::Utc>) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaison//跨部门推动台//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        out.push_str(&fold(line));
    }
    for t in touchpoints.iter().filter(|t| t.state == "open") {
        let Ok(day) = NaiveDate::parse_from_str(&t.due_on, DATE) else { continue };
        let next = day + chrono::Days::new(1);
        let summary = format!("{}：{}", t.project_title, t.action);
        let mut description = t.purpose.clone();
        if let Some(who) = &t.counterpart_name {
            description = format!("{description}\n{who}");
        }
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:touchpoint-{}@liaison.app", t.id),
            format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SUMMARY:{}", ics_text(&summary)),
            format!("DESCRIPTION:{}", ics_text(&description)),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", ics_text(&summary)),
            "TRIGGER:-PT15H".to_owned(),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            out.push_str(&fold(&line));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "跟进".repeat(40));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }
}
