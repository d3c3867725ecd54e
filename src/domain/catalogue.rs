//! The service catalogue: what the customer can buy, with scope, exclusions, prerequisites, RACI,
//! deliverables, acceptance and support terms — and suggestions from the assessment.
//!
//! The catalogue is data (`public/catalogue.json`, taken from the two service descriptions and
//! fetched when the services page opens); this module reads it, validating every member by path,
//! and holds the rules of choosing: the Well-Architected offering is consulting, implementation,
//! or both; the on-site assessment (0–2 man-days) belongs to consulting; implementation builds on
//! improvement recommendations that already exist.

use crate::domain::assessment::{Answers, Status, status};
use crate::domain::lens::{Lens, Risk};
use crate::domain::plan::{Priority, plan};
use crate::domain::rules::PLACEHOLDERS;
use crate::domain::text::{Lang, Text};
use crate::domain::validate::{Checker, IdChars, Issue, JsonPath, Problem, parse_json};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The largest catalogue file accepted.
pub const MAX_CATALOGUE_BYTES: usize = 300_000;
/// The most man-days one implementation package can be sized at.
pub const MAX_PACKAGE_DAYS: f64 = 200.0;
/// The most consultants staffed on implementation.
pub const MAX_CONSULTANTS: u8 = 5;

/// Offering ids.
pub const CONSULTING: &str = "wa_consulting";
/// Offering ids.
pub const IMPLEMENTATION: &str = "wa_implementation";
/// Offering ids.
pub const MANAGED: &str = "managed_services";
/// Every offering id, in catalogue order.
pub const OFFERINGS: &[&str] = &[CONSULTING, IMPLEMENTATION, MANAGED];

/// A phase of a service.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What happens.
    pub description: Text,
}

/// A checklist item the customer ticks before the service starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Prerequisite {
    /// Id, unique in its offering.
    pub id: String,
    /// What must be done.
    pub text: Text,
}

/// A deliverable document.
#[derive(Clone, Debug, PartialEq)]
pub struct Deliverable {
    /// Id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// The phase that delivers it.
    pub phase: String,
}

/// A RACI row: who is Responsible, Accountable, Supporting, Consulted, Informed.
#[derive(Clone, Debug, PartialEq)]
pub struct RaciRow {
    /// Phase.
    pub phase: Text,
    /// Task.
    pub task: Text,
    /// Details.
    pub details: Text,
    /// The customer's letters, e.g. `A/S/C/I`.
    pub customer: String,
    /// The provider's letters, e.g. `R/I`.
    pub provider: String,
}

/// A row of the acceptance plan.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptanceRow {
    /// The milestone.
    pub milestone: Text,
    /// What is accepted.
    pub content: Text,
    /// How completion is shown.
    pub indicator: Text,
}

/// An implementation package: one pillar.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    /// The pillar id.
    pub pillar: String,
    /// What is investigated.
    pub focus: Text,
    /// An example solution design.
    pub example_design: Text,
}

/// A managed-services module.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What it covers.
    pub description: Text,
}

/// A managed-services milestone.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// The report submitted.
    pub report: Text,
    /// What happens.
    pub description: Text,
}

/// An offering.
#[derive(Clone, Debug, PartialEq)]
pub struct Offering {
    /// Id: [`CONSULTING`], [`IMPLEMENTATION`] or [`MANAGED`].
    pub id: String,
    /// Name.
    pub name: Text,
    /// Summary.
    pub summary: Text,
    /// How long it takes.
    pub duration: Text,
    /// Phases.
    pub phases: Vec<Phase>,
    /// What is included.
    pub included: Vec<Text>,
    /// What is excluded (the customer acknowledges these).
    pub excluded: Vec<Text>,
    /// The checklist before the start.
    pub prerequisites: Vec<Prerequisite>,
    /// Deliverables.
    pub deliverables: Vec<Deliverable>,
    /// RACI.
    pub raci: Vec<RaciRow>,
    /// Acceptance plan.
    pub acceptance: Vec<AcceptanceRow>,
    /// Service levels.
    pub sla: Vec<Text>,
    /// What the customer does.
    pub customer_duties: Vec<Text>,
    /// What the provider does.
    pub provider_duties: Vec<Text>,
    /// Implementation packages (implementation only).
    pub packages: Vec<Package>,
    /// Modules (managed services only).
    pub modules: Vec<Module>,
    /// Milestones (managed services only).
    pub milestones: Vec<MilestoneInfo>,
    /// Working terms: support, hours, channels, languages and formats, lead time.
    pub terms: Terms,
    /// The languages its deliverables can be written in: two where the customer chooses, one
    /// where the contract fixes it.
    pub languages: Vec<Lang>,
}

