//! `preflight plan`: a bundle's schedule as a Microsoft Project file (MSPDI) or an iCalendar
//! file, read back as Project and calendar programs read them, with the dates the customer saw
//! in the app when they exported it (the bundle's own `schedule`).

mod common;
use common::{fixture, run, stdout};

use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A folder of its own for one test's output.
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("preflight-plan-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The text of every element named `leaf` inside each element named `record`, in order:
/// `records(xml, "Task", &["Name", "Start"])`.
fn records(xml: &str, record: &str, leaves: &[&str]) -> Vec<BTreeMap<String, String>> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                if name == record {
                    current = Some(BTreeMap::new());
                }
                path.push(name);
            }
            Event::End(_) => {
                let closed = path.pop();
                if closed.as_deref() == Some(record) {
                    out.extend(current.take());
                }
            }
            Event::Text(t) => {
                let leaf = path.last().cloned().unwrap_or_default();
                if let Some(r) = current.as_mut()
                    && leaves.contains(&leaf.as_str())
                {
                    let text = t.decode().unwrap();
                    r.entry(leaf).or_default().push_str(&text);
                }
            }
            Event::GeneralRef(g) => {
                let leaf = path.last().cloned().unwrap_or_default();
                if let Some(r) = current.as_mut()
                    && leaves.contains(&leaf.as_str())
                {
                    let c = match g.decode().unwrap().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    };
                    r.entry(leaf).or_default().push_str(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The bundle's exported schedule: (event id, date, provisional).
fn exported_schedule(bundle: &str) -> Vec<(String, String, bool)> {
    let text = std::fs::read_to_string(fixture(bundle)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["schedule"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap().to_owned(),
                e["date"].as_str().unwrap().to_owned(),
                e["provisional"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_project_files_milestones_are_the_dates_the_customer_saw() {
    let dir = out_dir("mspdi");
    let target = dir.join("acme.xml");
    let bundle = fixture("bundles/acme-web-shop.json");
    let out = run(&[
        "plan",
        bundle.to_str().unwrap(),
        "--format",
        "mspdi",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: wrote {} (8 dates, as of 2026-11-21)\n",
            bundle.display(),
            target.display()
        )
    );
    let xml = std::fs::read_to_string(&target).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\""));
    let tasks = records(&xml, "Task", &["Name", "Start", "Finish", "Milestone"]);
    let milestones: Vec<(String, String)> = tasks
        .iter()
        .filter(|t| t["Milestone"] == "1")
        .map(|t| (t["Name"].clone(), t["Start"][..10].to_owned()))
        .collect();
    // The English names of the exported events, in the bundle's order, on the bundle's dates.
    let names: BTreeMap<&str, &str> = [
        ("earliest_order", "Earliest order date"),
        ("start", "Engagement starts"),
        ("investigation_report", "Investigation Report"),
        ("consulting_report", "Well-Architected Consulting Report"),
        ("implementation_start", "Implementation starts"),
        (
            "consulting_acceptance",
            "Confirm the Consulting Report (acceptance due)",
        ),
        (
            "implementation_plan",
            "Well-Architected Implementation Plan",
        ),
        (
            "implementation_acceptance",
            "Confirm the Implementation Plan (acceptance due)",
        ),
    ]
    .into_iter()
    .collect();
    let expected: Vec<(String, String)> = exported_schedule("bundles/acme-web-shop.json")
        .into_iter()
        .map(|(id, date, _)| (names[id.as_str()].to_owned(), date))
        .collect();
    assert_eq!(milestones, expected);
    // The two phases the customer bought, from their first day to their last.
    let phases: Vec<(&str, &str, &str)> = tasks
        .iter()
        .filter(|t| t["Milestone"] == "0")
        .map(|t| {
            (
                t["Name"].as_str(),
                t["Start"].as_str(),
                t["Finish"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        phases,
        [
            (
                "Well-Architected Consulting",
                "2026-12-11T09:00:00",
                "2026-12-17T18:00:00"
            ),
            (
                "Well-Architected Implementation",
                "2026-12-18T09:00:00",
                "2026-12-24T18:00:00"
            ),
        ]
    );
    // The calendar's National Day days off, as one exception.
    let exceptions = records(
        &xml,
        "Exception",
        &["Name", "FromDate", "ToDate", "DayWorking"],
    );
    assert!(exceptions.iter().any(|e| e["Name"] == "National Day"
        && e["FromDate"] == "2026-10-01T00:00:00"
        && e["ToDate"] == "2026-10-07T23:59:00"
        && e["DayWorking"] == "0"));
}

#[test]
fn the_icalendar_file_has_one_all_day_event_per_date_in_chinese() {
    let dir = out_dir("ics");
    let target = dir.join("acme.ics");
    let bundle = fixture("bundles/acme-web-shop.json");
    let out = run(&[
        "--lang",
        "zh-CN",
        "plan",
        bundle.to_str().unwrap(),
        "--format",
        "ics",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("已写入"), "{}", stdout(&out));
    let ics = std::fs::read_to_string(&target).unwrap();
    // Unfolded as RFC 5545 readers do.
    let unfolded = ics.replace("\r\n ", "");
    let starts: Vec<&str> = unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
        .collect();
    let expected: Vec<String> = exported_schedule("bundles/acme-web-shop.json")
        .into_iter()
        .map(|(_, date, _)| date.replace('-', ""))
        .collect();
    assert_eq!(starts, expected);
    assert!(
        unfolded.contains("SUMMARY:卓越架构咨询报告 · Web shop\r\n"),
        "{unfolded}"
    );
}

#[test]
fn several_bundles_go_to_a_folder_and_a_bad_one_is_named_without_stopping_the_rest() {
    let dir = out_dir("several");
    let good = fixture("bundles/acme-web-shop.json");
    let hostile = fixture("bundles/hostile/html-and-script.json");
    let bad = fixture("bundles/hostile/not-json.json");
    let backup = fixture("bundles/backup-schema1.json");
    let out = run(&[
        "plan",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        hostile.to_str().unwrap(),
        backup.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "the bad bundle fails the run");
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("{}: ", bad.display()))),
        "{text}"
    );
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert!(
        written.contains(&"acme-web-shop.xml".to_owned()),
        "{written:?}"
    );
    assert!(
        written.contains(&"html-and-script.xml".to_owned()),
        "{written:?}"
    );
    assert!(!written.iter().any(|w| w.starts_with("not-json")));
    // Markup in the customer's text stays text in the project's title.
    let xml = std::fs::read_to_string(dir.join("html-and-script.xml")).unwrap();
    let titles = records(&xml, "Project", &["Title"]);
    assert!(
        titles[0]["Title"].starts_with("<script>window.__pwned=1</script>"),
        "{titles:?}"
    );
    // Each workload of the backup that has services gets a file; one without says so.
    let backup_files = written
        .iter()
        .filter(|w| w.starts_with("backup-schema1-"))
        .count();
    let no_services = text
        .lines()
        .filter(|l| l.starts_with(&format!("{}: ", backup.display())) && l.contains("no services"))
        .count();
    assert_eq!(backup_files + no_services, 2, "{text}\n{written:?}");
}
