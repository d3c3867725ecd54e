//! A workload: what the customer assesses, with its profile and answers per lens.

//!
//! Workloads are stored and exported as JSON. The codec is written against `serde_json::Value`
//! with a [`Checker`] rather than derived: it reports every problem of an untrusted document with
//! its path (serde stops at the first), and it keeps the derive machinery out of the wasm build
//! (measured: the derived storage codec cost more first-load bytes than this one).

use crate::domain::assessment::{Answer, Answers, MAX_NOTES_CHARS, NaReason};
use crate::domain::calendar::format_date;
use crate::domain::catalogue::{
    MANAGED, MAX_CONSULTANTS, MAX_PACKAGE_DAYS, ManDays, OFFERINGS, Selection,
};
use crate::domain::lens::{MAX_CHOICES, MAX_PILLARS, Question};
use crate::domain::milestone::{MAX_MILESTONE_NAME, MAX_MILESTONES, Milestone};
use crate::domain::text::Lang;
use crate::domain::validate::{Checker, IdChars, JsonPath, Problem};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The longest profile field, in characters (the description has its own limit).
pub const MAX_PROFILE_FIELD: usize = 200;
/// The longest workload description, in characters.
pub const MAX_DESCRIPTION: usize = 4000;
/// The longest workload id.
pub const MAX_WORKLOAD_ID: usize = 40;
/// The longest id (lens, question, choice) accepted in stored answers.
const MAX_KEY: usize = 128;
/// The most lenses a workload can have answers for.
const MAX_LENSES: usize = 16;
/// The most answers per lens (10 pillars × 20 questions, the AWS limits).
const MAX_ANSWERS: usize = 200;

/// Who is asking and about what.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workload {
    /// Identifier (`[a-z0-9-]`, at most 40 characters); part of its storage key.
    pub id: String,
    /// The profile.
    pub profile: Profile,
    /// Answers per lens id.
    pub answers: BTreeMap<String, Answers>,
    /// Lenses chosen beside the built-in Well-Architected lens (e.g. `managed_services`).
    pub lenses: Vec<String>,
    /// The customer's ranking of each lens's pillars: pillar ids, top priority first.
    pub priorities: BTreeMap<String, Vec<String>>,
    /// Frozen copies of the answers, oldest first.
    pub milestones: Vec<Milestone>,
    /// Services chosen from the catalogue.
    pub services: Selection,
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
            lenses: Vec::new(),
            priorities: BTreeMap::new(),
            milestones: Vec::new(),
            services: Selection::default(),
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

    /// The workload as JSON (members in a fixed order, empty ones left out).
    pub fn to_value(&self) -> Value {
        let mut profile = Map::new();
        for (key, value) in self.profile.fields() {
            if !value.is_empty() {
                profile.insert(key.to_owned(), Value::from(value.as_str()));
            }
        }
        let answers = answers_to_value(&self.answers);
        let mut out = Map::new();
        out.insert("id".into(), Value::from(self.id.as_str()));
        out.insert("profile".into(), Value::Object(profile));
        out.insert("answers".into(), Value::Object(answers));
        if !self.lenses.is_empty() {
            out.insert("lenses".into(), Value::from(self.lenses.clone()));
        }
        if !self.priorities.is_empty() {
            let priorities: Map<String, Value> = self
                .priorities
                .iter()
                .map(|(lens, ids)| (lens.clone(), Value::from(ids.clone())))
                .collect();
            out.insert("priorities".into(), Value::Object(priorities));
        }
        if !self.milestones.is_empty() {
            let list = self.milestones.iter().map(milestone_to_value).collect();
            out.insert("milestones".into(), Value::Array(list));
        }
        if self.services != Selection::default() {
            out.insert("services".into(), services_to_value(&self.services));
        }
        out.insert("created_at".into(), Value::from(self.created_at.as_str()));
        out.insert("updated_at".into(), Value::from(self.updated_at.as_str()));
        Value::Object(out)
    }

    /// Reads a workload from untrusted JSON, reporting every problem with its path.
    pub fn from_value(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Workload> {
        let obj = c.object(value, path)?;
        let id = c.required(obj, "id", path).and_then(|v| {
            let ipath = path.key("id");
            let id = c.free_text(v, &ipath, MAX_WORKLOAD_ID * 4)?;
            if is_workload_id(&id) {
                Some(id)
            } else {
                c.report(
                    &ipath,
                    Problem::BadId {
                        id,
                        max: MAX_WORKLOAD_ID,
                        allowed: IdChars::Slug,
                    },
                );
                None
            }
        });
        let profile = match obj.get("profile") {
            None | Some(Value::Null) => Some(Profile::default()),
            Some(v) => profile_from_value(c, v, &path.key("profile")),
        };
        let answers = match obj.get("answers") {
            None | Some(Value::Null) => Some(BTreeMap::new()),
            Some(v) => answers_from_value(c, v, &path.key("answers")),
        };
        let lenses = match obj.get("lenses") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(v) => id_list(c, v, &path.key("lenses"), MAX_LENSES),
        };
        let priorities = match obj.get("priorities") {
            None | Some(Value::Null) => Some(BTreeMap::new()),
            Some(v) => priorities_from_value(c, v, &path.key("priorities")),
        };
        let milestones = match obj.get("milestones") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(v) => milestones_from_value(c, v, &path.key("milestones")),
        };
        let services = match obj.get("services") {
            None | Some(Value::Null) => Some(Selection::default()),
            Some(v) => services_from_value(c, v, &path.key("services")),
        };
        let mut stamp = |key: &str| {
            let v = c.required(obj, key, path)?;
            let s = c.free_text(v, &path.key(key), 40)?;
            if s.is_empty() {
                c.report(&path.key(key), Problem::Empty);
                return None;
            }
            Some(s)
        };
        let created_at = stamp("created_at");
        let updated_at = stamp("updated_at");
        Some(Workload {
            id: id?,
            profile: profile?,
            answers: answers?,
            lenses: lenses?,
            priorities: priorities?,
            milestones: milestones?,
            services: services?,
            created_at: created_at?,
            updated_at: updated_at?,
        })
    }
}

