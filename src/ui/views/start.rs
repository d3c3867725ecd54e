//! The start page: what Preflight is, that data stays in the browser, start or continue.

use crate::ui::i18n::Msg;
use crate::ui::route::Route;
use crate::ui::state::{display_name, navigate, use_app};
use leptos::prelude::*;

/// The start page.
#[component]
pub fn StartPage() -> impl IntoView {
    let app = use_app();
    let start = move |_| {
        let id = app.create_workload();
        navigate(&Route::Profile(id));
    };
    // The workload to continue: the last one worked on, else the most recently changed.
    let continue_link = move || {
        let last = app.last_workload.get();
        app.workloads.with(|ws| {
            let w = last
                .and_then(|id| ws.iter().find(|w| w.id == id))
                .or_else(|| ws.iter().max_by(|a, b| a.updated_at.cmp(&b.updated_at)))?;
            let name = display_name(w, app.lang.get());
            let href = Route::Profile(w.id.clone()).href();
            Some(view! {
                <a class="button secondary" href=href data-testid="continue">
                    {move || Msg::StartContinue.fill(app.lang.get(), &[("name", &name)])}
                </a>
            })
        })
    };
    let has_workloads = move || app.workloads.with(|ws| !ws.is_empty());
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{app.tr(Msg::StartTitle)}</h1>
            <p class="lead">{app.tr(Msg::StartLead)}</p>
            <div class="actions">
                <button type="button" class="button" data-testid="start-new" on:click=start>
                    {app.tr(Msg::StartNew)}
                </button>
                {continue_link}
                <Show when=has_workloads>
                    <a class="button secondary" href=Route::Workloads.href()>
                        {app.tr(Msg::StartAllWorkloads)}
                    </a>
                </Show>
            </div>
        </section>
        <section class="card">
            <h2>{app.tr(Msg::StartPrivacyTitle)}</h2>
            <p>{app.tr(Msg::StartPrivacy)}</p>
        </section>
        <section class="card">
            <h2>{app.tr(Msg::StartStepsTitle)}</h2>
            <ol>
                <li>{app.tr(Msg::StartStep1)}</li>
                <li>{app.tr(Msg::StartStep2)}</li>
                <li>{app.tr(Msg::StartStep3)}</li>
            </ol>
        </section>
    }
}
