//! The sales team's runtime configuration: an optional `config.json` beside `index.html`.
//!
//! A sales team edits one file and uploads the site; nothing is rebuilt. The file is untrusted
//! like any other input and read member by member: a member that is wrong is reported with its
//! JSON path and replaced by its default, so that one typo never costs the rest (README,
//! '`config.json`: branding, prices, rules and calendar without a rebuild': a config that is
//! wrong falls back to defaults, with a notice listing every problem). Unknown members are
//! reported as well — a misspelt key would otherwise do nothing, silently. The schema is
//! `public/schema/config-v1.schema.json`; an example is `public/config.example.json`.
//!
//! ```json
//! {
//!   "version": 1,
//!   "brand": { "name": {"en": "Acme Cloud", "zh-CN": "Acme 云"}, "logo": "logo.svg", "colour": "#0b5cad" },
//!   "contact": { "name": "Li Wei", "email": "presales@example.com", "phone": "+86 10 1234 5678", "url": "https://example.com" },
//!   "pricing": { "currency": "CNY", "day_rate": 4800, "pillar_day_rates": { "security": 5200 } },
//!   "default_language": "zh-CN",
//!   "schedule": { "lead_time_days": 15, "large_engagement_man_days": 20, "acceptance_days": 5, "managed_offsets": [5, 20, 60, 100, 110] },
//!   "calendar": { "official": [ { "year": 2027, "holidays": [ … ], "workdays": [ … ] } ], "closures": ["2026-12-31"] },
//!   "customer_reports": true
//! }
//! ```

use crate::domain::calendar::{Calendar, Date, OfficialYear, official_year};
use crate::domain::plan::Rate;
use crate::domain::quote::{DEFAULT_VALID_DAYS, PriceList, Tax};
use crate::domain::schedule::Rules;
use crate::domain::text::{Lang, Text};
use crate::domain::validate::{Checker, Issue, JsonPath, Problem, parse_json, type_name};
use serde_json::Value;
use std::collections::BTreeMap;

/// The largest config file read.
pub const MAX_CONFIG_BYTES: usize = 200_000;
/// The config format this build reads.
pub const CONFIG_VERSION: u64 = 1;
/// The page background that brand-coloured links sit on (`--bg` in the stylesheet).
const PAGE_BACKGROUND: Colour = Colour {
    r: 0xf5,
    g: 0xf7,
    b: 0xfa,
};
/// WCAG 2.1 AA contrast for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// The validated configuration; every member has a default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Name, logo and colour.
    pub brand: Brand,
    /// Whom the customer contacts.
    pub contact: Contact,
    /// The price list: day rates for costing the plan and prices for the quote; `None` keeps
    /// both in man-days.
    pub pricing: Option<PriceList>,
    /// The language of a first visit (before the user picks one).
    pub default_language: Option<Lang>,
    /// Scheduling rules.
    pub rules: Rules,
    /// Official holiday data added or replaced per year.
    pub official_years: Vec<OfficialYear>,
    /// The provider's own days off, on top of the national calendar.
    pub closures: Vec<Date>,
    /// Lens files the sales team serves beside the app, offered on every workload's profile.
    pub lenses: Vec<ConfigLens>,
    /// Whether a customer may download their own Word reports (the Investigation Report, the
    /// Consulting Report and the Implementation Plan), not only the proposal. Off by default:
    /// they are the consultant's deliverables, and a sales team decides whether customers see
    /// the drafts.
    pub customer_reports: bool,
}

/// A lens file listed in `config.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigLens {
    /// The lens's id in this app: in workloads, bundles and routes. An AWS custom lens file has
    /// no id of its own, so this is it; a Preflight lens file's own id must equal it.
    pub id: String,
    /// The file: a path relative to the page, like the logo.
    pub path: String,
}

/// The most lenses `config.json` may list.
pub const MAX_CONFIG_LENSES: usize = 10;

/// The sales team's brand.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Brand {
    /// The product name shown in the header and the page title (instead of "Preflight").
    pub name: Option<Text>,
    /// A logo beside the name: a path relative to the page (same origin, so the strict CSP
    /// allows it).
    pub logo: Option<String>,
    /// The primary colour (header, buttons, links).
    pub colour: Option<Colour>,
}

/// Contact details shown in the footer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    /// A person or team.
    pub name: Option<Text>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// A web page (absolute `https` URL).
    pub url: Option<String>,
}

