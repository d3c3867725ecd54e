//! `preflight config check` and `preflight calendar add --config`: a sales team's config.json
//! read exactly as the app reads it.

mod common;
use common::{run, stdout};

use std::path::PathBuf;

fn file(name: &str, text: &str) -> PathBuf {
    common::temp_file("config", name, text)
}

const YEAR_2027: &str = r#"{"version": 1, "calendar": {"official": [{
    "year": 2027,
    "source": {"title": "illustrative", "number": "test"},
    "holidays": [{"holiday": "new_year", "from": "2027-01-01", "to": "2027-01-03"}],
    "workdays": []
}], "closures": ["2026-12-31"]}}"#;

#[test]
fn the_shipped_example_is_valid_and_summarised() {
    let path = common::repo("public/config.example.json");
    let out = run(&["config", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: valid config: brand \"Acme Cloud Preflight\"; day rate CNY 4800 (security 5600); closures 2026-12-31\n",
            path.display()
        )
    );
}

#[test]
fn every_problem_is_a_line_with_its_path() {
    let bad = file(
        "bad.json",
        r##"{"version": 1, "brand": {"colour": "#ffff00"}, "pricing": {"currency": "CNY", "day_rate": -5},
            "default_langauge": "zh-CN", "schedule": {"managed_offsets": [5, 20, 10, 100, 110]}}"##,
    );
    let good = file("good.json", r#"{"version": 1}"#);
    let out = run(&[
        "config",
        "check",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let b = bad.display().to_string();
    for path in [
        "$.brand.colour",
        "$.pricing.day_rate",
        "$.default_langauge",
        "$.schedule.managed_offsets",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{b}: {path}: "))),
            "{path} in {text}"
        );
    }
    assert!(
        lines.contains(
            &format!(
                "{}: valid config: no day rate (plans in man-days)",
                good.display()
            )
            .as_str()
        )
    );
    let not_json = file("not-json.json", "{\"version\": 1, ");
    let out = run(&["config", "check", not_json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with(&format!("{}: $", not_json.display())));
}

#[test]
fn calendar_additions_apply_to_the_count() {
    // 2026-12-30 (Wednesday) + 1: the 31st is a closure; 2027-01-01..03 are New Year.
    let without = run(&["calendar", "add", "2026-12-30", "1", "--json"]);
    assert_eq!(
        stdout(&without),
        "{\"date\":\"2026-12-31\",\"provisional\":false}\n"
    );
    let config = file("2027.json", YEAR_2027);
    let with = run(&[
        "calendar",
        "add",
        "2026-12-30",
        "1",
        "--json",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(with.status.code(), Some(0));
    assert_eq!(
        stdout(&with),
        "{\"date\":\"2027-01-04\",\"provisional\":false}\n"
    );
    // Without the config, 2027 is provisional.
    let provisional = run(&["calendar", "add", "2027-01-04", "1"]);
    assert_eq!(stdout(&provisional), "2027-01-05 (provisional)\n");
    let official = run(&[
        "calendar",
        "add",
        "2027-01-04",
        "1",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(stdout(&official), "2027-01-05\n");
}

#[test]
fn a_config_with_problems_is_not_used_for_counting() {
    let bad = file(
        "bad-calendar.json",
        r#"{"calendar": {"closures": ["2026-02-30"]}}"#,
    );
    let out = run(&[
        "calendar",
        "add",
        "2026-12-30",
        "1",
        "--config",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: $.calendar.closures[0]: “2026-02-30” is not a date (YYYY-MM-DD)\n",
            bad.display()
        )
    );
}
