//! The bundle: one workload leaving the customer's browser for the consultant, as one JSON file.
//!
//! **Format v1** (`"format": "preflight-bundle", "version": 1`): the app version, the export time
//! (UTC), each lens used with its id, version and the SHA-256 of its file — and, for a lens the
//! app does not build in (a sales team's, or one loaded from disk), the file itself as a string
//! (`file`), so that a consultant without it can open the bundle; the file must hash to the
//! `sha256` beside it, or the bundle is flagged as changed — the workload (profile,
//! answers, notes, chosen lenses, pillar priorities, milestones, service selection), the schedule
//! as computed at export (with provisional flags), derived results, and `sha256`: the SHA-256 of
//! the *canonical* content — the bundle without its `sha256` member, serialised as compact JSON
//! with object keys sorted — so that a changed or damaged file is detected whatever its
//! formatting. A JSON Schema ships in the site (`schema/bundle-v1.schema.json`).
//!
//! **Import never trusts the file**: a size limit, strict validation with the JSON path of every
//! problem, migration of older formats (the v0 "preflight-workloads" backup file that the app's
//! *Download a copy* wrote before bundles existed: one bundle per workload it holds), a clear
//! refusal of newer versions, results recomputed from the answers (the file's `results` are
//! never read back), and a checksum mismatch shown as a warning while the bundle stays readable.

use crate::domain::assessment::{Counts, summarize};
use crate::domain::calendar::{Date, format_date};
use crate::domain::config::{pricing_to_value, read_pricing};
use crate::domain::lens::Lens;
use crate::domain::plan::plan;
use crate::domain::quote::{Amount, Item, PriceList, Quote, quote};
use crate::domain::schedule::Rules;
use crate::domain::schedule::Schedule;
use crate::domain::sheet::{Cell, Format};
use crate::domain::validate::{Checker, Issue, JsonPath, Problem, parse_json, type_name};
use crate::domain::workload::Workload;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The `format` member of a bundle.
pub const FORMAT: &str = "preflight-bundle";
/// The version this build writes and reads natively.
pub const VERSION: u64 = 1;
/// The `format` member of the v0 backup file (read and migrated).
pub const LEGACY_FORMAT: &str = "preflight-workloads";
/// The largest bundle file accepted: room for the answers and the lens files it carries (AWS
/// allows a lens file of 500 KB; published ones are 20 to 200 KB), and no more than the share
/// of local storage the workspace gives imported bundles (`storage::IMPORT_BUDGET_CHARS`).
pub const MAX_BUNDLE_BYTES: usize = 2_000_000;

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

/// Compact JSON with sorted keys (serde_json's map is sorted), the form the checksum covers.
pub fn canonical(value: &Value) -> String {
    value.to_string()
}

/// A lens a bundle was answered with.
#[derive(Clone, Debug, PartialEq)]
pub struct LensRef {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// SHA-256 of its file.
    pub sha256: String,
    /// The lens itself, for a lens the app does not build in.
    pub embedded: Option<Embedded>,
}

/// A lens file carried inside a bundle.
///
/// [`import`] checks only its size and hash; the lens in it is read by [`read_carried`], apart,
/// so that the lens parser is not on the app's first load (the start-up restores stored
/// imports through [`import`]; their lenses are read with the page code).
#[derive(Clone, Debug, PartialEq)]
pub struct Embedded {
    /// The file, as carried.
    pub file: String,
    /// Whether the file hashes to the reference's `sha256`; if not, the bundle is `Changed`.
    pub matches: bool,
    /// The lens, once [`read_carried`] has read the file (its id is the reference's).
    pub lens: Option<Lens>,
}

/// A lens as the exporter hands it to [`export`]: the lens, the SHA-256 of its file, and the
/// file itself when the bundle must carry it.
pub type UsedLens<'a> = (&'a Lens, &'a str, Option<&'a str>);

impl Bundle {
    /// A lens the bundle carries, by id.
    pub fn embedded_lens(&self, id: &str) -> Option<&Lens> {
        self.lenses
            .iter()
            .find(|l| l.id == id)
            .and_then(|l| l.embedded.as_ref())
            .and_then(|e| e.lens.as_ref())
    }
}

/// Whether the checksum matches the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// The content is what was exported.
    Intact,
    /// The content changed after export (or the file is damaged).
    Changed,
    /// No checksum (a migrated v0 backup, which had none).
    Unchecked,
}

/// A bundle read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// The app version that exported it.
    pub app_version: String,
    /// When (RFC 3339, UTC).
    pub exported_at: String,
    /// The lenses used.
    pub lenses: Vec<LensRef>,
    /// The workload.
    pub workload: Workload,
    /// The schedule as exported: event id, date, provisional.
    pub schedule: Vec<(String, Date, bool)>,
    /// The price list the customer's quote was computed with (`None`: man-days only). The
    /// quote itself is recomputed from it and the selection, never read from the file.
    pub pricing: Option<PriceList>,
    /// Whether the content is intact.
    pub integrity: Integrity,
    /// The format it was read from, when migrated (e.g. `preflight-workloads 3`).
    pub migrated_from: Option<String>,
}

