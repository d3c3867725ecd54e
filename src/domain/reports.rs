//! The engagement's documents, built from what a bundle holds, as [`Document`]s (issue 14).
//!
//! So far:
//! - the **Investigation Report** (seed 002's first deliverable): the workload's profile, the
//!   scope (the lenses assessed and the services chosen), the current state of every pillar
//!   (each question with its status, the practices in place, why it does not apply, and the
//!   customer's notes), then the risks;
//! - the **Well-Architected Consulting Report**: an executive summary with the scores per
//!   pillar, the findings per pillar (each risky question with the practices it lacks), the
//!   prioritised and costed improvement plan, and the services the results suggest.
//! - the **Well-Architected Implementation Plan**: one consolidated document for every chosen
//!   pillar package: the scope (packages, man-days, consultants), the schedule, then per
//!   pillar the investigation focus, the solution design outline, its man-days and the
//!   improvements it takes on, then the deliverables and the acceptance plan.
//! - the **proposal**: why each chosen service (the risks it answers), what it includes and
//!   excludes, what is still to prepare, the schedule and the quote with its totals, as the
//!   app's proposal page shows them.

use crate::domain::assessment::{Counts, Status, risky_questions, status, summarize};
use crate::domain::catalogue::{CONSULTING, Catalogue, IMPLEMENTATION, MANAGED, Offering, suggest};
use crate::domain::document::{Block, Column, Document, Table};
use crate::domain::format::{days, money};
use crate::domain::lens::{Lens, Risk};
use crate::domain::plan::{Rate, plan};
use crate::domain::quote::{Amount, PriceList, quote};
use crate::domain::rules::{Rules, rule_text};
use crate::domain::schedule::{Event, Schedule};
use crate::domain::text::Lang;
use crate::domain::workload::Workload;
use crate::i18n::{Msg, display_name, reason_msg, status_msg};

/// A table's columns: heading, width weight, and whether it holds numbers.
type Columns = &'static [(Msg, u16, bool)];

/// The columns in `lang`.
fn columns(lang: Lang, spec: Columns) -> Vec<Column> {
    spec.iter()
        .map(|&(heading, weight, numeric)| Column {
            heading: heading.text(lang).to_owned(),
            weight,
            numeric,
        })
        .collect()
}

const EVENT_COLUMNS: Columns = &[
    (Msg::ColEvent, 8, false),
    (Msg::ColDateUtc8, 4, false),
    (Msg::ColStatus, 3, false),
];
const SCORE_COLUMNS: Columns = &[
    (Msg::Pillar, 6, false),
    (Msg::High, 2, true),
    (Msg::Medium, 2, true),
    (Msg::NoRiskShort, 2, true),
    (Msg::NaShort, 2, true),
    (Msg::UnansweredShort, 3, true),
    (Msg::Score, 2, true),
];
const FINDING_COLUMNS: Columns = &[
    (Msg::ColQuestion, 8, false),
    (Msg::ColRisk, 3, false),
    (Msg::DocMissingPractices, 10, false),
];
const PLAN_COLUMNS: Columns = &[
    (Msg::ColNumber, 2, true),
    (Msg::ColPriority, 3, true),
    (Msg::Pillar, 4, false),
    (Msg::ColPractice, 7, false),
    (Msg::ColImprovement, 8, false),
    (Msg::ColEffort, 3, true),
    (Msg::ColCost, 4, true),
];
const QUOTE_COLUMNS: Columns = &[
    (Msg::ColItem, 9, false),
    (Msg::ColManDays, 3, true),
    (Msg::ColDayRate, 4, true),
    (Msg::ColAmount, 4, true),
];
const PACKAGE_COLUMNS: Columns = &[(Msg::ColItem, 8, false), (Msg::ColManDays, 3, true)];
const ACCEPTANCE_COLUMNS: Columns = &[
    (Msg::ColMilestone, 4, false),
    (Msg::ColContent, 7, false),
    (Msg::ColIndicator, 7, false),
];
const QUESTION_COLUMNS: Columns = &[
    (Msg::ColNumber, 2, true),
    (Msg::ColQuestion, 9, false),
    (Msg::ColStatus, 4, false),
    (Msg::ColSelected, 10, false),
    (Msg::Notes, 6, false),
];
const RISK_COLUMNS: Columns = &[
    (Msg::ColRisk, 3, false),
    (Msg::Pillar, 5, false),
    (Msg::ColQuestion, 12, false),
];

/// What every document of a workload is built from.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The workload.
    pub workload: &'a Workload,
    /// Its lenses: the built-in Well-Architected lens and those it carries.
    pub lenses: &'a [&'a Lens],
    /// The service catalogue, for the names of the chosen services.
    pub catalogue: &'a Catalogue,
    /// The brand the sales team configured, or the app's name.
    pub brand: &'a str,
    /// The date the documents are as of (`YYYY-MM-DD`): the bundle's export, or today.
    pub date: &'a str,
    /// Whether that date is the export's (the cover says "Exported by the customer on").
    pub exported: bool,
    /// The documents' language.
    pub lang: Lang,
    /// The day rates the customer's quote was priced with (`None`: man-days only).
    pub rate: Option<&'a Rate>,
    /// The scheduling rules (the catalogue's texts name them).
    pub rules: &'a Rules,
    /// The engagement's schedule as of the date, if services are chosen and it could be
    /// computed.
    pub schedule: Option<&'a Schedule>,
    /// The prices the customer's quote was computed with (`None`: man-days only).
    pub prices: Option<&'a PriceList>,
}

