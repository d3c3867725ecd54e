//! Bundles in and out of the browser: the customer's export, and the consultant's import.
//!
//! Imported bundles live apart from the user's own workloads (`preflight.import.*` in storage,
//! [`AppState::imported`] in memory) under ids starting with `i-`. Every view finds them through
//! [`AppState::with_workload`], and every edit goes through [`AppState::update_workload`], which
//! only touches the user's own workloads: an imported bundle is read-only by construction, and
//! the views also disable their controls for it.

use crate::domain::bundle::{MAX_BUNDLE_BYTES, export, import_bytes};
use crate::domain::imports::{self, Refused, forget, keep};
use crate::domain::validate::{Issue, Problem};
use crate::i18n::display_name;
use crate::ui::clock::{new_id, now_iso};
use crate::ui::download::{download, file_slug};
use crate::ui::state::AppState;
use crate::ui::store::BrowserStore;
use leptos::prelude::*;

impl AppState {
    /// Imports one file's bytes: stores and lists every bundle it holds, or lists it as
    /// refused. Nothing else in storage is touched. `bytes` is `None` when the file was too
    /// large to read (`size` says how large) or could not be read.
    pub async fn import_file(self, file: &str, size: f64, bytes: Option<Vec<u8>>) {
        let file = file.chars().take(300).collect::<String>();
        let result = match bytes {
            _ if size > MAX_BUNDLE_BYTES as f64 => Err(vec![Issue::at_root(Problem::TooLarge {
                bytes: size as usize,
                limit: MAX_BUNDLE_BYTES,
            })]),
            None => Err(vec![Issue::at_root(Problem::Unreadable)]),
            Some(bytes) => import_bytes(&bytes).map(|b| {
                // Stored as read; `import_bytes` accepted it, so it is UTF-8.
                let text = String::from_utf8_lossy(&bytes).into_owned();
                (b, text)
            }),
        };
        // The lens files bundles carry are read with the page code's lens parser; if that code
        // cannot be fetched, they are read when the bundle is opened instead.
        let result = match result {
            Ok((bundles, text))
                if bundles
                    .iter()
                    .any(|b| b.lenses.iter().any(|l| l.embedded.is_some())) =>
            {
                match crate::ui::pages::read_carried(bundles.clone()).await {
                    Ok(Ok(read)) => Ok((read, text)),
                    Ok(Err(issues)) => Err(issues),
                    Err(crate::ui::pages::PageFailed) => Ok((bundles, text)),
                }
            }
            other => other,
        };
        match result {
            Ok((bundles, text)) => {
                let mut store = BrowserStore::open().ok();
                let kept = self.imported.with_untracked(|already| {
                    keep(store.as_mut(), already, &file, &text, bundles, || {
                        new_id().replacen("w-", imports::IMPORT_ID_PREFIX, 1)
                    })
                });
                self.imported.update(|list| list.extend(kept));
            }
            Err(issues) => self.refused.update(|r| r.push(Refused { file, issues })),
        }
    }

    /// Removes an imported bundle (from the list and from storage).
    pub fn remove_import(self, id: &str) {
        if let Ok(mut store) = BrowserStore::open() {
            forget(&mut store, id);
        }
        self.imported.update(|list| list.retain(|b| b.id != id));
    }

    /// Downloads a workload as a bundle for the consultant.
    pub fn export_bundle(self, workload_id: &str) -> bool {
        self.bundle_file(workload_id)
            .is_some_and(|(name, text)| download(&name, "application/json", &text))
    }

    /// A workload as a bundle exported now: the file's name and text.
    pub fn bundle_file(self, workload_id: &str) -> Option<(String, String)> {
        let w = self.with_workload(workload_id, Clone::clone)?;
        let lang = self.lang.get_untracked();
        let lenses: Vec<_> = self
            .workload_lenses(workload_id)
            .into_iter()
            .filter_map(|l| self.lenses.sha256(&l.id).map(|sha| (l, sha)))
            .collect();
        // The customer's schedule as of today (their own workload), as the schedule page shows it.
        let sched = self.schedule(workload_id).and_then(Result::ok);
        let now = now_iso();
        // A lens the app does not build in travels with the bundle.
        let refs: Vec<_> = lenses
            .iter()
            .map(|(l, sha)| (*l, *sha, self.lenses.file_to_embed(&l.id)))
            .collect();
        let text = export(
            &w,
            &refs,
            sched.as_ref(),
            self.price_list(workload_id).as_ref(),
            &self.rules.get_untracked(),
            env!("CARGO_PKG_VERSION"),
            &now,
        );
        let name = format!(
            "preflight-{}-{}.json",
            file_slug(&format!(
                "{} {}",
                w.profile.organisation,
                display_name(&w, lang)
            )),
            now.get(..10).unwrap_or("")
        );
        Some((name, text))
    }
}

