//! Bundles that carry their lens (README, 'The bundle'): a workload answered with a lens the app
//! does not build in exports that lens's file inside the bundle, bound by its SHA-256, and the
//! consultant's app and `preflight bundle summary` read it without having the file.

mod common;
use common::{fixture, run, stdout, temp_file, text};
use preflight::domain::assessment::Answer;
use preflight::domain::builtin::{well_architected, well_architected_sha256};
use preflight::domain::bundle::{
    Bundle, Integrity, canonical, export, import, read_carried, sha256_hex, summary,
};
use preflight::domain::lens::Lens;
use preflight::domain::schedule::Rules;
use preflight::domain::workload::Workload;
use serde_json::Value;

/// The lens a sales team lists as `reused_ids`: AWS's shape, no id of its own.
fn lens_file() -> String {
    std::fs::read_to_string(fixture("lenses/aws-reused-choice-ids.json")).unwrap()
}

fn custom_lens() -> Lens {
    let mut lens = Lens::from_json(&lens_file()).unwrap();
    lens.id = "reused_ids".into();
    lens
}

/// A workload with a high risk in the custom lens's second question.
fn workload() -> Workload {
    let mut w = Workload::new("w-1", "2026-11-21T02:00:00Z");
    w.profile.organisation = "Acme Retail".into();
    w.profile.workload = "Network".into();
    w.lenses.push("reused_ids".into());
    let answers = w.answers.entry("reused_ids".into()).or_default();
    answers.insert(
        "net_1".into(),
        Answer {
            selected: vec!["choice1".into()],
            ..Answer::default()
        },
    );
    answers.insert(
        "net_2".into(),
        Answer {
            selected: vec!["choice_no".into()],
            ..Answer::default()
        },
    );
    w
}

fn exported() -> String {
    let file = lens_file();
    let sha = sha256_hex(file.as_bytes());
    let lens = custom_lens();
    export(
        &workload(),
        &[
            (well_architected(), well_architected_sha256(), None),
            (&lens, &sha, Some(&file)),
        ],
        None,
        None,
        &Rules::default(),
        "0.1.0",
        "2026-11-21T02:00:00Z",
    )
}

/// Imports a bundle and reads the lens files it carries, as the workspace and the CLI do.
fn read(text: &str) -> Result<Bundle, Vec<preflight::domain::validate::Issue>> {
    let mut b = import(text)?.remove(0);
    read_carried(&mut b)?;
    Ok(b)
}

/// Changes a bundle's document and seals it again, as an editor with the format's rules would.
fn resealed(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(text).unwrap();
    edit(&mut doc);
    let obj = doc.as_object_mut().unwrap();
    obj.remove("sha256");
    let sha = sha256_hex(canonical(&Value::Object(obj.clone())).as_bytes());
    obj.insert("sha256".into(), sha.into());
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn a_lens_the_app_does_not_build_in_travels_inside_the_bundle() {
    let text = exported();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        doc["lenses"][0].get("file"),
        None,
        "a built-in lens is not copied"
    );
    assert_eq!(
        doc["lenses"][1]["file"].as_str(),
        Some(lens_file().as_str())
    );

    let unread = &import(&text).unwrap()[0];
    assert_eq!(
        unread.embedded_lens("reused_ids"),
        None,
        "import alone only hashes it"
    );
    let b = &read(&text).unwrap();
    assert_eq!(b.integrity, Integrity::Intact);
    let carried = b
        .embedded_lens("reused_ids")
        .expect("the lens comes with the bundle");
    assert_eq!(
        carried,
        &custom_lens(),
        "the same lens, filed under the bundle's id"
    );
    assert!(b.lenses[1].embedded.as_ref().unwrap().matches);
    // The consultant's figures, from the carried lens alone.
    let row = summary(b, carried);
    assert_eq!(
        (row.overall.high, row.overall.none, row.overall.unanswered),
        (1, 1, 0)
    );
}

#[test]
fn a_carried_lens_that_does_not_match_its_hash_flags_the_bundle() {
    // The lens's text changed and the bundle was sealed again: only the lens's own hash tells.
    let text = resealed(&exported(), |doc| {
        let file = doc["lenses"][1]["file"]
            .as_str()
            .unwrap()
            .replace("Practice one", "Practice 1");
        doc["lenses"][1]["file"] = file.into();
    });
    let b = &read(&text).unwrap();
    assert_eq!(b.integrity, Integrity::Changed);
    assert!(!b.lenses[1].embedded.as_ref().unwrap().matches);

    let path = temp_file("bundle-lenses", "changed-lens.json", &text);
    let out = run(&["bundle", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: $.lenses[1].file: the lens file does not match its SHA-256\n",
            path.display()
        )
    );
}

#[test]
fn a_carried_lens_is_checked_like_any_lens_file() {
    let text = resealed(&exported(), |doc| {
        let mut lens: Value =
            serde_json::from_str(doc["lenses"][1]["file"].as_str().unwrap()).unwrap();
        lens["pillars"][0]["questions"][0]["riskRules"][0]["condition"] = "choice1 && typo".into();
        doc["lenses"][1]["file"] = lens.to_string().into();
    });
    let issues: Vec<String> = read(&text)
        .unwrap_err()
        .iter()
        .map(|i| preflight::i18n::issue_text(i, preflight::domain::text::Lang::En))
        .collect();
    assert_eq!(
        issues,
        [
            "$.lenses[1].file: the lens file in the bundle is invalid: $.pillars[0].questions[0].riskRules[0].condition: condition names “typo”, which is not a choice of this question"
        ]
    );
    let zh: Vec<String> = read(&text)
        .unwrap_err()
        .iter()
        .map(|i| preflight::i18n::issue_text(i, preflight::domain::text::Lang::ZhCn))
        .collect();
    assert!(
        zh[0].starts_with("$.lenses[1].file: 评估包中的评估模型文件无效："),
        "{zh:?}"
    );
}

#[test]
fn bundle_summary_reads_a_carried_lens_by_id() {
    let with = temp_file("bundle-lenses", "with-lens.json", &exported());
    let without = fixture("bundles/acme-web-shop.json");
    let out = run(&[
        "bundle",
        "summary",
        "--lens",
        "reused_ids",
        "--format",
        "json",
        with.to_str().unwrap(),
        without.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "one bundle lacks the lens");
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["organisation"], "Acme Retail");
    assert_eq!(rows[0]["high"], 1);
    assert_eq!(
        rows[0]["high_networking"], 1,
        "columns per pillar of the carried lens"
    );
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}: the bundle carries no lens “reused_ids”\n",
            without.display()
        )
    );
}