impl Source<'_> {
    fn text(&self, msg: Msg) -> String {
        msg.text(self.lang).to_owned()
    }

    /// The workload's answers to a lens and its ranking of the lens's pillars.
    fn inputs(&self, lens_id: &str) -> (crate::domain::assessment::Answers, Vec<String>) {
        let w = self.workload;
        (
            w.answers(lens_id).cloned().unwrap_or_default(),
            w.priorities.get(lens_id).cloned().unwrap_or_default(),
        )
    }

    /// A title page for `title`: the organisation, the contact and the date.
    fn document(&self, title: Msg, blocks: Vec<Block>) -> Document {
        let p = &self.workload.profile;
        let mut facts = Vec::new();
        for (label, value) in [
            (Msg::Organisation, &p.organisation),
            (Msg::ContactName, &p.contact_name),
            (Msg::ContactEmail, &p.contact_email),
        ] {
            if !value.trim().is_empty() {
                facts.push((self.text(label), value.trim().to_owned()));
            }
        }
        let dated = if self.exported {
            Msg::ReportExportedOn
        } else {
            Msg::ReportDate
        };
        facts.push((self.text(dated), self.date.to_owned()));
        Document {
            lang: self.lang,
            brand: self.brand.to_owned(),
            title: self.text(title),
            subtitle: display_name(self.workload, self.lang),
            facts,
            contents: self.text(Msg::DocContents),
            date: self.date.to_owned(),
            blocks,
        }
    }

    /// The profile: a table of its fields, then the description.
    fn profile(&self, out: &mut Vec<Block>) {
        let p = &self.workload.profile;
        out.push(Block::Heading(1, self.text(Msg::ProfileTitle)));
        let rows = [
            (Msg::Organisation, &p.organisation),
            (Msg::NameLabel, &p.workload),
            (Msg::ContactName, &p.contact_name),
            (Msg::ContactEmail, &p.contact_email),
        ]
        .into_iter()
        .map(|(label, value)| vec![self.text(label), value.trim().to_owned()])
        .collect();
        out.push(Block::Table(Table {
            columns: vec![Column::text("", 1), Column::text("", 3)],
            rows,
        }));
        if !p.description.trim().is_empty() {
            out.push(Block::Heading(2, self.text(Msg::Description)));
            out.push(Block::Paragraph(p.description.trim().to_owned()));
        }
    }

    /// The scope: the lenses assessed and the services chosen.
    fn scope(&self, out: &mut Vec<Block>) {
        let lang = self.lang;
        out.push(Block::Heading(1, self.text(Msg::DocScope)));
        out.push(Block::Heading(2, self.text(Msg::DocLensesAssessed)));
        out.push(Block::Bullets(
            self.lenses
                .iter()
                .map(|l| {
                    let questions: usize = l.pillars.iter().map(|p| p.questions.len()).sum();
                    Msg::DocLensLine.fill(
                        lang,
                        &[
                            ("lens", l.name.get(lang)),
                            ("pillars", &l.pillars.len().to_string()),
                            ("questions", &questions.to_string()),
                        ],
                    )
                })
                .collect(),
        ));
        self.scope_services(out, Msg::DocServicesChosen);
    }

    /// The services the customer chose, under a heading.
    fn scope_services(&self, out: &mut Vec<Block>, heading: Msg) {
        let lang = self.lang;
        out.push(Block::Heading(2, self.text(heading)));
        let s = &self.workload.services;
        let mut services = Vec::new();
        if s.consulting {
            services.push(self.text(Msg::ServiceConsulting));
        }
        let wa = crate::domain::builtin::well_architected();
        for pillar in s.packages.keys() {
            let name = wa
                .pillars
                .iter()
                .find(|p| &p.id == pillar)
                .map_or(pillar.as_str(), |p| p.name.get(lang));
            services.push(Msg::PackageFor.fill(lang, &[("pillar", name)]));
        }
        let managed = self.catalogue.offering(MANAGED);
        for module in &s.modules {
            let name = managed
                .and_then(|o| o.modules.iter().find(|m| &m.id == module))
                .map_or(module.as_str(), |m| m.name.get(lang));
            services.push(name.to_owned());
        }
        if services.is_empty() {
            out.push(Block::Paragraph(self.text(Msg::DocNoServices)));
        } else {
            out.push(Block::Bullets(services));
        }
    }
}

/// How a question stands, in words: the risk, or why it does not apply.
fn status_text(st: Status, lang: Lang) -> String {
    match st {
        Status::NotApplicable(reason) => format!(
            "{}: {}",
            status_msg(st).text(lang),
            reason_msg(reason).text(lang)
        ),
        _ => status_msg(st).text(lang).to_owned(),
    }
}

/// A score as printed: `72`, or `–` when nothing was answered.
fn score(c: &Counts) -> String {
    c.score().map_or_else(|| "–".to_owned(), |v| v.to_string())
}

