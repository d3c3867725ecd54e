//! The lenses built into the app, embedded from `src/content/lenses/` at compile time.
//!
//! They are data, validated by the same parser as any imported lens; a test below fails the
//! build's test run if one of them breaks a rule or lacks a language.

use crate::domain::lens::Lens;
use std::sync::OnceLock;

/// The Well-Architected pre-engagement lens (five pillars), in English and Simplified Chinese.
pub const WELL_ARCHITECTED_JSON: &str = include_str!("../content/lenses/well-architected.json");

/// The id of the Well-Architected lens.
pub const WELL_ARCHITECTED_ID: &str = "well_architected";

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::{Lang, Text};

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
