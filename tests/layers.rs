//! The layers of ARCHITECTURE.md, checked: the domain never reaches into the browser or the UI,
//! the shared words and the CLI do not depend on the UI, and no two domain modules import each
//! other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A file's code outside its unit tests, without comment lines.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel)
}

#[test]
fn the_domain_imports_no_browser_framework_or_ui() {
    let mut files = Vec::new();
    rust_files(&src("domain"), &mut files);
    files.push(src("i18n.rs"));
    rust_files(&src("cli"), &mut files);
    assert!(files.len() > 20);
    for f in files {
        let code = code(&f);
        for banned in [
            "crate::ui",
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
        ] {
            assert!(!code.contains(banned), "{} uses {banned}", f.display());
        }
    }
}

#[test]
fn no_two_domain_modules_import_each_other() {
    let mut files = Vec::new();
    rust_files(&src("domain"), &mut files);
    let module = |p: &Path| {
        let rel = p.strip_prefix(src("domain")).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        first.trim_end_matches(".rs").to_owned()
    };
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let from = module(f);
        let code = code(f);
        for (i, _) in code.match_indices("crate::domain::") {
            let rest = &code[i + "crate::domain::".len()..];
            let to: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !to.is_empty() && to != from {
                uses.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    for (a, targets) in &uses {
        for b in targets {
            let back = uses.get(b).is_some_and(|t| t.contains(a));
            assert!(!back, "domain::{a} and domain::{b} import each other");
        }
    }
}

/// The files whose code only pages run (in a split build, after the pages' texts are loaded),
/// or that are never in the app's wasm (the CLI, the Office worker's documents).
const PAGE_CODE: &[&str] = &[
    "ui/views/milestones.rs",
    "ui/views/plan.rs",
    "ui/views/profile.rs",
    "ui/views/proposal.rs",
    "ui/views/questionnaire.rs",
    "ui/views/report.rs",
    "ui/views/results.rs",
    "ui/views/schedule.rs",
    "ui/views/services.rs",
    "ui/views/workloads.rs",
    "ui/views/workspace.rs",
    "ui/views/documents.rs",
    "ui/office.rs",
    "domain/reports.rs",
    "domain/docx.rs",
    "domain/plan_book.rs",
    "domain/mspdi.rs",
    "domain/ics.rs",
    "domain/office.rs",
    "cli/mod.rs",
    "bin/preflight.rs",
    // The pages' words (problems, events, columns…): run by page code, or through the split
    // points in `ui/pages.rs` once the pages' texts are in hand (checked below).
    "i18n/words.rs",
];

/// The functions of `i18n/words.rs` that code outside the pages might want: the problem words.
const PAGE_WORDS: &[&str] = &["issue_text(", "problem_text(", "record_error_text("];

#[test]
fn the_pages_words_are_asked_for_through_the_pages_texts() {
    // Outside page code, the problem words are asked for through `ui/pages.rs`
    // (`issue_lines`, `record_error_lines`), which loads the pages' texts first: called
    // directly, they would be empty in a split build before a page has opened.
    let mut files = Vec::new();
    rust_files(&src(""), &mut files);
    let allowed: BTreeSet<_> = PAGE_CODE
        .iter()
        .chain(&["ui/pages.rs", "i18n.rs"])
        .map(|f| src(f))
        .collect();
    let mut wrong = Vec::new();
    for f in files.iter().filter(|f| !allowed.contains(*f)) {
        let text = code(f);
        for w in PAGE_WORDS {
            if text.contains(w) {
                wrong.push(format!("{}: {w}", f.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "page words used before the pages' texts: {wrong:#?}"
    );
}

#[test]
fn the_pages_own_messages_are_used_by_page_code_only() {
    // The messages after `@pages` in i18n.rs come with the pages' code in a split build, so
    // code that runs before a page opens (the shell, the start page, state, notices) must not
    // use one: it would get an empty text. Move such a message above `@pages`.
    let i18n = std::fs::read_to_string(src("i18n.rs")).unwrap();
    let table = &i18n[i18n.find("messages! {").unwrap()..];
    let pages = &table[table.find("    @pages").unwrap()..table.find("\n}\n").unwrap()];
    let page_msgs: BTreeSet<&str> = pages
        .lines()
        .filter_map(|l| l.trim().split_once(" => ").map(|(k, _)| k))
        .collect();
    assert!(page_msgs.len() > 200, "the pages' messages are found");
    let mut files = Vec::new();
    rust_files(&src(""), &mut files);
    let page_files: BTreeSet<_> = PAGE_CODE.iter().map(|f| src(f)).collect();
    let mut wrong = Vec::new();
    for f in files.iter().filter(|f| !page_files.contains(*f)) {
        // Unit tests may ask for any message.
        let text = code(f);
        for (i, _) in text.match_indices("Msg::") {
            let name: String = text[i + 5..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if page_msgs.contains(name.as_str()) {
                wrong.push(format!("{}: Msg::{name}", f.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "page messages used outside page code: {wrong:#?}"
    );
}
