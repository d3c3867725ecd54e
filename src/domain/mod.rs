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
// The Word documents: in the command-line tool and the Office worker (feature `office`), never
// in the app's own wasm.
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod document;
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod docx;
pub mod format;
pub mod ics;
pub mod imports;
pub mod lens;
pub mod milestone;
pub mod mspdi;
pub mod office;
pub mod plan;
pub mod plan_book;
pub mod quote;
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod reports;
pub mod rules;
pub mod saving;
pub mod schedule;
pub mod sheet;
pub mod storage;
pub mod text;
pub mod validate;
pub mod workload;