/// The Well-Architected Consulting Report.
pub fn consulting(src: &Source<'_>) -> Document {
    let lang = src.lang;
    let mut blocks = Vec::new();
    let several = src.lenses.len() > 1;
    let currency = src.rate.map_or("", |r| r.currency.as_str());
    // Executive summary: the counts and score of every pillar, and the overall result.
    blocks.push(Block::Heading(1, src.text(Msg::DocExecutiveSummary)));
    for lens in src.lenses {
        let answers = src.workload.answers(&lens.id).cloned().unwrap_or_default();
        let s = summarize(lens, &answers);
        if several {
            blocks.push(Block::Heading(2, lens.name.get(lang).to_owned()));
        }
        let o = &s.overall;
        blocks.push(Block::Paragraph(Msg::DocSummaryLine.fill(
            lang,
            &[
                ("high", &o.high.to_string()),
                ("medium", &o.medium.to_string()),
                ("unanswered", &o.unanswered.to_string()),
                ("score", &score(o)),
            ],
        )));
        let mut rows: Vec<Vec<String>> = s
            .pillars
            .iter()
            .zip(&lens.pillars)
            .map(|(ps, p)| {
                let c = &ps.counts;
                vec![
                    p.name.get(lang).to_owned(),
                    c.high.to_string(),
                    c.medium.to_string(),
                    c.none.to_string(),
                    c.not_applicable.to_string(),
                    c.unanswered.to_string(),
                    score(c),
                ]
            })
            .collect();
        rows.push(vec![
            src.text(Msg::Overall),
            o.high.to_string(),
            o.medium.to_string(),
            o.none.to_string(),
            o.not_applicable.to_string(),
            o.unanswered.to_string(),
            score(o),
        ]);
        blocks.push(Block::Table(Table {
            columns: columns(lang, SCORE_COLUMNS),
            rows,
        }));
        blocks.push(Block::Note(src.text(Msg::ScoreRule)));
    }
    // Findings: per pillar, each risky question and the practices it lacks.
    blocks.push(Block::Heading(1, src.text(Msg::DocFindings)));
    for lens in src.lenses {
        let (answers, ranking) = src.inputs(&lens.id);
        let p = plan(lens, &answers, &ranking, src.rate);
        if several {
            blocks.push(Block::Heading(2, lens.name.get(lang).to_owned()));
        }
        for (pi, pillar) in lens.pillars.iter().enumerate() {
            blocks.push(Block::Heading(
                if several { 3 } else { 2 },
                pillar.name.get(lang).to_owned(),
            ));
            let mut rows = Vec::new();
            for (qi, q) in pillar.questions.iter().enumerate() {
                let st = status(q, answers.get(&q.id));
                if !matches!(st, Status::Answered(Risk::High | Risk::Medium)) {
                    continue;
                }
                let missing: Vec<&str> = p
                    .items
                    .iter()
                    .filter(|it| it.pillar == pi && it.question == qi)
                    .map(|it| q.choices[it.choice].title.get(lang))
                    .collect();
                rows.push(vec![
                    q.title.get(lang).to_owned(),
                    status_msg(st).text(lang).to_owned(),
                    missing.join("\n"),
                ]);
            }
            if rows.is_empty() {
                blocks.push(Block::Paragraph(src.text(Msg::DocPillarNoRisks)));
            } else {
                blocks.push(Block::Table(Table {
                    columns: columns(lang, FINDING_COLUMNS),
                    rows,
                }));
            }
        }
    }
    // The improvement plan, in priority order, with effort and cost.
    blocks.push(Block::Heading(1, src.text(Msg::DocImprovementPlan)));
    blocks.push(Block::Note(src.text(Msg::DocPlanIntro)));
    for lens in src.lenses {
        let (answers, ranking) = src.inputs(&lens.id);
        let p = plan(lens, &answers, &ranking, src.rate);
        if several {
            blocks.push(Block::Heading(2, lens.name.get(lang).to_owned()));
        }
        if p.items.is_empty() {
            blocks.push(Block::Paragraph(src.text(Msg::DocNoRisks)));
            continue;
        }
        let mut rows: Vec<Vec<String>> = p
            .items
            .iter()
            .enumerate()
            .map(|(n, it)| {
                let pillar = &lens.pillars[it.pillar];
                let choice = &pillar.questions[it.question].choices[it.choice];
                vec![
                    (n + 1).to_string(),
                    it.priority.number().to_string(),
                    pillar.name.get(lang).to_owned(),
                    choice.title.get(lang).to_owned(),
                    choice
                        .improvement_plan
                        .as_ref()
                        .map_or_else(String::new, |r| r.text.get(lang).to_owned()),
                    it.effort.map_or_else(String::new, days),
                    it.cost.map_or_else(String::new, |c| money(c, currency)),
                ]
            })
            .collect();
        rows.push(vec![
            String::new(),
            String::new(),
            src.text(Msg::Overall),
            Msg::DocItems.fill(lang, &[("n", &p.total.items.to_string())]),
            String::new(),
            days(p.total.effort),
            p.total
                .cost
                .map_or_else(String::new, |c| money(c, currency)),
        ]);
        blocks.push(Block::Table(Table {
            columns: columns(lang, PLAN_COLUMNS),
            rows,
        }));
    }
    // What the results suggest buying.
    blocks.push(Block::Heading(1, src.text(Msg::DocRecommendedServices)));
    let wa = crate::domain::builtin::well_architected();
    if let Some(lens) = src.lenses.iter().find(|l| l.id == wa.id) {
        let (answers, ranking) = src.inputs(&lens.id);
        let sg = suggest(lens, &answers, &ranking);
        let mut items = Vec::new();
        if sg.consulting {
            items.push(src.text(Msg::ServiceConsulting));
        }
        for pkg in &sg.packages {
            let name = lens
                .pillars
                .iter()
                .find(|p| p.id == pkg.pillar)
                .map_or(pkg.pillar.as_str(), |p| p.name.get(lang));
            items.push(Msg::DocSuggestedPackage.fill(
                lang,
                &[
                    ("service", &Msg::PackageFor.fill(lang, &[("pillar", name)])),
                    ("high", &pkg.high_risks.to_string()),
                    ("days", &days(pkg.man_days)),
                ],
            ));
        }
        if items.is_empty() {
            blocks.push(Block::Paragraph(src.text(Msg::DocNothingSuggested)));
        } else {
            blocks.push(Block::Bullets(items));
        }
    }
    src.scope_services(&mut blocks, Msg::DocServicesChosen);
    src.document(Msg::EvConsultingReport, blocks)
}

