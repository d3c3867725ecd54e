//! The `preflight` binary as a consultant runs it: output lines and exit codes (README,
//! 'The command-line tool').

mod common;
use common::{fixture, run, stdout};

#[test]
fn lens_check_accepts_both_formats() {
    for (file, format) in [
        (
            "lenses/valid-preflight.json",
            "valid Preflight lens \"Fixture lens\" (id fixture_lens, version 2.1.0): 2 pillars, 3 questions, 9 choices",
        ),
        (
            "lenses/aws-custom-lens.json",
            "valid AWS custom lens \"Company Policy ABC\" (id company_policy_abc, version 1): 1 pillars, 1 questions, 3 choices",
        ),
    ] {
        let path = fixture(file);
        let out = run(&["lens", "check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stdout(&out), format!("{}: {format}\n", path.display()));
    }
}

#[test]
fn lens_check_prints_one_line_per_problem_and_exits_1() {
    let path = fixture("lenses/broken/bad-effort-and-cost-class.json");
    let out = run(&["lens", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let p = path.display();
    assert_eq!(
        stdout(&out),
        format!(
            "{p}: $.pillars[0].questions[0].choices[0].effort: -1 is out of range; expected 0 to 1000\n\
             {p}: $.pillars[0].questions[0].choices[1].cost_class: “cheap” is not one of low, medium, high\n"
        )
    );
}

#[test]
fn lens_check_prints_warnings_and_exits_0_unless_strict() {
    let path = fixture("lenses/warnings/aws-empty-descriptions.json");
    let p = path.display();
    let q0 = "$.pillars[0].questions[0]";
    let warnings = format!(
        "{p}: {q0}.description: warning: empty; left out\n\
         {p}: {q0}.choices[0].description: warning: empty; left out\n\
         {p}: {q0}.choices[2].description: warning: empty; left out\n\
         {p}: valid AWS custom lens \"Empty Descriptions Lens\" (id empty_descriptions_lens, version 1): 1 pillars, 1 questions, 3 choices\n"
    );
    let out = run(&["lens", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("{warnings}{p}: usable, with 3 warnings (--strict makes them fail the check)\n")
    );
    let out = run(&["lens", "check", "--strict", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "--strict refuses warnings");
    assert_eq!(
        stdout(&out),
        format!("{warnings}{p}: 3 warnings, which fail the check with --strict\n")
    );
    let out = run(&[
        "--lang",
        "zh-CN",
        "lens",
        "check",
        "--strict",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let zh = stdout(&out);
    assert!(
        zh.contains(&format!("{p}: {q0}.description: 警告：为空，已略去\n")),
        "{zh}"
    );
}

#[test]
fn lens_check_strict_passes_a_lens_without_warnings() {
    let path = fixture("lenses/aws-reused-choice-ids.json");
    let out = run(&["lens", "check", "--strict", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn lens_check_of_a_missing_file_exits_1_with_a_message() {
    let out = run(&["lens", "check", "/nonexistent/lens.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("/nonexistent/lens.json: cannot read: "));
}

#[test]
fn the_builtin_lens_file_passes_the_check() {
    let path = common::repo("src/content/lenses/well-architected.json");
    let out = run(&["lens", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn lens_evaluate_maps_every_question_to_its_risk() {
    let lens = fixture("lenses/valid-preflight.json");
    let answers = fixture("answers/fixture-lens.answers.json");
    let out = run(&[
        "lens",
        "evaluate",
        lens.to_str().unwrap(),
        answers.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "sec_q1": "MEDIUM_RISK",
            "sec_q2": "UNANSWERED",
            "rel_q1": "HIGH_RISK"
        })
    );
    // In lens order, one question per line.
    assert!(stdout(&out).starts_with("{\n  \"sec_q1\": \"MEDIUM_RISK\",\n  \"sec_q2\""));
}

#[test]
fn lens_evaluate_refuses_unknown_questions_and_choices() {
    let lens = fixture("lenses/valid-preflight.json");
    let answers = fixture("answers/fixture-lens.bad-answers.json");
    let out = run(&[
        "lens",
        "evaluate",
        lens.to_str().unwrap(),
        answers.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let a = answers.display();
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    // serde_json orders object keys alphabetically.
    assert_eq!(
        lines,
        [
            format!(
                "{a}: $.rel_q1: “rel_q1_no” (“None of these”) cannot be combined with other choices"
            ),
            format!("{a}: $.sec_q1[1]: “nope” is not a choice of question “sec_q1”"),
            format!("{a}: $.sec_q1[2]: expected a choice id string, found a number"),
            format!("{a}: $.sec_q2: expected an array of choice ids, found a string"),
            format!("{a}: $.sec_q9: unknown question “sec_q9”"),
        ]
    );
}

#[test]
fn lens_evaluate_with_a_broken_lens_reports_the_lens() {
    let lens = fixture("lenses/broken/condition-unknown-choice.json");
    let answers = fixture("answers/fixture-lens.answers.json");
    let out = run(&[
        "lens",
        "evaluate",
        lens.to_str().unwrap(),
        answers.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("riskRules[1].condition: condition names “sec_q1_typo”"));
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["lens", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn calendar_add_counts_working_days() {
    // Across National Day 2026 (official): Sept 30 + 1 working day is Oct 8.
    let out = run(&["calendar", "add", "2026-09-30", "1", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "{\"date\":\"2026-10-08\",\"provisional\":false}\n"
    );
    // Into 2027 (no official data yet): provisional.
    let out = run(&["calendar", "add", "2026-12-17", "15", "--json"]);
    assert_eq!(
        stdout(&out),
        "{\"date\":\"2027-01-08\",\"provisional\":true}\n"
    );
    // Backwards, and n = 0 on a weekend, in plain form.
    assert_eq!(
        stdout(&run(&["calendar", "add", "2026-10-08", "-1"])),
        "2026-09-30\n"
    );
    assert_eq!(
        stdout(&run(&["calendar", "add", "2026-11-21", "0"])),
        "2026-11-23\n"
    );
    assert_eq!(
        stdout(&run(&["calendar", "add", "2027-02-04", "1"])),
        "2027-02-11 (provisional)\n"
    );
}

#[test]
fn calendar_add_refuses_bad_dates() {
    let out = run(&["calendar", "add", "2026-02-30", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "2026-02-30: not a date (YYYY-MM-DD, years 1900 to 9999)\n"
    );
    assert_eq!(
        run(&["calendar", "add", "2026-02-01", "x"]).status.code(),
        Some(2)
    );
}
