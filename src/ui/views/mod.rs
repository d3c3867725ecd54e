//! The views, one module each, and the shell around them.

pub mod documents;
pub mod milestones;
pub mod plan;
pub mod profile;
pub mod proposal;
pub mod questionnaire;
pub mod report;
pub mod results;
pub mod schedule;
pub mod services;
pub mod shell;
pub mod start;
pub mod workloads;
pub mod workspace;

use crate::domain::text::Lang;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Renders `body` in the current language, and again whenever the language changes.
///
/// Texts inside a page are plain strings rather than one reactive closure each, which keeps the
/// wasm much smaller (see [`crate::ui::state::AppState::tr`]); so a language switch renders the
/// page's body again. What the user is in the middle of (a half-typed milestone name, the
/// workspace's selection, an open rename) lives in signals the page creates *before* calling
/// this, outside `body`, so it survives the switch.
pub fn localized(body: impl Fn(Lang) -> AnyView + Send + Sync + 'static) -> AnyView {
    let lang = use_app().lang;
    dynamic(Box::new(move || body(lang.get())))
}

/// A part of the page that is rendered again whenever what `render` reads changes.
///
/// Leptos compiles its reactive rendering once per closure type; the router and every
/// [`localized`] body share this one. Measured on 2 Dec 2026: the router and the first
/// `localized` body sharing it took 1.5 KB brotli off the first load; seven other view
/// closures moved here changed nothing, so it is not a general rule.
pub fn dynamic(render: Box<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
    (move || render()).into_any()
}