impl Contact {
    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none() && self.url.is_none()
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Colour {
    /// Parses `#rrggbb` or `#rgb`.
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            6 => Some(Colour {
                r: u8::from_str_radix(&hex[0..2], 16).ok()?,
                g: u8::from_str_radix(&hex[2..4], 16).ok()?,
                b: u8::from_str_radix(&hex[4..6], 16).ok()?,
            }),
            3 => Some(Colour {
                r: digit(0)? * 17,
                g: digit(1)? * 17,
                b: digit(2)? * 17,
            }),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// The colour mixed with black: `amount` 0 keeps it, 1 gives black (hover and dark bars).
    pub fn darker(self, amount: f64) -> Colour {
        let f = |c: u8| (f64::from(c) * (1.0 - amount)).round() as u8;
        Colour {
            r: f(self.r),
            g: f(self.g),
            b: f(self.b),
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG contrast ratio with another colour (1 to 21).
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// The pillars a day rate can be set for: those of the shipped lenses (a test keeps them in
/// step).
pub const PILLARS: [&str; 9] = [
    "security",
    "reliability",
    "cost_optimization",
    "operational_excellence",
    "performance_efficiency",
    "technology_management",
    "continuous_improvement",
    "service_delivery",
    "it_governance",
];

const TOP: &[&str] = &[
    "$schema",
    "version",
    "brand",
    "contact",
    "pricing",
    "default_language",
    "schedule",
    "calendar",
    "lenses",
    "customer_reports",
];

/// Whether a config file sets nothing: a JSON object holding at most `$schema` (a string) and
/// `version` 1, as the `config.json` the release ships does. Such a file reads as
/// [`Config::default`] with no problems, so the app does not need [`read_config`] for it, and a
/// default site's first load does not carry the reader.
pub fn sets_nothing(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(Value::Object(members)) = parse_json(text, MAX_CONFIG_BYTES) else {
        return false;
    };
    members.iter().all(|(key, value)| match key.as_str() {
        "$schema" => value.is_string(),
        "version" => value.as_u64() == Some(CONFIG_VERSION),
        _ => false,
    })
}

/// Reads `config.json`: the configuration (defaults wherever the file is wrong) and every
/// problem found, by path.
pub fn read_config(text: &str) -> (Config, Vec<Issue>) {
    let mut config = Config::default();
    let value = match parse_json(
        text.strip_prefix('\u{feff}').unwrap_or(text),
        MAX_CONFIG_BYTES,
    ) {
        Ok(v) => v,
        Err(issue) => return (config, vec![issue]),
    };
    let root = JsonPath::root();
    let mut c = Checker::new();
    let Some(obj) = c.object(&value, &root) else {
        return (config, c.into_issues());
    };
    match obj.get("version") {
        None => {}
        Some(v) if v.as_u64() == Some(CONFIG_VERSION) => {}
        Some(v) if v.is_number() => {
            c.report(
                &root.key("version"),
                Problem::UnsupportedVersion {
                    found: v.to_string(),
                    supported: CONFIG_VERSION.to_string(),
                },
            );
            // A newer format may mean something else by every member: use none of them.
            return (config, c.into_issues());
        }
        Some(v) => c.report(
            &root.key("version"),
            Problem::WrongType {
                expected: crate::domain::validate::Kind::Number,
                found: type_name(v),
            },
        ),
    }
    c.unknown_members(obj, &root, TOP);
    if let Some(v) = obj.get("brand") {
        config.brand = brand(&mut c, v, &root.key("brand"));
    }
    if let Some(v) = obj.get("contact") {
        config.contact = contact(&mut c, v, &root.key("contact"));
    }
    if let Some(v) = obj.get("pricing") {
        config.pricing = read_pricing(&mut c, v, &root.key("pricing"));
    }
    if let Some(v) = obj.get("default_language") {
        let path = root.key("default_language");
        config.default_language = match v {
            Value::String(s) => ["en", "zh-CN"]
                .contains(&s.as_str())
                .then(|| Lang::from_tag(s))
                .flatten()
                .or_else(|| {
                    c.report(
                        &path,
                        Problem::NotOneOf {
                            found: s.clone(),
                            allowed: &["en", "zh-CN"],
                        },
                    );
                    None
                }),
            other => {
                c.report(
                    &path,
                    Problem::WrongType {
                        expected: crate::domain::validate::Kind::String,
                        found: type_name(other),
                    },
                );
                None
            }
        };
    }
    if let Some(v) = obj.get("schedule") {
        config.rules = rules(&mut c, v, &root.key("schedule"));
    }
    if let Some(v) = obj.get("calendar") {
        let (official, closures) = calendar(&mut c, v, &root.key("calendar"));
        config.official_years = official;
        config.closures = closures;
    }
    if let Some(v) = obj.get("lenses") {
        config.lenses = lenses(&mut c, v, &root.key("lenses"));
    }
    if let Some(v) = obj.get("customer_reports") {
        config.customer_reports = c
            .boolean(v, &root.key("customer_reports"))
            .unwrap_or_default();
    }
    (config, c.into_issues())
}

impl Config {
    /// The day rates, if any.
    pub fn rate(&self) -> Option<&Rate> {
        self.pricing.as_ref().map(|p| &p.rate)
    }

    /// The national calendar with this config's additions.
    pub fn calendar(&self, base: &Calendar) -> Calendar {
        let mut cal = base.clone();
        for y in &self.official_years {
            cal.set_official(y.clone());
        }
        cal.add_closures(self.closures.iter().copied());
        cal
    }
}

fn brand(c: &mut Checker, value: &Value, path: &JsonPath) -> Brand {
    let mut out = Brand::default();
    let Some(obj) = c.object(value, path) else {
        return out;
    };
    c.unknown_members(obj, path, &["name", "logo", "colour"]);
    if let Some(v) = obj.get("name") {
        out.name = c.text(v, &path.key("name"), 60);
    }
    if let Some(v) = obj.get("logo") {
        let lpath = path.key("logo");
        out.logo = c.string(v, &lpath, 300).and_then(|s| {
            if is_relative_path(&s) {
                Some(s)
            } else {
                c.report(&lpath, Problem::NotRelativePath);
                None
            }
        });
    }
    if let Some(v) = obj.get("colour") {
        let cpath = path.key("colour");
        out.colour = c.string(v, &cpath, 7).and_then(|s| {
            let Some(colour) = Colour::parse(&s) else {
                c.report(&cpath, Problem::NotAColour);
                return None;
            };
            let ratio = colour.contrast(PAGE_BACKGROUND);
            if ratio < MIN_CONTRAST {
                c.report(
                    &cpath,
                    Problem::LowContrast {
                        ratio: (ratio * 100.0).floor() / 100.0,
                        min: MIN_CONTRAST,
                    },
                );
                return None;
            }
            Some(colour)
        });
    }
    out
}

/// A path relative to the page: no scheme, no host, no way out of the site's origin.
fn is_relative_path(s: &str) -> bool {
    !s.starts_with('/')
        && !s.contains("//")
        && !s.contains(':')
        && s.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_' | '/'))
}

fn contact(c: &mut Checker, value: &Value, path: &JsonPath) -> Contact {
    let mut out = Contact::default();
    let Some(obj) = c.object(value, path) else {
        return out;
    };
    c.unknown_members(obj, path, &["name", "email", "phone", "url"]);
    if let Some(v) = obj.get("name") {
        out.name = c.text(v, &path.key("name"), 100);
    }
    if let Some(v) = obj.get("email") {
        let epath = path.key("email");
        out.email = c.string(v, &epath, 254).and_then(|s| {
            let ok = s.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
            }) && !s
                .chars()
                .any(|ch| ch.is_whitespace() || matches!(ch, '<' | '>' | '"' | ',' | ';'));
            if ok {
                Some(s)
            } else {
                c.report(&epath, Problem::NotAnEmail);
                None
            }
        });
    }
    if let Some(v) = obj.get("phone") {
        let ppath = path.key("phone");
        out.phone = c.string(v, &ppath, 40).and_then(|s| {
            let ok = s
                .chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '+' | ' ' | '-' | '(' | ')' | '.'))
                && s.chars().filter(char::is_ascii_digit).count() >= 3;
            if ok {
                Some(s)
            } else {
                c.report(&ppath, Problem::NotAPhone);
                None
            }
        });
    }
    if let Some(v) = obj.get("url") {
        let upath = path.key("url");
        out.url = c.string(v, &upath, 2048).and_then(|s| {
            if s.starts_with("https://")
                && s.len() > "https://".len()
                && !s.chars().any(char::is_whitespace)
            {
                Some(s)
            } else {
                c.report(&upath, Problem::NotHttpsUrl);
                None
            }
        });
    }
    out
}

