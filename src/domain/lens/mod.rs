//! Lenses: question banks of pillars → questions → choices, with risk rules.
//!
//! The file format is a superset of the AWS Well-Architected custom lens JSON format
//! (`schemaVersion`, `pillars[].questions[].choices[]`, `helpfulResource`, `improvementPlan`,
//! `riskRules`): an AWS file is read unchanged and unknown keys are ignored. Our extensions are an
//! optional lens `id` and `version`, localized text (`{"en": …, "zh-CN": …}` wherever AWS has a
//! string) and, per choice, `effort` (man-days to implement its improvement) and `cost_class`.
//!
//! [`Lens::from_json`] validates against the AWS limits and reports every problem with its JSON
//! path; a [`Lens`] value is always valid, so evaluation code never re-checks it.

pub mod condition;
mod parse;

use crate::domain::text::Text;
use condition::Condition;

pub use parse::{LensReport, MAX_LENS_BYTES, slug};

/// The largest number of pillars in a lens (AWS limit).
pub const MAX_PILLARS: usize = 10;
/// The largest number of questions in a pillar (AWS limit).
pub const MAX_QUESTIONS: usize = 20;
/// The largest number of choices in a question (AWS limit).
pub const MAX_CHOICES: usize = 15;
/// The largest number of risk rules in a question (AWS limit).
pub const MAX_RISK_RULES: usize = 3;

/// Which of the two accepted formats a lens file was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LensFormat {
    /// Ours: has a top-level `id`.
    Preflight,
    /// An AWS custom lens, without our extensions.
    Aws,
}

/// A validated lens.
#[derive(Clone, Debug, PartialEq)]
pub struct Lens {
    /// Stable identifier, from the file's `id` or derived from its name.
    pub id: String,
    /// The lens version, from the file's `version` (default `"1"`).
    pub version: String,
    /// Display name.
    pub name: Text,
    /// What the lens is for.
    pub description: Option<Text>,
    /// Its pillars, in file order (at least one).
    pub pillars: Vec<Pillar>,
    /// The format it was read from.
    pub format: LensFormat,
}

/// A group of questions.
#[derive(Clone, Debug, PartialEq)]
pub struct Pillar {
    /// Identifier, unique in the lens.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Questions, in file order (at least one).
    pub questions: Vec<Question>,
}

/// A question with its choices and risk rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Identifier, unique in the lens.
    pub id: String,
    /// The question.
    pub title: Text,
    /// Why it is asked.
    pub description: Option<Text>,
    /// A pointer to more reading.
    pub helpful_resource: Option<Resource>,
    /// Its choices (1 to 15; at most one "None of these").
    pub choices: Vec<Choice>,
    /// Risk rules, tried in order (1 to 3; usually one is `default`).
    pub risk_rules: Vec<RiskRule>,
}

/// A best practice the customer can select, or "None of these".
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Identifier, unique in its question; ending in `_no` for "None of these".
    pub id: String,
    /// The practice.
    pub title: Text,
    /// More detail.
    pub description: Option<Text>,
    /// Explanation of the practice.
    pub helpful_resource: Option<Resource>,
    /// What to do to adopt it (required except for "None of these").
    pub improvement_plan: Option<Resource>,
    /// Man-days to implement the improvement, where the lens says.
    pub effort: Option<f64>,
    /// Ongoing cost of the practice, where the lens says.
    pub cost_class: Option<CostClass>,
}

impl Choice {
    /// Whether this is the "None of these" choice, which excludes the others.
    pub fn is_none_of_these(&self) -> bool {
        self.id.ends_with("_no")
    }
}

/// Text with an optional link.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// What to show.
    pub text: Text,
    /// Where it points, if the file says.
    pub link: Option<Link>,
}

impl Resource {
    /// The absolute http(s) URL to link to, if the file gave one.
    pub fn web_url(&self) -> Option<&str> {
        match &self.link {
            Some(Link::Web(url)) => Some(url),
            _ => None,
        }
    }
}

/// A resource's URL as the lens file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// An absolute `http` or `https` URL: shown as a link.
    Web(String),
    /// Anything else (a relative path, another scheme): shown as text, never as a link, so that
    /// a lens cannot make the page follow `javascript:` or open a path on the app's own site.
    Text(String),
}

/// The ongoing cost of adopting a practice (tooling, cloud spend), beyond the one-off effort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CostClass {
    /// Little or no running cost.
    Low,
    /// A noticeable running cost.
    Medium,
    /// A significant running cost.
    High,
}

/// The risk of an answered question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Risk {
    /// `HIGH_RISK`.
    High,
    /// `MEDIUM_RISK`.
    Medium,
    /// `NO_RISK`.
    None,
}

impl Risk {
    /// The AWS name.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::High => "HIGH_RISK",
            Risk::Medium => "MEDIUM_RISK",
            Risk::None => "NO_RISK",
        }
    }
}

/// A risk rule: when `condition` holds, the question has `risk`.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskRule {
    /// Over choice indices of the question.
    pub condition: Condition<usize>,
    /// The risk it sets.
    pub risk: Risk,
}

/// The selected choices of a question, as a bit per choice index (a question has ≤ 15 choices).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection(pub u16);

impl Selection {
    /// Whether choice `index` is selected.
    pub fn contains(self, index: usize) -> bool {
        index < 16 && self.0 & (1 << index) != 0
    }

    /// With choice `index` selected.
    pub fn with(self, index: usize) -> Selection {
        if index < 16 {
            Selection(self.0 | (1 << index))
        } else {
            self
        }
    }

    /// Whether nothing is selected.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Question {
    /// The index of the choice with this id.
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.choices.iter().position(|c| c.id == id)
    }

    /// The "None of these" choice's index, if the question has one.
    pub fn none_choice(&self) -> Option<usize> {
        self.choices.iter().position(Choice::is_none_of_these)
    }

    /// The risk of a selection that no rule matches, in a question without a `default` rule.
    pub const UNMATCHED: Risk = Risk::None;

    /// The risk of a non-empty selection: the first rule whose condition holds, or
    /// [`Question::UNMATCHED`]. `None` for an empty selection (the question is unanswered).
    pub fn risk(&self, selection: Selection) -> Option<Risk> {
        if selection.is_empty() {
            return None;
        }
        let selected = |i: &usize| selection.contains(*i);
        Some(
            self.risk_rules
                .iter()
                .find(|rule| rule.condition.eval(&selected))
                .map_or(Question::UNMATCHED, |rule| rule.risk),
        )
    }

    /// The selection made of these choice ids; `Err` with the first unknown id.
    pub fn selection<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<Selection, &'a str> {
        let mut selection = Selection::default();
        for id in ids {
            let index = self.choice_index(id).ok_or(id)?;
            selection = selection.with(index);
        }
        Ok(selection)
    }
}

impl Lens {
    /// Every question with its pillar, in lens order.
    pub fn questions(&self) -> impl Iterator<Item = (&Pillar, &Question)> {
        self.pillars
            .iter()
            .flat_map(|p| p.questions.iter().map(move |q| (p, q)))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// The pillar with this id.
    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    /// The number of questions.
    pub fn question_count(&self) -> usize {
        self.pillars.iter().map(|p| p.questions.len()).sum()
    }
}
