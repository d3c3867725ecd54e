//! A workload: what the customer assesses, with its profile and answers per lens.

use crate::domain::assessment::{Answer, Answers, check_answers};
use crate::domain::lens::Question;
use crate::domain::validate::{Checker, Issue, JsonPath, Problem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest profile field, in characters (the description has its own limit).
pub const MAX_PROFILE_FIELD: usize = 200;
/// The longest workload description, in characters.
pub const MAX_DESCRIPTION: usize = 4000;
/// The longest workload id.
pub const MAX_WORKLOAD_ID: usize = 40;

/// Who is asking and about what.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The customer organisation.
    pub organisation: String,
    /// The workload's name (also its name in the workload list).
    pub workload: String,
    /// The contact person.
    pub contact_name: String,
    /// The contact's e-mail address.
    pub contact_email: String,
    /// What the workload does, in the customer's words.
    pub description: String,
}

/// A workload and everything the customer entered for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    /// Identifier (`[a-z0-9-]`, at most 40 characters); part of its storage key.
    pub id: String,
    /// The profile.
    #[serde(default)]
    pub profile: Profile,
    /// Answers per lens id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answers>,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: String,
}

impl Workload {
    /// A new, empty workload.
    pub fn new(id: &str, now: &str) -> Workload {
        Workload {
            id: id.to_owned(),
            profile: Profile::default(),
            answers: BTreeMap::new(),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        }
    }

    /// A copy under a new id, named "<name> (copy)" in the caller's words.
    pub fn duplicate(&self, id: &str, name: &str, now: &str) -> Workload {
        let mut copy = self.clone();
        copy.id = id.to_owned();
        copy.profile.workload = name.chars().take(MAX_PROFILE_FIELD).collect();
        copy.created_at = now.to_owned();
        copy.updated_at = now.to_owned();
        copy
    }

    /// The answers to one lens.
    pub fn answers(&self, lens_id: &str) -> Option<&Answers> {
        self.answers.get(lens_id)
    }

    /// Changes one answer, dropping it when it becomes blank so that storage holds only what
    /// the customer entered.
    pub fn edit_answer(
        &mut self,
        lens_id: &str,
        question: &Question,
        edit: impl FnOnce(&mut Answer),
    ) {
        let answers = self.answers.entry(lens_id.to_owned()).or_default();
        let answer = answers.entry(question.id.clone()).or_default();
        edit(answer);
        if answer.is_blank() {
            answers.remove(&question.id);
        }
        if answers.is_empty() {
            self.answers.remove(lens_id);
        }
    }

    /// Checks limits that serde alone does not: id shape, text lengths, notes.
    pub fn check(&self, c: &mut Checker, path: &JsonPath) {
        if !is_workload_id(&self.id) {
            c.report(
                &path.key("id"),
                Problem::BadId {
                    id: self.id.clone(),
                    max: MAX_WORKLOAD_ID,
                },
            );
        }
        let p = path.key("profile");
        let fields = [
            (
                "organisation",
                &self.profile.organisation,
                MAX_PROFILE_FIELD,
            ),
            ("workload", &self.profile.workload, MAX_PROFILE_FIELD),
            (
                "contact_name",
                &self.profile.contact_name,
                MAX_PROFILE_FIELD,
            ),
            (
                "contact_email",
                &self.profile.contact_email,
                MAX_PROFILE_FIELD,
            ),
            ("description", &self.profile.description, MAX_DESCRIPTION),
        ];
        for (key, value, max) in fields {
            let len = value.chars().count();
            if len > max {
                c.report(&p.key(key), Problem::TooLong { len, max });
            }
        }
        for (key, value) in [
            ("created_at", &self.created_at),
            ("updated_at", &self.updated_at),
        ] {
            if value.is_empty() || value.len() > 40 {
                c.report(&path.key(key), Problem::Invalid("not a timestamp".into()));
            }
        }
        for (lens_id, answers) in &self.answers {
            check_answers(c, answers, &path.key("answers").key(lens_id));
        }
    }

    /// [`Workload::check`] on its own.
    pub fn issues(&self) -> Vec<Issue> {
        let mut c = Checker::new();
        self.check(&mut c, &JsonPath::root());
        c.into_issues()
    }
}

/// Whether `id` is a valid workload id: 1–40 of `[a-z0-9-]`.
pub fn is_workload_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_WORKLOAD_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
