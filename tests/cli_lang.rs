//! `preflight --lang zh-CN …`: every line the tool writes, in Simplified Chinese. English stays
//! the default and the documented contract (tests/cli.rs, tests/cli_bundle.rs).

mod common;
use common::{repo, run, stdout};

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn lens_check_in_chinese() {
    let file = repo("tests/fixtures/lenses/valid-preflight.json");
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
    let dir = repo("tests/fixtures/bundles/hostile");
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
    let example = repo("public/config.example.json");
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

/// The words of a Chinese problem line, once the file, the JSON path, quoted values (ids and
/// text from the file itself) and the format's own tokens are taken out: any English word left
/// is a message that was not translated.
fn english_words(line: &str) -> Vec<String> {
    // The file and the path: everything up to the first ": " after the path's "$".
    let Some(at) = line.find(": $") else {
        return Vec::new(); // not a problem line (a valid file's summary is the file's own data)
    };
    let mut rest = line[at + 2..]
        .split_once(": ")
        .map_or_else(String::new, |(_, r)| r.to_owned());
    // Lists of the values or members a format allows, spelt as the format spells them.
    for list in ["以下值之一：", "此处可用："] {
        if let Some(i) = rest.find(list) {
            rest.truncate(i);
        }
    }
    // Other JSON paths a message names.
    while let Some(a) = rest.find('$') {
        let end = rest[a..]
            .find(|c: char| c.is_whitespace() || c == '）')
            .map_or(rest.len(), |n| a + n);
        rest.replace_range(a..end, " ");
    }
    // Quoted values.
    while let (Some(a), Some(b)) = (rest.find('“'), rest.find('”')) {
        if b < a {
            break;
        }
        rest.replace_range(a..b + '”'.len_utf8(), " ");
    }
    const TOKENS: &[&str] = &[
        "JSON",
        "UTF",
        "SHA",
        "RFC",
        "ASCII",
        "RACI",
        "YYYY",
        "MM",
        "DD",
        "http",
        "https",
        "URL",
        "null",
        "Preflight",
        "WCAG",
        "AA",
        "i-",
        "none",
    ];
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !TOKENS.contains(w))
        // Enumerated values a format allows, printed as the format spells them.
        .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_chinese_run_holds_no_english_problem_text() {
    let mut runs: Vec<Vec<String>> = Vec::new();
    for dir in [
        "tests/fixtures/bundles/hostile",
        "tests/fixtures/lenses/broken",
        "tests/fixtures/lenses/warnings",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(repo(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let command = if dir.contains("bundles") {
            "bundle"
        } else {
            "lens"
        };
        let verb = if command == "bundle" {
            "validate"
        } else {
            "check"
        };
        for f in files {
            runs.push(vec![
                command.into(),
                verb.into(),
                f.to_str().unwrap().into(),
            ]);
        }
    }
    let lens = repo("tests/fixtures/lenses/valid-preflight.json");
    let answers = repo("tests/fixtures/answers/fixture-lens.bad-answers.json");
    runs.push(vec![
        "lens".into(),
        "evaluate".into(),
        lens.to_str().unwrap().into(),
        answers.to_str().unwrap().into(),
    ]);
    let mut lines = 0;
    for args in runs {
        let mut full = vec!["--lang", "zh-CN"];
        full.extend(args.iter().map(String::as_str));
        let out = stdout(&run(&full));
        for line in out.lines() {
            lines += 1;
            let words = english_words(line);
            assert!(words.is_empty(), "{args:?}\n{line}\nEnglish: {words:?}");
        }
    }
    assert!(lines > 40, "only {lines} lines checked");
}