/// The derived results of one lens, as written into a bundle for readers without the app.
fn results_value(
    lens: &Lens,
    workload: &Workload,
    rate: Option<&crate::domain::plan::Rate>,
) -> Value {
    let answers = workload.answers(&lens.id).cloned().unwrap_or_default();
    let ranking = workload
        .priorities
        .get(&lens.id)
        .cloned()
        .unwrap_or_default();
    let s = summarize(lens, &answers);
    let p = plan(lens, &answers, &ranking, rate);
    let counts = |c: &Counts| {
        let mut m = Map::new();
        m.insert("high".into(), c.high.into());
        m.insert("medium".into(), c.medium.into());
        m.insert("none".into(), c.none.into());
        m.insert("not_applicable".into(), c.not_applicable.into());
        m.insert("unanswered".into(), c.unanswered.into());
        m.insert("score".into(), c.score().map_or(Value::Null, Value::from));
        m
    };
    let pillars: Vec<Value> = s
        .pillars
        .iter()
        .map(|ps| {
            let mut m = counts(&ps.counts);
            m.insert("pillar".into(), ps.pillar_id.as_str().into());
            Value::Object(m)
        })
        .collect();
    let mut plan_v = Map::new();
    plan_v.insert("items".into(), p.total.items.into());
    plan_v.insert("effort_man_days".into(), p.total.effort.into());
    plan_v.insert("quick_wins".into(), p.total.quick_wins.into());
    if let (Some(cost), Some(r)) = (p.total.cost, &p.rate) {
        plan_v.insert("cost".into(), cost.into());
        plan_v.insert("currency".into(), r.currency.as_str().into());
    }
    let mut m = Map::new();
    m.insert("lens".into(), lens.id.as_str().into());
    m.insert("pillars".into(), Value::Array(pillars));
    m.insert("overall".into(), Value::Object(counts(&s.overall)));
    m.insert("plan".into(), Value::Object(plan_v));
    Value::Object(m)
}

/// The quote as a bundle writes it, for readers without the app (derived, never read back).
pub fn quote_value(q: &Quote) -> Value {
    let money = |m: crate::domain::quote::Money| Value::from(m.amount());
    let lines: Vec<Value> = q
        .lines
        .iter()
        .map(|l| {
            let mut m = Map::new();
            m.insert("offering".into(), l.offering.into());
            let (item, of) = match &l.item {
                Item::Consulting => ("consulting", None),
                Item::ConsultingOnsite => ("consulting_onsite", None),
                Item::Package(p) => ("package", Some(p)),
                Item::ImplementationOnsite => ("implementation_onsite", None),
                Item::Module(x) => ("module", Some(x)),
            };
            m.insert("item".into(), item.into());
            if let Some(id) = of {
                m.insert("id".into(), id.as_str().into());
            }
            m.insert(
                "man_days".into(),
                l.man_days.map_or(Value::Null, |d| d.days().into()),
            );
            m.insert("day_rate".into(), l.day_rate.map_or(Value::Null, money));
            let amount = match l.amount {
                Amount::Priced(x) => money(x),
                Amount::OnRequest => "on_request".into(),
                Amount::Unpriced => Value::Null,
            };
            m.insert("amount".into(), amount);
            Value::Object(m)
        })
        .collect();
    let mut out = Map::new();
    out.insert("lines".into(), Value::Array(lines));
    out.insert("man_days".into(), q.man_days.days().into());
    if let Some(p) = &q.priced {
        out.insert("currency".into(), p.currency.as_str().into());
        out.insert("subtotal".into(), money(p.subtotal));
        if let Some((t, amount)) = &p.tax {
            let mut tax = Map::new();
            tax.insert("percent".into(), t.percent.into());
            tax.insert("amount".into(), money(*amount));
            out.insert("tax".into(), Value::Object(tax));
        }
        out.insert("total".into(), money(p.total));
        out.insert("on_request".into(), p.on_request.into());
        out.insert("valid_until".into(), format_date(p.valid_until).into());
    }
    Value::Object(out)
}