/// An offering's working terms: each offering has its own (the Well-Architected services'
/// terms are seed 002 §3 and §5; Managed Services' are seed 000 §2).
#[derive(Clone, Debug, PartialEq)]
pub struct Terms {
    /// Support terms (e.g. 5×8 through phone and DingTalk).
    pub support: Text,
    /// Service hours.
    pub hours: Text,
    /// Channels.
    pub channels: Text,
    /// Working languages and deliverable formats.
    pub languages: Text,
    /// Lead time.
    pub lead_time: Text,
}

/// The catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    /// Version of the catalogue data.
    pub version: String,
    /// Offerings, in display order.
    pub offerings: Vec<Offering>,
}

impl Catalogue {
    /// Reads the catalogue, reporting every problem by path.
    pub fn from_json(text: &str) -> Result<Catalogue, Vec<Issue>> {
        let value = parse_json(text, MAX_CATALOGUE_BYTES).map_err(|i| vec![i])?;
        let mut c = Checker::new();
        let cat = catalogue(&mut c, &value);
        match cat {
            Some(cat) if c.is_clean() => Ok(cat),
            _ => Err(c.into_issues()),
        }
    }

    /// The offering with this id.
    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.offerings.iter().find(|o| o.id == id)
    }
}

/// Reads an object's members, one reader each, named as the struct's fields, and builds the
/// struct when every one was read. Every member is read first, so each problem is reported,
/// not only the first.
macro_rules! record {
    ($c:ident, $o:ident, $p:expr => $ty:ident { $($field:ident: $read:expr),* $(,)? }) => {{
        $(let $field = $read($c, $o, stringify!($field), $p);)*
        Some($ty { $($field: $field?),* })
    }};
}

const MAX_TEXT: usize = 2000;

fn text_list(
    c: &mut Checker,
    obj: &Map<String, Value>,
    key: &str,
    path: &JsonPath,
) -> Option<Vec<Text>> {
    let lpath = path.key(key);
    let items = c
        .required(obj, key, path)
        .and_then(|v| c.array(v, &lpath))?;
    let out: Vec<Option<Text>> = items
        .iter()
        .enumerate()
        .map(|(i, v)| c.text(v, &lpath.index(i), MAX_TEXT))
        .collect();
    out.into_iter().collect()
}

fn req_text(c: &mut Checker, o: &Map<String, Value>, key: &str, path: &JsonPath) -> Option<Text> {
    c.required(o, key, path)
        .and_then(|v| c.text(v, &path.key(key), MAX_TEXT))
}

fn req_id(c: &mut Checker, o: &Map<String, Value>, key: &str, path: &JsonPath) -> Option<String> {
    c.required(o, key, path)
        .and_then(|v| c.id(v, &path.key(key), 64, IdChars::Snake))
}

fn raci_letters(
    c: &mut Checker,
    o: &Map<String, Value>,
    key: &str,
    path: &JsonPath,
) -> Option<String> {
    let s = c
        .required(o, key, path)
        .and_then(|v| c.string(v, &path.key(key), 16))?;
    let ok = s
        .split('/')
        .all(|l| matches!(l, "R" | "A" | "S" | "C" | "I"));
    if !ok {
        c.report(&path.key(key), Problem::NotRaci { found: s.clone() });
    }
    ok.then_some(s)
}

fn catalogue(c: &mut Checker, value: &Value) -> Option<Catalogue> {
    let root = JsonPath::root();
    let obj = c.object(value, &root)?;
    let version = c
        .required(obj, "version", &root)
        .and_then(|v| c.string(v, &root.key("version"), 32));
    check_placeholders(c, value, &root);
    let offerings = c.list(obj, "offerings", &root, true, offering)?;
    for id in [CONSULTING, IMPLEMENTATION, MANAGED] {
        if !offerings.iter().any(|o| o.id == id) {
            c.report(
                &root.key("offerings"),
                Problem::NoOffering { id: id.to_string() },
            );
        }
    }
    Some(Catalogue {
        version: version?,
        offerings,
    })
}

