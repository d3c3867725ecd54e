//! The printable report: cover, profile, for each lens its results, answers and plan, and
//! when services are chosen, their quote (the proposal page has the rest of the scope).
//!
//! It is an ordinary page; the print stylesheet (`@media print` in `style/main.css`) hides the
//! app's chrome, starts each part on a new page and keeps rows together, so the browser's
//! "Save as PDF" gives a clean paginated document in the chosen language.

use crate::domain::assessment::{status, summarize};
use crate::domain::calendar::format_date;
use crate::domain::lens::Lens;
use crate::domain::text::Lang;
use crate::i18n::display_name;
use crate::i18n::{Msg, status_msg};
use crate::ui::catalogue::catalogue_view;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::ui::views::documents::WordDocuments;
use crate::ui::views::plan::LensPlan;
use crate::ui::views::questionnaire::status_class;
use crate::ui::views::results::SummaryFigures;
use crate::ui::views::services::QuoteTable;
use leptos::prelude::*;

/// The report page.
#[component]
pub fn ReportPage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let Some(w) = app.with_workload(&wid.get_value(), Clone::clone) else {
        return ().into_any();
    };
    let lenses = app.workload_lenses(&wid.get_value());
    let parts = lenses
        .into_iter()
        .map(|lens| {
            view! {
                <LensResultsPart workload_id=wid.get_value() lens/>
                <AnswersPart workload_id=wid.get_value() lens/>
                <div class="report-section">
                    <LensPlan workload_id=wid.get_value() lens/>
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="report" data-testid="report">
            <DocumentCover workload_id=wid.get_value() title=Msg::ReportTitle date_testid="report-date"/>
            <WordDocuments workload_id=wid.get_value()/>
            <section class="report-section card">
                <h2>{Msg::ProfileTitle.text(lang)}</h2>
                <dl class="facts">
                    {fact(Msg::Organisation, &w.profile.organisation, lang)}
                    {fact(Msg::NameLabel, &w.profile.workload, lang)}
                    {fact(Msg::ContactName, &w.profile.contact_name, lang)}
                    {fact(Msg::ContactEmail, &w.profile.contact_email, lang)}
                </dl>
                {(!w.profile.description.trim().is_empty()).then(|| view! {
                    <h3>{Msg::Description.text(lang)}</h3>
                    <p class="prewrap">{w.profile.description.clone()}</p>
                })}
            </section>
            {parts}
            {(!w.services.is_empty()).then(|| view! { <ReportQuote workload_id=wid.get_value()/> })}
        </article>
    }
    .into_any()
}

#[component]
fn LensResultsPart(workload_id: String, lens: &'static Lens) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let lid: &'static str = &lens.id;
    let summary = Memo::new(move |_| {
        summarize(
            lens,
            &app.answers(&wid.get_value(), lid).unwrap_or_default(),
        )
    });
    view! {
        <section class="report-section card">
            <h2>{Msg::ReportResults.fill(lang, &[("lens", lens.name.get(lang))])}</h2>
            <p class="muted">{Msg::ScoreRule.text(lang)}</p>
            <SummaryFigures lens summary=summary.into()/>
        </section>
    }
}

#[component]
fn AnswersPart(workload_id: String, lens: &'static Lens) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let answers = app.answers(&workload_id, &lens.id).unwrap_or_default();
    let pillars = lens
        .pillars
        .iter()
        .map(|p| {
            let questions = p
                .questions
                .iter()
                .map(|q| {
                    let answer = answers.get(&q.id);
                    let st = status(q, answer);
                    let (msg, class) = (status_msg(st), status_class(st));
                    let selected: Vec<&str> = q
                        .choices
                        .iter()
                        .filter(|c| answer.is_some_and(|a| a.selected.contains(&c.id)))
                        .map(|c| c.title.get(lang))
                        .collect();
                    let notes = answer.map(|a| a.notes.clone()).filter(|n| !n.is_empty());
                    view! {
                        <li class="report-question">
                            <span class=format!("badge {class}")>{msg.text(lang)}</span>" "
                            <strong>{q.title.get(lang)}</strong>
                            {(!selected.is_empty()).then(|| view! {
                                <ul class="small">{selected.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                            })}
                            {notes.map(|n| view! { <p class="small prewrap">{Msg::Notes.text(lang)}": "{n}</p> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{p.name.get(lang)}</h3>
                <ol class="report-questions">{questions}</ol>
            }
        })
        .collect_view();
    view! {
        <section class="report-section card">
            <h2>{Msg::ReportAnswers.fill(lang, &[("lens", lens.name.get(lang))])}</h2>
            {pillars}
        </section>
    }
}

/// The quote of the chosen services, as the services page and the proposal show it.
#[component]
fn ReportQuote(workload_id: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let table = catalogue_view(app.catalogue, lang, move |cat| {
        view! { <QuoteTable workload_id=wid.get_value() cat/> }.into_any()
    });
    view! {
        <section class="report-section card" data-testid="report-quote">
            <h2>{Msg::QuoteTitle.text(lang)}</h2>
            {table}
            <p class="no-print"><a href=Route::Proposal(wid.get_value()).href()>{Msg::SeeProposal.text(lang)}</a></p>
        </section>
    }
}

/// A term and its value for a `<dl>`, or nothing when the value is blank.
fn fact(label: Msg, value: &str, lang: Lang) -> Option<impl IntoView + use<>> {
    let value = value.trim().to_owned();
    (!value.is_empty()).then(|| view! { <dt>{label.text(lang)}</dt><dd>{value}</dd> })
}

/// The cover of a printed document: a print button, the app's name, the document's title, the
/// workload's name and contacts, and the date the document is as of.
#[component]
pub fn DocumentCover(
    /// The workload's id.
    workload_id: String,
    /// The document's title.
    title: Msg,
    /// A sentence under the workload's name.
    #[prop(optional)]
    intro: Option<Msg>,
    /// Whether the workload's description ends the cover.
    #[prop(optional)]
    description: bool,
    /// The test id of the date (`report-date`, `proposal-date`).
    date_testid: &'static str,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let Some(w) = app.with_workload(&workload_id, Clone::clone) else {
        return ().into_any();
    };
    let as_of = app.as_of(&workload_id);
    let date_label = if as_of.is_export() {
        Msg::ReportExportedOn
    } else {
        Msg::ReportDate
    };
    let p = &w.profile;
    let description = (description && !p.description.trim().is_empty())
        .then(|| view! { <p class="prewrap">{p.description.clone()}</p> });
    view! {
        <div class="actions no-print">
            <button type="button" class="button" data-testid="print" on:click=move |_| {
                let _ = window().print();
            }>{Msg::PrintButton.text(lang)}</button>
        </div>
        <section class="report-cover card">
            <p class="eyebrow">{app.app_name(lang)}</p>
            <h1 id="page-title" tabindex="-1">{title.text(lang)}</h1>
            <p class="lead">{display_name(&w, lang)}</p>
            {intro.map(|m| view! { <p class="muted">{m.text(lang)}</p> })}
            <dl class="facts">
                {fact(Msg::Organisation, &p.organisation, lang)}
                {fact(Msg::ContactName, &p.contact_name, lang)}
                {fact(Msg::ContactEmail, &p.contact_email, lang)}
                <dt>{date_label.text(lang)}</dt>
                <dd data-testid=date_testid>{format_date(as_of.date())}</dd>
            </dl>
            {description}
        </section>
    }
    .into_any()
}