/// Writes a bundle: pretty JSON whose `sha256` covers the canonical content.
///
/// `lenses` are the lenses the workload uses with the SHA-256 of their files; `pricing` is the
/// price list of the customer's quote, which is written with the bundle and priced as of the
/// provider's date at `exported_at` (the date the consultant will see it as of).
pub fn export(
    workload: &Workload,
    lenses: &[UsedLens<'_>],
    schedule: Option<&Schedule>,
    pricing: Option<&PriceList>,
    rules: &Rules,
    app_version: &str,
    exported_at: &str,
) -> String {
    let rate = pricing.map(|p| &p.rate);
    let mut doc = Map::new();
    doc.insert("format".into(), FORMAT.into());
    doc.insert("version".into(), VERSION.into());
    doc.insert("app_version".into(), app_version.into());
    doc.insert("exported_at".into(), exported_at.into());
    let lens_refs: Vec<Value> = lenses
        .iter()
        .map(|(l, sha, file)| {
            let mut m = Map::new();
            m.insert("id".into(), l.id.as_str().into());
            m.insert("version".into(), l.version.as_str().into());
            m.insert("sha256".into(), (*sha).into());
            if let Some(file) = file {
                m.insert("file".into(), (*file).into());
            }
            Value::Object(m)
        })
        .collect();
    doc.insert("lenses".into(), Value::Array(lens_refs));
    doc.insert("workload".into(), workload.to_value());
    let mut sched = Map::new();
    if let Some(s) = schedule {
        sched.insert(
            "today".into(),
            crate::domain::calendar::format_date(s.today).into(),
        );
        let events: Vec<Value> = s
            .events
            .iter()
            .map(|e| {
                let mut m = Map::new();
                m.insert("event".into(), e.event.id().into());
                m.insert(
                    "date".into(),
                    crate::domain::calendar::format_date(e.date).into(),
                );
                m.insert("provisional".into(), e.provisional.into());
                Value::Object(m)
            })
            .collect();
        sched.insert("events".into(), Value::Array(events));
        sched.insert("provisional".into(), s.provisional().into());
    } else {
        sched.insert("events".into(), Value::Array(Vec::new()));
        sched.insert("provisional".into(), false.into());
    }
    doc.insert("schedule".into(), Value::Object(sched));
    let results: Vec<Value> = lenses
        .iter()
        .map(|(l, ..)| results_value(l, workload, rate))
        .collect();
    doc.insert("results".into(), Value::Array(results));
    if let Some(p) = pricing {
        doc.insert("pricing".into(), pricing_to_value(p));
    }
    if !workload.services.is_empty() {
        let day = crate::domain::calendar::provider_date_at(exported_at).unwrap_or_default();
        let q = quote(&workload.services, pricing, rules, day);
        doc.insert("quote".into(), quote_value(&q));
    }
    let hash = sha256_hex(canonical(&Value::Object(doc.clone())).as_bytes());
    doc.insert("sha256".into(), hash.into());
    serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default()
}

/// Reads the bytes of a bundle file, trusting nothing: the size limit, UTF-8 (a leading
/// byte-order mark, as some editors write, is allowed), then [`import`].
pub fn import_bytes(bytes: &[u8]) -> Result<Vec<Bundle>, Vec<Issue>> {
    let at_root = |problem| vec![Issue::at_root(problem)];
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(at_root(Problem::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BUNDLE_BYTES,
        }));
    }
    // A NUL byte never occurs in JSON text but fills UTF-16 text saved without its mark.
    if bytes.contains(&0) {
        return Err(at_root(Problem::NotUtf8));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| at_root(Problem::NotUtf8))?;
    import(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads a bundle file (or a v0 backup holding several workloads), trusting nothing.
pub fn import(text: &str) -> Result<Vec<Bundle>, Vec<Issue>> {
    let value = parse_json(text, MAX_BUNDLE_BYTES).map_err(|i| vec![i])?;
    let root = JsonPath::root();
    let mut c = Checker::new();
    let Some(obj) = c.object(&value, &root) else {
        return Err(c.into_issues());
    };
    let format = match obj.get("format") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(other) => {
            c.report(
                &root.key("format"),
                Problem::WrongType {
                    expected: crate::domain::validate::Kind::String,
                    found: type_name(other),
                },
            );
            return Err(c.into_issues());
        }
        None => None,
    };
    match format {
        Some(FORMAT) => {}
        Some(LEGACY_FORMAT) => return import_legacy(&value),
        Some(other) => {
            c.report(
                &root.key("format"),
                Problem::NotOneOf {
                    found: other.to_owned(),
                    allowed: &[FORMAT, LEGACY_FORMAT],
                },
            );
            return Err(c.into_issues());
        }
        None => {
            c.report(&root.key("format"), Problem::Missing);
            return Err(c.into_issues());
        }
    }
    let vpath = root.key("version");
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        // A version of the wrong type is a damaged file, not a future one: report it with
        // the rest of what is wrong.
        Some(v) if !v.is_number() => c.report(
            &vpath,
            Problem::WrongType {
                expected: crate::domain::validate::Kind::Number,
                found: type_name(v),
            },
        ),
        // A newer version, or a number that never was one (0, 1.5, -1).
        Some(v) => {
            c.report(
                &vpath,
                Problem::UnsupportedVersion {
                    found: v.to_string(),
                    supported: VERSION.to_string(),
                },
            );
            return Err(c.into_issues());
        }
        None => c.report(&vpath, Problem::Missing),
    }
    let app_version = c
        .required(obj, "app_version", &root)
        .and_then(|v| c.string(v, &root.key("app_version"), 32));
    // The export time decides the date the bundle is shown as of (`crate::domain::asof`).
    let exported_at = c
        .required(obj, "exported_at", &root)
        .and_then(|v| c.string(v, &root.key("exported_at"), 40))
        .filter(|t| {
            let ok = crate::domain::calendar::provider_date_at(t).is_some();
            if !ok {
                c.report(
                    &root.key("exported_at"),
                    Problem::NotATime { found: t.clone() },
                );
            }
            ok
        });
    let lenses = lens_refs(&mut c, obj, &root);
    let workload = c
        .required(obj, "workload", &root)
        .and_then(|v| Workload::from_value(&mut c, v, &root.key("workload")));
    let schedule = schedule_events(&mut c, obj, &root);
    // `results` and `quote` are derived: checked for shape only, never read back.
    if let Some(v) = obj.get("results") {
        c.array(v, &root.key("results"));
    }
    if let Some(v) = obj.get("quote") {
        c.object(v, &root.key("quote"));
    }
    // The price list is read strictly: a bundle whose prices are damaged is refused, rather
    // than shown with a quote the customer never saw.
    let pricing = match obj.get("pricing") {
        None | Some(Value::Null) => None,
        Some(v) => read_pricing(&mut c, v, &root.key("pricing")),
    };
    let sha = c
        .required(obj, "sha256", &root)
        .and_then(|v| c.string(v, &root.key("sha256"), 64));
    if !c.is_clean() {
        return Err(c.into_issues());
    }
    let mut without = obj.clone();
    without.remove("sha256");
    let expected = sha256_hex(canonical(&Value::Object(without)).as_bytes());
    let lenses_match = lenses
        .iter()
        .flatten()
        .all(|l| l.embedded.as_ref().is_none_or(|e| e.matches));
    let integrity = if sha.as_deref() == Some(expected.as_str()) && lenses_match {
        Integrity::Intact
    } else {
        Integrity::Changed
    };
    match (app_version, exported_at, lenses, workload, schedule) {
        (Some(app_version), Some(exported_at), Some(lenses), Some(workload), Some(schedule)) => {
            Ok(vec![Bundle {
                app_version,
                exported_at,
                lenses,
                workload,
                schedule,
                pricing,
                integrity,
                migrated_from: None,
            }])
        }
        _ => Err(c.into_issues()),
    }
}

