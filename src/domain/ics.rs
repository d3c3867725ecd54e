//! iCalendar (`.ics`, RFC 5545) export of the schedule's milestones as all-day events.
//!
//! Written by hand: the format needs only CRLF lines, text escaping and 75-octet line folding,
//! which are implemented (and tested) here; the browser tests parse the result back with ical.js.

use crate::domain::calendar::Date;
use crate::domain::schedule::Schedule;
use crate::domain::text::Lang;
use crate::i18n::{Msg, event_msg};
use chrono::Datelike;

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    /// Unique id (stable across exports, so calendars update rather than duplicate).
    pub uid: String,
    /// The day.
    pub date: Date,
    /// Title.
    pub summary: String,
    /// Details.
    pub description: String,
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// A calendar of all-day events. `stamp` is the export time as `YYYYMMDDTHHMMSSZ`.
pub fn calendar(name: &str, events: &[IcsEvent], stamp: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Preflight//Engagement schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
    for e in events {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", escape(&e.uid)), &mut out);
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", ymd(e.date)), &mut out);
        let next = e.date.succ_opt().unwrap_or(e.date);
        fold(&format!("DTEND;VALUE=DATE:{}", ymd(next)), &mut out);
        fold(&format!("SUMMARY:{}", escape(&e.summary)), &mut out);
        if !e.description.is_empty() {
            fold(&format!("DESCRIPTION:{}", escape(&e.description)), &mut out);
        }
        fold("TRANSP:TRANSPARENT", &mut out);
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// The schedule's events as the app and `preflight plan --format ics` export them: one all-day
/// event per date, named after the event and the workload (`name`), with a UID stable across
/// exports (`workload_id`), and a note on each provisional date.
pub fn schedule_events(
    schedule: &Schedule,
    workload_id: &str,
    name: &str,
    lang: Lang,
) -> Vec<IcsEvent> {
    schedule
        .events
        .iter()
        .map(|e| IcsEvent {
            uid: format!("{}-{workload_id}@preflight", e.event.id()),
            date: e.date,
            summary: format!("{} · {name}", event_msg(e.event).text(lang)),
            description: if e.provisional {
                Msg::ProvisionalNote.text(lang).to_owned()
            } else {
                Msg::ServiceHoursFixed.text(lang).to_owned()
            },
        })
        .collect()
}

/// An export time as iCalendar writes it: `20261204T011500Z`, from milliseconds since the epoch.
pub fn stamp(unix_millis: f64) -> String {
    use chrono::Timelike;
    let t = chrono::DateTime::from_timestamp_millis(unix_millis as i64).unwrap_or_default();
    format!(
        "{}T{:02}{:02}{:02}Z",
        ymd(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;

    #[test]
    fn events_are_all_day_and_escaped() {
        let ics = calendar(
            "Shop, phase 1",
            &[IcsEvent {
                uid: "start-w-1@preflight".into(),
                date: parse_date("2026-12-31").unwrap(),
                summary: "Start; kick-off, day 1".into(),
                description: "Line one\nback\\slash".into(),
            }],
            "20261121T100000Z",
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains("X-WR-CALNAME:Shop\\, phase 1\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(ics.contains("SUMMARY:Start\\; kick-off\\, day 1\r\n"));
        assert!(ics.contains("DESCRIPTION:Line one\\nback\\\\slash\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let summary = "项目验收报告提交".repeat(8); // 3 bytes a character
        let ics = calendar(
            "x",
            &[IcsEvent {
                uid: "u".into(),
                date: parse_date("2027-01-04").unwrap(),
                summary: summary.clone(),
                description: String::new(),
            }],
            "20261121T100000Z",
        );
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Unfolding gives the text back.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{summary}\r\n")));
    }
}