fn offering(c: &mut Checker, o: &Map<String, Value>, path: &JsonPath) -> Option<Offering> {
    let id = req_id(c, o, "id", path);
    let name = req_text(c, o, "name", path);
    let summary = req_text(c, o, "summary", path);
    let duration = req_text(c, o, "duration", path);
    let phases = c.list(o, "phases", path, true, |c, o, p| {
        record!(c, o, p => Phase {
            id: req_id,
            name: req_text,
            description: req_text,
        })
    });
    let included = text_list(c, o, "included", path);
    let excluded = text_list(c, o, "excluded", path);
    let prerequisites = c.list(o, "prerequisites", path, true, |c, o, p| {
        record!(c, o, p => Prerequisite {
            id: req_id,
            text: req_text,
        })
    });
    let deliverables = c.list(o, "deliverables", path, true, |c, o, p| {
        record!(c, o, p => Deliverable {
            id: req_id,
            name: req_text,
            phase: req_id,
        })
    });
    let raci = c.list(o, "raci", path, true, |c, o, p| {
        record!(c, o, p => RaciRow {
            phase: req_text,
            task: req_text,
            details: req_text,
            customer: raci_letters,
            provider: raci_letters,
        })
    });
    let acceptance = c.list(o, "acceptance", path, true, |c, o, p| {
        record!(c, o, p => AcceptanceRow {
            milestone: req_text,
            content: req_text,
            indicator: req_text,
        })
    });
    let sla = text_list(c, o, "sla", path);
    let rpath = path.key("responsibilities");
    let (customer_duties, provider_duties) = match c
        .required(o, "responsibilities", path)
        .and_then(|v| c.object(v, &rpath))
    {
        Some(r) => (
            text_list(c, r, "customer", &rpath),
            text_list(c, r, "provider", &rpath),
        ),
        None => (None, None),
    };
    let packages = c.list(o, "packages", path, false, |c, o, p| {
        record!(c, o, p => Package {
            pillar: req_id,
            focus: req_text,
            example_design: req_text,
        })
    });
    let modules = c.list(o, "modules", path, false, |c, o, p| {
        record!(c, o, p => Module {
            id: req_id,
            name: req_text,
            description: req_text,
        })
    });
    let milestones = c.list(o, "milestones", path, false, |c, o, p| {
        record!(c, o, p => MilestoneInfo {
            id: req_id,
            name: req_text,
            report: req_text,
            description: req_text,
        })
    });
    let tpath = path.key("terms");
    let terms = c
        .required(o, "terms", path)
        .and_then(|v| c.object(v, &tpath))
        .and_then(|t| {
            record!(c, t, &tpath => Terms {
                support: req_text,
                hours: req_text,
                channels: req_text,
                languages: req_text,
                lead_time: req_text,
            })
        });
    let lpath = path.key("deliverable_languages");
    let languages = c
        .required(o, "deliverable_languages", path)
        .and_then(|v| c.array(v, &lpath))
        .and_then(|items| {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let tag = c.string(item, &lpath.index(i), 8)?;
                match Lang::from_tag(&tag).filter(|_| ["en", "zh-CN"].contains(&tag.as_str())) {
                    Some(l) if !out.contains(&l) => out.push(l),
                    _ => c.report(
                        &lpath.index(i),
                        Problem::NotOneOf {
                            found: tag,
                            allowed: &["en", "zh-CN"],
                        },
                    ),
                }
            }
            (c.count(out.len(), &lpath, 1, 2)).then_some(out)
        });
    if let (Some(ds), Some(ps)) = (&deliverables, &phases) {
        for (i, d) in ds.iter().enumerate() {
            if !ps.iter().any(|p| p.id == d.phase) {
                c.report(
                    &path.key("deliverables").index(i).key("phase"),
                    Problem::NoPhase {
                        id: d.phase.clone(),
                    },
                );
            }
        }
    }
    Some(Offering {
        id: id?,
        name: name?,
        summary: summary?,
        duration: duration?,
        phases: phases?,
        included: included?,
        excluded: excluded?,
        prerequisites: prerequisites?,
        deliverables: deliverables?,
        raci: raci?,
        acceptance: acceptance?,
        sla: sla?,
        customer_duties: customer_duties?,
        provider_duties: provider_duties?,
        packages: packages?,
        modules: modules?,
        milestones: milestones?,
        terms: terms?,
        languages: languages?,
    })
}

/// Reports every `{name}` in the catalogue's strings that is not one of [`PLACEHOLDERS`].
fn check_placeholders(c: &mut Checker, value: &Value, path: &JsonPath) {
    match value {
        Value::String(s) => {
            let mut rest = s.as_str();
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let name = after.find('}').map_or(after, |close| &after[..close]);
                if !PLACEHOLDERS.contains(&name) {
                    c.report(
                        path,
                        Problem::NotOneOf {
                            found: format!("{{{name}}}"),
                            allowed: PLACEHOLDERS,
                        },
                    );
                    return;
                }
                rest = &after[name.len()..];
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_placeholders(c, v, &path.index(i));
            }
        }
        Value::Object(m) => {
            for (k, v) in m {
                check_placeholders(c, v, &path.key(k));
            }
        }
        _ => {}
    }
}

/// An amount of work in man-days, kept in tenths so that it is exact, comparable and `Eq`
/// (`5.5` man-days is `ManDays::from_tenths(55)`). Stored and exported as a number of days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ManDays(u32);

