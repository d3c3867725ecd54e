//! Answers to a lens and what they add up to: per-question status, per-pillar and overall risk
//! counts and a score.
//!
//! **Score** *(product choice)*: the share of answered, applicable questions that are free of
//! risk, with a medium risk counting half: `round(100 × (no risk + ½ × medium) / answered)`.
//! Not-applicable and unanswered questions do not count; with nothing answered there is no score.
//! AWS tools show counts only; a single number per pillar makes progress visible at a glance and
//! is always shown next to the counts it comes from.

use crate::domain::lens::{Lens, Question, Risk, Selection};
use crate::domain::text::Lang;
use std::collections::BTreeMap;

/// The longest note accepted per question, in characters (AWS: 2084).
pub const MAX_NOTES_CHARS: usize = 2084;

/// Why a question does not apply to the workload (AWS reasons).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NaReason {
    /// The question is outside the workload's scope.
    OutOfScope,
    /// Business priorities rule it out.
    BusinessPriorities,
    /// The architecture cannot accommodate it.
    ArchitectureConstraints,
    /// Another reason (say which in the notes).
    Other,
}

impl NaReason {
    /// Every reason, in display order.
    pub const ALL: [NaReason; 4] = [
        NaReason::OutOfScope,
        NaReason::BusinessPriorities,
        NaReason::ArchitectureConstraints,
        NaReason::Other,
    ];

    /// The AWS name.
    pub fn as_str(self) -> &'static str {
        match self {
            NaReason::OutOfScope => "OUT_OF_SCOPE",
            NaReason::BusinessPriorities => "BUSINESS_PRIORITIES",
            NaReason::ArchitectureConstraints => "ARCHITECTURE_CONSTRAINTS",
            NaReason::Other => "OTHER",
        }
    }

    /// Parses the AWS name.
    pub fn from_str_name(s: &str) -> Option<NaReason> {
        NaReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The customer's answer to one question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// Selected choice ids, in lens order.
    pub selected: Vec<String>,
    /// Set when the question does not apply; the selection is kept but does not count.
    pub not_applicable: Option<NaReason>,
    /// Free text, at most [`MAX_NOTES_CHARS`] characters.
    pub notes: String,
}

impl Answer {
    /// Selects or deselects a choice. "None of these" excludes every other choice: selecting it
    /// clears them, and selecting another choice clears it. Unknown ids are ignored.
    pub fn toggle(&mut self, question: &Question, choice_id: &str) {
        let Some(choice) = question.choices.iter().find(|c| c.id == choice_id) else {
            return;
        };
        if let Some(pos) = self.selected.iter().position(|s| s == choice_id) {
            self.selected.remove(pos);
            return;
        }
        if choice.is_none_of_these() {
            self.selected.clear();
        } else {
            self.selected.retain(|id| {
                !question
                    .choices
                    .iter()
                    .any(|c| &c.id == id && c.is_none_of_these())
            });
        }
        self.selected.push(choice_id.to_owned());
        // Keep lens order so that equal answers serialize identically.
        self.selected
            .sort_by_key(|id| question.choice_index(id).unwrap_or(usize::MAX));
    }

    /// Sets the notes, cut to [`MAX_NOTES_CHARS`] characters.
    pub fn set_notes(&mut self, notes: &str) {
        self.notes = notes.chars().take(MAX_NOTES_CHARS).collect();
    }

    /// Whether the answer holds nothing worth storing.
    pub fn is_blank(&self) -> bool {
        self.selected.is_empty() && self.not_applicable.is_none() && self.notes.is_empty()
    }

    /// The selection as a bit set; ids the question does not have (a lens changed since the
    /// answer was given) are ignored.
    pub fn selection(&self, question: &Question) -> Selection {
        self.selected
            .iter()
            .filter_map(|id| question.choice_index(id))
            .fold(Selection::default(), Selection::with)
    }
}

/// Answers to one lens, by question id.
pub type Answers = BTreeMap<String, Answer>;

/// Where a question stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing selected and not marked not applicable.
    Unanswered,
    /// Marked not applicable.
    NotApplicable(NaReason),
    /// Answered, with the risk its rules give.
    Answered(Risk),
}

