//! The start page: what Preflight is, that data stays in the browser, start or continue.

use crate::i18n::Msg;
use crate::i18n::display_name;
use crate::ui::pages::prefetch_start;
use crate::ui::route::Route;
use crate::ui::state::{navigate, use_app};
use leptos::prelude::*;

/// The start page.
#[component]
pub fn StartPage() -> impl IntoView {
    let app = use_app();
    // Pages are rebuilt when the language changes (see `App`).
    let lang = app.lang.get_untracked();
    // Storage is read first (at once when the app has read it already), so that the new
    // workload joins what is stored. If the reading code cannot be fetched, the workloads page
    // says so, with a retry.
    let start = move |_| {
        leptos::task::spawn_local(async move {
            match app.restore().await {
                Ok(()) => {
                    let id = app.create_workload();
                    navigate(&Route::Profile(id));
                }
                Err(_) => navigate(&Route::Workloads),
            }
        });
    };
    // The workload to continue: the last one worked on, else the most recently changed.
    let continue_link = move || {
        let last = app.last_workload.get();
        app.workloads.with(|ws| {
            let w = last
                .and_then(|id| ws.iter().find(|w| w.id == id))
                .or_else(|| ws.iter().max_by(|a, b| a.updated_at.cmp(&b.updated_at)))?;
            let name = display_name(w, lang);
            let href = Route::Profile(w.id.clone()).href();
            Some(view! {
                <a class="button secondary" href=href data-testid="continue"
                    on:pointerenter=move |_| prefetch_start() on:focus=move |_| prefetch_start()
                    on:touchstart=move |_| prefetch_start()>
                    {Msg::StartContinue.fill(lang, &[("name", &name)])}
                </a>
            })
        })
    };
    let has_workloads = move || app.workloads.with(|ws| !ws.is_empty());
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::StartTitle.text(lang)}</h1>
            <p class="lead">{Msg::StartLead.text(lang)}</p>
            <div class="actions">
                <button type="button" class="button" data-testid="start-new" on:click=start
                    on:pointerenter=move |_| prefetch_start() on:focus=move |_| prefetch_start()
                    on:touchstart=move |_| prefetch_start()>
                    {Msg::StartNew.text(lang)}
                </button>
                {continue_link}
                <Show when=has_workloads>
                    <a class="button secondary" href=Route::Workloads.href()>
                        {Msg::StartAllWorkloads.text(lang)}
                    </a>
                </Show>
            </div>
        </section>
        <section class="card">
            <h2>{Msg::StartPrivacyTitle.text(lang)}</h2>
            <p>{Msg::StartPrivacy.text(lang)}</p>
        </section>
        <section class="card">
            <h2>{Msg::StartStepsTitle.text(lang)}</h2>
            <ol>
                <li>{Msg::StartStep1.text(lang)}</li>
                <li>{Msg::StartStep2.text(lang)}</li>
                <li>{Msg::StartStep3.text(lang)}</li>
            </ol>
        </section>
    }
}
