//! `preflight calendar year` and the calendar's range, as a sales team uses them to check a
//! year against the State Council's notice before adding it to config.json.

mod common;
use common::{run, stdout};

use serde_json::Value;
use std::path::PathBuf;

fn file(name: &str, text: &str) -> PathBuf {
    common::temp_file("calendar", name, text)
}

#[test]
fn an_official_year_lists_the_notice_its_days_off_and_its_adjusted_working_days() {
    let out = run(&["calendar", "year", "2026"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("2026: official: 国务院办公厅关于2026年部分节假日安排的通知"));
    assert!(lines[0].contains("国办发明电〔2025〕7号"), "{}", lines[0]);
    assert_eq!(lines[1], "Days off (beyond ordinary weekends):");
    assert_eq!(lines[2], "  2026-01-01 Thu  New Year's Day");
    assert!(text.contains("  2026-02-15 Sun  Spring Festival\n"));
    assert!(text.contains("  2026-10-07 Wed  National Day\n"));
    let work = lines
        .iter()
        .position(|l| *l == "Adjusted working days (weekend days worked):")
        .unwrap();
    assert_eq!(
        &lines[work + 1..],
        [
            "  2026-01-04 Sun  New Year's Day",
            "  2026-02-14 Sat  Spring Festival",
            "  2026-02-28 Sat  Spring Festival",
            "  2026-05-09 Sat  Labour Day",
            "  2026-09-20 Sun  National Day",
            "  2026-10-10 Sat  National Day",
        ]
    );
}

#[test]
fn a_provisional_year_says_so_and_keeps_a_festival_that_falls_on_national_day() {
    let out = run(&["calendar", "year", "2028"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("2028: provisional: computed from the statutory holidays"));
    // 1 Oct 2028 is a Sunday and Mid-Autumn is on Tuesday 3 Oct, a National Day holiday:
    // all four statutory days are kept, the Sunday and the shared day made up on Wed 4 and Thu 5.
    let october: Vec<&str> = text.lines().filter(|l| l.contains("2028-10-")).collect();
    assert_eq!(
        october,
        [
            "  2028-10-01 Sun  National Day",
            "  2028-10-02 Mon  National Day",
            "  2028-10-03 Tue  Mid-Autumn Festival",
            "  2028-10-04 Wed  National Day",
            "  2028-10-05 Thu  National Day",
        ]
    );
    assert!(text.ends_with("Adjusted working days (weekend days worked):\n  none\n"));
}

#[test]
fn the_json_is_what_config_json_takes_and_counts_the_same() {
    let out = run(&["calendar", "year", "2027", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["year"], 2027);
    assert_eq!(doc["provisional"], true);
    assert_eq!(doc["source"], Value::Null);
    assert_eq!(doc["workdays"], serde_json::json!([]));
    // Spring Festival 2027: eve Fri 5 Feb to Mon 8 Feb, Sat and Sun made up on Tue 9 and Wed 10.
    assert!(
        doc["holidays"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"holiday": "spring_festival", "from": "2027-02-05", "to": "2027-02-10"})),
        "{doc}"
    );
    // Pasted into config.json as an official year, it is valid and counts the same days, no
    // longer provisional.
    let year = serde_json::json!({
        "year": 2027,
        "source": {"title": "checked against the notice", "number": "test"},
        "holidays": doc["holidays"],
        "workdays": doc["workdays"],
    });
    let config = file(
        "2027.json",
        &serde_json::json!({"version": 1, "calendar": {"official": [year]}}).to_string(),
    );
    let config = config.to_str().unwrap();
    let check = run(&["config", "check", config]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    for (date, n) in [
        ("2027-02-04", "1"),
        ("2027-09-30", "3"),
        ("2026-12-31", "10"),
    ] {
        let without = run(&["calendar", "add", date, n]);
        let with = run(&["calendar", "add", date, n, "--config", config]);
        assert_eq!(
            stdout(&without).replace(" (provisional)", ""),
            stdout(&with),
            "{date} + {n}"
        );
        assert!(stdout(&without).contains("(provisional)"));
    }
    let again = run(&["calendar", "year", "2027", "--config", config]);
    assert!(stdout(&again).starts_with("2027: official: checked against the notice · test\n"));
}

#[test]
fn closures_from_a_config_are_listed_apart() {
    let config = file(
        "closures.json",
        r#"{"version": 1, "calendar": {"closures": ["2026-12-31", "2026-12-24"]}}"#,
    );
    let out = run(&[
        "calendar",
        "year",
        "2026",
        "--json",
        "--config",
        config.to_str().unwrap(),
    ]);
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        doc["closures"],
        serde_json::json!(["2026-12-24", "2026-12-31"])
    );
    assert!(
        !doc["holidays"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["to"] == "2026-12-31")
    );
    let text = run(&[
        "calendar",
        "year",
        "2026",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert!(stdout(&text).contains("  2026-12-24 Thu  Closure (config.json)\n"));
}

#[test]
fn years_outside_the_calendar_are_refused_with_its_range() {
    let out = run(&["calendar", "year", "2101"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "2101: not covered: the provider's holiday calendar covers 2024 to 2100\n"
    );
    let out = run(&["calendar", "add", "2100-12-20", "30"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "2100-12-20 + 30: the count needs a year the provider's holiday calendar does not cover (it covers 2024 to 2100)\n"
    );
    let out = run(&["calendar", "add", "2023-06-01", "1"]);
    assert_eq!(out.status.code(), Some(1));
    // The last covered year still counts.
    let out = run(&["calendar", "add", "2100-12-01", "5"]);
    assert_eq!(stdout(&out), "2100-12-08 (provisional)\n");
}

#[test]
fn in_chinese_too() {
    let out = run(&["--lang", "zh-CN", "calendar", "year", "2028"]);
    let text = stdout(&out);
    assert!(text.starts_with("2028: 暂定：依据法定节假日"), "{text}");
    assert!(text.contains("  2028-10-03 周二  中秋节\n"));
    assert!(text.contains("调休上班日（周末上班）：\n  无\n"));
    let out = run(&["--lang", "zh-CN", "calendar", "year", "2101"]);
    assert_eq!(
        stdout(&out),
        "2101: 不在覆盖范围内：服务商节假日日历覆盖 2024 至 2100 年\n"
    );
}