/// The status of a question given its answer.
pub fn status(question: &Question, answer: Option<&Answer>) -> Status {
    let Some(answer) = answer else {
        return Status::Unanswered;
    };
    if let Some(reason) = answer.not_applicable {
        return Status::NotApplicable(reason);
    }
    match question.risk(answer.selection(question)) {
        Some(risk) => Status::Answered(risk),
        None => Status::Unanswered,
    }
}

/// How many questions are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// High risk.
    pub high: u32,
    /// Medium risk.
    pub medium: u32,
    /// No risk.
    pub none: u32,
    /// Not applicable.
    pub not_applicable: u32,
    /// Unanswered.
    pub unanswered: u32,
}

impl Counts {
    /// Adds one question.
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Unanswered => self.unanswered += 1,
            Status::NotApplicable(_) => self.not_applicable += 1,
            Status::Answered(Risk::High) => self.high += 1,
            Status::Answered(Risk::Medium) => self.medium += 1,
            Status::Answered(Risk::None) => self.none += 1,
        }
    }

    /// Adds every count of `other`.
    pub fn merge(&mut self, other: &Counts) {
        self.high += other.high;
        self.medium += other.medium;
        self.none += other.none;
        self.not_applicable += other.not_applicable;
        self.unanswered += other.unanswered;
    }

    /// Questions counted.
    pub fn total(&self) -> u32 {
        self.high + self.medium + self.none + self.not_applicable + self.unanswered
    }

    /// Questions answered or marked not applicable (progress).
    pub fn done(&self) -> u32 {
        self.total() - self.unanswered
    }

    /// The score (see the module doc), or `None` when no applicable question is answered.
    pub fn score(&self) -> Option<u8> {
        let answered = self.high + self.medium + self.none;
        if answered == 0 {
            return None;
        }
        // Integer arithmetic in half-points: round(100 × (2·none + medium) / (2·answered)).
        let half_points = 2 * self.none + self.medium;
        let score = (100 * half_points + answered) / (2 * answered);
        u8::try_from(score).ok()
    }
}

/// The results of one pillar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PillarSummary {
    /// The pillar's id.
    pub pillar_id: String,
    /// Its counts.
    pub counts: Counts,
}

/// The results of a lens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Per pillar, in lens order.
    pub pillars: Vec<PillarSummary>,
    /// All pillars together.
    pub overall: Counts,
}

/// The titles of the choices selected in `answer`, in lens order: the practices in place.
pub fn selected_titles<'a>(q: &'a Question, answer: Option<&Answer>, lang: Lang) -> Vec<&'a str> {
    answer.map_or_else(Vec::new, |a| {
        q.choices
            .iter()
            .filter(|c| a.selected.contains(&c.id))
            .map(|c| c.title.get(lang))
            .collect()
    })
}