impl ManDays {
    /// From tenths of a man-day.
    pub const fn from_tenths(tenths: u32) -> ManDays {
        ManDays(tenths)
    }

    /// From days, rounded to the nearest tenth (negative and non-finite values are 0).
    pub fn from_days(days: f64) -> ManDays {
        if days.is_finite() && days > 0.0 {
            ManDays((days * 10.0).round().min(f64::from(u32::MAX)) as u32)
        } else {
            ManDays(0)
        }
    }

    /// In tenths of a day.
    pub fn tenths(self) -> u32 {
        self.0
    }

    /// In days.
    pub fn days(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl std::fmt::Display for ManDays {
    /// With at most one decimal and no float formatting (`2`, `0.5`, `12.5`), which keeps
    /// Rust's float printing out of the wasm build.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.0 / 10, self.0 % 10) {
            (whole, 0) => write!(f, "{whole}"),
            (whole, tenth) => write!(f, "{whole}.{tenth}"),
        }
    }
}

/// What the customer has chosen from the catalogue (stored with the workload).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Well-Architected Consulting.
    pub consulting: bool,
    /// On-site assessment man-days of consulting, 0–2 (seed 002 §2.1).
    pub onsite_days: u8,
    /// On-site visit man-days of implementation, 0–2 (seed 002 §2.2).
    pub implementation_onsite_days: u8,
    /// Implementation packages: pillar id → man-days.
    pub packages: BTreeMap<String, ManDays>,
    /// Managed-services modules chosen.
    pub modules: BTreeSet<String>,
    /// Consultants staffed on implementation (1–5).
    pub consultants: u8,
    /// A preferred start.
    pub preferred_start: Option<crate::domain::calendar::Date>,
    /// Offerings whose exclusions the customer has acknowledged.
    pub acknowledged: BTreeSet<String>,
    /// Prerequisites ticked, as `offering/prerequisite`.
    pub prerequisites: BTreeSet<String>,
    /// For a large engagement, whether the customer orders on the recommended date (one month
    /// ahead, seed 002 §3) rather than the earliest one the lead time allows.
    pub recommended_order: bool,
    /// The deliverable language chosen per offering where the seed allows a choice (seed 002
    /// §3: Chinese or English); Managed Services is English (seed 000 §2).
    pub languages: BTreeMap<String, Lang>,
}

impl Default for Selection {
    /// Nothing chosen, one consultant, the recommended order date.
    fn default() -> Selection {
        Selection {
            consulting: false,
            onsite_days: 0,
            implementation_onsite_days: 0,
            packages: BTreeMap::new(),
            modules: BTreeSet::new(),
            consultants: 1,
            preferred_start: None,
            acknowledged: BTreeSet::new(),
            prerequisites: BTreeSet::new(),
            recommended_order: true,
            languages: BTreeMap::new(),
        }
    }
}

impl Selection {
    /// Whether anything is chosen.
    pub fn is_empty(&self) -> bool {
        !self.consulting && self.packages.is_empty() && self.modules.is_empty()
    }

    /// The offerings chosen, in catalogue order.
    pub fn offerings(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.consulting {
            out.push(CONSULTING);
        }
        if !self.packages.is_empty() {
            out.push(IMPLEMENTATION);
        }
        if !self.modules.is_empty() {
            out.push(MANAGED);
        }
        out
    }

    /// Man-days of a package.
    pub fn package_days(&self, pillar: &str) -> Option<ManDays> {
        self.packages.get(pillar).copied()
    }

    /// Chooses consulting or not: off also drops its on-site days; on takes `lang` as its
    /// deliverable language unless one is chosen.
    pub fn set_consulting(&mut self, on: bool, lang: Lang) {
        self.consulting = on;
        if on {
            self.languages.entry(CONSULTING.to_owned()).or_insert(lang);
        } else {
            self.onsite_days = 0;
        }
    }

    /// Adds a package with `days` (keeping the days of one already chosen), or removes it with
    /// `None`. The first package takes `lang` as implementation's deliverable language unless one
    /// is chosen; removing the last drops implementation's on-site days.
    pub fn set_package(&mut self, pillar: &str, days: Option<ManDays>, lang: Lang) {
        match days {
            Some(d) => {
                self.packages.entry(pillar.to_owned()).or_insert(d);
                self.languages
                    .entry(IMPLEMENTATION.to_owned())
                    .or_insert(lang);
            }
            None => {
                self.packages.remove(pillar);
                if self.packages.is_empty() {
                    self.implementation_onsite_days = 0;
                }
            }
        }
    }

