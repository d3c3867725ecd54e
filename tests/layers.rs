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