/// The managed-services module ids a price can be set for: those of the shipped catalogue (a
/// test keeps them in step).
pub const MODULES: [&str; 4] = [
    "technology_management",
    "continuous_improvement",
    "service_delivery",
    "it_governance",
];

const PRICING: &[&str] = &[
    "currency",
    "day_rate",
    "pillar_day_rates",
    "consulting_price",
    "onsite_day_rate",
    "module_prices",
    "tax",
    "valid_days",
];

/// Reads a price list (`config.json`'s `pricing`, and the one a bundle carries): `None` without
/// a currency and a day rate. Any other member that is wrong is reported and left out alone.
pub fn read_pricing(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<PriceList> {
    let obj = c.object(value, path)?;
    c.unknown_members(obj, path, PRICING);
    let currency = c
        .required(obj, "currency", path)
        .and_then(|v| c.string(v, &path.key("currency"), 12));
    let per_day = c
        .required(obj, "day_rate", path)
        .and_then(|v| c.number(v, &path.key("day_rate"), 0.01, 1e9));
    let mut per_pillar = BTreeMap::new();
    if let Some(v) = obj.get("pillar_day_rates") {
        let ppath = path.key("pillar_day_rates");
        if let Some(m) = c.object(v, &ppath) {
            c.unknown_members(m, &ppath, &PILLARS);
            for (pillar, rate) in m {
                if PILLARS.contains(&pillar.as_str())
                    && let Some(r) = c.number(rate, &ppath.key(pillar), 0.01, 1e9)
                {
                    per_pillar.insert(pillar.clone(), r);
                }
            }
        }
    }
    let price = |c: &mut Checker, key: &str| {
        obj.get(key)
            .and_then(|v| c.number(v, &path.key(key), 0.01, 1e11))
    };
    let consulting = price(c, "consulting_price");
    let onsite_day_rate = price(c, "onsite_day_rate");
    let mut modules = BTreeMap::new();
    if let Some(v) = obj.get("module_prices") {
        let mpath = path.key("module_prices");
        if let Some(m) = c.object(v, &mpath) {
            c.unknown_members(m, &mpath, &MODULES);
            for (module, price) in m {
                if MODULES.contains(&module.as_str())
                    && let Some(p) = c.number(price, &mpath.key(module), 0.01, 1e11)
                {
                    modules.insert(module.clone(), p);
                }
            }
        }
    }
    let tax = obj.get("tax").and_then(|v| {
        let tpath = path.key("tax");
        let t = c.object(v, &tpath)?;
        c.unknown_members(t, &tpath, &["percent", "label"]);
        let percent = c
            .required(t, "percent", &tpath)
            .and_then(|v| c.number(v, &tpath.key("percent"), 0.0, 100.0));
        let label = t
            .get("label")
            .and_then(|v| c.text(v, &tpath.key("label"), 40));
        Some(Tax {
            percent: percent?,
            label,
        })
    });
    let valid_days = obj
        .get("valid_days")
        .and_then(|v| {
            let n = c.number(v, &path.key("valid_days"), 1.0, 366.0)?;
            if n.fract() != 0.0 {
                c.report(&path.key("valid_days"), Problem::NotWhole { value: n });
                return None;
            }
            Some(n as u32)
        })
        .unwrap_or(DEFAULT_VALID_DAYS);
    Some(PriceList {
        rate: Rate {
            currency: currency?,
            per_day: per_day?,
            per_pillar,
        },
        consulting,
        onsite_day_rate,
        modules,
        tax,
        valid_days,
    })
}

/// A price list as `config.json`'s `pricing` writes it (what a bundle carries).
pub fn pricing_to_value(p: &PriceList) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("currency".into(), p.rate.currency.as_str().into());
    m.insert("day_rate".into(), p.rate.per_day.into());
    if !p.rate.per_pillar.is_empty() {
        let rates: serde_json::Map<String, Value> = p
            .rate
            .per_pillar
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(*v)))
            .collect();
        m.insert("pillar_day_rates".into(), Value::Object(rates));
    }
    if let Some(v) = p.consulting {
        m.insert("consulting_price".into(), v.into());
    }
    if let Some(v) = p.onsite_day_rate {
        m.insert("onsite_day_rate".into(), v.into());
    }
    if !p.modules.is_empty() {
        let prices: serde_json::Map<String, Value> = p
            .modules
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(*v)))
            .collect();
        m.insert("module_prices".into(), Value::Object(prices));
    }
    if let Some(t) = &p.tax {
        let mut tax = serde_json::Map::new();
        tax.insert("percent".into(), t.percent.into());
        if let Some(l) = &t.label {
            tax.insert("label".into(), l.to_value());
        }
        m.insert("tax".into(), Value::Object(tax));
    }
    m.insert("valid_days".into(), p.valid_days.into());
    Value::Object(m)
}

