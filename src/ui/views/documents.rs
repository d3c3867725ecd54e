//! The Word documents of a workload, offered on its report and proposal pages.
//!
//! A consultant gets every document an imported bundle has (the Investigation Report, the
//! Consulting Report, the Implementation Plan with pillar packages chosen, and the proposal with
//! services chosen); a customer gets the proposal, and their own reports too where the sales
//! team's `config.json` sets `customer_reports`. Each is written in the Office worker
//! ([`crate::ui::office::download_document`]), with the same code and from the same inputs as
//! `preflight report`.

use crate::domain::office::{Report, available};
use crate::i18n::Msg;
use crate::ui::catalogue::catalogue_view;
use crate::ui::office::{download_document, title};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The download buttons of a workload's Word documents (only `only`, if given), with a line
/// saying how the last download went.
#[component]
pub fn WordDocuments(
    /// The workload's id.
    workload_id: String,
    /// The one document to offer (the proposal page offers the proposal).
    #[prop(optional)]
    only: Option<Report>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let imported = app.is_read_only(&workload_id);
    let reports = imported || app.customer_reports();
    let offered: Vec<Report> = app
        .with_workload(&workload_id, |w| available(&w.services, reports))
        .unwrap_or_default()
        .into_iter()
        .filter(|r| only.is_none_or(|o| o == *r))
        .collect();
    if offered.is_empty() && only.is_some() {
        return ().into_any();
    }
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let wid = StoredValue::new(workload_id);
    let intro = if imported {
        Msg::WordDocumentsImported
    } else {
        Msg::WordDocumentsOwn
    };
    // The documents name the services from the site's catalogue, so they wait for it (and say
    // why they cannot be had when it fails, as every page that needs it does).
    let buttons = catalogue_view(app.catalogue, lang, move |_| {
        if offered.is_empty() {
            return view! { <p data-testid="word-none">{Msg::WordDocumentsNone.text(lang)}</p> }
                .into_any();
        }
        offered
            .iter()
            .map(|&report| {
                let label = Msg::DownloadDocument.fill(lang, &[("title", title(report).text(lang))]);
                view! {
                    <button type="button" class="button secondary" data-testid=format!("docx-{}", report.id())
                        prop:disabled=move || busy.get()
                        on:click=move |_| download_document(app, &wid.get_value(), report, status, busy)>
                        {label}
                    </button>
                }
            })
            .collect_view()
            .into_any()
    });
    view! {
        <section class="card no-print" aria-labelledby="word-documents" data-testid="word-documents">
            <h2 id="word-documents">{Msg::WordDocuments.text(lang)}</h2>
            <p class="muted">{intro.text(lang)}</p>
            <div class="actions">{buttons}</div>
            <p role="status" data-testid="word-status">{move || status.get()}</p>
        </section>
    }
    .into_any()
}
