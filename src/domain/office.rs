//! Every Office file the app writes, as one request to one Office worker (issue 14).
//!
//! The web app writes workbooks and Word documents in a separate wasm module, the Office worker
//! (`src/bin/office_worker.rs`), started on the first download, so that neither the xlsx writer
//! nor the documents' builders and texts are part of the first load. The page posts a
//! [`Request`] as JSON; the worker answers with the file's bytes or a message.
//!
//! A document is asked for with the **bundle file's own text**, the site's catalogue and config
//! texts, as the command-line tool reads them from disk, and [`write_document`] builds it with
//! the same code as `preflight report` ([`document`]). So a consultant gets, byte for byte, the
//! same `.docx` from the workspace as from the command line, for the same bundle, catalogue and
//! config (tested in `tests/e2e/specs/documents.spec.ts`). The customer's own workload is
//! exported to a bundle first, exactly as the "Export for the consultant" button does, and
//! shown as of today rather than as of an export.
//!
//! Which documents a workload has ([`available`]) is decided here too, without the documents'
//! code, so that the page offers only what the worker will write.

use crate::domain::catalogue::Selection;
use crate::domain::sheet::Book;
use crate::domain::text::Lang;
use serde_json::{Map, Value};

/// A Word document of the engagement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Report {
    /// The Investigation Report: profile, scope, every question's current state, the risks.
    Investigation,
    /// The Well-Architected Consulting Report: scores, findings, the costed plan, services.
    Consulting,
    /// The Well-Architected Implementation Plan, for all chosen pillar packages.
    Implementation,
    /// The proposal: the chosen services, why, the schedule and the quote.
    Proposal,
}

impl Report {
    /// Every document, in the order the app lists them.
    pub const ALL: [Report; 4] = [
        Report::Proposal,
        Report::Investigation,
        Report::Consulting,
        Report::Implementation,
    ];

    /// Its id: in requests, test ids and file names.
    pub fn id(self) -> &'static str {
        match self {
            Report::Investigation => "investigation",
            Report::Consulting => "consulting",
            Report::Implementation => "implementation",
            Report::Proposal => "proposal",
        }
    }

    /// The document of an id.
    pub fn from_id(id: &str) -> Option<Report> {
        Report::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The documents a workload has: the reports always (when `reports`, i.e. for the consultant
/// or where the sales team lets customers have them), the Implementation Plan only with a
/// pillar package chosen, and the proposal with any service chosen.
pub fn available(services: &Selection, reports: bool) -> Vec<Report> {
    Report::ALL
        .into_iter()
        .filter(|r| match r {
            Report::Proposal => !services.is_empty(),
            Report::Implementation => reports && !services.packages.is_empty(),
            Report::Investigation | Report::Consulting => reports,
        })
        .collect()
}

/// A Word document asked of the worker: what `preflight report` is given on its command line.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRequest {
    /// Which document.
    pub report: Report,
    /// The bundle file's text, as imported or exported.
    pub bundle: String,
    /// Which of the file's bundles (a backup holds several).
    pub index: usize,
    /// Whether it is the user's own workload (shown as of today) rather than an import (as of
    /// its export).
    pub own: bool,
    /// The site's `catalogue.json`, if it was fetched (else the built-in one).
    pub catalogue: Option<String>,
    /// The site's `config.json`, if there is one.
    pub config: Option<String>,
    /// The document's language; `None`: the deliverable language the customer chose.
    pub lang: Option<Lang>,
    /// The language when the customer chose none (the interface's).
    pub fallback: Lang,
    /// The clock, in milliseconds since the epoch (for the user's own workload).
    pub now: f64,
}

/// What the page asks the Office worker for.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// A workbook.
    Workbook(Book),
    /// A Word document.
    Document(DocumentRequest),
}

impl Request {
    /// The request as the JSON text posted to the worker.
    pub fn to_json(&self) -> String {
        let mut m = Map::new();
        match self {
            Request::Workbook(book) => {
                m.insert("kind".into(), "workbook".into());
                m.insert("book".into(), book.to_value());
            }
            Request::Document(d) => {
                m.insert("kind".into(), "document".into());
                m.insert("report".into(), d.report.id().into());
                m.insert("bundle".into(), d.bundle.as_str().into());
                m.insert("index".into(), d.index.into());
                m.insert("own".into(), d.own.into());
                m.insert("catalogue".into(), d.catalogue.clone().into());
                m.insert("config".into(), d.config.clone().into());
                m.insert("lang".into(), d.lang.map(Lang::tag).into());
                m.insert("fallback".into(), d.fallback.tag().into());
                m.insert("now".into(), d.now.into());
            }
        }
        Value::Object(m).to_string()
    }