fn lens_refs(c: &mut Checker, obj: &Map<String, Value>, root: &JsonPath) -> Option<Vec<LensRef>> {
    c.list_within(obj, "lenses", root, 1, 16, |c, o, p| {
        let id = c
            .required(o, "id", p)
            .and_then(|v| c.string(v, &p.key("id"), 64));
        let version = c
            .required(o, "version", p)
            .and_then(|v| c.string(v, &p.key("version"), 32));
        let sha256 = c.required(o, "sha256", p).and_then(|v| {
            let s = c.string(v, &p.key("sha256"), 64)?;
            if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
                Some(s)
            } else {
                c.report(&p.key("sha256"), Problem::NotSha256);
                None
            }
        });
        let embedded = match (o.get("file"), &id, &sha256) {
            (None | Some(Value::Null), ..) => Some(None),
            (Some(v), Some(_), Some(sha)) => embedded(c, v, &p.key("file"), sha).map(Some),
            (Some(_), ..) => None,
        };
        Some(LensRef {
            id: id?,
            version: version?,
            sha256: sha256?,
            embedded: embedded?,
        })
    })
}

/// A lens file inside a bundle: its size and its hash (the lens in it is [`read_carried`]'s).
fn embedded(c: &mut Checker, value: &Value, path: &JsonPath, sha: &str) -> Option<Embedded> {
    let file = c.string(value, path, crate::domain::lens::MAX_LENS_BYTES)?;
    Some(Embedded {
        matches: sha256_hex(file.as_bytes()) == sha,
        file,
        lens: None,
    })
}

