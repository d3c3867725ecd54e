//! `preflight --lang zh-CN …`: every line the tool writes, in Simplified Chinese. English stays
//! the default and the documented contract (tests/cli.rs, tests/cli_bundle.rs).

use std::path::PathBuf;
use std::process::{Command, Output};

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preflight"))
        .args(args)
        .output()
        .expect("the preflight binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn lens_check_in_chinese() {
    let file = path("tests/fixtures/lenses/valid-preflight.json");
    let out = run(&["--lang", "zh-CN", "lens", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("{}: 有效的 Preflight 评估模型“", file.display())),
        "{text}"
    );
    assert!(text.ends_with("：2 个支柱，3 个问题，9 个选项\n"), "{text}");
}

#[test]
fn every_problem_of_every_hostile_bundle_is_in_chinese_with_its_path() {
    let dir = path("tests/fixtures/bundles/hostile");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for file in names {
        let f = file.to_str().unwrap();
        let en = stdout(&run(&["bundle", "validate", f]));
        let zh = run(&["--lang", "zh-CN", "bundle", "validate", f]);
        let zh_text = stdout(&zh);
        assert_eq!(
            en.lines().count(),
            zh_text.lines().count(),
            "{f}:\n{en}\n{zh_text}"
        );
        for (e, z) in en.lines().zip(zh_text.lines()) {
            assert!(has_chinese(z), "{z}");
            // The file and the JSON path of a problem are the same in both languages.
            let rest = |l: &str| l.strip_prefix(&format!("{f}: ")).unwrap_or(l).to_owned();
            let (e, z) = (rest(e), rest(z));
            assert!(z != e, "{z}");
            if e.starts_with('$') {
                let head = |l: &str| l.split([':', '：']).next().unwrap_or_default().to_owned();
                assert_eq!(head(&e), head(&z), "{e}\n{z}");
            }
        }
    }
}

#[test]
fn calendar_and_config_in_chinese() {
    let out = run(&["--lang", "zh-CN", "calendar", "add", "2027-01-04", "1"]);
    assert_eq!(stdout(&out), "2027-01-05（暂定）\n");
    let out = run(&["--lang", "zh-CN", "calendar", "add", "2026-02-30", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "2026-02-30: 不是日期（YYYY-MM-DD，年份 1900 至 9999）\n"
    );
    let example = path("public/config.example.json");
    let out = run(&[
        "--lang",
        "zh-CN",
        "config",
        "check",
        example.to_str().unwrap(),
    ]);
    assert_eq!(
        stdout(&out),
        format!(
            "{}: 有效的配置：品牌“Acme 云 · 项目启动前评估”；人天单价 CNY 4800 (security 5600)；休息日 2026-12-31\n",
            example.display()
        )
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = run(&["--lang", "fr", "calendar", "add", "2026-01-05", "1"]);
    assert_eq!(out.status.code(), Some(2));
}