/// What loading a lens file from disk came to.
#[derive(Clone, Debug)]
pub enum LensPick {
    /// Loaded, stored and chosen for the workload; the parser's warnings, if any.
    Loaded(String, Vec<Issue>),
    /// This very file was loaded before; it is chosen for the workload.
    Already(String),
    /// Loaded and chosen, but storage refused it: it lasts while the tab is open.
    NotSaved(String, crate::domain::storage::StoreError),
    /// Refused, with every error.
    Refused(Vec<Issue>),
}

/// Loads a lens file the user picked (any lens in the AWS custom lens format or ours), through
/// the same parser as every other lens, keeps it in storage and turns it on for the workload.
pub async fn load_lens_file(app: AppState, workload_id: String, file: web_sys::File) -> LensPick {
    let refused = |problem| LensPick::Refused(vec![Issue::at_root(problem)]);
    if file.size() > crate::domain::lens::MAX_LENS_BYTES as f64 {
        return refused(Problem::TooLarge {
            bytes: file.size() as usize,
            limit: crate::domain::lens::MAX_LENS_BYTES,
        });
    }
    let Some(text) = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
    else {
        return refused(Problem::Unreadable);
    };
    let reserved: Vec<String> = app
        .lenses
        .listed()
        .iter()
        .map(|l| l.id.to_owned())
        .collect();
    let picked = crate::ui::pages::pick_lens(text, reserved, app.lenses.all_sha256()).await;
    let picked = match picked {
        Ok(Ok(p)) => p,
        Ok(Err(issues)) => return LensPick::Refused(issues),
        Err(crate::ui::pages::PageFailed) => return refused(Problem::Unreadable),
    };
    let outcome = match picked {
        crate::domain::saving::Picked::AlreadyLoaded(id) => LensPick::Already(id),
        crate::domain::saving::Picked::New {
            stored,
            lens,
            warnings,
        } => {
            let saved = BrowserStore::open().and_then(|mut store| {
                crate::domain::storage::save_lens(&mut store, &stored.id, &stored.file)
            });
            app.lenses.add_picked(*lens, &stored.file, warnings.clone());
            match saved {
                Ok(()) => LensPick::Loaded(stored.id, warnings),
                Err(e) => LensPick::NotSaved(stored.id, e),
            }
        }
    };
    let id = match &outcome {
        LensPick::Loaded(id, _) | LensPick::Already(id) | LensPick::NotSaved(id, _) => id.clone(),
        LensPick::Refused(_) => return outcome,
    };
    app.set_lens(&workload_id, &id, true);
    outcome
}

/// Reads the files of a picker or a drop, one after another. It gives the page back to the
/// browser every few milliseconds (a timer, not a microtask, so that it can paint and handle
/// input), which keeps the list usable while hundreds of files are imported.
pub fn import_files(app: AppState, files: web_sys::FileList) {
    let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if list.is_empty() {
        return;
    }
    let total = list.len();
    let already = app.importing.get_untracked().map_or(0, |(_, t)| t);
    app.importing.set(Some((0, total + already)));
    leptos::task::spawn_local(async move {
        let mut slice_start = crate::ui::clock::now_millis();
        for file in list {
            let size = file.size();
            let bytes = if size > MAX_BUNDLE_BYTES as f64 {
                None
            } else {
                wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                    .await
                    .ok()
                    .map(|buf| js_sys::Uint8Array::new(&buf).to_vec())
            };
            app.import_file(&file.name(), size, bytes).await;
            app.importing
                .update(|p| *p = p.map(|(done, total)| (done + 1, total)));
            if crate::ui::clock::now_millis() - slice_start > 12.0 {
                next_task().await;
                slice_start = crate::ui::clock::now_millis();
            }
        }
        if app
            .importing
            .get_untracked()
            .is_some_and(|(done, total)| done >= total)
        {
            app.importing.set(None);
        }
    });
}

/// Resolves on the browser's next task (a zero-delay timer).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A file name for the workspace's summary exports.
pub fn summary_name(ext: &str) -> String {
    format!(
        "preflight-summary-{}.{ext}",
        now_iso().get(..10).unwrap_or("")
    )
    .replace(
        |c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'),
        "-",
    )
}