    /// The language an offering's deliverables are written in: fixed by the catalogue where
    /// the offering allows one language, else the customer's choice (`None` until made).
    pub fn deliverable_language(&self, offering: &Offering) -> Option<Lang> {
        match offering.languages.as_slice() {
            [only] => Some(*only),
            allowed => self
                .languages
                .get(&offering.id)
                .copied()
                .filter(|l| allowed.contains(l)),
        }
    }
}

/// Something about a selection the customer should know before going on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caution {
    /// An implementation package for a pillar that has no improvement recommendations: not from
    /// this assessment, not from consulting chosen with it, and no earlier consulting report
    /// confirmed (seed 002 §2.2: implementation builds on recommendations already produced).
    NoRecommendations(String),
    /// The customer has not chosen the offering's deliverable language yet.
    LanguagePending(&'static str),
    /// The exclusions of an offering are not acknowledged yet.
    ExclusionsPending(&'static str),
    /// Prerequisites of an offering are still open (how many).
    PrerequisitesOpen(&'static str, usize),
}

/// The implementation prerequisite by which the customer confirms an earlier consulting report.
pub const EARLIER_REPORT: &str = "recommendations_exist";

/// What the customer should know about a selection (in display order). `recommended` holds
/// the pillars this assessment has improvement recommendations for.
pub fn cautions(cat: &Catalogue, sel: &Selection, recommended: &BTreeSet<String>) -> Vec<Caution> {
    let mut out = Vec::new();
    let earlier_report = sel
        .prerequisites
        .contains(&format!("{IMPLEMENTATION}/{EARLIER_REPORT}"));
    if !sel.consulting && !earlier_report {
        out.extend(
            sel.packages
                .keys()
                .filter(|p| !recommended.contains(*p))
                .map(|p| Caution::NoRecommendations(p.clone())),
        );
    }
    for id in sel.offerings() {
        let offering = cat.offering(id);
        if offering.is_some_and(|o| sel.deliverable_language(o).is_none()) {
            out.push(Caution::LanguagePending(id));
        }
        if !sel.acknowledged.contains(id) {
            out.push(Caution::ExclusionsPending(id));
        }
        if let Some(o) = offering {
            let open = o
                .prerequisites
                .iter()
                .filter(|p| !sel.prerequisites.contains(&format!("{id}/{}", p.id)))
                .count();
            if open > 0 {
                out.push(Caution::PrerequisitesOpen(id, open));
            }
        }
    }
    out
}

/// The pillars of a lens that the plan has improvement recommendations for.
pub fn recommended_pillars(lens: &Lens, answers: &Answers, ranking: &[String]) -> BTreeSet<String> {
    let p = plan(lens, answers, ranking, None);
    p.items
        .iter()
        .filter_map(|it| lens.pillars.get(it.pillar).map(|x| x.id.clone()))
        .collect()
}

/// A suggested managed-services module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedModule {
    /// The module id (the managed-services lens's pillar of the same id).
    pub module: String,
    /// The pillar's high risks.
    pub high_risks: u32,
}

/// Managed-services modules the managed-services lens suggests: each module whose pillar has
/// high risks, most first. Any subset of modules is one project with all five milestones.
pub fn suggest_modules(lens: &Lens, answers: &Answers, modules: &[Module]) -> Vec<SuggestedModule> {
    let mut out: Vec<SuggestedModule> = lens
        .pillars
        .iter()
        .filter(|p| modules.iter().any(|m| m.id == p.id))
        .filter_map(|p| {
            let high = p
                .questions
                .iter()
                .filter(|q| status(q, answers.get(&q.id)) == Status::Answered(Risk::High))
                .count() as u32;
            (high > 0).then(|| SuggestedModule {
                module: p.id.clone(),
                high_risks: high,
            })
        })
        .collect();
    out.sort_by_key(|m| std::cmp::Reverse(m.high_risks));
    out
}

/// A suggested implementation package.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestedPackage {
    /// The pillar.
    pub pillar: String,
    /// Its high risks.
    pub high_risks: u32,
    /// Its medium risks.
    pub medium_risks: u32,
    /// Man-days of its priority 1 and 2 improvements, rounded up to half days.
    pub man_days: f64,
}

/// What the assessment suggests buying.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Consulting is suggested while the assessment leaves questions open or risks unexplained:
    /// it produces the prioritised, costed recommendations implementation needs.
    pub consulting: bool,
    /// Unanswered questions of the Well-Architected lens.
    pub unanswered: u32,
    /// Implementation packages for the pillars with high risks, most high risks first (at most
    /// three).
    pub packages: Vec<SuggestedPackage>,
}