/// A table of dated events: what, the date (UTC+8), and whether it is provisional.
fn events_table<'a>(
    events: impl Iterator<Item = &'a crate::domain::schedule::Dated>,
    lang: Lang,
) -> Block {
    Block::Table(Table {
        columns: columns(lang, EVENT_COLUMNS),
        rows: events
            .map(|e| {
                vec![
                    crate::i18n::event_msg(e.event).text(lang).to_owned(),
                    crate::domain::calendar::format_date(e.date),
                    if e.provisional {
                        Msg::Provisional.text(lang).to_owned()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect(),
    })
}

/// Why the customer is offered `offering`: the risks it answers.
fn reasons(src: &Source<'_>, offering: &Offering) -> Vec<String> {
    let lang = src.lang;
    let sel = &src.workload.services;
    let wa = crate::domain::builtin::well_architected();
    let answers_of = |id: &str| src.workload.answers(id).cloned().unwrap_or_default();
    let line = |(r, q): (Risk, &crate::domain::lens::Question)| {
        let level = if r == Risk::High {
            Msg::High
        } else {
            Msg::Medium
        };
        Msg::DocRiskLine.fill(
            lang,
            &[("risk", level.text(lang)), ("question", q.title.get(lang))],
        )
    };
    match offering.id.as_str() {
        CONSULTING => {
            let s = summarize(wa, &answers_of(&wa.id)).overall;
            vec![Msg::ProposalConsultingWhy.fill(
                lang,
                &[
                    ("high", &s.high.to_string()),
                    ("medium", &s.medium.to_string()),
                    ("open", &s.unanswered.to_string()),
                ],
            )]
        }
        IMPLEMENTATION => {
            let answers = answers_of(&wa.id);
            sel.packages
                .keys()
                .flat_map(|p| risky_questions(wa, p, &answers))
                .map(line)
                .collect()
        }
        MANAGED => {
            let id = crate::domain::builtin::MANAGED_SERVICES.id;
            let answers = answers_of(id);
            src.lenses
                .iter()
                .find(|l| l.id == id)
                .map_or_else(Vec::new, |lens| {
                    sel.modules
                        .iter()
                        .flat_map(|m| risky_questions(lens, m, &answers))
                        .map(line)
                        .collect()
                })
        }
        _ => Vec::new(),
    }
}

/// The proposal, or `None` when no service is chosen.
pub fn proposal(src: &Source<'_>) -> Option<Document> {
    let lang = src.lang;
    let sel = &src.workload.services;
    if sel.is_empty() {
        return None;
    }
    let text = |t: &crate::domain::text::Text| rule_text(t, lang, src.rules);
    let mut blocks = Vec::new();
    blocks.push(Block::Note(src.text(Msg::ProposalIntro)));
    if !src.workload.profile.description.trim().is_empty() {
        blocks.push(Block::Paragraph(
            src.workload.profile.description.trim().to_owned(),
        ));
    }
    for o in sel
        .offerings()
        .into_iter()
        .filter_map(|id| src.catalogue.offering(id))
    {
        blocks.push(Block::Heading(1, o.name.get(lang).to_owned()));
        blocks.push(Block::Paragraph(text(&o.summary)));
        blocks.push(Block::Note(text(&o.duration)));
        blocks.push(Block::Heading(2, src.text(Msg::ProposalWhy)));
        let why = reasons(src, o);
        if why.is_empty() {
            blocks.push(Block::Paragraph(src.text(Msg::ProposalNoRisks)));
        } else {
            blocks.push(Block::Bullets(why));
        }
        let mut facts = Vec::new();
        let onsite = match o.id.as_str() {
            CONSULTING => sel.onsite_days,
            IMPLEMENTATION => sel.implementation_onsite_days,
            _ => 0,
        };
        if onsite > 0 {
            facts.push(Msg::ProposalOnsite.fill(lang, &[("n", &onsite.to_string())]));
        }
        let language = match sel.deliverable_language(o) {
            Some(Lang::En) => Msg::LanguageEnglish,
            Some(Lang::ZhCn) => Msg::LanguageChinese,
            None => Msg::ProposalLanguageOpen,
        };
        facts.push(Msg::ProposalLanguage.fill(lang, &[("language", language.text(lang))]));
        blocks.extend(facts.into_iter().map(Block::Paragraph));
        blocks.push(Block::Heading(2, src.text(Msg::Included)));
        blocks.push(Block::Bullets(o.included.iter().map(text).collect()));
        blocks.push(Block::Heading(2, src.text(Msg::Excluded)));
        blocks.push(Block::Bullets(o.excluded.iter().map(text).collect()));
        blocks.push(Block::Note(src.text(if sel.acknowledged.contains(&o.id) {
            Msg::ProposalAcknowledged
        } else {
            Msg::ProposalNotAcknowledged
        })));
        blocks.push(Block::Heading(2, src.text(Msg::ProposalOpenPrerequisites)));
        let open: Vec<String> = o
            .prerequisites
            .iter()
            .filter(|p| !sel.prerequisites.contains(&format!("{}/{}", o.id, p.id)))
            .map(|p| text(&p.text))
            .collect();
        if open.is_empty() {
            blocks.push(Block::Paragraph(src.text(Msg::ProposalAllReady)));
        } else {
            blocks.push(Block::Bullets(open));
        }
    }
    // When: every event of the schedule.
    blocks.push(Block::Heading(1, src.text(Msg::NavSchedule)));
    blocks.push(Block::Note(src.text(Msg::ServiceHoursFixed)));
    match src.schedule {
        Some(s) => {
            blocks.push(events_table(s.events.iter(), lang));
            if s.provisional() {
                blocks.push(Block::Note(src.text(Msg::ProvisionalWarning)));
            }
        }
        None => blocks.push(Block::Paragraph(src.text(Msg::DocNoSchedule))),
    }
    // What it costs.
    blocks.push(Block::Heading(1, src.text(Msg::QuoteTitle)));
    let as_of = crate::domain::calendar::parse_date(src.date).unwrap_or_default();
    let q = quote(sel, src.prices, src.rules, as_of);
    let wa = crate::domain::builtin::well_architected();
    let currency = q.priced.as_ref().map_or("", |p| p.currency.as_str());
    let amount = |m: crate::domain::quote::Money| money(m.amount(), currency);
    let mut rows: Vec<Vec<String>> = q
        .lines
        .iter()
        .map(|l| {
            let mut name = crate::i18n::quote_item(&l.item, Some(src.catalogue), wa, lang);
            if l.item.is_onsite() {
                name = format!("{name} ({})", Msg::QuotePackageDays.text(lang));
            }
            vec![
                name,
                l.man_days.map_or_else(String::new, |d| d.to_string()),
                l.day_rate.map_or_else(String::new, amount),
                match l.amount {
                    Amount::Priced(m) => amount(m),
                    Amount::OnRequest => src.text(Msg::OnRequest),
                    Amount::Unpriced => String::new(),
                },
            ]
        })
        .collect();
    rows.push(vec![
        src.text(Msg::QuoteManDays),
        q.man_days.to_string(),
        String::new(),
        String::new(),
    ]);
    let mut notes = Vec::new();
    match &q.priced {
        Some(p) => {
            rows.push(vec![
                src.text(Msg::QuoteSubtotal),
                String::new(),
                String::new(),
                amount(p.subtotal),
            ]);
            if let Some((tax, m)) = &p.tax {
                rows.push(vec![
                    crate::i18n::quote_tax_label(tax, lang),
                    String::new(),
                    String::new(),
                    amount(*m),
                ]);
            }
            rows.push(vec![
                src.text(Msg::QuoteTotal),
                String::new(),
                String::new(),
                amount(p.total),
            ]);
            if p.on_request > 0 {
                notes.push(Msg::QuoteOnRequest.fill(lang, &[("n", &p.on_request.to_string())]));
            }
            notes.push(Msg::QuoteValidUntil.fill(
                lang,
                &[("date", &crate::domain::calendar::format_date(p.valid_until))],
            ));
        }
        None => notes.push(src.text(Msg::QuoteNoPrices)),
    }
    blocks.push(Block::Table(Table {
        columns: columns(lang, QUOTE_COLUMNS),
        rows,
    }));
    notes.push(src.text(Msg::QuoteEstimate));
    blocks.extend(notes.into_iter().map(Block::Note));
    Some(src.document(Msg::ProposalTitle, blocks))
}

/// The Well-Architected Implementation Plan, or `None` when no pillar package is chosen.
pub fn implementation(src: &Source<'_>) -> Option<Document> {
    let lang = src.lang;
    let sel = &src.workload.services;
    if sel.packages.is_empty() {
        return None;
    }
    let offering = src.catalogue.offering(IMPLEMENTATION);
    let text = |t: &crate::domain::text::Text| rule_text(t, lang, src.rules);
    let wa = crate::domain::builtin::well_architected();
    let pillar_name = |id: &str| {
        wa.pillars
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
    };
    let mut blocks = Vec::new();
    // Scope: the packages, their man-days and the staffing.
    blocks.push(Block::Heading(1, src.text(Msg::DocScope)));
    let total: f64 = sel.packages.values().map(|d| d.days()).sum();
    let mut rows: Vec<Vec<String>> = sel
        .packages
        .iter()
        .map(|(pillar, d)| {
            vec![
                Msg::PackageFor.fill(lang, &[("pillar", &pillar_name(pillar))]),
                days(d.days()),
            ]
        })
        .collect();
    rows.push(vec![src.text(Msg::Overall), days(total)]);
    blocks.push(Block::Table(Table {
        columns: columns(lang, PACKAGE_COLUMNS),
        rows,
    }));
    let mut staffing =
        vec![Msg::DocConsultants.fill(lang, &[("n", &sel.consultants.max(1).to_string())])];
    if sel.implementation_onsite_days > 0 {
        staffing.push(Msg::DocOnsiteDays.fill(
            lang,
            &[("days", &sel.implementation_onsite_days.to_string())],
        ));
    }
    blocks.push(Block::Bullets(staffing));
    // The schedule of implementation.
    blocks.push(Block::Heading(1, src.text(Msg::NavSchedule)));
    match src.schedule {
        Some(s) => {
            let events = [
                Event::ImplementationStart,
                Event::ImplementationOnsite,
                Event::ImplementationPlan,
                Event::ImplementationAcceptance,
            ];
            blocks.push(Block::Paragraph(
                Msg::DocImplementationDays
                    .fill(lang, &[("days", &s.implementation_days.to_string())]),
            ));
            blocks.push(events_table(
                s.events.iter().filter(|e| events.contains(&e.event)),
                lang,
            ));
            if s.provisional() {
                blocks.push(Block::Note(src.text(Msg::ProvisionalWarning)));
            }
            blocks.push(Block::Note(src.text(Msg::ServiceHoursFixed)));
        }
        None => blocks.push(Block::Paragraph(src.text(Msg::DocNoSchedule))),
    }
    // Per pillar: what is investigated, the design outline, the man-days, the improvements.
    blocks.push(Block::Heading(1, src.text(Msg::DocPackages)));
    let (answers, ranking) = src.inputs(&wa.id);
    let p = plan(wa, &answers, &ranking, src.rate);
    for (pillar, d) in &sel.packages {
        blocks.push(Block::Heading(2, pillar_name(pillar)));
        let package = offering.and_then(|o| o.packages.iter().find(|k| &k.pillar == pillar));
        if let Some(k) = package {
            blocks.push(Block::Heading(3, src.text(Msg::DocInvestigationFocus)));
            blocks.push(Block::Paragraph(text(&k.focus)));
            blocks.push(Block::Heading(3, src.text(Msg::DocDesignOutline)));
            blocks.push(Block::Paragraph(text(&k.example_design)));
        }
        blocks.push(Block::Paragraph(
            Msg::DocPackageDays.fill(lang, &[("days", &days(d.days()))]),
        ));
        let index = wa.pillars.iter().position(|x| &x.id == pillar);
        let items: Vec<String> = p
            .items
            .iter()
            .filter(|it| Some(it.pillar) == index)
            .map(|it| {
                let q = &wa.pillars[it.pillar].questions[it.question];
                Msg::DocPlanItem.fill(
                    lang,
                    &[
                        ("priority", &it.priority.number().to_string()),
                        ("practice", q.choices[it.choice].title.get(lang)),
                    ],
                )
            })
            .collect();
        blocks.push(Block::Heading(3, src.text(Msg::DocPackageImprovements)));
        if items.is_empty() {
            blocks.push(Block::Paragraph(src.text(Msg::DocPillarNoRisks)));
        } else {
            blocks.push(Block::Bullets(items));
        }
    }
    // Deliverables and acceptance.
    if let Some(o) = offering {
        blocks.push(Block::Heading(1, src.text(Msg::DeliverablesAcceptance)));
        blocks.push(Block::Heading(2, src.text(Msg::Deliverables)));
        blocks.push(Block::Bullets(
            o.deliverables
                .iter()
                .map(|d| d.name.get(lang).to_owned())
                .collect(),
        ));
        blocks.push(Block::Heading(2, src.text(Msg::AcceptancePlan)));
        blocks.push(Block::Table(Table {
            columns: columns(lang, ACCEPTANCE_COLUMNS),
            rows: o
                .acceptance
                .iter()
                .map(|a| vec![text(&a.milestone), text(&a.content), text(&a.indicator)])
                .collect(),
        }));
    }
    Some(src.document(Msg::EvImplementationPlan, blocks))
}

/// The Investigation Report.
pub fn investigation(src: &Source<'_>) -> Document {
    let lang = src.lang;
    let mut blocks = Vec::new();
    src.profile(&mut blocks);
    src.scope(&mut blocks);
    blocks.push(Block::Heading(1, src.text(Msg::DocCurrentState)));
    blocks.push(Block::Note(src.text(Msg::DocCurrentStateIntro)));
    let several = src.lenses.len() > 1;
    let mut risks: Vec<(Risk, Vec<String>)> = Vec::new();
    for lens in src.lenses {
        let answers = src.workload.answers(&lens.id).cloned().unwrap_or_default();
        if several {
            blocks.push(Block::Heading(2, lens.name.get(lang).to_owned()));
        }
        let level = if several { 3 } else { 2 };
        for pillar in &lens.pillars {
            blocks.push(Block::Heading(level, pillar.name.get(lang).to_owned()));
            let mut rows = Vec::new();
            for (i, q) in pillar.questions.iter().enumerate() {
                let answer = answers.get(&q.id);
                let st = status(q, answer);
                let selected = crate::domain::assessment::selected_titles(q, answer, lang);
                rows.push(vec![
                    (i + 1).to_string(),
                    q.title.get(lang).to_owned(),
                    status_text(st, lang),
                    selected.join("\n"),
                    answer
                        .map(|a| a.notes.trim().to_owned())
                        .unwrap_or_default(),
                ]);
                if let Status::Answered(risk @ (Risk::High | Risk::Medium)) = st {
                    risks.push((
                        risk,
                        vec![
                            status_msg(st).text(lang).to_owned(),
                            if several {
                                format!("{} · {}", lens.name.get(lang), pillar.name.get(lang))
                            } else {
                                pillar.name.get(lang).to_owned()
                            },
                            q.title.get(lang).to_owned(),
                        ],
                    ));
                }
            }
            blocks.push(Block::Table(Table {
                columns: columns(lang, QUESTION_COLUMNS),
                rows,
            }));
        }
    }
    blocks.push(Block::Heading(1, src.text(Msg::DocRisks)));
    let (mut high, mut medium) = (0, 0);
    for lens in src.lenses {
        let answers = src.workload.answers(&lens.id).cloned().unwrap_or_default();
        let s = summarize(lens, &answers).overall;
        high += s.high;
        medium += s.medium;
    }
    if risks.is_empty() {
        blocks.push(Block::Paragraph(src.text(Msg::DocNoRisks)));
    } else {
        blocks.push(Block::Paragraph(Msg::DocRiskCount.fill(
            lang,
            &[("high", &high.to_string()), ("medium", &medium.to_string())],
        )));
        // High risks first, each group in the lens's order.
        risks.sort_by_key(|(r, _)| *r != Risk::High);
        blocks.push(Block::Table(Table {
            columns: columns(lang, RISK_COLUMNS),
            rows: risks.into_iter().map(|(_, row)| row).collect(),
        }));
    }
    src.document(Msg::EvInvestigationReport, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Answer, NaReason};
    use crate::domain::builtin::well_architected;

    pub(super) static RULES: std::sync::LazyLock<Rules> = std::sync::LazyLock::new(Rules::default);

    pub(super) fn catalogue() -> Catalogue {
        Catalogue::from_json(include_str!("../../public/catalogue.json")).unwrap()
    }

    /// A workload with one question answered with a risk and notes over two lines, one not
    /// applicable, and the rest unanswered.
    fn workload() -> Workload {
        let lens = well_architected();
        let mut w = Workload::new("w-1", "2026-11-20T00:00:00Z");
        w.profile.organisation = "Acme <Retail> & Co".into();
        w.profile.workload = "Shop".into();
        let q0 = &lens.pillars[0].questions[0];
        let q1 = &lens.pillars[0].questions[1];
        let mut answers = crate::domain::assessment::Answers::new();
        answers.insert(
            q0.id.clone(),
            Answer {
                selected: vec![q0.choices[0].id.clone()],
                not_applicable: None,
                notes: "First line\nsecond line".into(),
            },
        );
        answers.insert(
            q1.id.clone(),
            Answer {
                selected: Vec::new(),
                not_applicable: Some(NaReason::OutOfScope),
                notes: String::new(),
            },
        );
        w.answers.insert(lens.id.clone(), answers);
        w
    }

    /// The documents of `w` in `lang`, as of an export, without prices or a schedule.
    pub(super) fn source<'a>(
        w: &'a Workload,
        lenses: &'a [&'a Lens],
        cat: &'a Catalogue,
        lang: Lang,
    ) -> Source<'a> {
        Source {
            workload: w,
            lenses,
            catalogue: cat,
            brand: "Cloud Partner",
            date: "2026-11-21",
            exported: true,
            lang,
            rate: None,
            rules: &RULES,
            schedule: None,
            prices: None,
        }
    }

    #[test]
    fn the_investigation_report_holds_every_question_its_status_practices_and_notes() {
        let (w, cat) = (workload(), catalogue());
        let lens = well_architected();
        let lenses = [lens];
        let doc = investigation(&source(&w, &lenses, &cat, Lang::En));
        assert_eq!(doc.title, "Investigation Report");
        assert_eq!(doc.brand, "Cloud Partner");
        assert_eq!(doc.subtitle, "Shop");
        assert!(
            doc.facts
                .contains(&("Organisation".into(), "Acme <Retail> & Co".into()))
        );
        assert!(doc.facts.contains(&(
            Msg::ReportExportedOn.text(Lang::En).into(),
            "2026-11-21".into()
        )));
        let text = doc.plain_text();
        for q in lens.pillars.iter().flat_map(|p| &p.questions) {
            assert!(text.contains(q.title.get(Lang::En)), "{}", q.id);
        }
        let q0 = &lens.pillars[0].questions[0];
        assert!(text.contains(q0.choices[0].title.get(Lang::En)));
        assert!(text.contains("First line\nsecond line"));
        let na = format!(
            "{}: {}",
            Msg::RiskNa.text(Lang::En),
            Msg::ReasonOutOfScope.text(Lang::En)
        );
        assert!(text.contains(&na), "{text}");
        assert!(text.contains(Msg::DocNoServices.text(Lang::En)));
        // One table per pillar, each with a row per question.
        let tables: Vec<&Table> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) if t.columns.len() == 5 => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), lens.pillars.len());
        for (t, p) in tables.iter().zip(&lens.pillars) {
            assert_eq!(t.rows.len(), p.questions.len());
        }
    }

    #[test]
    fn the_chinese_report_has_no_english_words_of_its_own() {
        let (w, cat) = (workload(), catalogue());
        let lenses = [well_architected()];
        let zh = investigation(&source(&w, &lenses, &cat, Lang::ZhCn));
        assert_eq!(zh.title, "调研报告");
        let en = investigation(&source(&w, &lenses, &cat, Lang::En));
        // Every heading differs from its English one: none was left untranslated.
        for ((_, z), (_, e)) in zh.headings().zip(en.headings()) {
            assert_ne!(z, e);
        }
    }
}