impl Profile {
    /// The fields with their JSON names, in display order.
    pub fn fields(&self) -> [(&'static str, &String); 5] {
        [
            ("organisation", &self.organisation),
            ("workload", &self.workload),
            ("contact_name", &self.contact_name),
            ("contact_email", &self.contact_email),
            ("description", &self.description),
        ]
    }
}

fn profile_from_value(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Profile> {
    let obj = c.object(value, path)?;
    let mut field = |key: &str, max: usize| c.optional_text(obj, key, path, max);
    let organisation = field("organisation", MAX_PROFILE_FIELD);
    let workload = field("workload", MAX_PROFILE_FIELD);
    let contact_name = field("contact_name", MAX_PROFILE_FIELD);
    let contact_email = field("contact_email", MAX_PROFILE_FIELD);
    let description = field("description", MAX_DESCRIPTION);
    Some(Profile {
        organisation: organisation?,
        workload: workload?,
        contact_name: contact_name?,
        contact_email: contact_email?,
        description: description?,
    })
}

fn answer_to_value(a: &Answer) -> Value {
    let mut out = Map::new();
    if !a.selected.is_empty() {
        out.insert("selected".into(), Value::from(a.selected.clone()));
    }
    if let Some(r) = a.not_applicable {
        out.insert("not_applicable".into(), Value::from(r.as_str()));
    }
    if !a.notes.is_empty() {
        out.insert("notes".into(), Value::from(a.notes.as_str()));
    }
    Value::Object(out)
}

/// Reads `{lens_id: {question_id: answer}}`.
pub fn answers_from_value(
    c: &mut Checker,
    value: &Value,
    path: &JsonPath,
) -> Option<BTreeMap<String, Answers>> {
    let obj = c.object(value, path)?;
    let mut ok = c.count(obj.len(), path, 0, MAX_LENSES);
    let mut out = BTreeMap::new();
    for (lens_id, per_lens) in obj {
        let lpath = path.key(lens_id);
        ok &= check_key(c, lens_id, &lpath);
        let Some(questions) = c.object(per_lens, &lpath) else {
            ok = false;
            continue;
        };
        ok &= c.count(questions.len(), &lpath, 0, MAX_ANSWERS);
        let mut answers = Answers::new();
        for (qid, answer) in questions {
            let qpath = lpath.key(qid);
            ok &= check_key(c, qid, &qpath);
            match answer_from_value(c, answer, &qpath) {
                Some(a) => {
                    answers.insert(qid.clone(), a);
                }
                None => ok = false,
            }
        }
        out.insert(lens_id.clone(), answers);
    }
    ok.then_some(out)
}

/// Reads one answer: `{"selected": [...], "not_applicable": "OUT_OF_SCOPE", "notes": "..."}`.
pub fn answer_from_value(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Answer> {
    let obj = c.object(value, path)?;
    let selected = match obj.get("selected") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => {
            let spath = path.key("selected");
            c.array(v, &spath).and_then(|items| {
                let mut ok = c.count(items.len(), &spath, 0, MAX_CHOICES);
                let mut ids = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match c.free_text(item, &spath.index(i), MAX_KEY) {
                        Some(id) if !ids.contains(&id) => ids.push(id),
                        Some(id) => {
                            c.report(
                                &spath.index(i),
                                Problem::Duplicate {
                                    id,
                                    first: spath.clone(),
                                },
                            );
                            ok = false;
                        }
                        None => ok = false,
                    }
                }
                ok.then_some(ids)
            })
        }
    };
    let not_applicable = match obj.get("not_applicable") {
        None | Some(Value::Null) => Some(None),
        Some(v) => {
            let npath = path.key("not_applicable");
            c.free_text(v, &npath, 32)
                .and_then(|s| match NaReason::from_str_name(&s) {
                    Some(r) => Some(Some(r)),
                    None => {
                        c.report(
                            &npath,
                            Problem::NotOneOf {
                                found: s,
                                allowed: &[
                                    "OUT_OF_SCOPE",
                                    "BUSINESS_PRIORITIES",
                                    "ARCHITECTURE_CONSTRAINTS",
                                    "OTHER",
                                ],
                            },
                        );
                        None
                    }
                })
        }
    };
    let notes = c.optional_text(obj, "notes", path, MAX_NOTES_CHARS);
    Some(Answer {
        selected: selected?,
        not_applicable: not_applicable?,
        notes: notes?,
    })
}

/// A list of distinct ids (lens or pillar ids), at most `max`.
fn id_list(c: &mut Checker, value: &Value, path: &JsonPath, max: usize) -> Option<Vec<String>> {
    let items = c.array(value, path)?;
    let mut ok = c.count(items.len(), path, 0, max);
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let ipath = path.index(i);
        match c.free_text(item, &ipath, MAX_KEY) {
            Some(id) if !check_key(c, &id, &ipath) => ok = false,
            Some(id) if out.contains(&id) => {
                c.report(
                    &ipath,
                    Problem::Duplicate {
                        id,
                        first: path.clone(),
                    },
                );
                ok = false;
            }
            Some(id) => out.push(id),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn priorities_from_value(
    c: &mut Checker,
    value: &Value,
    path: &JsonPath,
) -> Option<BTreeMap<String, Vec<String>>> {
    let obj = c.object(value, path)?;
    let mut ok = c.count(obj.len(), path, 0, MAX_LENSES);
    let mut out = BTreeMap::new();
    for (lens, ids) in obj {
        let lpath = path.key(lens);
        ok &= check_key(c, lens, &lpath);
        match id_list(c, ids, &lpath, MAX_PILLARS) {
            Some(ids) => {
                out.insert(lens.clone(), ids);
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Every lens's answers: lens id → question id → answer.
fn answers_to_value(answers: &BTreeMap<String, Answers>) -> Map<String, Value> {
    answers
        .iter()
        .map(|(lens, answers)| {
            let per_lens: Map<String, Value> = answers
                .iter()
                .map(|(q, a)| (q.clone(), answer_to_value(a)))
                .collect();
            (lens.clone(), Value::Object(per_lens))
        })
        .collect()
}

fn milestone_to_value(m: &Milestone) -> Value {
    let answers = answers_to_value(&m.answers);
    let mut out = Map::new();
    out.insert("id".into(), Value::from(m.id.as_str()));
    out.insert("name".into(), Value::from(m.name.as_str()));
    out.insert("date".into(), Value::from(format_date(m.date)));
    out.insert("created_at".into(), Value::from(m.created_at.as_str()));
    out.insert("answers".into(), Value::Object(answers));
    Value::Object(out)
}

fn milestones_from_value(
    c: &mut Checker,
    value: &Value,
    path: &JsonPath,
) -> Option<Vec<Milestone>> {
    let items = c.array(value, path)?;
    let mut ok = c.count(items.len(), path, 0, MAX_MILESTONES);
    let mut out: Vec<Milestone> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mpath = path.index(i);
        match milestone_from_value(c, item, &mpath) {
            Some(m) if out.iter().any(|x| x.id == m.id) => {
                c.report(
                    &mpath.key("id"),
                    Problem::Duplicate {
                        id: m.id,
                        first: path.clone(),
                    },
                );
                ok = false;
            }
            Some(m) => out.push(m),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn milestone_from_value(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Milestone> {
    let obj = c.object(value, path)?;
    let id = c.required(obj, "id", path).and_then(|v| {
        let ipath = path.key("id");
        let id = c.free_text(v, &ipath, MAX_KEY)?;
        check_key(c, &id, &ipath).then_some(id)
    });
    let name = c
        .required(obj, "name", path)
        .and_then(|v| c.string(v, &path.key("name"), MAX_MILESTONE_NAME));
    let date = c
        .required(obj, "date", path)
        .and_then(|v| c.date(v, &path.key("date")));
    let created_at = c
        .required(obj, "created_at", path)
        .and_then(|v| c.string(v, &path.key("created_at"), 40));
    let answers = match obj.get("answers") {
        None | Some(Value::Null) => Some(BTreeMap::new()),
        Some(v) => answers_from_value(c, v, &path.key("answers")),
    };
    Some(Milestone {
        id: id?,
        name: name?,
        date: date?,
        created_at: created_at?,
        answers: answers?,
    })
}

/// The selection as JSON (man-days as numbers).
pub fn services_to_value(s: &Selection) -> Value {
    let mut out = Map::new();
    out.insert("consulting".into(), Value::from(s.consulting));
    out.insert("onsite_days".into(), Value::from(s.onsite_days));
    out.insert(
        "implementation_onsite_days".into(),
        Value::from(s.implementation_onsite_days),
    );
    let packages: Map<String, Value> = s
        .packages
        .iter()
        .map(|(k, d)| (k.clone(), Value::from(d.days())))
        .collect();
    out.insert("packages".into(), Value::Object(packages));
    out.insert(
        "modules".into(),
        Value::from(s.modules.iter().cloned().collect::<Vec<_>>()),
    );
    out.insert("consultants".into(), Value::from(s.consultants));
    if let Some(d) = s.preferred_start {
        out.insert("preferred_start".into(), Value::from(format_date(d)));
    }
    out.insert(
        "acknowledged".into(),
        Value::from(s.acknowledged.iter().cloned().collect::<Vec<_>>()),
    );
    out.insert(
        "prerequisites".into(),
        Value::from(s.prerequisites.iter().cloned().collect::<Vec<_>>()),
    );
    out.insert(
        "order_on".into(),
        Value::from(if s.recommended_order {
            "recommended"
        } else {
            "earliest"
        }),
    );
    let languages: Map<String, Value> = s
        .languages
        .iter()
        .map(|(k, l)| (k.clone(), Value::from(l.tag())))
        .collect();
    out.insert("deliverable_languages".into(), Value::Object(languages));
    Value::Object(out)
}

/// Reads a service selection, reporting every problem by path.
pub fn services_from_value(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Selection> {
    let obj = c.object(value, path)?;
    let mut ok = true;
    let mut sel = Selection::default();
    if let Some(v) = obj.get("consulting") {
        match c.boolean(v, &path.key("consulting")) {
            Some(b) => sel.consulting = b,
            None => ok = false,
        }
    }
    let small = |key: &str, min: f64, max: f64, c: &mut Checker| -> Option<u8> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(min as u8),
            Some(v) => {
                let n = c.number(v, &path.key(key), min, max)?;
                if n.fract() != 0.0 {
                    c.report(&path.key(key), Problem::NotWhole { value: n });
                    return None;
                }
                Some(n as u8)
            }
        }
    };
    match small("onsite_days", 0.0, 2.0, c) {
        Some(n) => sel.onsite_days = n,
        None => ok = false,
    }
    match small("implementation_onsite_days", 0.0, 2.0, c) {
        Some(n) => sel.implementation_onsite_days = n,
        None => ok = false,
    }
    if let Some(v) = obj.get("order_on").filter(|v| !v.is_null()) {
        let opath = path.key("order_on");
        match c.string(v, &opath, 16).as_deref() {
            Some("recommended") => sel.recommended_order = true,
            Some("earliest") => sel.recommended_order = false,
            Some(other) => {
                c.report(
                    &opath,
                    Problem::NotOneOf {
                        found: other.to_owned(),
                        allowed: &["recommended", "earliest"],
                    },
                );
                ok = false;
            }
            None => ok = false,
        }
    }
    if let Some(v) = obj.get("deliverable_languages").filter(|v| !v.is_null()) {
        let lpath = path.key("deliverable_languages");
        match c.object(v, &lpath) {
            Some(map) => {
                for (offering, tag) in map {
                    let tpath = lpath.key(offering);
                    if !OFFERINGS.contains(&offering.as_str()) {
                        c.report(
                            &tpath,
                            Problem::NotOneOf {
                                found: offering.clone(),
                                allowed: OFFERINGS,
                            },
                        );
                        ok = false;
                        continue;
                    }
                    // Managed Services' documents are in English (seed 000 §2).
                    let allowed: &'static [&'static str] = if offering == MANAGED {
                        &["en"]
                    } else {
                        &["en", "zh-CN"]
                    };
                    match c.string(tag, &tpath, 8) {
                        Some(t) if allowed.contains(&t.as_str()) => {
                            if let Some(l) = Lang::from_tag(&t) {
                                sel.languages.insert(offering.clone(), l);
                            }
                        }
                        Some(t) => {
                            c.report(&tpath, Problem::NotOneOf { found: t, allowed });
                            ok = false;
                        }
                        None => ok = false,
                    }
                }
            }
            None => ok = false,
        }
    }
    match small("consultants", 1.0, f64::from(MAX_CONSULTANTS), c) {
        Some(n) => sel.consultants = n,
        None => ok = false,
    }
    if let Some(v) = obj.get("packages").filter(|v| !v.is_null()) {
        let ppath = path.key("packages");
        match c.object(v, &ppath) {
            Some(map) => {
                ok &= c.count(map.len(), &ppath, 0, crate::domain::lens::MAX_PILLARS);
                for (pillar, days) in map {
                    let dpath = ppath.key(pillar);
                    ok &= check_key(c, pillar, &dpath);
                    match c.number(days, &dpath, 0.5, MAX_PACKAGE_DAYS) {
                        Some(d) => {
                            sel.packages.insert(pillar.clone(), ManDays::from_days(d));
                        }
                        None => ok = false,
                    }
                }
            }
            None => ok = false,
        }
    }
    for (key, max) in [
        ("modules", 8usize),
        ("acknowledged", 8),
        ("prerequisites", 200),
    ] {
        if let Some(v) = obj.get(key).filter(|v| !v.is_null()) {
            let lpath = path.key(key);
            match c.array(v, &lpath) {
                Some(items) => {
                    ok &= c.count(items.len(), &lpath, 0, max);
                    for (i, item) in items.iter().enumerate() {
                        match c.free_text(item, &lpath.index(i), 200) {
                            Some(s) if !s.is_empty() => {
                                let set = match key {
                                    "modules" => &mut sel.modules,
                                    "acknowledged" => &mut sel.acknowledged,
                                    _ => &mut sel.prerequisites,
                                };
                                set.insert(s);
                            }
                            _ => ok = false,
                        }
                    }
                }
                None => ok = false,
            }
        }
    }
    if let Some(v) = obj.get("preferred_start").filter(|v| !v.is_null()) {
        match c.date(v, &path.key("preferred_start")) {
            Some(d) => sel.preferred_start = Some(d),
            None => ok = false,
        }
    }
    if sel.onsite_days > 0 && !sel.consulting {
        c.report(&path.key("onsite_days"), Problem::OnsiteWithoutConsulting);
        ok = false;
    }
    if sel.implementation_onsite_days > 0 && sel.packages.is_empty() {
        c.report(
            &path.key("implementation_onsite_days"),
            Problem::OnsiteWithoutImplementation,
        );
        ok = false;
    }
    ok.then_some(sel)
}

/// A lens, question or choice id as a map key: 1–128 characters, no control characters.
fn check_key(c: &mut Checker, key: &str, path: &JsonPath) -> bool {
    c.check_id(key, path, MAX_KEY, IdChars::Printable)
}

/// Whether `id` is a valid workload id: 1–40 of `[a-z0-9-]`.
pub fn is_workload_id(id: &str) -> bool {
    IdChars::Slug.allows(id, MAX_WORKLOAD_ID)
}

/// Acme's web shop, created 21 November 2026 and not yet answered (a fixture for unit tests).
#[cfg(test)]
pub(crate) fn acme_shop() -> Workload {
    let mut w = Workload::new("w-1", "2026-11-21T10:00:00Z");
    w.profile.organisation = "Acme".into();
    w.profile.workload = "Shop".into();
    w
}