/// The questions of one pillar (by id) answered with a high or medium risk, in lens order:
/// what a service for that pillar answers (the proposal's "why").
pub fn risky_questions<'a>(
    lens: &'a Lens,
    pillar: &str,
    answers: &Answers,
) -> Vec<(Risk, &'a Question)> {
    lens.pillar(pillar)
        .map(|p| {
            p.questions
                .iter()
                .filter_map(|q| match status(q, answers.get(&q.id)) {
                    Status::Answered(r @ (Risk::High | Risk::Medium)) => Some((r, q)),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Counts every question of the lens.
pub fn summarize(lens: &Lens, answers: &Answers) -> Summary {
    let mut overall = Counts::default();
    let pillars = lens
        .pillars
        .iter()
        .map(|pillar| {
            let mut counts = Counts::default();
            for q in &pillar.questions {
                counts.add(status(q, answers.get(&q.id)));
            }
            overall.merge(&counts);
            PillarSummary {
                pillar_id: pillar.id.clone(),
                counts,
            }
        })
        .collect();
    Summary { pillars, overall }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lens() -> Lens {
        Lens::from_json(
            r#"{
              "schemaVersion": "2021-11-01", "name": "T",
              "pillars": [{"id": "p1", "name": "P1", "questions": [
                {"id": "q1", "title": "Q1",
                 "choices": [
                   {"id": "a", "title": "A", "improvementPlan": {"displayText": "do a"}},
                   {"id": "b", "title": "B", "improvementPlan": {"displayText": "do b"}},
                   {"id": "q1_no", "title": "None of these"}],
                 "riskRules": [
                   {"condition": "a && b", "risk": "NO_RISK"},
                   {"condition": "a || b", "risk": "MEDIUM_RISK"},
                   {"condition": "default", "risk": "HIGH_RISK"}]},
                {"id": "q2", "title": "Q2",
                 "choices": [{"id": "c", "title": "C", "improvementPlan": {"displayText": "do c"}}],
                 "riskRules": [{"condition": "c", "risk": "NO_RISK"},
                               {"condition": "default", "risk": "HIGH_RISK"}]}
              ]}]
            }"#,
        )
        .unwrap()
    }

    #[test]
    fn none_of_these_excludes_the_other_choices() {
        let lens = lens();
        let q = lens.question("q1").unwrap();
        let mut a = Answer::default();
        a.toggle(q, "b");
        a.toggle(q, "a");
        assert_eq!(a.selected, ["a", "b"], "kept in lens order");
        a.toggle(q, "q1_no");
        assert_eq!(a.selected, ["q1_no"]);
        a.toggle(q, "a");
        assert_eq!(a.selected, ["a"]);
        a.toggle(q, "a");
        assert!(a.selected.is_empty());
        a.toggle(q, "zzz");
        assert!(a.is_blank());
    }

    #[test]
    fn first_true_rule_wins_and_empty_is_unanswered() {
        let lens = lens();
        let q = lens.question("q1").unwrap();
        let answer = |ids: &[&str]| Answer {
            selected: ids.iter().map(|s| s.to_string()).collect(),
            ..Answer::default()
        };
        assert_eq!(status(q, None), Status::Unanswered);
        assert_eq!(status(q, Some(&answer(&[]))), Status::Unanswered);
        assert_eq!(
            status(q, Some(&answer(&["a", "b"]))),
            Status::Answered(Risk::None)
        );
        assert_eq!(
            status(q, Some(&answer(&["b"]))),
            Status::Answered(Risk::Medium)
        );
        assert_eq!(
            status(q, Some(&answer(&["q1_no"]))),
            Status::Answered(Risk::High)
        );
        // An id from an older lens version is ignored rather than trusted.
        assert_eq!(status(q, Some(&answer(&["gone"]))), Status::Unanswered);
        let na = Answer {
            selected: vec!["a".into()],
            not_applicable: Some(NaReason::OutOfScope),
            notes: String::new(),
        };
        assert_eq!(
            status(q, Some(&na)),
            Status::NotApplicable(NaReason::OutOfScope)
        );
    }

    #[test]
    fn summary_counts_and_scores() {
        let lens = lens();
        let mut answers = Answers::new();
        answers.insert(
            "q1".into(),
            Answer {
                selected: vec!["a".into()],
                ..Answer::default()
            },
        );
        let s = summarize(&lens, &answers);
        assert_eq!(
            s.overall,
            Counts {
                medium: 1,
                unanswered: 1,
                ..Counts::default()
            }
        );
        assert_eq!(s.overall.score(), Some(50));
        assert_eq!(s.overall.done(), 1);
        assert_eq!(Counts::default().score(), None);
        let c = Counts {
            high: 1,
            medium: 1,
            none: 1,
            ..Counts::default()
        };
        assert_eq!(c.score(), Some(50));
        let c = Counts {
            medium: 1,
            none: 2,
            ..Counts::default()
        };
        // (2 + 0.5) / 3 = 83.3
        assert_eq!(c.score(), Some(83));
    }

    #[test]
    fn notes_are_bounded() {
        let mut a = Answer::default();
        a.set_notes(&"字".repeat(5000));
        assert_eq!(a.notes.chars().count(), MAX_NOTES_CHARS);
    }
}
