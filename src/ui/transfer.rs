//! Bundles in and out of the browser: the customer's export, and the consultant's import.
//!
//! Imported bundles live apart from the user's own workloads (`preflight.import.*` in storage,
//! [`AppState::imported`] in memory) under ids starting with `i-`. Every view finds them through
//! [`AppState::with_workload`], and every edit goes through [`AppState::update_workload`], which
//! only touches the user's own workloads: an imported bundle is read-only by construction, and
//! the views also disable their controls for it.

use crate::domain::bundle::{Bundle, MAX_BUNDLE_BYTES, export, import};
use crate::domain::calendar::{Date, parse_date};
use crate::domain::schedule::{Request, schedule};
use crate::domain::storage::StoreError;
use crate::domain::storage::{IMPORT_PREFIX, ImportRecord, KeyValueStore, encode_import};
use crate::domain::validate::{Issue, JsonPath, Problem};
use crate::ui::download::{download, file_slug};
use crate::ui::state::{AppState, Health, display_name, new_id, now_iso, provider_today};
use crate::ui::store::BrowserStore;
use leptos::prelude::*;

/// A bundle the consultant imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedBundle {
    /// Its import id (`i-…`), also its workload's id in memory.
    pub id: String,
    /// The file it came from.
    pub file: String,
    /// The bundle (its workload's id replaced by the import id).
    pub bundle: Bundle,
    /// The provider's date when it was exported (the schedule is recomputed from it).
    pub today: Date,
}

/// A file that was refused, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// The file name.
    pub file: String,
    /// Every problem found.
    pub issues: Vec<Issue>,
}

fn to_imported(record: &ImportRecord, bundle: Bundle) -> ImportedBundle {
    let mut bundle = bundle;
    bundle.workload.id = record.id.clone();
    let today = crate::domain::calendar::provider_date_at(&bundle.exported_at)
        .unwrap_or_else(provider_today);
    ImportedBundle {
        id: record.id.clone(),
        file: record.file.clone(),
        bundle,
        today,
    }
}

/// Re-imports the stored records at start-up (their checksums are checked again).
pub fn restore(records: &[ImportRecord]) -> (Vec<ImportedBundle>, Vec<Refused>) {
    let mut ok = Vec::new();
    let mut refused = Vec::new();
    for r in records {
        match import(&r.text) {
            Ok(mut bundles) if r.index < bundles.len() => {
                ok.push(to_imported(r, bundles.swap_remove(r.index)))
            }
            Ok(_) => refused.push(Refused {
                file: r.file.clone(),
                issues: vec![Issue {
                    path: JsonPath::root(),
                    problem: Problem::Invalid("the stored file no longer holds this bundle".into()),
                }],
            }),
            Err(issues) => refused.push(Refused {
                file: r.file.clone(),
                issues,
            }),
        }
    }
    (ok, refused)
}

impl AppState {
    /// Imports the text of one file: stores and lists every bundle it holds, or lists it as
    /// refused. Nothing else in storage is touched.
    pub fn import_text(self, file: &str, size: f64, text: Option<String>) {
        let file = file.chars().take(300).collect::<String>();
        let result = match text {
            _ if size > MAX_BUNDLE_BYTES as f64 => Err(vec![Issue {
                path: JsonPath::root(),
                problem: Problem::TooLarge {
                    bytes: size as usize,
                    limit: MAX_BUNDLE_BYTES,
                },
            }]),
            None => Err(vec![Issue {
                path: JsonPath::root(),
                problem: Problem::Invalid("the file could not be read as text".into()),
            }]),
            Some(text) => import(&text).map(|b| (b, text)),
        };
        match result {
            Ok((bundles, text)) => {
                let mut store = BrowserStore::open();
                for (index, bundle) in bundles.into_iter().enumerate() {
                    let record = ImportRecord {
                        id: new_id().replacen("w-", "i-", 1),
                        file: file.clone(),
                        index,
                        text: text.clone(),
                    };
                    if let Ok(s) = store.as_mut()
                        && let Err(e) = s.set(
                            &format!("{IMPORT_PREFIX}{}", record.id),
                            &encode_import(&record),
                        )
                    {
                        self.health.set(match e {
                            StoreError::Full => Health::Full,
                            StoreError::Unavailable(m) => Health::Unavailable(m),
                            StoreError::Failed(m) => Health::Failed(m),
                        });
                    }
                    let entry = to_imported(&record, bundle);
                    self.imported.update(|list| list.push(entry));
                }
            }
            Err(issues) => self.refused.update(|r| r.push(Refused { file, issues })),
        }
    }

    /// Removes an imported bundle (from the list and from storage).
    pub fn remove_import(self, id: &str) {
        if let Ok(mut s) = BrowserStore::open() {
            let _ = s.remove(&format!("{IMPORT_PREFIX}{id}"));
        }
        self.imported.update(|list| list.retain(|b| b.id != id));
    }

    /// Downloads a workload as a bundle for the consultant.
    pub fn export_bundle(self, workload_id: &str) -> bool {
        let Some(w) = self.with_workload(workload_id, Clone::clone) else {
            return false;
        };
        let lang = self.lang.get_untracked();
        let lenses: Vec<_> = self
            .workload_lenses(workload_id)
            .into_iter()
            .filter_map(|l| self.lenses.sha256(&l.id).map(|sha| (l, sha)))
            .collect();
        let s = &w.services;
        let sched = (!s.is_empty())
            .then(|| {
                let request = Request {
                    consulting: s.consulting,
                    onsite_days: s.onsite_days,
                    implementation_days: s
                        .packages
                        .values()
                        .map(|t| f64::from(*t) / 10.0)
                        .collect(),
                    consultants: s.consultants,
                    managed_services: !s.modules.is_empty(),
                    preferred_start: s.preferred_start.as_deref().and_then(parse_date),
                };
                schedule(
                    &self.calendar.get_untracked(),
                    &self.rules.get_untracked(),
                    &request,
                    provider_today(),
                )
                .ok()
            })
            .flatten();
        let now = now_iso();
        let refs: Vec<_> = lenses.iter().map(|(l, sha)| (*l, *sha)).collect();
        let text = export(
            &w,
            &refs,
            sched.as_ref(),
            self.rate.get_untracked().as_ref(),
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
        download(&name, "application/json", &text)
    }
}

/// Reads the files of a picker or a drop, one after another, yielding between files so that the
/// page stays usable while hundreds are imported.
pub fn import_files(app: AppState, files: web_sys::FileList) {
    let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if list.is_empty() {
        return;
    }
    app.importing.set(Some((0, list.len())));
    leptos::task::spawn_local(async move {
        let total = list.len();
        for (n, file) in list.into_iter().enumerate() {
            let size = file.size();
            let text = if size > MAX_BUNDLE_BYTES as f64 {
                None
            } else {
                wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
            };
            app.import_text(&file.name(), size, text);
            app.importing.set(Some((n + 1, total)));
        }
        app.importing.set(None);
    });
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

/// A slug of a file name (for ids in the page).
pub fn slug(s: &str) -> String {
    file_slug(s)
}
