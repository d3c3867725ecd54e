//! The pages that load on first use.
//!
//! The start page is in the app's main WebAssembly module; every other page is a split point,
//! grouped with the pages it belongs with (`questionnaire`, `review`, `services`,
//! `workspace`), and the Well-Architected lens is one of its own (`lens`). In a release build
//! (`scripts/postbuild.mjs` builds with the `split` feature), `wasm-split-cli` moves each
//! group's code, and the code only it uses, out of the main module into a file fetched the
//! first time one of its pages opens; code two groups share goes into chunks of its own.
//! Without the feature (`trunk serve`, native builds) the same functions are plain calls, so
//! development and the native tests see one module.
//!
//! [`lazy_page`] renders a page once the Well-Architected lens ([`builtin_lens`]), what storage
//! holds ([`restore_state`]), the consultant's stored imports ([`restore_imports`]) and the
//! page's code are in hand: at once when they are there, a "loading" line while they are fetched,
//! and a message with a retry button when they cannot be (offline on a first visit, a file
//! missing or changed on the server). A failed fetch is not remembered: the retry fetches
//! again.

use crate::domain::builtin::{well_architected, well_architected_sha256};
use crate::domain::bundle::Bundle;
use crate::domain::imports::{ImportedBundle, Refused};
use crate::domain::lens::Lens;
use crate::domain::saving::Picked;
use crate::domain::storage::ImportRecord;
use crate::domain::text::Lang;
use crate::domain::validate::Issue;
use crate::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::views::dynamic;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// A page's code could not be fetched (the splitter's loader logs the cause to the console).
#[derive(Debug)]
pub struct PageFailed;

impl From<leptos::wasm_split::SplitLoaderError> for PageFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PageFailed
    }
}

/// A page, to be built once what it reads is in hand (its code, the lens, the pages' texts, the
/// stored imports).
pub type PageView = Box<dyn FnOnce() -> AnyView>;

/// What opening a page waits for.
pub type PageLoad = Pin<Box<dyn Future<Output = Result<PageView, PageFailed>>>>;

/// Declares split points: `chunk: fn name(args) -> T { body }` becomes
/// `async fn name(args) -> Result<T, PageFailed>`, whose code (and the code and data only it
/// uses) is in the split module `chunk` in a split build. Functions that name the same chunk
/// share one module.
macro_rules! split_points {
    ($($(#[$attr:meta])* $chunk:ident: fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block)*) => {$(
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, PageFailed> {
            let value: $ret = $body;
            Ok(value)
        }

        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        #[allow(clippy::unused_async)]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, PageFailed> {
            let value: $ret = $body;
            Ok(value)
        }
    )*};
}

use crate::ui::views::{
    milestones::MilestonesPage, plan::PlanPage, profile::ProfilePage, proposal::ProposalPage,
    questionnaire::PillarPage, report::ReportPage, results::ResultsPage, schedule::SchedulePage,
    services::ServicesPage, workloads::WorkloadsPage, workspace::WorkspacePage,
};

