//! One Chinese term per concept: every Chinese text of the product — the interface and CLI
//! messages, both lenses, the service catalogue and the example config — avoids the variants
//! that `src/content/glossary.json` rejects, and says 卓越架构 wherever it says
//! Well-Architected. Test fixtures are not product text and are not read.

use preflight::domain::text::Lang;
use preflight::i18n::Msg;
use serde_json::Value;

/// The JSON files with Chinese text, relative to the crate.
const FILES: [&str; 4] = [
    "src/content/lenses/well-architected.json",
    "public/lenses/managed-services.json",
    "public/catalogue.json",
    "public/config.example.json",
];

/// A glossary entry.
struct Term {
    concept: String,
    en: String,
    zh: String,
    rejected: Vec<String>,
}

fn read_json(rel: &str) -> Value {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn glossary() -> Vec<Term> {
    let doc = read_json("src/content/glossary.json");
    let Some(entries) = doc["terms"].as_array() else {
        panic!("src/content/glossary.json: no \"terms\" array");
    };
    entries
        .iter()
        .map(|entry| {
            let field = |key: &str| {
                let Some(s) = entry[key].as_str() else {
                    panic!("glossary entry {entry}: no string \"{key}\"");
                };
                s.to_owned()
            };
            let Some(rejected) = entry["rejected"].as_array() else {
                panic!("glossary entry {entry}: no \"rejected\" array");
            };
            Term {
                concept: field("concept"),
                en: field("en"),
                zh: field("zh-CN"),
                rejected: rejected
                    .iter()
                    .map(|r| {
                        r.as_str()
                            .unwrap_or_else(|| panic!("{entry}: {r}"))
                            .to_owned()
                    })
                    .collect(),
            }
        })
        .collect()
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every `"zh-CN"` string under `value`, and any other string in Chinese, with its JSON path.
fn chinese_strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members.iter() {
                let member_path = format!("{path}.{key}");
                match member {
                    Value::String(s) if key == "zh-CN" => out.push((member_path, s.clone())),
                    _ => chinese_strings(member, &member_path, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                chinese_strings(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) if has_chinese(s) => out.push((path.to_owned(), s.clone())),
        _ => {}
    }
}

/// Every Chinese text of the product, each with where it is.
fn product_texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = Msg::ALL
        .iter()
        .map(|msg| {
            (
                format!("src/i18n.rs {msg:?}"),
                msg.text(Lang::ZhCn).to_owned(),
            )
        })
        .collect();
    for file in FILES.iter() {
        let mut found = Vec::new();
        chinese_strings(&read_json(file), "$", &mut found);
        assert!(!found.is_empty(), "{file}: no Chinese text found");
        texts.extend(
            found
                .into_iter()
                .map(|(path, s)| (format!("{file} {path}"), s)),
        );
    }
    texts
}

#[test]
fn glossary_renderings_are_not_rejected_variants() {
    let terms = glossary();
    assert!(!terms.is_empty());
    for term in terms.iter() {
        assert!(!term.zh.is_empty(), "{}: no rendering", term.concept);
        for variant in term.rejected.iter() {
            assert!(
                !variant.is_empty() && !term.zh.contains(variant.as_str()),
                "{}: “{}” must not contain its rejected variant “{variant}”",
                term.concept,
                term.zh
            );
        }
    }
}

#[test]
fn chinese_texts_use_the_glossary_terms() {
    let terms = glossary();
    let mut problems = Vec::new();
    for (place, text) in product_texts().iter() {
        for term in terms.iter() {
            for variant in term.rejected.iter() {
                if text.contains(variant.as_str()) {
                    problems.push(format!(
                        "{place}: “{variant}” where the glossary says “{}” ({}, {}): {text}",
                        term.zh, term.concept, term.en
                    ));
                }
            }
        }
        if text.contains("Well-Architected") && !text.contains("卓越架构") {
            problems.push(format!(
                "{place}: Well-Architected without 卓越架构: {text}"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} Chinese texts break the glossary (src/content/glossary.json):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