/// Suggests services from the Well-Architected lens's answers.
pub fn suggest(lens: &Lens, answers: &Answers, ranking: &[String]) -> Suggestion {
    let p = plan(lens, answers, ranking, None);
    let mut packages: Vec<SuggestedPackage> = lens
        .pillars
        .iter()
        .enumerate()
        .filter_map(|(i, pillar)| {
            let (mut high, mut medium) = (0, 0);
            for q in &pillar.questions {
                match status(q, answers.get(&q.id)) {
                    Status::Answered(Risk::High) => high += 1,
                    Status::Answered(Risk::Medium) => medium += 1,
                    _ => {}
                }
            }
            if high == 0 {
                return None;
            }
            let days: f64 = p
                .items
                .iter()
                .filter(|it| it.pillar == i && it.priority <= Priority::P2)
                .filter_map(|it| it.effort)
                .sum();
            Some(SuggestedPackage {
                pillar: pillar.id.clone(),
                high_risks: high,
                medium_risks: medium,
                man_days: (days * 2.0).ceil() / 2.0,
            })
        })
        .collect();
    packages.sort_by(|a, b| {
        b.high_risks
            .cmp(&a.high_risks)
            .then(b.man_days.total_cmp(&a.man_days))
    });
    packages.truncate(3);
    let summary = crate::domain::assessment::summarize(lens, answers);
    let unanswered = summary.overall.unanswered;
    Suggestion {
        consulting: unanswered > 0 || summary.overall.high + summary.overall.medium > 0,
        unanswered,
        packages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::{Rules, rule_text};

    #[test]
    fn man_days_are_exact_tenths() {
        assert_eq!(ManDays::from_days(5.5), ManDays::from_tenths(55));
        assert_eq!(ManDays::from_days(12.25).to_string(), "12.3");
        assert_eq!(ManDays::from_tenths(20).to_string(), "2");
        assert_eq!(ManDays::from_tenths(5).to_string(), "0.5");
        assert_eq!(ManDays::from_days(-3.0), ManDays::default());
        assert_eq!(ManDays::from_days(f64::NAN), ManDays::default());
        assert_eq!(ManDays::from_tenths(45).days(), 4.5);
    }
    use crate::domain::assessment::Answer;
    use crate::domain::builtin::well_architected;

    fn shipped() -> Catalogue {
        let path = format!("{}/public/catalogue.json", env!("CARGO_MANIFEST_DIR"));
        match Catalogue::from_json(&std::fs::read_to_string(path).unwrap()) {
            Ok(c) => c,
            Err(issues) => panic!("{issues:#?}"),
        }
    }

    #[test]
    fn the_shipped_catalogue_is_complete_and_bilingual() {
        use crate::domain::text::Lang;
        let cat = shipped();
        let consulting = cat.offering(CONSULTING).unwrap();
        let names: Vec<&str> = consulting
            .deliverables
            .iter()
            .map(|d| d.name.get(Lang::En))
            .collect();
        assert_eq!(
            names,
            ["Investigation Report", "Well-Architected Consulting Report"]
        );
        let implementation = cat.offering(IMPLEMENTATION).unwrap();
        let pillars: Vec<&str> = implementation
            .packages
            .iter()
            .map(|p| p.pillar.as_str())
            .collect();
        let lens: Vec<&str> = well_architected()
            .pillars
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(pillars, lens, "one package per Well-Architected pillar");
        let managed = cat.offering(MANAGED).unwrap();
        assert_eq!(managed.modules.len(), 4);
        let milestones: Vec<&str> = managed.milestones.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            milestones,
            [
                "kickoff",
                "solution",
                "stage_progress",
                "summary",
                "acceptance"
            ]
        );
        for o in &cat.offerings {
            assert!(
                !o.excluded.is_empty() && !o.prerequisites.is_empty() && !o.raci.is_empty(),
                "{}",
                o.id
            );
            for t in o.included.iter().chain(&o.excluded).chain(&o.sla) {
                assert!(t.has(Lang::En) && t.has(Lang::ZhCn));
            }
        }
    }

    #[test]
    fn broken_catalogues_are_refused_by_path() {
        let mut v: Value = serde_json::from_str(
            &std::fs::read_to_string(format!(
                "{}/public/catalogue.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        )
        .unwrap();
        v["offerings"][0]["raci"][0]["customer"] = "boss".into();
        v["offerings"][1]["deliverables"][0]["phase"] = "nowhere".into();
        v["offerings"][2]["terms"]["hours"] = Value::Null;
        let paths =
            crate::domain::validate::paths(&Catalogue::from_json(&v.to_string()).unwrap_err());
        assert_eq!(
            paths,
            [
                "$.offerings[0].raci[0].customer",
                "$.offerings[1].deliverables[0].phase",
                "$.offerings[2].terms.hours"
            ]
        );
    }

    #[test]
    fn cautions_follow_the_selection() {
        let cat = shipped();
        let mut sel = Selection::default();
        sel.packages
            .insert("security".into(), ManDays::from_tenths(50));
        let none = BTreeSet::new();
        let c = cautions(&cat, &sel, &none);
        assert_eq!(c[0], Caution::NoRecommendations("security".into()));
        assert!(c.contains(&Caution::ExclusionsPending(IMPLEMENTATION)));
        assert!(c.contains(&Caution::LanguagePending(IMPLEMENTATION)));
        sel.consulting = true;
        assert!(
            !cautions(&cat, &sel, &none)
                .iter()
                .any(|c| matches!(c, Caution::NoRecommendations(_)))
        );
        sel.acknowledged.insert(IMPLEMENTATION.into());
        for p in &cat.offering(IMPLEMENTATION).unwrap().prerequisites {
            sel.prerequisites
                .insert(format!("{IMPLEMENTATION}/{}", p.id));
        }
        let c = cautions(&cat, &sel, &none);
        assert!(!c.iter().any(|x| matches!(
            x,
            Caution::ExclusionsPending(IMPLEMENTATION)
                | Caution::PrerequisitesOpen(IMPLEMENTATION, _)
        )));
        assert!(c.contains(&Caution::ExclusionsPending(CONSULTING)));
    }

    #[test]
    fn suggestions_come_from_high_risks_and_their_effort() {
        let lens = well_architected();
        let mut a = Answers::new();
        for q in ["sec_data_classification", "sec_data_encryption"] {
            let none = lens.question(q).unwrap();
            let id = none.choices[none.none_choice().unwrap()].id.clone();
            a.insert(
                q.into(),
                Answer {
                    selected: vec![id],
                    ..Answer::default()
                },
            );
        }
        a.insert(
            "rel_architecture_state".into(),
            Answer {
                selected: vec!["rel_as_no".into()],
                ..Answer::default()
            },
        );
        let s = suggest(lens, &a, &[]);
        assert!(s.consulting);
        assert_eq!(s.unanswered, 32);
        let ids: Vec<(&str, u32)> = s
            .packages
            .iter()
            .map(|p| (p.pillar.as_str(), p.high_risks))
            .collect();
        assert_eq!(ids, [("security", 2), ("reliability", 1)]);
        // Security's P1 items: classification 3+2+2+3+5 = 15, encryption (all five missing).
        let q = lens.question("sec_data_encryption").unwrap();
        let enc: f64 = q.choices.iter().filter_map(|c| c.effort).sum();
        assert_eq!(s.packages[0].man_days, 15.0 + enc);
    }

    #[test]
    fn seed_002_2_2_implementation_needs_recommendations_for_each_package_pillar() {
        let cat = shipped();
        let mut sel = Selection::default();
        for p in ["security", "reliability"] {
            sel.packages.insert(p.into(), ManDays::from_tenths(50));
        }
        // The assessment has recommendations for security only.
        let recommended: BTreeSet<String> = ["security".to_owned()].into_iter().collect();
        let warned = |sel: &Selection| -> Vec<String> {
            cautions(&cat, sel, &recommended)
                .into_iter()
                .filter_map(|c| match c {
                    Caution::NoRecommendations(p) => Some(p),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(warned(&sel), ["reliability"]);
        // An earlier consulting report, confirmed by its prerequisite, covers the rest.
        sel.prerequisites
            .insert(format!("{IMPLEMENTATION}/{EARLIER_REPORT}"));
        assert!(warned(&sel).is_empty());
        assert!(
            cat.offering(IMPLEMENTATION)
                .unwrap()
                .prerequisites
                .iter()
                .any(|p| p.id == EARLIER_REPORT),
            "the catalogue has the prerequisite the rule names"
        );
    }

    #[test]
    fn seed_000_managed_services_has_its_own_terms_in_english() {
        use crate::domain::text::Lang;
        let cat = shipped();
        let managed = cat.offering(MANAGED).unwrap();
        let wa = cat.offering(CONSULTING).unwrap();
        assert_eq!(managed.languages, [Lang::En]);
        assert_eq!(wa.languages, [Lang::En, Lang::ZhCn]);
        let en = |t: &Text| t.get(Lang::En).to_owned();
        assert!(en(&managed.terms.languages).contains("in English"));
        assert!(en(&managed.terms.languages).contains("Project"));
        assert!(!en(&managed.terms.languages).contains("Visio"));
        assert!(en(&managed.terms.channels).contains("fax"));
        assert!(!en(&managed.terms.channels).contains("DingTalk"));
        assert!(en(&managed.terms.support).contains("site arrival report"));
        assert!(!en(&managed.terms.support).contains("5×8"));
        assert!(en(&wa.terms.support).contains("5×8"));
        assert!(en(&wa.terms.languages).contains("Visio"));
        // Managed Services is English whatever was stored; the others wait for a choice.
        let mut sel = Selection::default();
        sel.languages.insert(MANAGED.into(), Lang::ZhCn);
        assert_eq!(sel.deliverable_language(managed), Some(Lang::En));
        assert_eq!(sel.deliverable_language(wa), None);
        sel.languages.insert(CONSULTING.into(), Lang::ZhCn);
        assert_eq!(sel.deliverable_language(wa), Some(Lang::ZhCn));
    }

    #[test]
    fn seed_002_3_the_catalogue_texts_follow_the_configured_rules() {
        use crate::domain::text::Lang;
        let cat = shipped();
        let rules = Rules {
            lead_time_days: 10,
            managed_lead_time_days: 7,
            acceptance_days: 3,
            ..Rules::default()
        };
        let wa = cat.offering(CONSULTING).unwrap();
        let lead = rule_text(&wa.terms.lead_time, Lang::En, &rules);
        assert!(lead.contains("at least 10 working days"), "{lead}");
        assert!(!lead.contains("15"), "{lead}");
        let zh = rule_text(&wa.terms.lead_time, Lang::ZhCn, &rules);
        assert!(zh.contains("10 个工作日"), "{zh}");
        let managed = cat.offering(MANAGED).unwrap();
        assert!(rule_text(&managed.terms.lead_time, Lang::En, &rules).contains("7 working days"));
        let acceptance: Vec<String> = managed
            .acceptance
            .iter()
            .map(|a| rule_text(&a.indicator, Lang::En, &rules))
            .collect();
        assert!(
            acceptance
                .iter()
                .any(|a| a.contains("within 3 working days"))
        );
        // No text of the shipped catalogue keeps a rule's number of its own.
        let raw = std::fs::read_to_string(format!(
            "{}/public/catalogue.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        for fixed in [
            "15 working days",
            "five working days",
            "15 个工作日",
            "五个工作日",
        ] {
            assert!(!raw.contains(fixed), "{fixed}");
        }
        // An unknown placeholder is refused by path.
        let broken = raw.replacen("{lead_time_days}", "{lead_days}", 1);
        let issues = Catalogue::from_json(&broken).unwrap_err();
        assert_eq!(
            crate::domain::validate::paths(&issues),
            ["$.offerings[0].terms.lead_time.en"]
        );
    }

    #[test]
    fn seed_000_managed_services_is_suggested_from_its_lens_high_risks() {
        let cat = shipped();
        let lens = crate::domain::lens::Lens::from_json(include_str!(
            "../../public/lenses/managed-services.json"
        ))
        .unwrap();
        let modules = &cat.offering(MANAGED).unwrap().modules;
        assert!(suggest_modules(&lens, &Answers::new(), modules).is_empty());
        let mut a = Answers::new();
        let mut high = Vec::new();
        for pillar in &lens.pillars[2..] {
            for q in pillar.questions.iter().take(1) {
                if let Some(none) = q.none_choice() {
                    a.insert(
                        q.id.clone(),
                        crate::domain::assessment::Answer {
                            selected: vec![q.choices[none].id.clone()],
                            ..Default::default()
                        },
                    );
                    if status(q, a.get(&q.id)) == Status::Answered(Risk::High) {
                        high.push(pillar.id.clone());
                    }
                }
            }
        }
        assert!(!high.is_empty(), "the fixture gives high risks");
        let got: Vec<String> = suggest_modules(&lens, &a, modules)
            .into_iter()
            .map(|m| m.module)
            .collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        high.sort();
        assert_eq!(got_sorted, high);
    }

    #[test]
    fn choosing_defaults_the_language_and_unchoosing_drops_on_site_days() {
        use crate::domain::text::Lang;
        let mut sel = Selection::default();
        sel.set_consulting(true, Lang::ZhCn);
        sel.onsite_days = 2;
        sel.set_consulting(false, Lang::En);
        assert_eq!(sel.onsite_days, 0);
        assert_eq!(sel.languages.get(CONSULTING), Some(&Lang::ZhCn), "kept");
        sel.set_package("security", Some(ManDays::from_tenths(50)), Lang::En);
        sel.set_package("security", Some(ManDays::from_tenths(80)), Lang::En);
        assert_eq!(sel.package_days("security"), Some(ManDays::from_tenths(50)));
        sel.implementation_onsite_days = 1;
        sel.set_package("reliability", Some(ManDays::from_tenths(10)), Lang::ZhCn);
        sel.set_package("security", None, Lang::En);
        assert_eq!(sel.implementation_onsite_days, 1);
        sel.set_package("reliability", None, Lang::En);
        assert_eq!(sel.implementation_onsite_days, 0);
        assert_eq!(sel.languages.get(IMPLEMENTATION), Some(&Lang::En));
    }
}
