//! The proposal the customer takes to procurement: the profile, and for each chosen service the
//! risks that motivate it, what it includes, the exclusions acknowledged, the prerequisites still
//! open and the deliverable language; then the schedule and the quote.
//!
//! Like the report, it is an ordinary page made for printing (`@media print` in
//! `style/main.css`), so "Save as PDF" gives the document. Everything on it is computed from the
//! workload as of [`crate::ui::state::AppState::as_of`], with the same rules as the services
//! and schedule pages.

use crate::domain::assessment::{risky_questions, summarize};
use crate::domain::builtin::{MANAGED_SERVICES, well_architected};
use crate::domain::calendar::format_date;
use crate::domain::catalogue::{CONSULTING, Catalogue, IMPLEMENTATION, MANAGED, Offering};
use crate::domain::lens::{Lens, Risk};
use crate::domain::office::Report;
use crate::domain::rules::rule_text;
use crate::domain::text::Lang;
use crate::domain::workload::Workload;
use crate::i18n::{Msg, event_msg};
use crate::ui::catalogue::catalogue_view;
use crate::ui::route::Route;
use crate::ui::state::{AppState, use_app};
use crate::ui::table::{Col, head};
use crate::ui::views::documents::WordDocuments;
use crate::ui::views::report::DocumentCover;
use crate::ui::views::services::QuoteTable;
use leptos::prelude::*;

/// The proposal page.
#[component]
pub fn ProposalPage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    catalogue_view(app.catalogue, lang, move |cat| {
        view! { <Proposal workload_id=wid.get_value() cat/> }.into_any()
    })
}

/// The high- and medium-risk questions of one pillar of a lens, as list items.
fn risks_of(
    lens: &'static Lens,
    pillar: &str,
    answers: &crate::domain::assessment::Answers,
    lang: Lang,
) -> Vec<AnyView> {
    risky_questions(lens, pillar, answers)
        .into_iter()
        .map(|(r, q)| {
            let (msg, class) = if r == Risk::High {
                (Msg::High, "risk-high")
            } else {
                (Msg::Medium, "risk-medium")
            };
            view! { <li><span class=format!("badge {class}")>{msg.text(lang)}</span>" "{q.title.get(lang)}</li> }
                .into_any()
        })
        .collect()
}

#[component]
fn Proposal(
    /// The workload's id.
    workload_id: String,
    /// The catalogue the services come from.
    cat: &'static Catalogue,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let Some(sel) = app.with_workload(&wid.get_value(), |w| w.services.clone()) else {
        return ().into_any();
    };
    let cover = view! {
        <DocumentCover workload_id=wid.get_value() title=Msg::ProposalTitle
            intro=Msg::ProposalIntro description=true date_testid="proposal-date"/>
    };
    if sel.is_empty() {
        return view! {
            {cover}
            <section class="card">
                <p data-testid="proposal-nothing">{Msg::ProposalNothing.text(lang)}</p>
                <a class="button" href=Route::Services(wid.get_value()).href()>{Msg::NavServices.text(lang)}</a>
            </section>
        }
        .into_any();
    }
    let services = sel
        .offerings()
        .into_iter()
        .filter_map(|id| cat.offering(id))
        .map(|offering| view! { <ProposalService workload_id=wid.get_value() offering/> })
        .collect_view();
    view! {
        <article class="report" data-testid="proposal">
            {cover}
            <WordDocuments workload_id=wid.get_value() only=Report::Proposal/>
            {services}
            <section class="report-section card">
                <h2>{Msg::NavSchedule.text(lang)}</h2>
                <p>{Msg::ServiceHoursFixed.text(lang)}</p>
                <ProposalSchedule workload_id=wid.get_value()/>
            </section>
            <section class="report-section card" data-testid="quote-card">
                <h2>{Msg::QuoteTitle.text(lang)}</h2>
                <QuoteTable workload_id=wid.get_value() cat/>
            </section>
        </article>
    }
    .into_any()
}

/// Why the customer is offered a service: the risks it answers, as list items.
fn reasons(workload: &Workload, offering: &Offering, app: AppState, lang: Lang) -> Vec<AnyView> {
    let sel = &workload.services;
    let wa = well_architected();
    let wa_answers = workload.answers(&wa.id).cloned().unwrap_or_default();
    match offering.id.as_str() {
        CONSULTING => {
            let s = summarize(wa, &wa_answers).overall;
            vec![
                view! { <li>{Msg::ProposalConsultingWhy.fill(lang, &[
                    ("high", &s.high.to_string()),
                    ("medium", &s.medium.to_string()),
                    ("open", &s.unanswered.to_string()),
                ])}</li> }
                .into_any(),
            ]
        }
        IMPLEMENTATION => sel
            .packages
            .keys()
            .flat_map(|p| risks_of(wa, p, &wa_answers, lang))
            .collect(),
        MANAGED => {
            let chosen = workload.lenses.iter().any(|l| l == MANAGED_SERVICES.id);
            let answers = workload
                .answers(MANAGED_SERVICES.id)
                .cloned()
                .unwrap_or_default();
            chosen
                .then(|| app.lenses.get(MANAGED_SERVICES.id))
                .flatten()
                .map_or_else(Vec::new, |lens| {
                    sel.modules
                        .iter()
                        .flat_map(|m| risks_of(lens, m, &answers, lang))
                        .collect()
                })
        }
        _ => Vec::new(),
    }
}

