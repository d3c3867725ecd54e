//! The web app: a thin Leptos shell over [`crate::domain`].
//!
//! [`App`] starts the state from the stored settings ([`state::AppState::load`]; the rest of
//! storage is read when needed, [`state::AppState::restore`]), provides it as context and
//! shows the view the URL fragment names ([`route::Route`]). Views read and change state only
//! through [`state::AppState`]; everything they compute comes from the domain.

pub mod catalogue;
pub mod chart;
pub mod clock;
pub mod config;
pub mod download;
pub mod format;
pub mod lenses;
pub mod office;
pub mod offline;
pub mod pages;
pub mod route;
pub mod state;
pub mod store;
pub mod table;
pub mod transfer;
pub mod views;

use crate::i18n::Msg;
use leptos::prelude::*;
use pages::lazy_page;
use route::Route;
use state::{AppState, Notice};
use views::localized;
use views::shell::{Footer, Header, Notices, focus_main, sync_document};
use views::start::StartPage;

/// Reads the runtime config, then mounts the app on `<body>`.
pub fn mount() {
    // Leptos's own executor is set up by `mount_to_body`, so this first task runs on
    // wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        let (config, issues) = config::load().await;
        config::apply_brand(&config.brand);
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(move || view! { <App config issues/> });
    });
}

/// The whole app.
#[component]
pub fn App(
    /// The sales team's runtime config (defaults where it has none).
    config: crate::domain::config::Config,
    /// What is wrong with the config file, shown as a notice.
    issues: Vec<crate::domain::validate::Issue>,
) -> impl IntoView {
    let app = AppState::load(&config, issues);
    provide_context(app);
    offline::register(app);
    pages::prefetch_first_page();
    // Read what storage holds at once when it holds anything (a returning visitor; from the
    // offline cache after the first visit), else when the user first changes something.
    if app.holds_more() {
        app.restore_soon();
    }
    // A language chosen on the start page is saved.
    Effect::new(move |previous: Option<crate::domain::text::Lang>| {
        let lang = app.lang.get();
        if previous.is_some_and(|p| p != lang) {
            app.save_language_early();
            app.restore_soon();
        }
        lang
    });

    // A route naming a workload this browser does not have goes to the list, with a notice
    // (an imported bundle's to the workspace). Only the route triggers this check.
    Effect::new(move |_| {
        let route = app.route.get();
        // An imported bundle's route is checked once the stored imports are restored.
        if let Some(id) = route.workload()
            && (if crate::domain::imports::is_imported_id(id) {
                app.imports_ready.get()
            } else {
                app.restored.get()
            })
            && !untrack(|| app.has_workload(id))
        {
            app.notices.update(|n| {
                if !n.contains(&Notice::WorkloadMissing) {
                    n.push(Notice::WorkloadMissing);
                }
            });
            state::navigate(&if crate::domain::imports::is_imported_id(id) {
                Route::Workspace
            } else {
                Route::Workloads
            });
        }
    });

    // Language and title on <html>; focus the heading after each navigation (not on load).
    Effect::new(move |previous: Option<Route>| {
        let route = app.route.get();
        let lang = app.lang.get();
        let page = match &route {
            Route::Start => Msg::NavHome.text(lang).to_owned(),
            Route::Workloads => Msg::NavWorkloads.text(lang).to_owned(),
            Route::Workspace => Msg::NavWorkspace.text(lang).to_owned(),
            Route::Profile(_) => Msg::NavProfile.text(lang).to_owned(),
            Route::Pillar(_, l, p) => app.lenses.pillar(l.as_deref(), p).map_or_else(
                || Msg::NavQuestionnaire.text(lang).to_owned(),
                |(lens, i)| lens.pillars[i].name.get(lang).to_owned(),
            ),
            Route::Results(_) => Msg::NavResults.text(lang).to_owned(),
            Route::Plan(_) => Msg::NavPlan.text(lang).to_owned(),
            Route::Milestones(_) => Msg::NavMilestones.text(lang).to_owned(),
            Route::Report(_) => Msg::ReportTitle.text(lang).to_owned(),
            Route::Services(_) => Msg::NavServices.text(lang).to_owned(),
            Route::Schedule(_) => Msg::NavSchedule.text(lang).to_owned(),
            Route::Proposal(_) => Msg::ProposalTitle.text(lang).to_owned(),
        };
        sync_document(lang, &format!("{page} · {}", app.app_name(lang)));
        if previous.is_some_and(|p| p != route) {
            pages::focus_on_arrival(true);
            request_animation_frame(focus_main);
        }
        route
    });

    // Pages keep their texts as plain strings (much smaller wasm than a reactive closure per
    // text), so a language switch renders the page again. Pages where the user may be in the
    // middle of something (a draft, a selection, an open rename) keep that state in signals
    // made outside their `views::localized` body; the others are simply built again. Every
    // page but the start page is loaded on first use (`pages`). The header, which holds the
    // switch and keeps focus, updates in place.
    let view = views::dynamic(Box::new(move || match app.route.get() {
        Route::Start => localized(|_| view! { <StartPage/> }.into_any()),
        Route::Workloads => lazy_page(false, || Box::pin(pages::workloads())),
        Route::Workspace => lazy_page(false, || Box::pin(pages::workspace())),
        Route::Plan(id) => lazy_page(false, move || Box::pin(pages::plan(id.clone()))),
        Route::Milestones(id) => lazy_page(false, move || Box::pin(pages::milestones(id.clone()))),
        Route::Profile(id) => lazy_page(true, move || Box::pin(pages::profile(id.clone()))),
        Route::Pillar(id, lens, pillar) => lazy_page(true, move || {
            Box::pin(pages::pillar(id.clone(), lens.clone(), pillar.clone()))
        }),
        Route::Results(id) => lazy_page(true, move || Box::pin(pages::results(id.clone()))),
        Route::Report(id) => lazy_page(true, move || Box::pin(pages::report(id.clone()))),
        Route::Services(id) => lazy_page(true, move || Box::pin(pages::services(id.clone()))),
        Route::Schedule(id) => lazy_page(true, move || Box::pin(pages::schedule(id.clone()))),
        Route::Proposal(id) => lazy_page(true, move || Box::pin(pages::proposal(id.clone()))),
    }));
    view! {
        <Header/>
        <Notices/>
        <main id="main" tabindex="-1">{view}</main>
        <Footer/>
    }
}