#[cfg(test)]
mod consulting_tests {
    use super::*;
    use crate::domain::assessment::Answer;
    use crate::domain::builtin::well_architected;

    #[test]
    fn the_plan_is_costed_at_the_quotes_rate_and_totalled() {
        let lens = well_architected();
        let cat = super::tests::catalogue();
        let mut w = Workload::new("w-1", "2026-11-20T00:00:00Z");
        // Every question answered "none of these" or with nothing in place: all at risk.
        let answers = lens
            .questions()
            .map(|(_, q)| {
                let none = q
                    .choices
                    .iter()
                    .find(|c| c.is_none_of_these())
                    .unwrap_or(&q.choices[0]);
                (
                    q.id.clone(),
                    Answer {
                        selected: vec![none.id.clone()],
                        ..Answer::default()
                    },
                )
            })
            .collect();
        w.answers.insert(lens.id.clone(), answers);
        let rate = Rate {
            currency: "CNY".into(),
            per_day: 4800.0,
            per_pillar: Default::default(),
        };
        let lenses = [lens];
        let src = Source {
            exported: false,
            rate: Some(&rate),
            ..super::tests::source(&w, &lenses, &cat, Lang::En)
        };
        let doc = consulting(&src);
        let p = plan(lens, w.answers(&lens.id).unwrap(), &[], Some(&rate));
        let plan_table = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) if t.columns.len() == 7 && t.columns[1].heading == "Priority" => {
                    Some(t)
                }
                _ => None,
            })
            .next()
            .unwrap();
        assert_eq!(
            plan_table.rows.len(),
            p.items.len() + 1,
            "one row per item and a total"
        );
        let total = plan_table.rows.last().unwrap();
        assert_eq!(total[5], days(p.total.effort));
        assert_eq!(total[6], money(p.total.cost.unwrap(), "CNY"));
        assert!(total[6].starts_with("CNY "));
        assert!(
            doc.plain_text()
                .contains(Msg::ServiceConsulting.text(Lang::En))
        );
        assert!(
            doc.facts
                .iter()
                .any(|(k, _)| k == Msg::ReportDate.text(Lang::En))
        );
    }
}

