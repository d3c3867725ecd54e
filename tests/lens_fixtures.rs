//! Lens files as users hand them to the app or `preflight lens check`: our format, an AWS custom
//! lens unchanged, one file per way of being broken, each refused with its JSON path, and one
//! file per problem a lens works in spite of, each accepted with a warning at its JSON path.

use preflight::domain::lens::{Lens, LensFormat, Link, Risk};
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
        q.helpful_resource.as_ref().unwrap().web_url(),
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
        (
            "blank-title",
            vec![format!("{q0}.title.en: must not be empty")],
        ),
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

/// A lens file that is accepted: the lens and its warnings in English.
fn warnings(name: &str) -> (Lens, Vec<String>) {
    let report = Lens::read(&read(name));
    let warnings = report.warnings.iter().map(en).collect();
    match report.lens {
        Ok(lens) => (lens, warnings),
        Err(errors) => panic!(
            "{name} was refused: {:?}",
            errors.iter().map(en).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn every_problem_a_lens_works_in_spite_of_is_a_warning_at_its_path() {
    let q0 = "$.pillars[0].questions[0]";
    let cases: Vec<(&str, Vec<String>)> = vec![
        (
            "aws-long-texts",
            vec![format!(
                "{q0}.choices[1].improvementPlan.displayText: 2101 characters, more than the 2048 AWS's tool allows; kept whole"
            )],
        ),
        (
            "aws-empty-and-relative-urls",
            vec![
                format!("{q0}.helpfulResource.displayText: empty; left out"),
                format!("{q0}.helpfulResource.url: empty; left out"),
                format!("{q0}.choices[0].helpfulResource.url: empty; left out"),
                format!(
                    "{q0}.choices[0].improvementPlan.url: not an absolute http(s) URL; shown as text, not as a link"
                ),
                format!(
                    "{q0}.choices[1].improvementPlan.url: not an absolute http(s) URL; shown as text, not as a link"
                ),
            ],
        ),
        (
            "aws-empty-descriptions",
            vec![
                format!("{q0}.description: empty; left out"),
                format!("{q0}.choices[0].description: empty; left out"),
                format!("{q0}.choices[2].description: empty; left out"),
            ],
        ),
        (
            "aws-no-default-rule",
            vec![format!(
                "{q0}.riskRules: no risk rule with the condition “default”: a selection that no rule matches has no risk"
            )],
        ),
        (
            "ours-no-default-rule",
            vec![format!(
                "{q0}.riskRules: no risk rule with the condition “default”: a selection that no rule matches has no risk"
            )],
        ),
        (
            "ours-title-too-long",
            vec![format!(
                "{q0}.title.en: 129 characters, more than the 128 AWS's tool allows; kept whole"
            )],
        ),
        (
            "ours-javascript-url",
            vec![format!(
                "{q0}.helpfulResource.url: not an absolute http(s) URL; shown as text, not as a link"
            )],
        ),
        (
            "ours-missing-improvement-plan",
            vec![format!(
                "{q0}.choices[0].improvementPlan: no improvement plan: the plan shows only the practice's title"
            )],
        ),
        (
            "ours-blank-description",
            vec!["$.description.en: empty; left out".into()],
        ),
    ];
    for (name, expected) in cases {
        let (_, found) = warnings(&format!("warnings/{name}.json"));
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn a_lens_in_the_shape_aws_publishes_imports_without_warnings() {
    // `_version`, `_release_date` and `_teams` at the top, a `url` on each question, and the
    // same choice ids (`choice1`, `risk_mitigated`, `choice_no`) in every question.
    let (lens, found) = warnings("aws-reused-choice-ids.json");
    assert_eq!(found, Vec::<String>::new());
    let ids: Vec<_> = lens.pillars[0]
        .questions
        .iter()
        .map(|q| q.choices.iter().map(|c| c.id.as_str()).collect::<Vec<_>>())
        .collect();
    assert_eq!(ids[0], ids[1], "both questions use the same choice ids");
    let q2 = lens.question("net_2").unwrap();
    assert_eq!(
        q2.risk(q2.selection(["risk_mitigated"]).unwrap()),
        Some(Risk::None)
    );
    assert_eq!(
        q2.risk(q2.selection(["choice_no"]).unwrap()),
        Some(Risk::High)
    );
}

#[test]
fn what_the_warnings_leave_is_what_a_reader_is_shown() {
    let (lens, _) = warnings("warnings/aws-empty-and-relative-urls.json");
    let q = lens.question("net_1").unwrap();
    assert_eq!(
        q.helpful_resource, None,
        "“-” with an empty URL: nothing to show"
    );
    let tgw = &q.choices[0];
    let help = tgw.helpful_resource.as_ref().unwrap();
    assert_eq!(
        (help.text.get(Lang::En), help.web_url()),
        ("See the guide.", None)
    );
    let plan = tgw.improvement_plan.as_ref().unwrap();
    assert_eq!(plan.web_url(), None, "a relative URL is no link");
    assert_eq!(
        plan.link,
        Some(Link::Text(
            "/vpc/latest/tgw/what-is-transit-gateway.html".into()
        )),
        "but it is still shown, as text"
    );
    let http = q.choices[1].helpful_resource.as_ref().unwrap();
    assert_eq!(
        http.web_url(),
        Some("http://example.com/peering"),
        "http is a link"
    );

    let (lens, _) = warnings("warnings/aws-long-texts.json");
    let plan = lens.question("net_1").unwrap().choices[1]
        .improvement_plan
        .as_ref()
        .unwrap();
    assert_eq!(plan.text.get(Lang::En).chars().count(), 2101, "kept whole");

    let (lens, _) = warnings("warnings/aws-empty-descriptions.json");
    let q = lens.question("net_1").unwrap();
    assert_eq!(
        (q.description.as_ref(), q.choices[0].description.as_ref()),
        (None, None)
    );
    assert_eq!(
        q.choices[1].description.as_ref().map(|d| d.get(Lang::En)),
        Some("Logs are kept for a year.")
    );

    let (lens, _) = warnings("warnings/ours-blank-description.json");
    assert_eq!(
        lens.description
            .as_ref()
            .map(|d| (d.get(Lang::En), d.get(Lang::ZhCn))),
        Some(("说明", "说明")),
        "the blank language is left out; the other serves both"
    );
}

#[test]
fn a_question_without_a_default_rule_has_no_risk_when_no_rule_matches() {
    let (lens, _) = warnings("warnings/aws-no-default-rule.json");
    let q = lens.question("NET3").unwrap();
    let risk = |ids: &[&str]| q.risk(q.selection(ids.iter().copied()).unwrap());
    // The first rule that holds decides, as in AWS's tool.
    assert_eq!(risk(&["NET3_3", "NET3_1"]), Some(Risk::None));
    assert_eq!(risk(&["NET3_2", "NET3_1"]), Some(Risk::Medium));
    assert_eq!(risk(&["NET3_1"]), Some(Risk::High));
    // No rule holds: Question::UNMATCHED.
    assert_eq!(risk(&["NET3_no"]), Some(Risk::None));
}