fn rules(c: &mut Checker, value: &Value, path: &JsonPath) -> Rules {
    let mut out = Rules::default();
    let Some(obj) = c.object(value, path) else {
        return out;
    };
    c.unknown_members(
        obj,
        path,
        &[
            "lead_time_days",
            "managed_lead_time_days",
            "large_engagement_man_days",
            "acceptance_days",
            "managed_offsets",
        ],
    );
    let whole = |c: &mut Checker, key: &str, min: f64, max: f64| -> Option<u32> {
        let v = obj.get(key)?;
        let n = c.number(v, &path.key(key), min, max)?;
        if n.fract() != 0.0 {
            c.report(&path.key(key), Problem::NotWhole { value: n });
            return None;
        }
        Some(n as u32)
    };
    if let Some(n) = whole(c, "lead_time_days", 0.0, 250.0) {
        out.lead_time_days = n;
    }
    if let Some(n) = whole(c, "managed_lead_time_days", 0.0, 250.0) {
        out.managed_lead_time_days = n;
    }
    if let Some(n) = whole(c, "acceptance_days", 1.0, 60.0) {
        out.acceptance_days = n;
    }
    if let Some(v) = obj.get("large_engagement_man_days")
        && let Some(n) = c.number(v, &path.key("large_engagement_man_days"), 0.5, 10_000.0)
    {
        out.large_engagement_man_days = n;
    }
    if let Some(v) = obj.get("managed_offsets") {
        let mpath = path.key("managed_offsets");
        if let Some(items) = c.array(v, &mpath)
            && c.count(items.len(), &mpath, 5, 5)
        {
            let mut offsets = [0u32; 5];
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                match c.number(item, &mpath.index(i), 0.0, 1000.0) {
                    Some(n) if n.fract() == 0.0 => offsets[i] = n as u32,
                    Some(n) => {
                        c.report(&mpath.index(i), Problem::NotWhole { value: n });
                        ok = false;
                    }
                    None => ok = false,
                }
            }
            if ok && offsets.windows(2).any(|w| w[0] >= w[1]) {
                c.report(&mpath, Problem::NotIncreasing);
                ok = false;
            }
            if ok {
                out.managed_offsets = offsets;
            }
        }
    }
    out
}