/// One chosen service in the proposal: why, on-site days, the deliverables' language, what is
/// included and excluded, whether the exclusions are acknowledged, and the open prerequisites.
#[component]
fn ProposalService(
    /// The workload's id.
    workload_id: String,
    /// The chosen offering.
    offering: &'static Offering,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let rules = app.rules.get_untracked();
    let Some(w) = app.with_workload(&workload_id, Clone::clone) else {
        return ().into_any();
    };
    let o = offering;
    let sel = &w.services;
    let why = reasons(&w, o, app, lang);
    let why = if why.is_empty() {
        view! { <p>{Msg::ProposalNoRisks.text(lang)}</p> }.into_any()
    } else {
        view! { <ul class="report-questions">{why}</ul> }.into_any()
    };
    let onsite = match o.id.as_str() {
        CONSULTING => sel.onsite_days,
        IMPLEMENTATION => sel.implementation_onsite_days,
        _ => 0,
    };
    let language = match sel.deliverable_language(o) {
        Some(Lang::En) => Msg::LanguageEnglish.text(lang),
        Some(Lang::ZhCn) => Msg::LanguageChinese.text(lang),
        None => Msg::ProposalLanguageOpen.text(lang),
    };
    let acknowledged = sel.acknowledged.contains(&o.id);
    let open: Vec<String> = o
        .prerequisites
        .iter()
        .filter(|p| !sel.prerequisites.contains(&format!("{}/{}", o.id, p.id)))
        .map(|p| rule_text(&p.text, lang, &rules))
        .collect();
    let list = |items: &[crate::domain::text::Text]| {
        items
            .iter()
            .map(|x| view! { <li>{rule_text(x, lang, &rules)}</li> })
            .collect_view()
    };
    view! {
        <section class="report-section card" data-testid=format!("proposal-{}", o.id)>
            <h2>{o.name.get(lang)}</h2>
            <p>{rule_text(&o.summary, lang, &rules)}</p>
            <p class="muted">{rule_text(&o.duration, lang, &rules)}</p>
            <h3>{Msg::ProposalWhy.text(lang)}</h3>
            {why}
            <ul class="facts-list">
                {(onsite > 0).then(|| view! { <li>{Msg::ProposalOnsite.fill(lang, &[("n", &onsite.to_string())])}</li> })}
                <li data-testid="proposal-language">{Msg::ProposalLanguage.fill(lang, &[("language", language)])}</li>
            </ul>
            <h3>{Msg::Included.text(lang)}</h3>
            <ul>{list(&o.included)}</ul>
            <h3>{Msg::Excluded.text(lang)}</h3>
            <ul>{list(&o.excluded)}</ul>
            <p data-testid="proposal-ack" class=if acknowledged { "" } else { "notice" }>
                {if acknowledged { Msg::ProposalAcknowledged } else { Msg::ProposalNotAcknowledged }.text(lang)}
            </p>
            <h3>{Msg::ProposalOpenPrerequisites.text(lang)}</h3>
            {if open.is_empty() {
                view! { <p>{Msg::ProposalAllReady.text(lang)}</p> }.into_any()
            } else {
                view! { <ul data-testid="proposal-open">{open.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// The proposal's schedule: each event's date (UTC+8), provisional ones marked.
#[component]
fn ProposalSchedule(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    match app.schedule(&workload_id) {
        Some(Ok(s)) => {
            let rows = s
                .events
                .iter()
                .map(|e| {
                    view! {
                        <tr data-testid=format!("proposal-event-{}", e.event.id())>
                            <th scope="row">{event_msg(e.event).text(lang)}</th>
                            <td>{format_date(e.date)}</td>
                            <td>{e.provisional.then(|| Msg::Provisional.text(lang))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table>
                        {head(&[Col::Text(Msg::ColEvent), Col::Text(Msg::ColDateUtc8), Col::Hidden(Msg::Provisional)], lang)}
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {s.provisional().then(|| view! { <p class="notice">{Msg::ProvisionalWarning.text(lang)}</p> })}
            }
            .into_any()
        }
        Some(Err(_)) => {
            let (first, last) = app.calendar().covered_years();
            view! { <p class="notice error">{Msg::ScheduleTooFar.fill(lang, &[("first", &first.to_string()), ("last", &last.to_string())])}</p> }.into_any()
        }
        None => ().into_any(),
    }
}
