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
    // The new workload is made at once and the profile opened: the profile's page waits for
    // its code, the lens and the restore together (`lazy_page`), so they are fetched side by
    // side, and the restore keeps a workload made before it ran (`AppState::restore_now`) and
    // then saves it. Awaiting the restore first put its fetch before the profile's: 250 ms
    // from the click to the profile instead of one fetch's time (5 Dec 2026). If the code
    // cannot be fetched, the profile says so, with a retry, and the workload waits in memory.
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