fn calendar(c: &mut Checker, value: &Value, path: &JsonPath) -> (Vec<OfficialYear>, Vec<Date>) {
    let mut official = Vec::new();
    let mut closures = Vec::new();
    let Some(obj) = c.object(value, path) else {
        return (official, closures);
    };
    c.unknown_members(obj, path, &["official", "closures"]);
    if let Some(v) = obj.get("official") {
        let opath = path.key("official");
        if let Some(items) = c.array(v, &opath)
            && c.count(items.len(), &opath, 0, 20)
        {
            for (i, item) in items.iter().enumerate() {
                // A year with any problem is left out whole: half a year's holidays would give
                // wrong dates without any flag.
                let mut inner = Checker::new();
                if let Some(y) = official_year(&mut inner, item, &opath.index(i))
                    && inner.is_clean()
                {
                    official.push(y);
                }
                for issue in inner.into_issues() {
                    c.report(&issue.path, issue.problem);
                }
            }
        }
    }
    if let Some(v) = obj.get("closures") {
        let cpath = path.key("closures");
        if let Some(items) = c.array(v, &cpath)
            && c.count(items.len(), &cpath, 0, 366)
        {
            for (i, item) in items.iter().enumerate() {
                let ipath = cpath.index(i);
                match item {
                    Value::String(_) => closures.extend(c.date(item, &ipath)),
                    other => c.report(
                        &ipath,
                        Problem::WrongType {
                            expected: crate::domain::validate::Kind::String,
                            found: type_name(other),
                        },
                    ),
                }
            }
        }
    }
    (official, closures)
}