split_points! {
    workspace: fn workloads() -> PageView { Box::new(move || view! { <WorkloadsPage/> }.into_any()) }
    workspace: fn workspace() -> PageView { Box::new(move || view! { <WorkspacePage/> }.into_any()) }
    questionnaire: fn profile(id: String) -> PageView {
        Box::new(move || view! { <ProfilePage workload_id=id/> }.into_any())
    }
    questionnaire: fn pillar(id: String, lens: Option<String>, pillar: String) -> PageView {
        Box::new(move || view! { <PillarPage workload_id=id lens_id=lens pillar_id=pillar/> }.into_any())
    }
    review: fn results(id: String) -> PageView { Box::new(move || view! { <ResultsPage workload_id=id/> }.into_any()) }
    review: fn plan(id: String) -> PageView { Box::new(move || view! { <PlanPage workload_id=id/> }.into_any()) }
    review: fn milestones(id: String) -> PageView {
        Box::new(move || view! { <MilestonesPage workload_id=id/> }.into_any())
    }
    review: fn report(id: String) -> PageView { Box::new(move || view! { <ReportPage workload_id=id/> }.into_any()) }
    services: fn services(id: String) -> PageView {
        Box::new(move || view! { <ServicesPage workload_id=id/> }.into_any())
    }
    services: fn schedule(id: String) -> PageView {
        Box::new(move || view! { <SchedulePage workload_id=id/> }.into_any())
    }
    services: fn proposal(id: String) -> PageView {
        Box::new(move || view! { <ProposalPage workload_id=id/> }.into_any())
    }

    /// The Well-Architected lens and the SHA-256 of its file: its text (157 KB) and parser are
    /// page code, not start-page code.
    lens: fn builtin_lens() -> (&'static Lens, &'static str) {
        (well_architected(), well_architected_sha256())
    }
    /// The texts of the pages' own messages (`i18n::PAGE_TEXTS`, 25 KB in both languages): they
    /// come with the lens, which every page waits for, not with the start page.
    lens: fn page_texts() -> &'static [[&'static str; 2]] { crate::i18n::PAGE_TEXTS }
    /// Problems in both languages, `path: problem`, for the notices (the problem words are the
    /// pages' own: see `i18n::words`). Call through [`issue_lines`].
    restore: fn issue_texts(issues: Vec<Issue>) -> Vec<[String; 2]> {
        issues.iter().map(|i| Lang::ALL.map(|lang| crate::i18n::issue_text(i, lang))).collect()
    }
    /// Why a stored record was set aside, in both languages. Call through [`record_error_lines`].
    restore: fn record_error_texts(error: crate::domain::storage::RecordError) -> [String; 2] {
        Lang::ALL.map(|lang| crate::i18n::record_error_text(&error, lang))
    }
    /// Reads a lens file known by `id` (served beside the app, stored, or carried by a bundle):
    /// the lens parser comes with the lens code, not the start page's.
    lens: fn read_lens_as(text: String, id: String) -> Result<(Lens, Vec<Issue>), Vec<Issue>> {
        Lens::read_as(&text, &id)
    }
    /// Reads everything in storage and starts saving (`AppState::restore_now`): the record
    /// decoders, saving and the cross-tab sync are not start-page code, and a new visitor's
    /// first screen, whose storage holds nothing, does not fetch them.
    restore: fn restore_state(app: crate::ui::state::AppState) -> () { app.restore_now() }
    /// Reads a sales team's `config.json` member by member (`config::read_config`): only a
    /// site whose file sets something fetches the reader (`ui::config::load`), before the app
    /// mounts; a default site's first load does not carry it. A split of its own: in the
    /// restore's (which has fewer files) a configured site's first load would carry the
    /// restore too, 60 KB brotli instead of 20.
    config: fn read_config(text: String) -> (crate::domain::config::Config, Vec<Issue>) {
        crate::domain::config::read_config(&text)
    }
    /// Checks and reads the consultant's stored imports again (`imports::restore`), when a
    /// page first needs them: the bundle reader is not start-page code, and a customer, who
    /// has no imports, never fetches it at all.
    imports: fn restore_imports(records: Vec<ImportRecord>) -> (Vec<ImportedBundle>, Vec<Refused>) {
        crate::domain::imports::restore(&records)
    }
    /// Reads the lens files that just-imported bundles carry (`bundle::read_carried`).
    lens: fn read_carried(bundles: Vec<Bundle>) -> Result<Vec<Bundle>, Vec<Issue>> {
        let mut bundles = bundles;
        let mut issues = Vec::new();
        for b in &mut bundles {
            if let Err(found) = crate::domain::bundle::read_carried(b) {
                issues.extend(found);
            }
        }
        if issues.is_empty() { Ok(bundles) } else { Err(issues) }
    }
    /// Checks a lens file the user picked (`saving::pick_lens`): `reserved` are the ids the
    /// site lists, `loaded` the lenses in hand with their SHA-256.
    lens: fn pick_lens(file: String, reserved: Vec<String>, loaded: Vec<(String, String)>) -> Result<Picked, Vec<Issue>> {
        let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
        let builtin = crate::domain::builtin::BUILTIN_LENS_IDS;
        crate::domain::saving::pick_lens(file, &reserved, &builtin, |id| {
            loaded.iter().find(|(l, _)| l == id).map(|(_, sha)| sha.clone())
        })
    }
}

/// Makes the pages' own texts available (at once unless their table must be fetched; a plain
/// call without the `split` feature, where the table is in the one module).
pub async fn load_page_texts() -> Result<(), PageFailed> {
    #[cfg(feature = "split")]
    if crate::i18n::PAGES_LOADED.get().is_none() {
        let table = page_texts().await?;
        let _ = crate::i18n::PAGES_LOADED.set(table);
    }
    Ok(())
}

/// [`issue_texts`] once the pages' texts are in hand.
pub async fn issue_lines(issues: Vec<Issue>) -> Result<Vec<[String; 2]>, PageFailed> {
    load_page_texts().await?;
    issue_texts(issues).await
}

/// [`record_error_texts`] once the pages' texts are in hand.
pub async fn record_error_lines(
    error: crate::domain::storage::RecordError,
) -> Result<[String; 2], PageFailed> {
    load_page_texts().await?;
    record_error_texts(error).await
}