/// Reads the lens files that bundles carry, with the lens parser: an error refuses the bundle,
/// under the file's path (`$.lenses[1].file: the lens file in the bundle is invalid: …`); the
/// warnings are not the consultant's concern (the customer answered the lens as it is). An AWS
/// lens file is filed under its reference's id; a Preflight lens file must hold that id.
pub fn read_carried(bundle: &mut Bundle) -> Result<(), Vec<Issue>> {
    let mut issues = Vec::new();
    for (i, l) in bundle.lenses.iter_mut().enumerate() {
        let Some(e) = &mut l.embedded else { continue };
        match Lens::read_as(&e.file, &l.id) {
            Ok((lens, _)) => e.lens = Some(lens),
            Err(found) => issues.extend(found.into_iter().map(|issue| Issue {
                path: JsonPath::root().key("lenses").index(i).key("file"),
                problem: Problem::EmbeddedLens(Box::new(issue)),
            })),
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

fn schedule_events(
    c: &mut Checker,
    obj: &Map<String, Value>,
    root: &JsonPath,
) -> Option<Vec<(String, Date, bool)>> {
    let spath = root.key("schedule");
    let sched = c
        .required(obj, "schedule", root)
        .and_then(|v| c.object(v, &spath))?;
    c.list_within(sched, "events", &spath, 0, 64, |c, o, p| {
        let event = c
            .required(o, "event", p)
            .and_then(|v| c.string(v, &p.key("event"), 64));
        let date = c
            .required(o, "date", p)
            .and_then(|v| c.date(v, &p.key("date")));
        let provisional = c
            .required(o, "provisional", p)
            .and_then(|v| c.boolean(v, &p.key("provisional")));
        Some((event?, date?, provisional?))
    })
}

/// The app's "Download a copy" file: every workload, in the v0 backup format that
/// [`import`] migrates (read and written here only). `now` is stamped as `exported_at`.
pub fn backup(workloads: &[Workload], now: &str) -> String {
    let mut doc = Map::new();
    doc.insert("format".into(), LEGACY_FORMAT.into());
    doc.insert("schema".into(), crate::domain::storage::SCHEMA.into());
    doc.insert("exported_at".into(), now.into());
    let list = workloads.iter().map(Workload::to_value).collect();
    doc.insert("workloads".into(), Value::Array(list));
    Value::Object(doc).to_string()
}

/// Migrates the v0 backup (`preflight-workloads`, schema 1–3 records): one bundle per workload,
/// without a checksum (the backup had none).
fn import_legacy(value: &Value) -> Result<Vec<Bundle>, Vec<Issue>> {
    let root = JsonPath::root();
    let mut c = Checker::new();
    let obj = c.object(value, &root).ok_or_else(|| c.issues_so_far())?;
    let schema = obj.get("schema").and_then(Value::as_u64);
    if schema.is_none_or(|s| s == 0 || s > u64::from(crate::domain::storage::SCHEMA)) {
        c.report(
            &root.key("schema"),
            Problem::UnsupportedVersion {
                found: obj
                    .get("schema")
                    .map_or_else(|| "none".into(), Value::to_string),
                supported: format!("1 to {}", crate::domain::storage::SCHEMA),
            },
        );
        return Err(c.into_issues());
    }
    let exported_at = obj
        .get("exported_at")
        .and_then(Value::as_str)
        .unwrap_or("")
        .chars()
        .take(40)
        .collect::<String>();
    let wpath = root.key("workloads");
    let items = c
        .required(obj, "workloads", &root)
        .and_then(|v| c.array(v, &wpath))
        .ok_or_else(|| c.issues_so_far())?;
    c.count(items.len(), &wpath, 1, 500);
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(w) = Workload::from_value(&mut c, item, &wpath.index(i)) {
            out.push(Bundle {
                app_version: String::new(),
                exported_at: exported_at.clone(),
                lenses: Vec::new(),
                workload: w,
                schedule: Vec::new(),
                pricing: None,
                integrity: Integrity::Unchecked,
                migrated_from: Some(format!("{LEGACY_FORMAT} {}", schema.unwrap_or(0))),
            });
        }
    }
    if c.is_clean() {
        Ok(out)
    } else {
        Err(c.into_issues())
    }
}

impl Checker {
    /// The problems so far (for early returns that keep the checker).
    fn issues_so_far(&mut self) -> Vec<Issue> {
        std::mem::take(self).into_issues()
    }
}

/// One row of the consultant's summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    /// Organisation.
    pub organisation: String,
    /// Workload name.
    pub workload: String,
    /// Contact name.
    pub contact: String,
    /// Export time.
    pub exported_at: String,
    /// Integrity.
    pub integrity: Integrity,
    /// Counts over the Well-Architected lens.
    pub overall: Counts,
    /// (pillar id, score, high risks) per Well-Architected pillar.
    pub pillars: Vec<(String, Option<u8>, u32)>,
    /// Plan items.
    pub plan_items: usize,
    /// Plan effort.
    pub plan_effort: f64,
    /// Services chosen, as offering ids.
    pub services: Vec<&'static str>,
    /// The start date in the exported schedule, if any.
    pub start: Option<Date>,
    /// Whether the exported schedule had provisional dates.
    pub provisional: bool,
    /// The quote, priced with the bundle's own price list as of its export day.
    pub quote: Quote,
}

/// The summary of a bundle, recomputed from its answers with `lens` (the Well-Architected lens),
/// and its quote from its selection and price list. The quote takes the default rules: of the
/// rules it reads only `consulting_days`, which no config changes.
pub fn summary(bundle: &Bundle, lens: &Lens) -> SummaryRow {
    let w = &bundle.workload;
    let answers = w.answers(&lens.id).cloned().unwrap_or_default();
    let ranking = w.priorities.get(&lens.id).cloned().unwrap_or_default();
    let s = summarize(lens, &answers);
    let p = plan(lens, &answers, &ranking, None);
    SummaryRow {
        organisation: w.profile.organisation.clone(),
        workload: w.profile.workload.clone(),
        contact: w.profile.contact_name.clone(),
        exported_at: bundle.exported_at.clone(),
        integrity: bundle.integrity,
        overall: s.overall,
        pillars: s
            .pillars
            .iter()
            .map(|ps| (ps.pillar_id.clone(), ps.counts.score(), ps.counts.high))
            .collect(),
        plan_items: p.total.items,
        plan_effort: p.total.effort,
        services: w.services.offerings(),
        start: bundle
            .schedule
            .iter()
            .find(|(e, _, _)| e == "start")
            .map(|(_, d, _)| *d),
        provisional: bundle.schedule.iter().any(|(_, _, p)| *p),
        quote: quote(
            &w.services,
            bundle.pricing.as_ref(),
            &Rules::default(),
            crate::domain::calendar::provider_date_at(&bundle.exported_at).unwrap_or_default(),
        ),
    }
}

impl SummaryRow {
    /// The quote's amounts, when services are chosen and the bundle has prices.
    pub fn priced(&self) -> Option<&crate::domain::quote::Priced> {
        self.quote
            .priced
            .as_ref()
            .filter(|_| !self.services.is_empty())
    }
}

impl Integrity {
    /// As written in summaries.
    pub fn as_str(&self) -> &'static str {
        match self {
            Integrity::Intact => "intact",
            Integrity::Changed => "changed",
            Integrity::Unchecked => "unchecked",
        }
    }
}