#[cfg(test)]
mod implementation_tests {
    use super::*;
    use crate::domain::builtin::well_architected;
    use crate::domain::catalogue::ManDays;

    #[test]
    fn without_a_package_there_is_no_plan_and_with_two_both_are_in_one_document() {
        let cat = super::tests::catalogue();
        let lenses = [well_architected()];
        let mut w = Workload::new("w-1", "2026-11-20T00:00:00Z");
        let src = |w: &Workload| -> Option<Document> {
            implementation(&super::tests::source(w, &lenses, &cat, Lang::ZhCn))
        };
        assert!(src(&w).is_none());
        w.services
            .packages
            .insert("security".into(), ManDays::from_tenths(50));
        w.services
            .packages
            .insert("reliability".into(), ManDays::from_tenths(75));
        let doc = src(&w).unwrap();
        assert_eq!(doc.title, "卓越架构实施方案");
        let h2: Vec<&str> = doc
            .headings()
            .filter(|(l, _)| *l == 2)
            .map(|(_, t)| t)
            .collect();
        assert!(h2.contains(&"安全") && h2.contains(&"稳定性"), "{h2:?}");
        let text = doc.plain_text();
        assert!(
            text.contains("人天：7.5") && text.contains("人天：5"),
            "{text}"
        );
        assert!(text.contains(Msg::DocNoSchedule.text(Lang::ZhCn)));
    }
}

