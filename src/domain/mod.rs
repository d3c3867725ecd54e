//! The pure core: everything Preflight knows, free of the browser.
//!
//! Nothing here imports the UI framework, browser APIs or reactive signals; it is tested natively with `cargo test` and
//! shared by the web app (`crate::ui`) and the command-line tool (`crate::cli`).

pub mod asof;
pub mod assessment;
pub mod builtin;
pub mod bundle;
pub mod calendar;
pub mod catalogue;
pub mod config;
// The Word documents are written by the command-line tool only, so far (issue 14).
#[cfg(not(target_arch = "wasm32"))]
pub mod document;
#[cfg(not(target_arch = "wasm32"))]
pub mod docx;
pub mod format;
pub mod ics;
pub mod imports;
pub mod lens;
pub mod milestone;
pub mod mspdi;
pub mod plan;
pub mod plan_book;
pub mod quote;
#[cfg(not(target_arch = "wasm32"))]
pub mod reports;
pub mod rules;
pub mod saving;
pub mod schedule;
pub mod sheet;
pub mod storage;
pub mod text;
pub mod validate;
pub mod workload;