/// Fetches the Well-Architected lens (every page reads it) as soon as the browser is idle
/// after the start page is up. A failure is ignored here: the page's own opening tries again
/// and says so.
///
/// The profile's code (and the restore's, which "Start" awaits) is fetched when the visitor
/// shows they are about to start ([`prefetch_start`]), or once they have read the start page
/// for [`START_PREFETCH_AFTER_MS`], not at the first idle moment: on Lighthouse's mobile
/// profile, instantiating its 36 modules while the app starts cost 100–200 ms of blocking time
/// and 2–3 points (96 instead of 99, 4 Dec 2026).
pub fn prefetch_first_page() {
    #[cfg(feature = "split")]
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            let _ = __wasm_split_preload_builtin_lens().await;
        });
    });
    set_timeout(
        || request_idle_callback(prefetch_start),
        std::time::Duration::from_millis(START_PREFETCH_AFTER_MS),
    );
}

/// How long after the start page is up the start's code is fetched anyway.
pub const START_PREFETCH_AFTER_MS: u64 = 8_000;

#[cfg(feature = "split")]
thread_local! {
    /// Whether [`prefetch_start`] has run.
    static START_PREFETCHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fetches what "Start a new assessment" and "Continue" open (the restore and the profile's
/// code), once: called when the pointer comes over them, they get focus or a touch begins,
/// which is 100 ms or more before the click lands.
pub fn prefetch_start() {
    #[cfg(feature = "split")]
    if !START_PREFETCHED.with(|p| p.replace(true)) {
        leptos::task::spawn_local(async {
            let _ = __wasm_split_preload_restore_state().await;
        });
        leptos::task::spawn_local(async {
            let _ = __wasm_split_preload_profile().await;
        });
    }
}

thread_local! {
    /// Set when a navigation wanted to focus the page's heading while the page was still
    /// loading: the heading is focused when it arrives.
    static FOCUS_ON_ARRIVAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Asks for the page heading to be focused when the page arrives, if it is still loading when
/// [`crate::ui::views::shell::focus_main`] looks for it.
pub fn focus_on_arrival(wanted: bool) {
    FOCUS_ON_ARRIVAL.with(|f| f.set(wanted));
}

/// Renders the page `load` gives. A page whose texts are plain strings is built again when the
/// language changes (`follow_language`, as [`crate::ui::views::localized`] does); a page that
/// keeps what the user is in the middle of is built once and follows the language itself.
pub fn lazy_page(
    follow_language: bool,
    load: impl Fn() -> PageLoad + Send + Sync + 'static,
) -> AnyView {
    let app = use_app();
    let lang = app.lang;
    let attempt = RwSignal::new(0u32);
    dynamic(Box::new(move || {
        attempt.track();
        if follow_language {
            lang.track();
        }
        // Every page may read the Well-Architected lens: it is fetched alongside the page's
        // code (the loader shares one fetch between the two calls), and the page shows when
        // both are in hand.
        let page = load();
        let page = leptos::__reexports::send_wrapper::SendWrapper::new(async move {
            leptos::task::spawn_local(async move {
                let _ = app.lenses.load_builtin().await;
            });
            leptos::task::spawn_local(async move {
                let _ = load_page_texts().await;
            });
            app.restore_soon();
            let build = page.await?;
            app.lenses.load_builtin().await?;
            load_page_texts().await?;
            app.restore().await?;
            app.restore_imports().await?;
            // Built only now: a page reads its texts, the lens and its workload as it is built.
            Ok::<_, PageFailed>(build())
        });
        let loading = move || {
            view! {
                <p class="card page-loading" role="status">
                    {move || Msg::PageLoading.text(lang.get())}
                </p>
            }
        };
        view! {
            <Suspense fallback=loading>
                {Suspend::new(async move {
                    match page.await {
                        Ok(view) => {
                            if FOCUS_ON_ARRIVAL.with(|f| f.replace(false)) {
                                request_animation_frame(crate::ui::views::shell::focus_main);
                            }
                            view
                        }
                        Err(PageFailed) => failed(lang, attempt),
                    }
                })}
            </Suspense>
        }
        .into_any()
    }))
}

/// The message shown when a page's code cannot be fetched.
fn failed(lang: RwSignal<crate::domain::text::Lang>, attempt: RwSignal<u32>) -> AnyView {
    let text = move |msg: Msg| move || msg.text(lang.get());
    view! {
        <section class="card page-failed" role="alert" data-testid="page-failed">
            <h1 id="page-title" tabindex="-1">{text(Msg::PageFailedTitle)}</h1>
            <p>{text(Msg::PageFailed)}</p>
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {text(Msg::PageRetry)}
            </button>
        </section>
    }
    .into_any()
}
