//! The lenses the app ships.
//!
//! The Well-Architected lens is embedded from `src/content/lenses/` at compile time: every
//! workload uses it. Optional lenses ([`OPTIONAL_LENSES`]) are files beside the app in
//! `public/lenses/`, fetched the first time a workload turns one on, so they cost nothing on the
//! first load. All are data, validated by the same parser as any imported lens; the tests below
//! fail if one breaks a rule or lacks a language.

use crate::domain::lens::Lens;
use std::sync::OnceLock;

/// The Well-Architected pre-engagement lens (five pillars), in English and Simplified Chinese.
pub const WELL_ARCHITECTED_JSON: &str = include_str!("../content/lenses/well-architected.json");

/// The id of the Well-Architected lens.
pub const WELL_ARCHITECTED_ID: &str = "well_architected";

/// A lens offered beside the Well-Architected lens, served as a file next to the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionalLens {
    /// Its id (as in the file).
    pub id: &'static str,
    /// Its path relative to the app's page.
    pub path: &'static str,
}

/// The managed-services readiness lens (four pillars from the Managed Services description).
pub const MANAGED_SERVICES: OptionalLens = OptionalLens {
    id: "managed_services",
    path: "lenses/managed-services.json",
};

/// Every optional lens.
pub const OPTIONAL_LENSES: [OptionalLens; 1] = [MANAGED_SERVICES];

/// The ids of the lenses the app builds in or ships: no other lens may take them, and bundles
/// need not carry them.
pub const BUILTIN_LENS_IDS: [&str; 2] = [WELL_ARCHITECTED_ID, MANAGED_SERVICES.id];

/// Whether a lens id is one the app builds in or ships.
pub fn is_builtin_lens(id: &str) -> bool {
    BUILTIN_LENS_IDS.contains(&id)
}

/// The parsed Well-Architected lens.
///
/// # Panics
/// Never in a tested build: the embedded file is checked by `builtin_lenses_are_valid`.
pub fn well_architected() -> &'static Lens {
    static LENS: OnceLock<Lens> = OnceLock::new();
    // No `expect`: formatting the issues in a panic message would link their Debug impls (and
    // float formatting) into the wasm build for a path that tests rule out.
    LENS.get_or_init(|| match Lens::from_json(WELL_ARCHITECTED_JSON) {
        Ok(lens) => lens,
        Err(_) => panic!("the built-in lens is invalid; `cargo test` names the problems"),
    })
}

/// The SHA-256 of the embedded Well-Architected lens file, as bundles record it.
pub fn well_architected_sha256() -> &'static str {
    static SHA: OnceLock<String> = OnceLock::new();
    SHA.get_or_init(|| crate::domain::bundle::sha256_hex(WELL_ARCHITECTED_JSON.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::{Lang, Text};

    /// The shipped optional lens files, read from `public/` for the tests.
    fn optional_lenses() -> Vec<(OptionalLens, Lens)> {
        OPTIONAL_LENSES
            .iter()
            .map(|l| {
                let path = format!("{}/public/{}", env!("CARGO_MANIFEST_DIR"), l.path);
                let text = std::fs::read_to_string(&path).unwrap();
                match Lens::from_json(&text) {
                    Ok(lens) => (*l, lens),
                    Err(issues) => panic!("{path}: {issues:#?}"),
                }
            })
            .collect()
    }

    #[test]
    fn optional_lenses_are_valid_bilingual_and_apart_from_the_main_lens() {
        let main = well_architected();
        for (meta, lens) in optional_lenses() {
            assert_eq!(lens.id, meta.id);
            for (place, text) in all_texts(&lens) {
                for lang in Lang::ALL {
                    assert!(text.has(lang), "{place} has no {lang} text");
                }
            }
            // Pillars are routed by id and answers stored by question id: no clashes.
            for p in &lens.pillars {
                assert!(main.pillar(&p.id).is_none(), "{} clashes", p.id);
            }
            for (_, q) in lens.questions() {
                assert!(main.question(&q.id).is_none(), "{} clashes", q.id);
            }
        }
    }

    #[test]
    fn the_managed_services_lens_covers_the_four_service_areas() {
        let (_, lens) = optional_lenses().remove(0);
        let ids: Vec<&str> = lens.pillars.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "technology_management",
                "continuous_improvement",
                "service_delivery",
                "it_governance"
            ]
        );
        for (_, q) in lens.questions() {
            assert!(q.none_choice().is_some());
            for c in q.choices.iter().filter(|c| !c.is_none_of_these()) {
                assert!(
                    c.improvement_plan.is_some() && c.effort.is_some(),
                    "{}",
                    c.id
                );
            }
        }
    }

    fn all_texts(lens: &Lens) -> Vec<(String, &Text)> {
        let mut out = vec![("name".to_owned(), &lens.name)];
        out.extend(
            lens.description
                .iter()
                .map(|d| ("description".to_owned(), d)),
        );
        for p in &lens.pillars {
            out.push((p.id.clone(), &p.name));
            for q in &p.questions {
                out.push((q.id.clone(), &q.title));
                out.extend(q.description.iter().map(|d| (q.id.clone(), d)));
                for c in &q.choices {
                    out.push((c.id.clone(), &c.title));
                    for r in c.helpful_resource.iter().chain(&c.improvement_plan) {
                        out.push((c.id.clone(), &r.text));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn builtin_lenses_are_valid() {
        if let Err(issues) = Lens::from_json(WELL_ARCHITECTED_JSON) {
            panic!("{issues:#?}");
        }
        let lens = well_architected();
        assert_eq!(lens.id, WELL_ARCHITECTED_ID);
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        let lens = well_architected();
        for (place, text) in all_texts(lens) {
            for lang in Lang::ALL {
                assert!(text.has(lang), "{place} has no {lang} text");
            }
        }
    }

    #[test]
    fn covers_the_five_pillars_with_six_to_ten_questions_each() {
        let lens = well_architected();
        let ids: Vec<&str> = lens.pillars.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "security",
                "reliability",
                "cost_optimization",
                "operational_excellence",
                "performance_efficiency"
            ]
        );
        for p in &lens.pillars {
            assert!((6..=10).contains(&p.questions.len()), "{}", p.id);
        }
    }

    #[test]
    fn every_practice_has_a_plan_and_an_effort_and_every_question_a_way_out() {
        for (_, q) in well_architected().questions() {
            assert!(q.none_choice().is_some(), "{} lacks None of these", q.id);
            for c in q.choices.iter().filter(|c| !c.is_none_of_these()) {
                assert!(c.improvement_plan.is_some(), "{}", c.id);
                assert!(c.effort.is_some_and(|e| e > 0.0), "{}", c.id);
            }
        }
    }

    #[test]
    fn every_question_can_reach_no_risk_and_high_risk() {
        use crate::domain::lens::{Risk, Selection};
        for (_, q) in well_architected().questions() {
            let all_practices = (0..q.choices.len())
                .filter(|&i| !q.choices[i].is_none_of_these())
                .fold(Selection::default(), Selection::with);
            assert_eq!(q.risk(all_practices), Some(Risk::None), "{}", q.id);
            let none = Selection::default().with(q.none_choice().unwrap());
            assert_eq!(q.risk(none), Some(Risk::High), "{}", q.id);
        }
    }
}