    /// Reads a request. It comes from the app itself, so a wrong one is the app's bug: the
    /// message names the member for the developer.
    pub fn from_json(text: &str) -> Result<Request, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let get = |key: &str| value.get(key).ok_or_else(|| format!("$.{key}: missing"));
        let string = |key: &str| {
            get(key)?
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("$.{key}: not a string"))
        };
        let optional = |key: &str| match value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("$.{key}: not a string")),
        };
        let lang = |tag: Option<String>, key: &str| match tag {
            None => Ok(None),
            Some(t) => Lang::from_tag(&t)
                .map(Some)
                .ok_or_else(|| format!("$.{key}: not a language")),
        };
        match string("kind")?.as_str() {
            "workbook" => Book::from_value(get("book")?)
                .map(Request::Workbook)
                .map_err(|issues| {
                    issues
                        .iter()
                        .map(|i| format!("{}: {:?}", i.path, i.problem))
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
            "document" => Ok(Request::Document(DocumentRequest {
                report: Report::from_id(&string("report")?)
                    .ok_or_else(|| "$.report: not a document".to_owned())?,
                bundle: string("bundle")?,
                index: get("index")?
                    .as_u64()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| "$.index: not an index".to_owned())?,
                own: get("own")?
                    .as_bool()
                    .ok_or_else(|| "$.own: not true or false".to_owned())?,
                catalogue: optional("catalogue")?,
                config: optional("config")?,
                lang: lang(optional("lang")?, "lang")?,
                fallback: lang(Some(string("fallback")?), "fallback")?.unwrap_or(Lang::En),
                now: get("now")?
                    .as_f64()
                    .ok_or_else(|| "$.now: not a number".to_owned())?,
            })),
            other => Err(format!("$.kind: unknown request “{other}”")),
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub use documents::*;

/// Building the documents: in the command-line tool and the Office worker only.
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
mod documents {
    use super::{DocumentRequest, Report, Request};
    use crate::domain::asof::{Origin, as_of};
    use crate::domain::builtin::{WELL_ARCHITECTED_ID, well_architected};
    use crate::domain::bundle::Bundle;
    use crate::domain::calendar::{Calendar, format_date};
    use crate::domain::catalogue::{CONSULTING, Catalogue};
    use crate::domain::config::Config;
    use crate::domain::document::Document;
    use crate::domain::lens::Lens;
    use crate::domain::reports::{Source, consulting, implementation, investigation, proposal};
    use crate::domain::rules::Rules;
    use crate::domain::schedule::of_selection;
    use crate::domain::text::Lang;
    use crate::i18n::Msg;

    /// What every document is built with besides its bundle: the site's (or the command
    /// line's) config and catalogue.
    pub struct Context {
        /// The provider's calendar, with the config's additions.
        pub calendar: Calendar,
        /// The scheduling rules.
        pub rules: Rules,
        /// The service catalogue.
        pub catalogue: Catalogue,
        /// The config, for the brand.
        pub config: Option<Config>,
    }

    impl Context {
        /// The context of a config (`None`: the defaults) and a catalogue.
        pub fn new(config: Option<Config>, catalogue: Catalogue) -> Context {
            let base = Calendar::cn_mainland();
            Context {
                calendar: config.as_ref().map_or(base.clone(), |c| c.calendar(&base)),
                rules: config.as_ref().map(|c| c.rules.clone()).unwrap_or_default(),
                catalogue,
                config,
            }
        }
    }

    /// Why a workload has no such document.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Refusal {
        /// No pillar package is chosen: no Implementation Plan.
        NoPackages,
        /// No service is chosen: no proposal.
        NoServices,
    }

    /// The language of a bundle's documents: `lang` if given, else the deliverable language the
    /// customer chose for consulting, else `fallback`.
    pub fn document_lang(
        bundle: &Bundle,
        catalogue: &Catalogue,
        lang: Option<Lang>,
        fallback: Lang,
    ) -> Lang {
        lang.or_else(|| {
            catalogue
                .offering(CONSULTING)
                .and_then(|o| bundle.workload.services.deliverable_language(o))
        })
        .unwrap_or(fallback)
    }

    /// One document of a bundle, in `lang`: as of its export, or of `now` for the user's own
    /// workload (`own`).
    pub fn document(
        report: Report,
        bundle: &Bundle,
        ctx: &Context,
        lang: Lang,
        own: bool,
        now: f64,
    ) -> Result<Document, Refusal> {
        let mut lenses: Vec<&Lens> = Vec::new();
        for r in &bundle.lenses {
            if r.id == WELL_ARCHITECTED_ID {
                lenses.push(well_architected());
            } else if let Some(l) = bundle.embedded_lens(&r.id) {
                lenses.push(l);
            }
        }
        if lenses.is_empty() {
            lenses.push(well_architected());
        }
        let origin = if own {
            Origin::Own
        } else {
            Origin::Imported {
                exported_at: &bundle.exported_at,
            }
        };
        let when = as_of(origin, now);
        let date = format_date(when.date());
        let schedule = of_selection(&ctx.calendar, &ctx.rules, &bundle.workload.services, when)
            .and_then(Result::ok);
        let brand = ctx
            .config
            .as_ref()
            .and_then(|c| c.brand.name.as_ref())
            .map_or(Msg::AppName.text(lang), |n| n.get(lang));
        let src = Source {
            workload: &bundle.workload,
            lenses: &lenses,
            catalogue: &ctx.catalogue,
            brand,
            date: &date,
            exported: when.is_export(),
            lang,
            rate: bundle.pricing.as_ref().map(|p| &p.rate),
            rules: &ctx.rules,
            schedule: schedule.as_ref(),
            prices: bundle.pricing.as_ref(),
        };
        match report {
            Report::Investigation => Ok(investigation(&src)),
            Report::Consulting => Ok(consulting(&src)),
            Report::Implementation => implementation(&src).ok_or(Refusal::NoPackages),
            Report::Proposal => proposal(&src).ok_or(Refusal::NoServices),
        }
    }

    /// The built-in catalogue (`public/catalogue.json` as the app ships it).
    pub fn builtin_catalogue() -> Result<Catalogue, Vec<crate::domain::validate::Issue>> {
        Catalogue::from_json(include_str!("../../public/catalogue.json"))
    }

    /// What the Office worker answers a request with: the file's bytes, or what went wrong (the
    /// first problem, by path, in the document's language where the user can act on it).
    pub fn write(request: &Request) -> Result<Vec<u8>, String> {
        match request {
            Request::Workbook(book) => book.to_xlsx(),
            Request::Document(d) => write_document(d),
        }
    }

    /// A Word document of a request (see the module doc).
    pub fn write_document(d: &DocumentRequest) -> Result<Vec<u8>, String> {
        let first = |issues: Vec<crate::domain::validate::Issue>, file: &str| {
            let lang = d.lang.unwrap_or(d.fallback);
            issues.first().map_or_else(String::new, |i| {
                format!("{file}: {}", crate::i18n::issue_text(i, lang))
            })
        };
        let mut bundles =
            crate::domain::bundle::import(&d.bundle).map_err(|i| first(i, "bundle"))?;
        if d.index >= bundles.len() {
            return Err(format!("bundle: no workload {}", d.index));
        }
        let bundle = bundles.swap_remove(d.index);
        let catalogue = match &d.catalogue {
            Some(text) => Catalogue::from_json(text).map_err(|i| first(i, "catalogue.json"))?,
            None => builtin_catalogue().map_err(|i| first(i, "catalogue.json"))?,
        };
        // The app has already shown the config's problems; the rest of the file is used, as
        // the app uses it.
        let config = d
            .config
            .as_deref()
            .map(|t| crate::domain::config::read_config(t).0);
        let ctx = Context::new(config, catalogue);
        let lang = document_lang(&bundle, &ctx.catalogue, d.lang, d.fallback);
        let doc =
            document(d.report, &bundle, &ctx, lang, d.own, d.now).map_err(|r| format!("{r:?}"))?;
        crate::domain::docx::write(&doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLE: &str = include_str!("../../tests/fixtures/bundles/acme-web-shop.json");

    fn request(report: Report) -> DocumentRequest {
        DocumentRequest {
            report,
            bundle: BUNDLE.to_owned(),
            index: 0,
            own: false,
            catalogue: None,
            config: None,
            lang: None,
            fallback: Lang::En,
            now: 0.0,
        }
    }

    #[test]
    fn a_request_reads_back_as_posted() {
        for report in Report::ALL {
            let mut d = request(report);
            d.config = Some("{}".into());
            d.lang = Some(Lang::ZhCn);
            let r = Request::Document(d);
            assert_eq!(Request::from_json(&r.to_json()), Ok(r));
        }
        assert_eq!(
            Request::from_json(r#"{"kind":"document","report":"memo"}"#),
            Err("$.report: not a document".into())
        );
        assert_eq!(
            Request::from_json(r#"{"kind":"poster"}"#),
            Err("$.kind: unknown request “poster”".into())
        );
    }

    #[test]
    fn the_documents_offered_follow_the_selection_and_the_config() {
        let bundle = crate::domain::bundle::import(BUNDLE).unwrap().remove(0);
        let services = &bundle.workload.services;
        assert!(!services.packages.is_empty(), "the fixture has packages");
        assert_eq!(
            available(services, true),
            [
                Report::Proposal,
                Report::Investigation,
                Report::Consulting,
                Report::Implementation
            ]
        );
        assert_eq!(available(services, false), [Report::Proposal]);
        assert_eq!(available(&Selection::default(), false), []);
        assert_eq!(
            available(&Selection::default(), true),
            [Report::Investigation, Report::Consulting]
        );
    }

    #[test]
    fn a_damaged_bundle_is_refused_by_path() {
        let mut d = request(Report::Proposal);
        d.bundle = d.bundle.replacen("\"workload\"", "\"workload_x\"", 1);
        let err = write_document(&d).unwrap_err();
        assert!(err.starts_with("bundle: $"), "{err}");
    }
}
