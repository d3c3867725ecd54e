//! `preflight bundle validate` and `preflight bundle summary` over a real browser export and
//! every kind of broken or hostile file kept under `tests/fixtures/bundles/hostile/` (README,
//! 'The bundle' and 'The command-line tool').

mod common;
use common::{fixture, run, text};

/// Each hostile file and the problems (after `FILE: `) the consultant is told about, shared with
/// the browser test of the workspace (`tests/e2e/specs/bundle.spec.ts`).
fn hostile() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(fixture("bundles/hostile-expected.json")).unwrap();
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    map.into_iter()
        .map(|(file, problems)| {
            let list = problems
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_owned())
                .collect();
            (file, list)
        })
        .collect()
}

#[test]
fn a_real_browser_export_is_valid() {
    let path = fixture("bundles/acme-web-shop.json");
    let out = run(&["bundle", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: valid bundle of Acme Retail / Web shop, exported 2026-11-21T02:00:00.000Z\n",
            path.display()
        )
    );
}

#[test]
fn every_hostile_file_is_refused_one_line_per_problem() {
    let dir = fixture("bundles/hostile");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "html-and-script.json")
        .collect();
    on_disk.sort();
    let expected = hostile();
    let listed: Vec<String> = expected.iter().map(|(f, _)| f.clone()).collect();
    assert_eq!(
        on_disk, listed,
        "every hostile fixture has its expectation here"
    );
    assert!(expected.len() >= 15);
    for (file, problems) in &expected {
        let path = dir.join(file);
        let out = run(&["bundle", "validate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(out.stderr.is_empty(), "{file}: {}", text(&out.stderr));
        let expected: String = problems
            .iter()
            .map(|p| format!("{}: {p}\n", path.display()))
            .collect();
        assert_eq!(text(&out.stdout), expected, "{file}");
    }
}

#[test]
fn markup_in_text_is_valid_data_and_printed_as_is() {
    // Markup is text, not a problem: the app shows it as text. The CLI prints it as is but
    // never lets control characters through.
    let path = fixture("bundles/hostile/html-and-script.json");
    let out = run(&["bundle", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let line = text(&out.stdout);
    assert!(
        line.contains("valid bundle of <script>window.__pwned=1</script>"),
        "{line}"
    );
}

#[test]
fn one_bad_file_among_good_ones_makes_the_exit_code_1() {
    let good = fixture("bundles/acme-web-shop.json");
    let bad = fixture("bundles/hostile/not-json.json");
    let out = run(&[
        "bundle",
        "validate",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "/nonexistent/bundle.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0]
            .ends_with("valid bundle of Acme Retail / Web shop, exported 2026-11-21T02:00:00.000Z")
    );
    assert!(lines[1].ends_with(
        "not-json.json: $: not valid JSON at line 1, column 1: a value is missing or misspelt"
    ));
    assert!(
        lines[2].starts_with("/nonexistent/bundle.json: cannot read: "),
        "{}",
        lines[2]
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("preflight-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    // Valid JSON start, then 3 MB of padding inside a string.
    let mut body = String::from("{\"format\":\"preflight-bundle\",\"pad\":\"");
    body.push_str(&"x".repeat(3_000_000));
    body.push_str("\"}");
    std::fs::write(&path, &body).unwrap();
    let out = run(&["bundle", "validate", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: $: file is {} bytes; the limit is 2000000 bytes\n",
            path.display(),
            body.len()
        )
    );
}

#[test]
fn a_legacy_backup_is_migrated_and_valid() {
    let path = fixture("bundles/backup-schema1.json");
    let out = run(&["bundle", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: valid backup of 2 workloads (migrated from preflight-workloads 1)\n",
            path.display()
        )
    );
    let out = run(&["bundle", "summary", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 2);
    // Results are recomputed from the answers, and a file without checksum says so.
    assert!(
        rows[0].contains(
            ",Acme Retail,Web shop,Li Wei,2026-03-02T08:15:00.000Z,unchecked,5,1,2,1,1,30,50,"
        ),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains(",Acme Retail,Data platform,"),
        "{}",
        rows[1]
    );
}

#[test]
fn summary_as_csv_has_a_header_and_one_row_per_valid_bundle() {
    let good = fixture("bundles/acme-web-shop.json");
    let html = fixture("bundles/hostile/html-and-script.json");
    let bad = fixture("bundles/hostile/truncated.json");
    let out = run(&[
        "bundle",
        "summary",
        good.to_str().unwrap(),
        html.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "one file is invalid");
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}: $: not valid JSON at line 111, column 34: the text ends before the JSON does\n",
            bad.display()
        )
    );
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(
        lines[0],
        "file,organisation,workload,contact,exported_at,integrity,answered,high,medium,no_risk,\
         not_applicable,unanswered,score,score_security,high_security,score_reliability,\
         high_reliability,score_cost_optimization,high_cost_optimization,\
         score_operational_excellence,high_operational_excellence,\
         score_performance_efficiency,high_performance_efficiency,plan_items,\
         plan_effort_man_days,services,start,provisional,quote_man_days,quote_total,currency,\
         quote_on_request"
    );
    assert_eq!(
        lines[1],
        format!(
            "{},Acme Retail,Web shop,Li Wei,2026-11-21T02:00:00.000Z,intact,5,1,2,1,1,30,50,75,0,0,1,50,0,,0,,0,11,59.0,wa_consulting wa_implementation,2026-12-11,false,10.0,,,",
            good.display()
        )
    );
    // Markup stays text; a quote inside is doubled as RFC 4180 asks.
    assert!(
        lines[2].contains(",\"<script>window.__pwned=1</script><img src=x onerror=\"\"window.__pwned=1\"\">&lt;b&gt;organisation\","),
        "{}",
        lines[2]
    );
}

#[test]
fn summary_as_json_is_a_list_of_records() {
    let good = fixture("bundles/acme-web-shop.json");
    let out = run(&[
        "bundle",
        "summary",
        "--format",
        "json",
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let r = &list[0];
    assert_eq!(r["organisation"], "Acme Retail");
    assert_eq!(r["integrity"], "intact");
    assert_eq!(r["high"], 1);
    assert_eq!(r["score"], 50);
    assert_eq!(r["score_security"], 75);
    // A pillar with nothing answered has no score rather than a made-up one.
    assert_eq!(r["score_operational_excellence"], serde_json::Value::Null);
    assert_eq!(r["plan_items"], 11);
    assert_eq!(r["start"], "2026-12-11");
    assert_eq!(r["provisional"], false);
}

#[test]
fn summary_of_an_edited_file_is_refused() {
    let edited = fixture("bundles/hostile/edited-content.json");
    let out = run(&[
        "bundle",
        "summary",
        "--format",
        "json",
        edited.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout).trim(), "[]");
    assert!(text(&out.stderr).contains("$.sha256: the content does not match its checksum"));
}