/// Declares [`Column`] from one table: each column's variant, key and spreadsheet format, in
/// order; the per-pillar columns repeat for every pillar of the lens, their key followed by the
/// pillar's id.
macro_rules! summary_columns {
    (
        head { $($(#[doc = $hd:literal])* $h:ident => $hkey:literal, $hfmt:ident;)* }
        per_pillar { $($(#[doc = $pd:literal])* $p:ident => $pkey:literal, $pfmt:ident;)* }
        tail { $($(#[doc = $td:literal])* $t:ident => $tkey:literal, $tfmt:ident;)* }
    ) => {
        /// A column of the consultant's summary: the one list behind the command line's CSV and
        /// JSON and the workspace's CSV and Excel downloads. Its header is
        /// `crate::i18n::summary_header`; its value is [`Column::value`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Column {
            $($(#[doc = $hd])* $h,)*
            $($(#[doc = $pd])* $p(usize),)*
            $($(#[doc = $td])* $t,)*
        }

        impl Column {
            /// Every column, in order, for `lens` (the Well-Architected lens).
            pub fn all(lens: &Lens) -> Vec<Column> {
                let mut cols = vec![$(Column::$h,)*];
                for i in 0..lens.pillars.len() {
                    cols.extend([$(Column::$p(i),)*]);
                }
                cols.extend([$(Column::$t,)*]);
                cols
            }

            /// The key in CSV headers and JSON records (the CLI's contract).
            pub fn key(self, lens: &Lens) -> String {
                match self {
                    $(Column::$h => $hkey.to_owned(),)*
                    $(Column::$p(i) => format!(
                        "{}_{}",
                        $pkey,
                        lens.pillars.get(i).map_or("", |p| p.id.as_str())
                    ),)*
                    $(Column::$t => $tkey.to_owned(),)*
                }
            }

            /// How a spreadsheet shows it.
            pub fn format(self) -> Format {
                match self {
                    $(Column::$h => Format::$hfmt,)*
                    $(Column::$p(_) => Format::$pfmt,)*
                    $(Column::$t => Format::$tfmt,)*
                }
            }
        }
    };
}

summary_columns! {
    head {
        /// The file the bundle came from.
        File => "file", Text;
        /// The customer's organisation.
        Organisation => "organisation", Text;
        /// The workload's name.
        Workload => "workload", Text;
        /// The customer's contact.
        Contact => "contact", Text;
        /// When it was exported (a time; a date in a spreadsheet).
        ExportedAt => "exported_at", Date;
        /// Whether it is as exported.
        Integrity => "integrity", Text;
        /// Questions answered or marked not applicable.
        Answered => "answered", Integer;
        /// High risks.
        High => "high", Integer;
        /// Medium risks.
        Medium => "medium", Integer;
        /// No risk.
        NoRisk => "no_risk", Integer;
        /// Not applicable.
        NotApplicable => "not_applicable", Integer;
        /// Unanswered.
        Unanswered => "unanswered", Integer;
        /// The overall score.
        Score => "score", Integer;
    }
    per_pillar {
        /// The score of the lens's pillar at this index.
        PillarScore => "score", Integer;
        /// The high risks of the lens's pillar at this index.
        PillarHigh => "high", Integer;
    }
    tail {
        /// Improvement plan items.
        PlanItems => "plan_items", Integer;
        /// The plan's effort in man-days.
        PlanEffort => "plan_effort_man_days", Days;
        /// The services chosen (offering ids).
        Services => "services", Text;
        /// The start date in the exported schedule.
        Start => "start", Date;
        /// Whether the exported schedule had provisional dates.
        Provisional => "provisional", Text;
        /// The services' man-days in the quote.
        QuoteManDays => "quote_man_days", Days;
        /// The quote's total (tax included), priced with the bundle's price list.
        QuoteTotal => "quote_total", Money;
        /// The quote's currency.
        Currency => "currency", Text;
        /// Quote lines on request (not in the total).
        OnRequest => "quote_on_request", Integer;
    }
}

impl Column {
    /// Its value in a row, as JSON (`null` when there is none).
    pub fn value(self, file: &str, row: &SummaryRow) -> Value {
        let c = &row.overall;
        let pillar = |i: usize| row.pillars.get(i);
        match self {
            Column::File => file.into(),
            Column::Organisation => row.organisation.as_str().into(),
            Column::Workload => row.workload.as_str().into(),
            Column::Contact => row.contact.as_str().into(),
            Column::ExportedAt => row.exported_at.as_str().into(),
            Column::Integrity => row.integrity.as_str().into(),
            Column::Answered => c.done().into(),
            Column::High => c.high.into(),
            Column::Medium => c.medium.into(),
            Column::NoRisk => c.none.into(),
            Column::NotApplicable => c.not_applicable.into(),
            Column::Unanswered => c.unanswered.into(),
            Column::Score => c.score().map_or(Value::Null, Value::from),
            Column::PillarScore(i) => pillar(i)
                .and_then(|(_, score, _)| *score)
                .map_or(Value::Null, Value::from),
            Column::PillarHigh(i) => pillar(i).map_or(Value::Null, |(_, _, high)| (*high).into()),
            Column::PlanItems => row.plan_items.into(),
            Column::PlanEffort => row.plan_effort.into(),
            Column::Services => row.services.join(" ").into(),
            Column::Start => row.start.map_or(Value::Null, |d| format_date(d).into()),
            Column::Provisional => row.provisional.into(),
            Column::QuoteManDays => {
                if row.services.is_empty() {
                    Value::Null
                } else {
                    row.quote.man_days.days().into()
                }
            }
            Column::QuoteTotal => row
                .priced()
                .map_or(Value::Null, |p| p.total.amount().into()),
            Column::Currency => row
                .priced()
                .map_or(Value::Null, |p| p.currency.as_str().into()),
            Column::OnRequest => row.priced().map_or(Value::Null, |p| p.on_request.into()),
        }
    }

    /// Its value as a spreadsheet cell; `yes_no` words a true or false.
    pub fn cell(self, file: &str, row: &SummaryRow, yes_no: [&str; 2]) -> Cell {
        match (self.format(), self.value(file, row)) {
            (_, Value::Null) => Cell::Empty,
            (Format::Date, Value::String(s)) => match s.get(..10) {
                Some(day) if crate::domain::calendar::parse_date(day).is_some() => {
                    Cell::Date(day.to_owned())
                }
                _ => Cell::Text(s),
            },
            (_, Value::Number(n)) => Cell::Number(n.as_f64().unwrap_or(0.0)),
            (_, Value::Bool(b)) => Cell::Text(yes_no[usize::from(!b)].to_owned()),
            (_, Value::String(s)) => Cell::Text(s),
            (_, other) => Cell::Text(other.to_string()),
        }
    }
}

/// One CSV field (RFC 4180), with spreadsheet formula injection defused (a text starting with
/// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`) and control characters other
/// than line breaks replaced, so that a hostile text cannot drive a terminal or a parser.
pub fn csv_field(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => {
            let s = printable(s);
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{s}")
            } else {
                s
            }
        }
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Untrusted text made safe to print: control characters (escape sequences included) other than
/// line breaks and tabs become U+FFFD.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// A CSV line from values.
pub fn csv_line(values: &[Value]) -> String {
    values.iter().map(csv_field).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Answer;
    use crate::domain::builtin::{WELL_ARCHITECTED_JSON, well_architected};
    use crate::domain::text::Lang;

    fn workload() -> Workload {
        let mut w = crate::domain::workload::acme_shop();
        w.answers
            .entry("well_architected".into())
            .or_default()
            .insert(
                "sec_data_classification".into(),
                Answer {
                    selected: vec!["sec_dc_no".into()],
                    ..Answer::default()
                },
            );
        w
    }

    #[test]
    fn a_backup_reads_back_as_one_bundle_per_workload() {
        let mut second = workload();
        second.id = "w-2".into();
        second.profile.workload = "Blog".into();
        let text = backup(&[workload(), second], "2026-12-02T04:00:00Z");
        let bundles = import(&text).unwrap();
        assert_eq!(bundles.len(), 2);
        assert_eq!(bundles[0].workload, workload());
        assert_eq!(bundles[1].workload.profile.workload, "Blog");
        assert_eq!(bundles[0].exported_at, "2026-12-02T04:00:00Z");
    }

    #[test]
    fn the_quote_survives_export_and_import_and_is_recomputed_not_trusted() {
        use crate::domain::catalogue::ManDays;
        use crate::domain::quote::{PriceList, Tax};
        let mut w = workload();
        w.services.consulting = true;
        w.services.onsite_days = 1;
        w.services
            .packages
            .insert("security".into(), ManDays::from_tenths(40));
        w.services.modules.insert("it_governance".into());
        let mut prices = PriceList::from_rate(crate::domain::plan::Rate {
            currency: "CNY".into(),
            per_day: 4800.0,
            per_pillar: [("security".to_owned(), 5600.0)].into_iter().collect(),
        });
        prices.onsite_day_rate = Some(1500.0);
        prices.tax = Some(Tax {
            percent: 6.0,
            label: None,
        });
        let lens = well_architected();
        let sha = sha256_hex(WELL_ARCHITECTED_JSON.as_bytes());
        let text = export(
            &w,
            &[(lens, &sha, None)],
            None,
            Some(&prices),
            &Rules::default(),
            "0.1.0",
            "2026-12-02T01:00:00Z",
        );
        let doc: Value = serde_json::from_str(&text).unwrap();
        // 5 × 4,800 + 1 × 1,500 + 4 × 5,600 = 47,900; 6 % = 2,874; 50,774; one module on request.
        assert_eq!(doc["quote"]["total"], 50774.0);
        assert_eq!(doc["quote"]["on_request"], 1);
        assert_eq!(doc["quote"]["valid_until"], "2027-01-01");
        let b = &import(&text).unwrap()[0];
        assert_eq!(b.integrity, Integrity::Intact);
        assert_eq!(b.pricing.as_ref(), Some(&prices));
        let row = summary(b, lens);
        assert_eq!(
            row.quote.priced.as_ref().unwrap().total.grouped(),
            "50,774.00"
        );
        // A quote edited in the file changes nothing: it is recomputed from the prices.
        let mut edited = doc.clone();
        edited["quote"]["total"] = 1.0.into();
        let b = &import(&edited.to_string()).unwrap()[0];
        assert_eq!(b.integrity, Integrity::Changed);
        assert_eq!(
            summary(b, lens).quote.priced.unwrap().total.grouped(),
            "50,774.00"
        );
        // Damaged prices refuse the bundle, by path.
        let mut broken = doc;
        broken["pricing"]["day_rate"] = "a lot".into();
        let issues = import(&broken.to_string()).unwrap_err();
        assert_eq!(
            crate::domain::validate::paths(&issues),
            ["$.pricing.day_rate"]
        );
    }

    #[test]
    fn every_summary_column_has_one_key_a_format_and_a_cell() {
        let lens = well_architected();
        let columns = Column::all(lens);
        assert_eq!(columns.len(), 13 + 2 * lens.pillars.len() + 9);
        let keys: std::collections::BTreeSet<String> =
            columns.iter().map(|c| c.key(lens)).collect();
        assert_eq!(keys.len(), columns.len(), "keys are unique");
        let b = &import(&exported()).unwrap()[0];
        let row = summary(b, lens);
        let cells: Vec<Cell> = columns
            .iter()
            .map(|c| c.cell("a.json", &row, ["yes", "no"]))
            .collect();
        assert_eq!(cells[0], Cell::Text("a.json".into()));
        assert_eq!(
            cells[4],
            Cell::Date("2026-11-21".into()),
            "exported: a date"
        );
        assert_eq!(cells[7], Cell::Number(1.0), "one high risk");
        assert_eq!(
            cells[cells.len() - 5],
            Cell::Text("no".into()),
            "not provisional"
        );
        assert_eq!(
            cells[cells.len() - 4..],
            [Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty],
            "no services, no quote"
        );
        for c in &columns {
            let header = crate::i18n::summary_header(*c, lens, Lang::ZhCn);
            assert!(!header.is_empty(), "{c:?}");
        }
    }

    fn exported() -> String {
        let lens = well_architected();
        let sha = sha256_hex(WELL_ARCHITECTED_JSON.as_bytes());
        export(
            &workload(),
            &[(lens, &sha, None)],
            None,
            None,
            &crate::domain::schedule::Rules::default(),
            "0.1.0",
            "2026-11-21T10:00:00Z",
        )
    }

    #[test]
    fn export_then_import_round_trips_intact() {
        let text = exported();
        let bundles = import(&text).unwrap();
        assert_eq!(bundles.len(), 1);
        let b = &bundles[0];
        assert_eq!(b.integrity, Integrity::Intact);
        assert_eq!(b.workload, workload());
        assert_eq!(b.lenses[0].id, "well_architected");
        let row = summary(b, well_architected());
        assert_eq!(row.overall.high, 1);
        assert_eq!(row.plan_items, 5);
    }

    #[test]
    fn the_export_time_must_be_a_real_time_because_every_date_is_shown_as_of_it() {
        let text = exported();
        for bad in ["yesterday", "2026-11-31T10:00:00Z", "2026-11-21"] {
            let edited = text.replace("2026-11-21T10:00:00Z\"", &format!("{bad}\""));
            let issues = import(&edited).unwrap_err();
            assert_eq!(issues.len(), 1, "{bad}: {issues:?}");
            assert_eq!(issues[0].path.to_string(), "$.exported_at");
            assert_eq!(
                issues[0].problem,
                Problem::NotATime {
                    found: bad.to_owned()
                }
            );
        }
        // An offset is a real time too (checked before the checksum, which it then fails).
        let offset = text.replace("2026-11-21T10:00:00Z\"", "2026-11-21T18:00:00+08:00\"");
        assert_eq!(import(&offset).unwrap()[0].integrity, Integrity::Changed);
        let b = &import(&text).unwrap()[0];
        assert_eq!(
            crate::domain::asof::as_of(
                crate::domain::asof::Origin::Imported {
                    exported_at: &b.exported_at
                },
                0.0
            ),
            crate::domain::asof::AsOf::Exported(
                crate::domain::calendar::parse_date("2026-11-21").unwrap()
            )
        );
    }

    #[test]
    fn formatting_does_not_matter_but_content_does() {
        let text = exported();
        let v: Value = serde_json::from_str(&text).unwrap();
        // Re-serialised compactly: still intact.
        assert_eq!(
            import(&v.to_string()).unwrap()[0].integrity,
            Integrity::Intact
        );
        // One answer changed: flagged, still readable.
        let edited = text.replace("sec_dc_no", "sec_dc_scheme");
        let b = &import(&edited).unwrap()[0];
        assert_eq!(b.integrity, Integrity::Changed);
        // Results in the file are never read back: recomputed from the (edited) answers.
        assert_eq!(summary(b, well_architected()).overall.medium, 0);
        assert_eq!(
            summary(b, well_architected()).overall.high,
            1,
            "scheme alone is still high"
        );
    }

    #[test]
    fn bytes_are_checked_for_size_and_encoding_and_a_bom_is_allowed() {
        let text = exported();
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(
            import_bytes(with_bom.as_bytes()).unwrap()[0].integrity,
            Integrity::Intact
        );
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            crate::i18n::issue_text(&import_bytes(&utf16).unwrap_err()[0], Lang::En),
            "$: not UTF-8 text"
        );
        let huge = vec![b' '; MAX_BUNDLE_BYTES + 1];
        assert_eq!(
            crate::i18n::issue_text(&import_bytes(&huge).unwrap_err()[0], Lang::En),
            "$: file is 2000001 bytes; the limit is 2000000 bytes"
        );
    }

    #[test]
    fn newer_versions_and_other_formats_are_refused_clearly() {
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        v["version"] = 2.into();
        let issues = import(&v.to_string()).unwrap_err();
        assert_eq!(
            crate::i18n::issue_text(&issues[0], Lang::En),
            "$.version: version “2” is not supported (this program reads 1)"
        );
        v["format"] = "something-else".into();
        assert_eq!(
            import(&v.to_string()).unwrap_err()[0].path.to_string(),
            "$.format"
        );
    }

    #[test]
    fn the_v0_backup_migrates_to_one_bundle_per_workload() {
        let mut second = workload();
        second.id = "w-2".into();
        second.profile.workload = "Billing".into();
        let backup = serde_json::json!({
            "format": "preflight-workloads", "schema": 1, "exported_at": "2026-11-01T00:00:00Z",
            "workloads": [workload().to_value(), second.to_value()],
        });
        let bundles = import(&backup.to_string()).unwrap();
        assert_eq!(bundles.len(), 2);
        assert_eq!(bundles[1].workload.profile.workload, "Billing");
        assert_eq!(bundles[0].integrity, Integrity::Unchecked);
        assert_eq!(
            bundles[0].migrated_from.as_deref(),
            Some("preflight-workloads 1")
        );
    }

    #[test]
    fn terminal_escapes_are_neutralised() {
        assert_eq!(printable("a\u{1b}[2Jb\n"), "a\u{fffd}[2Jb\n");
        assert_eq!(
            csv_field(&Value::from("\u{1b}]0;pwned\u{7}")),
            "\u{fffd}]0;pwned\u{fffd}"
        );
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let row = [
            Value::from("=HYPERLINK(\"x\")"),
            Value::from("a,b"),
            Value::from(3),
            Value::Null,
            Value::from("-1"),
        ];
        assert_eq!(csv_line(&row), "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",3,,'-1");
    }
}
