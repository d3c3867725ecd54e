//! Preflight: a Well-Architected pre-engagement self-assessment.
//!
//! - [`domain`]: the pure core (lenses, risk rules, scoring, storage schema), tested natively.
//! - [`ui`]: the Leptos web app, a thin shell over the domain.
//! - [`i18n`]: every visible string of the app and the CLI, in English and Simplified Chinese.
//! - `cli`: the `preflight` command-line tool (native only), another thin shell.

pub mod domain;
pub mod i18n;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

/// The start page as plain HTML for the first paint (written at build time, so native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