#[cfg(test)]
mod proposal_tests {
    use super::*;
    use crate::domain::builtin::well_architected;
    use crate::domain::catalogue::ManDays;

    #[test]
    fn the_proposal_quotes_the_chosen_services_with_tax_and_total() {
        let cat = super::tests::catalogue();
        let (config, issues) =
            crate::domain::config::read_config(include_str!("../../public/config.example.json"));
        assert!(issues.is_empty());
        let prices = config.pricing.unwrap();
        let rules = Rules::default();
        let lenses = [well_architected()];
        fn priced<'a>(
            w: &'a Workload,
            lenses: &'a [&'a Lens],
            cat: &'a Catalogue,
            prices: &'a PriceList,
        ) -> Source<'a> {
            Source {
                rate: Some(&prices.rate),
                prices: Some(prices),
                ..super::tests::source(w, lenses, cat, Lang::En)
            }
        }
        let mut w = Workload::new("w-1", "2026-11-20T00:00:00Z");
        assert!(
            proposal(&priced(&w, &lenses, &cat, &prices)).is_none(),
            "nothing chosen, nothing to propose"
        );
        w.services.consulting = true;
        w.services
            .packages
            .insert("security".into(), ManDays::from_tenths(50));
        let doc = proposal(&priced(&w, &lenses, &cat, &prices)).unwrap();
        assert_eq!(doc.title, "Proposal");
        let h1: Vec<&str> = doc
            .headings()
            .filter(|(l, _)| *l == 1)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            h1,
            [
                "Well-Architected Consulting Service",
                "Well-Architected Implementation Service",
                "Schedule",
                "Quote"
            ]
        );
        let q = quote(
            &w.services,
            Some(&prices),
            &rules,
            crate::domain::calendar::parse_date("2026-11-21").unwrap(),
        );
        let p = q.priced.as_ref().unwrap();
        let table = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) if t.columns.len() == 4 => Some(t),
                _ => None,
            })
            .next_back()
            .unwrap();
        let row = |label: &str| {
            table
                .rows
                .iter()
                .find(|r| r[0] == label)
                .unwrap_or_else(|| panic!("no row {label}"))
                .clone()
        };
        assert_eq!(row("Total")[3], money(p.total.amount(), "CNY"));
        // 28,000 for consulting and 5 × 5,600 for security, with 6 % VAT.
        assert_eq!(row("Total")[3], "CNY 59,360");
        assert_eq!(row("VAT (6 %)")[3], "CNY 3,360");
        assert_eq!(row("Implementation: Security")[2], "CNY 5,600");
        assert_eq!(row("Man-days in all")[1], "10");
        assert!(
            doc.plain_text()
                .contains("Estimate valid until 2026-12-21.")
        );
    }
}
