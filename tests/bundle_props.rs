//! Untrusted input never panics the importers, and what they accept is sound.
//!
//! These run on stable with every `cargo test`; the coverage-guided fuzz targets in `fuzz/`
//! (`scripts/fuzz`) search the same parsers far longer.

use preflight::domain::builtin::{WELL_ARCHITECTED_JSON, well_architected};
use preflight::domain::bundle::{Integrity, import, import_bytes, summary};
use preflight::domain::lens::Lens;
use proptest::prelude::*;
use serde_json::Value;

const ACME: &str = include_str!("fixtures/bundles/acme-web-shop.json");

/// A JSON value of any shape, up to a small depth.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(Value::from("2026-02-30")),
        Just(Value::from("<script>alert(1)</script>")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path (as keys and indices) to a value inside `v`.
fn paths(v: &Value, here: Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let mut p = here.clone();
                p.push(Step::Key(k.clone()));
                paths(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let mut p = here.clone();
                p.push(Step::Index(i));
                paths(x, p, out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_bytes(&bytes);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = Lens::from_json(text);
        }
    }

    /// A real export with one value anywhere replaced by anything: refused with at least one
    /// problem, or accepted (and then flagged as changed unless the value was the same), and a
    /// summary of what was accepted can always be made.
    #[test]
    fn a_replaced_value_is_refused_or_flagged(pick in any::<prop::sample::Index>(), value in any_json()) {
        let mut doc: Value = serde_json::from_str(ACME).unwrap();
        let mut all = Vec::new();
        paths(&doc, Vec::new(), &mut all);
        let path = all[pick.index(all.len())].clone();
        let target = at(&mut doc, &path);
        let same = *target == value;
        *target = value;
        match import(&doc.to_string()) {
            Err(issues) => prop_assert!(!issues.is_empty()),
            Ok(bundles) => {
                let touches_checksum = matches!(path.first(), Some(Step::Key(k)) if k == "sha256");
                for b in &bundles {
                    if !same && !touches_checksum && !path.is_empty() {
                        prop_assert_eq!(b.integrity, Integrity::Changed, "path {:?}", path);
                    }
                    let _ = summary(b, well_architected());
                }
            }
        }
    }

    /// Cutting a real export anywhere, or flipping one byte, never panics; a cut file is refused.
    #[test]
    fn damaged_files_never_panic(cut in 0usize..4900, flip in 0usize..4900, bit in 0u8..8) {
        let bytes = ACME.as_bytes();
        let cut = cut.min(bytes.len() - 2);
        prop_assert!(import_bytes(&bytes[..cut]).is_err());
        let mut flipped = bytes.to_vec();
        let i = flip.min(bytes.len() - 1);
        flipped[i] ^= 1 << bit;
        let _ = import_bytes(&flipped);
    }

    /// The built-in lens with one value replaced: the lens parser answers without panicking.
    #[test]
    fn a_damaged_lens_never_panics(pick in any::<prop::sample::Index>(), value in any_json()) {
        let mut doc: Value = serde_json::from_str(WELL_ARCHITECTED_JSON).unwrap();
        let mut all = Vec::new();
        paths(&doc, Vec::new(), &mut all);
        let path = all[pick.index(all.len())].clone();
        *at(&mut doc, &path) = value;
        let _ = Lens::from_json(&doc.to_string());
    }
}