/// `lenses`: each entry that is wrong is reported and left out alone.
fn lenses(c: &mut Checker, value: &Value, path: &JsonPath) -> Vec<ConfigLens> {
    let mut out: Vec<ConfigLens> = Vec::new();
    let mut first: BTreeMap<String, JsonPath> = BTreeMap::new();
    let Some(items) = c.array(value, path) else {
        return out;
    };
    if !c.count(items.len(), path, 0, MAX_CONFIG_LENSES) {
        return out;
    }
    for (i, item) in items.iter().enumerate() {
        let ipath = path.index(i);
        let Some(obj) = c.object(item, &ipath) else {
            continue;
        };
        c.unknown_members(obj, &ipath, &["id", "path"]);
        let id_path = ipath.key("id");
        let id = c
            .required(obj, "id", &ipath)
            .and_then(|v| c.id(v, &id_path, 64, crate::domain::validate::IdChars::Word))
            .filter(|id| {
                let builtin = crate::domain::builtin::is_builtin_lens(id);
                if builtin {
                    c.report(&id_path, Problem::BuiltinLensId { id: id.clone() });
                } else if let Some(at) = first.get(id) {
                    c.report(
                        &id_path,
                        Problem::Duplicate {
                            id: id.clone(),
                            first: at.clone(),
                        },
                    );
                    return false;
                }
                !builtin
            });
        let file_path = ipath.key("path");
        let file = c
            .required(obj, "path", &ipath)
            .and_then(|v| c.string(v, &file_path, 300))
            .filter(|s| {
                let ok = is_relative_path(s);
                if !ok {
                    c.report(&file_path, Problem::NotRelativePath);
                }
                ok
            });
        if let (Some(id), Some(path)) = (id, file) {
            first.insert(id.clone(), id_path);
            out.push(ConfigLens { id, path });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;

    const EXAMPLE: &str = include_str!("../../public/config.example.json");

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn a_file_that_sets_nothing_reads_as_the_defaults() {
        let shipped = include_str!("../../public/config.json");
        let nothing = [
            shipped,
            "{}",
            " {\n} ",
            "\u{feff}{\"$schema\": \"https://example.com/s.json\"}",
            r#"{"version": 1}"#,
            r#"{"$schema": "schema/config-v1.schema.json", "version": 1}"#,
        ];
        for text in nothing {
            assert!(sets_nothing(text), "{text}");
            assert_eq!(read_config(text), (Config::default(), Vec::new()), "{text}");
        }
        // Anything else goes to the reader, which reads it or says what is wrong.
        let something = [
            r#"{"brand": {"name": "Acme"}}"#,
            r#"{"version": 2}"#,
            r#"{"version": "1"}"#,
            r#"{"$schema": "s.json", "unknown": true}"#,
            "[]",
            "null",
            "{",
            "",
        ];
        for text in something {
            assert!(!sets_nothing(text), "{text}");
            assert_ne!(read_config(text), (Config::default(), Vec::new()), "{text}");
        }
    }

    fn messages(issues: &[Issue]) -> Vec<String> {
        issues
            .iter()
            .map(|i| crate::i18n::issue_text(i, Lang::En))
            .collect()
    }

    #[test]
    fn the_shipped_example_is_valid_and_read_in_full() {
        let (config, issues) = read_config(EXAMPLE);
        assert_eq!(messages(&issues), Vec::<String>::new());
        assert_eq!(
            config.brand.name.as_ref().unwrap().get(Lang::ZhCn),
            "Acme 云 · 项目启动前评估"
        );
        assert_eq!(config.brand.logo.as_deref(), Some("logo.svg"));
        assert_eq!(config.brand.colour.unwrap().hex(), "#0b5cad");
        assert_eq!(
            config.contact.email.as_deref(),
            Some("presales@example.com")
        );
        let pricing = config.pricing.clone().unwrap();
        let rate = pricing.rate.clone();
        assert_eq!((rate.currency.as_str(), rate.per_day), ("CNY", 4800.0));
        assert_eq!(rate.for_pillar("security"), 5600.0);
        assert_eq!(rate.for_pillar("reliability"), 4800.0);
        assert_eq!(pricing.consulting, Some(28000.0));
        assert_eq!(pricing.onsite_day_rate, Some(1500.0));
        assert_eq!(pricing.modules.get("service_delivery"), Some(&120_000.0));
        assert_eq!(pricing.modules.get("it_governance"), None, "on request");
        let tax = pricing.tax.as_ref().unwrap();
        assert_eq!(
            (tax.percent, tax.label.as_ref().unwrap().get(Lang::ZhCn)),
            (6.0, "增值税")
        );
        assert_eq!(pricing.valid_days, 30);
        // What a bundle carries reads back the same.
        let mut c = Checker::new();
        let back = read_pricing(&mut c, &pricing_to_value(&pricing), &JsonPath::root());
        assert!(c.is_clean());
        assert_eq!(back.as_ref(), Some(&pricing));
        assert_eq!(config.default_language, Some(Lang::ZhCn));
        assert_eq!(config.rules, Rules::default());
        assert_eq!(config.closures, [d("2026-12-31")]);
        assert!(config.customer_reports);
    }

    #[test]
    fn listed_lenses_are_read_entry_by_entry() {
        let (config, issues) = read_config(
            r#"{"lenses": [
                {"id": "company_policy_abc", "path": "lenses/policy-abc.json"},
                {"id": "well_architected", "path": "lenses/wa.json"},
                {"id": "company_policy_abc", "path": "lenses/again.json"},
                {"id": "networking", "path": "https://evil.example/lens.json"},
                {"id": "bad id", "path": "lenses/x.json", "name": "X"},
                {"id": "serverless", "path": "lenses/serverless.json"}
            ]}"#,
        );
        assert_eq!(
            messages(&issues),
            [
                "$.lenses[1].id: “well_architected” is the id of a lens built into the app; give this lens another",
                "$.lenses[2].id: duplicate id “company_policy_abc” (first used at $.lenses[0].id)",
                "$.lenses[3].path: must be a path relative to the page, such as logo.svg (no scheme, host or leading /)",
                "$.lenses[4].name: not a known setting (known here: id, path)",
                "$.lenses[4].id: invalid id “bad id”: use 1 to 64 ASCII letters, digits or underscores",
            ]
        );
        let listed: Vec<_> = config
            .lenses
            .iter()
            .map(|l| (l.id.as_str(), l.path.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("company_policy_abc", "lenses/policy-abc.json"),
                ("serverless", "lenses/serverless.json"),
            ]
        );
    }

    #[test]
    fn no_config_members_means_every_default() {
        let (config, issues) = read_config("{}");
        assert!(issues.is_empty());
        assert_eq!(config, Config::default());
    }

    #[test]
    fn each_wrong_member_falls_back_alone_and_is_named_by_path() {
        let text = r##"{
            "brand": {"name": "Acme", "colour": "#ffcc00", "logo": "https://evil.example/x.svg"},
            "contact": {"email": "not-an-address", "phone": "+86 10 1234"},
            "pricing": {"currency": "CNY", "day_rate": -5},
            "default_language": "fr",
            "schedule": {"lead_time_days": 10.5, "managed_offsets": [5, 20, 10, 100, 110], "acceptance_days": 3},
            "calendar": {"closures": ["2026-02-30", "2026-12-24"]},
            "colour": "#000000",
            "customer_reports": "yes"
        }"##;
        let (config, issues) = read_config(text);
        assert_eq!(
            messages(&issues),
            [
                "$.colour: not a known setting (known here: $schema, version, brand, contact, pricing, default_language, schedule, calendar, lenses, customer_reports)",
                "$.brand.logo: must be a path relative to the page, such as logo.svg (no scheme, host or leading /)",
                "$.brand.colour: contrast with the page is 1.4:1; text needs at least 4.5:1 (WCAG AA), so choose a darker colour",
                "$.contact.email: not an e-mail address",
                "$.pricing.day_rate: -5 is out of range; expected 0.01 to 1000000000",
                "$.default_language: “fr” is not one of en, zh-CN",
                "$.schedule.lead_time_days: 10.5 is not a whole number",
                "$.schedule.managed_offsets: each number must be larger than the one before",
                "$.calendar.closures[0]: “2026-02-30” is not a date (YYYY-MM-DD)",
                "$.customer_reports: expected a boolean, found a string",
            ]
        );
        // What was right is kept.
        assert_eq!(config.brand.name, Some(Text::Plain("Acme".into())));
        assert_eq!(config.brand.colour, None);
        assert_eq!(config.contact.phone.as_deref(), Some("+86 10 1234"));
        assert_eq!(config.pricing, None);
        assert_eq!(config.default_language, None);
        assert_eq!(config.rules.lead_time_days, 15);
        assert_eq!(config.rules.acceptance_days, 3);
        assert_eq!(
            config.rules.managed_offsets,
            Rules::default().managed_offsets
        );
        assert_eq!(config.closures, [d("2026-12-24")]);
    }

    #[test]
    fn broken_or_newer_files_give_every_default() {
        for (text, first) in [
            (
                "{ \"brand\": ",
                "$: not valid JSON at line 1, column 11: the text ends before the JSON does",
            ),
            ("[]", "$: expected an object, found an array"),
            (
                r#"{"version": 2, "pricing": {"currency": "CNY", "day_rate": 100}}"#,
                "$.version: version “2” is not supported (this program reads 1)",
            ),
        ] {
            let (config, issues) = read_config(text);
            assert_eq!(config, Config::default(), "{text}");
            assert_eq!(messages(&issues), [first], "{text}");
        }
    }

    #[test]
    fn a_year_of_official_data_replaces_the_provisional_calendar() {
        // 2027 as a sales team would add it once the State Council publishes it (illustrative
        // dates: Spring Festival 2027 falls on 6 February).
        let text = r#"{"calendar": {"official": [{
            "year": 2027,
            "source": {"title": "illustrative", "number": "test"},
            "holidays": [
                {"holiday": "new_year", "from": "2027-01-01", "to": "2027-01-03"},
                {"holiday": "spring_festival", "from": "2027-02-05", "to": "2027-02-12"}
            ],
            "workdays": [{"date": "2027-02-14", "holiday": "spring_festival"}]
        }]}}"#;
        let (config, issues) = read_config(text);
        assert!(issues.is_empty(), "{:?}", messages(&issues));
        let base = Calendar::cn_mainland();
        assert!(!base.is_official(2027));
        let cal = config.calendar(&base);
        assert!(cal.is_official(2027));
        assert!(!cal.is_working(d("2027-02-05")));
        assert!(
            cal.is_working(d("2027-02-14")),
            "an adjusted Sunday is worked"
        );
        let r = cal.add(d("2027-02-04"), 1).unwrap();
        // Feb 5–12 are off, Saturday the 13th is not worked, Sunday the 14th is.
        assert_eq!((r.date, r.provisional), (d("2027-02-14"), false));
    }

    #[test]
    fn a_year_with_a_problem_is_left_out_whole() {
        let text = r#"{"calendar": {"official": [{
            "year": 2027,
            "holidays": [
                {"holiday": "new_year", "from": "2027-01-01", "to": "2027-01-01"},
                {"holiday": "spring_festival", "from": "2027-02-12", "to": "2027-02-05"}
            ]
        }]}}"#;
        let (config, issues) = read_config(text);
        assert_eq!(
            messages(&issues),
            [
                "$.calendar.official[0].holidays[1]: the range must be in its year, from ≤ to, at most a month"
            ]
        );
        assert!(config.official_years.is_empty());
    }

    #[test]
    fn closures_are_days_off_on_top_of_the_national_calendar() {
        let (config, _) = read_config(r#"{"calendar": {"closures": ["2026-12-31"]}}"#);
        let cal = config.calendar(&Calendar::cn_mainland());
        assert!(!cal.is_working(d("2026-12-31")));
        assert!(Calendar::cn_mainland().is_working(d("2026-12-31")));
    }

    #[test]
    fn day_rates_name_the_built_in_pillars() {
        let ms = crate::domain::lens::Lens::from_json(include_str!(
            "../../public/lenses/managed-services.json"
        ))
        .unwrap();
        let mut ids: Vec<String> = [crate::domain::builtin::well_architected(), &ms]
            .iter()
            .flat_map(|l| l.pillars.iter().map(|p| p.id.clone()))
            .collect();
        ids.sort_unstable();
        let mut known: Vec<String> = PILLARS.iter().map(|s| (*s).to_owned()).collect();
        known.sort_unstable();
        assert_eq!(ids, known);
        let (config, issues) = read_config(
            r#"{"pricing": {"currency": "CNY", "day_rate": 100, "pillar_day_rates": {"securty": 200}},
                "default_language": "zh-TW"}"#,
        );
        assert_eq!(
            messages(&issues),
            [
                "$.pricing.pillar_day_rates.securty: not a known setting (known here: security, reliability, cost_optimization, operational_excellence, performance_efficiency, technology_management, continuous_improvement, service_delivery, it_governance)",
                "$.default_language: “zh-TW” is not one of en, zh-CN",
            ]
        );
        assert!(config.pricing.unwrap().rate.per_pillar.is_empty());
    }

    #[test]
    fn quote_prices_are_read_member_by_member() {
        let (config, issues) = read_config(
            r#"{"pricing": {"currency": "CNY", "day_rate": 4800,
                "consulting_price": 0, "module_prices": {"itg": 5, "it_governance": 90000},
                "tax": {"percent": 120}, "valid_days": 7.5},
                "schedule": {"managed_lead_time_days": 3}}"#,
        );
        assert_eq!(
            messages(&issues),
            [
                "$.pricing.consulting_price: 0 is out of range; expected 0.01 to 100000000000",
                "$.pricing.module_prices.itg: not a known setting (known here: technology_management, continuous_improvement, service_delivery, it_governance)",
                "$.pricing.tax.percent: 120 is out of range; expected 0 to 100",
                "$.pricing.valid_days: 7.5 is not a whole number",
            ]
        );
        let p = config.pricing.unwrap();
        assert_eq!(p.consulting, None);
        assert_eq!(p.modules.get("it_governance"), Some(&90_000.0));
        assert_eq!(p.tax, None);
        assert_eq!(p.valid_days, DEFAULT_VALID_DAYS);
        assert_eq!(config.rules.managed_lead_time_days, 3);
    }

    #[test]
    fn the_module_prices_name_the_catalogue_modules() {
        let cat = crate::domain::catalogue::Catalogue::from_json(include_str!(
            "../../public/catalogue.json"
        ))
        .unwrap();
        let ids: Vec<&str> = cat
            .offering(crate::domain::catalogue::MANAGED)
            .unwrap()
            .modules
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, MODULES);
    }

    #[test]
    fn colours_parse_and_contrast_is_measured() {
        assert_eq!(Colour::parse("#abc").unwrap().hex(), "#aabbcc");
        assert_eq!(Colour::parse("#0B5CAD").unwrap().hex(), "#0b5cad");
        for bad in ["0b5cad", "#0b5ca", "#ggg", "red", "#0b5cad00"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
        let white = Colour {
            r: 255,
            g: 255,
            b: 255,
        };
        let black = Colour { r: 0, g: 0, b: 0 };
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        // The default brand colour passes on the page background; a yellow does not.
        assert!(Colour::parse("#0b5cad").unwrap().contrast(PAGE_BACKGROUND) >= MIN_CONTRAST);
        assert!(Colour::parse("#ffcc00").unwrap().contrast(PAGE_BACKGROUND) < MIN_CONTRAST);
    }
}
