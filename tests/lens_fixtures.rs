//! Lens files as users hand them to the app or `preflight lens check`: our format, an AWS custom
//! lens unchanged, and one file per way of being broken, each refused with its JSON path.

use preflight::domain::lens::{Lens, LensFormat, Risk};
use preflight::domain::text::Lang;
use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lenses")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An issue as the CLI and the app say it in English.
fn en(issue: &preflight::domain::validate::Issue) -> String {
    preflight::i18n::issue_text(issue, preflight::domain::text::Lang::En)
}

fn issues(name: &str) -> Vec<String> {
    match Lens::from_json(&read(name)) {
        Ok(_) => panic!("{name} was accepted"),
        Err(issues) => issues.iter().map(en).collect(),
    }
}

#[test]
fn our_format_is_read_with_both_languages_and_extensions() {
    let lens = Lens::from_json(&read("valid-preflight.json")).unwrap();
    assert_eq!(lens.format, LensFormat::Preflight);
    assert_eq!(
        (lens.id.as_str(), lens.version.as_str()),
        ("fixture_lens", "2.1.0")
    );
    assert_eq!(lens.name.get(Lang::ZhCn), "测试透镜");
    let q = lens.question("sec_q1").unwrap();
    assert_eq!(q.choices[1].effort, Some(2.0));
    assert_eq!(
        q.helpful_resource.as_ref().unwrap().url.as_deref(),
        Some("https://example.com/encryption")
    );
    let both = q.selection(["sec_q1_kms", "sec_q1_enc"]).unwrap();
    assert_eq!(q.risk(both), Some(Risk::None));
}

#[test]
fn an_aws_custom_lens_imports_unchanged() {
    let lens = Lens::from_json(&read("aws-custom-lens.json")).unwrap();
    assert_eq!(lens.format, LensFormat::Aws);
    assert_eq!(lens.id, "company_policy_abc", "derived from the name");
    assert_eq!(lens.version, "1");
    let q = lens.question("pillar_1_q1").unwrap();
    assert_eq!(q.none_choice(), Some(2));
    assert_eq!(
        q.title.get(Lang::ZhCn),
        "My first question",
        "one language serves both"
    );
    let one = q.selection(["choice1"]).unwrap();
    assert_eq!(q.risk(one), Some(Risk::Medium));
    let two = q.selection(["choice2"]).unwrap();
    assert_eq!(q.risk(two), Some(Risk::High));
}

#[test]
fn every_broken_way_is_refused_with_its_path() {
    let q0 = "$.pillars[0].questions[0]";
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("too-many-pillars", vec!["$.pillars: 11 entries; at most 10 are allowed".into()]),
        (
            "too-many-questions",
            vec!["$.pillars[1].questions: 21 entries; at most 20 are allowed".into()],
        ),
        (
            "too-many-choices",
            vec!["$.pillars[1].questions[0].choices: 16 entries; at most 15 are allowed".into()],
        ),
        ("too-many-rules", vec![format!("{q0}.riskRules: 4 entries; at most 3 are allowed")]),
        (
            "no-default-rule",
            vec![format!(
                "{q0}.riskRules: every question needs a risk rule with the condition “default”"
            )],
        ),
        (
            "condition-syntax",
            vec![format!(
                "{q0}.riskRules[0].condition: invalid condition: lone '&' at character 12; use &&"
            )],
        ),
        (
            "condition-unknown-choice",
            vec![format!(
                "{q0}.riskRules[1].condition: condition names “sec_q1_typo”, which is not a choice of this question"
            )],
        ),
        (
            "duplicate-question-id",
            vec![format!(
                "$.pillars[1].questions[0].id: duplicate id “sec_q1” (first used at {q0}.id)"
            )],
        ),
        (
            "duplicate-choice-id",
            vec![format!(
                "{q0}.choices[1].id: duplicate id “sec_q1_kms” (first used at {q0}.choices[0].id)"
            )],
        ),
        (
            "two-none-choices",
            vec![format!(
                "{q0}.choices[3].id: only one “None of these” choice (id ending in _no) is allowed"
            )],
        ),
        (
            "missing-fields",
            vec![
                "$.name: required but missing".into(),
                "$.pillars[0].name: required but missing".into(),
                format!("{q0}.choices[0].title: required but missing"),
            ],
        ),
        ("wrong-types", vec!["$.pillars: expected an array, found an object".into()]),
        (
            "title-too-long",
            vec![format!("{q0}.title.en: 129 characters; at most 128 are allowed")],
        ),
        (
            "bad-id",
            vec![
                "$.pillars[0].id: invalid id “sécurité”: use 1 to 64 ASCII letters, digits or underscores"
                    .into(),
            ],
        ),
        (
            "bad-risk",
            vec![format!(
                "{q0}.riskRules[0].risk: “LOW_RISK” is not one of HIGH_RISK, MEDIUM_RISK, NO_RISK"
            )],
        ),
        (
            "bad-url",
            vec![format!("{q0}.helpfulResource.url: not an absolute http(s) URL")],
        ),
        (
            "missing-improvement-plan",
            vec![format!("{q0}.choices[0].improvementPlan: required but missing")],
        ),
        (
            "bad-effort-and-cost-class",
            vec![
                format!("{q0}.choices[0].effort: -1 is out of range; expected 0 to 1000"),
                format!("{q0}.choices[1].cost_class: “cheap” is not one of low, medium, high"),
            ],
        ),
        (
            "text-without-language",
            vec!["$.pillars[1].name: text object needs an “en” or “zh-CN” entry".into()],
        ),
        ("empty-text", vec!["$.description.en: must not be empty".into()]),
    ];
    for (name, expected) in cases {
        assert_eq!(issues(&format!("broken/{name}.json")), expected, "{name}");
    }
}

#[test]
fn not_json_is_refused_with_its_position() {
    let found = issues("broken/not-json.json");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with(
            "$: not valid JSON at line 5, column 0: the text ends before the JSON does"
        ),
        "{found:?}"
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(600_000));
    let found: Vec<String> = Lens::from_json(&big).unwrap_err().iter().map(en).collect();
    assert_eq!(
        found,
        ["$: file is 600011 bytes; the limit is 500000 bytes"]
    );
}

#[test]
fn several_problems_are_all_reported_at_once() {
    let mut doc: serde_json::Value = serde_json::from_str(&read("valid-preflight.json")).unwrap();
    doc["pillars"][0]["questions"][0]["riskRules"][0]["condition"] = "(a".into();
    doc["pillars"][1]["questions"][0]["choices"][0]["id"] = "bad id".into();
    doc["pillars"][1]["name"] = serde_json::json!(42);
    let found: Vec<String> = Lens::from_json(&doc.to_string())
        .unwrap_err()
        .iter()
        .map(en)
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("$.pillars[0].questions[0].riskRules[0].condition: invalid condition")
    );
    assert!(found[1].starts_with("$.pillars[1].name: expected a string or an object of languages"));
    assert!(found[2].starts_with("$.pillars[1].questions[0].choices[0].id: invalid id “bad id”"));
}
