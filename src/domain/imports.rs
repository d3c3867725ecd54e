//! The consultant's imported bundles: kept apart from the user's own workloads, read-only.
//!
//! An imported file is stored as it was read (`preflight.import.<id>`, an [`ImportRecord`]) so
//! that its checksum is checked again on every load ([`restore`]). Each bundle it holds gets an
//! import id starting with `i-`, which is also its workload's id in memory; every view shows such
//! a workload read-only. Imports share a budget of storage ([`IMPORT_BUDGET_CHARS`]) so that they
//! never crowd out the user's own work: beyond it, or when the browser refuses the write, a
//! bundle is kept for the session only ([`ImportedBundle::stored_chars`] is 0), and nothing else
//! in storage is touched.

use crate::domain::bundle::{Bundle, import};
use crate::domain::storage::{
    IMPORT_BUDGET_CHARS, IMPORT_PREFIX, ImportRecord, KeyValueStore, encode_import,
};
use crate::domain::validate::{Issue, JsonPath, Problem};
use std::sync::Arc;

/// The prefix of every import id.
pub const IMPORT_ID_PREFIX: &str = "i-";

/// Whether an id names an imported bundle (`i-…`) rather than one of the user's workloads.
pub fn is_imported_id(id: &str) -> bool {
    id.starts_with(IMPORT_ID_PREFIX)
}

/// A bundle the consultant imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedBundle {
    /// Its import id (`i-…`), also its workload's id in memory.
    pub id: String,
    /// The file it came from.
    pub file: String,
    /// The bundle (its workload's id replaced by the import id).
    pub bundle: Bundle,
    /// The text of the file it came from, as read (the Office worker builds documents from it,
    /// as `preflight report` does from the file), shared by the file's bundles.
    pub text: Arc<String>,
    /// Which of the file's bundles it is.
    pub index: usize,
    /// The characters its record takes in storage; 0 when it is kept for this session only.
    pub stored_chars: usize,
}

/// A file that was refused, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// The file name.
    pub file: String,
    /// Every problem found.
    pub issues: Vec<Issue>,
}

/// The characters a record takes in storage, as browsers count them (key and value).
fn stored_chars(record: &ImportRecord, encoded: &str) -> usize {
    IMPORT_PREFIX.len() + record.id.len() + encoded.chars().count()
}

fn to_imported(
    record: &ImportRecord,
    text: Arc<String>,
    mut bundle: Bundle,
    stored_chars: usize,
) -> ImportedBundle {
    bundle.workload.id = record.id.clone();
    ImportedBundle {
        id: record.id.clone(),
        file: record.file.clone(),
        bundle,
        text,
        index: record.index,
        stored_chars,
    }
}

/// Re-imports the stored records at start-up: each file's checksum and every member are
/// checked again, so a record edited in storage is refused like an edited file.
pub fn restore(records: &[ImportRecord]) -> (Vec<ImportedBundle>, Vec<Refused>) {
    let mut ok = Vec::new();
    let mut refused = Vec::new();
    for r in records {
        match import(&r.text) {
            Ok(mut bundles) if r.index < bundles.len() => {
                let chars = stored_chars(r, &encode_import(r));
                let text = Arc::new(r.text.clone());
                ok.push(to_imported(r, text, bundles.swap_remove(r.index), chars))
            }
            Ok(_) => refused.push(Refused {
                file: r.file.clone(),
                issues: vec![Issue {
                    path: JsonPath::root(),
                    problem: Problem::BundleGone { index: r.index },
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

/// Keeps the bundles of one accepted file: each gets an import id from `new_id` and is stored
/// when it fits the budget beside the `already` imported and the store takes it, else it is kept
/// for the session only. `store` is `None` when storage cannot be opened.
pub fn keep<S: KeyValueStore>(
    mut store: Option<&mut S>,
    already: &[ImportedBundle],
    file: &str,
    text: &str,
    bundles: Vec<Bundle>,
    mut new_id: impl FnMut() -> String,
) -> Vec<ImportedBundle> {
    let mut used: usize = already.iter().map(|x| x.stored_chars).sum();
    let mut out = Vec::with_capacity(bundles.len());
    let shared = Arc::new(text.to_owned());
    for (index, bundle) in bundles.into_iter().enumerate() {
        let record = ImportRecord {
            id: new_id(),
            file: file.to_owned(),
            index,
            text: text.to_owned(),
        };
        let raw = encode_import(&record);
        let chars = stored_chars(&record, &raw);
        let stored = used + chars <= IMPORT_BUDGET_CHARS
            && store.as_mut().is_some_and(|s| {
                s.set(&format!("{IMPORT_PREFIX}{}", record.id), &raw)
                    .is_ok()
            });
        let kept = if stored { chars } else { 0 };
        used += kept;
        out.push(to_imported(&record, shared.clone(), bundle, kept));
    }
    out
}

/// Removes an imported bundle's record (a no-op when it was kept for the session only).
pub fn forget(store: &mut impl KeyValueStore, id: &str) {
    let _ = store.remove(&format!("{IMPORT_PREFIX}{id}"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::{WELL_ARCHITECTED_JSON, well_architected};
    use crate::domain::bundle::{Integrity, export};
    use crate::domain::storage::{MemoryStore, StoreError, load_imports};
    use crate::domain::workload::Workload;

    fn bundle_text(id: &str) -> String {
        let mut w = Workload::new(id, "2026-11-01T00:00:00Z");
        w.profile.workload = "Shop".into();
        let sha = crate::domain::bundle::sha256_hex(WELL_ARCHITECTED_JSON.as_bytes());
        export(
            &w,
            &[(well_architected(), &sha, None)],
            None,
            None,
            &crate::domain::schedule::Rules::default(),
            "0.1.0",
            "2026-11-21T03:00:00Z",
        )
    }

    /// Keeps the bundles of `text`, read from `a.json`, beside `already`.
    fn keep_file(
        store: Option<&mut MemoryStore>,
        already: &[ImportedBundle],
        text: &str,
    ) -> Vec<ImportedBundle> {
        keep(store, already, "a.json", text, import(text).unwrap(), ids())
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("i-{n:010}")
        }
    }

    #[test]
    fn a_kept_bundle_is_stored_and_restored_with_its_import_id() {
        let text = bundle_text("w-0000000001");
        let bundles = import(&text).unwrap();
        let mut store = MemoryStore::default();
        let kept = keep(Some(&mut store), &[], "a.json", &text, bundles, ids());
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].id, "i-0000000001");
        assert_eq!(kept[0].bundle.workload.id, "i-0000000001");
        assert!(kept[0].stored_chars > text.len());
        let (records, notices) = load_imports(&mut store).unwrap();
        assert!(notices.is_empty());
        let (restored, refused) = restore(&records);
        assert!(refused.is_empty());
        assert_eq!(restored, kept);
    }

    #[test]
    fn beyond_the_budget_or_when_storage_refuses_a_bundle_is_kept_for_the_session() {
        let text = bundle_text("w-0000000001");
        let mut store = MemoryStore::default();
        let full = vec![ImportedBundle {
            stored_chars: IMPORT_BUDGET_CHARS - 10,
            ..keep_file(None, &[], &text).remove(0)
        }];
        let kept = keep_file(Some(&mut store), &full, &text);
        assert_eq!(kept[0].stored_chars, 0);
        assert!(store.entries.is_empty());

        store.fail_writes = Some(StoreError::Full);
        let kept = keep_file(Some(&mut store), &[], &text);
        assert_eq!((kept.len(), kept[0].stored_chars), (1, 0));
    }

    #[test]
    fn a_record_edited_in_storage_is_checked_again_on_restore() {
        let text = bundle_text("w-0000000001");
        let mut store = MemoryStore::default();
        keep_file(Some(&mut store), &[], &text);
        let (mut records, _) = load_imports(&mut store).unwrap();
        let original = records[0].text.clone();
        // Edited content: still readable, and marked as changed after export.
        records[0].text = original.replace("Shop", "Shoq");
        let (ok, _) = restore(&records);
        assert_eq!(ok[0].bundle.integrity, Integrity::Changed);
        // Broken content: refused with its problems, under the file's name.
        records[0].text = original.replace("\"format\"", "\"formt\"");
        let (ok, refused) = restore(&records);
        assert!(ok.is_empty());
        assert_eq!(refused[0].file, "a.json");
        assert!(!refused[0].issues.is_empty());

        records[0].text = text;
        records[0].index = 3;
        let (_, refused) = restore(&records);
        assert_eq!(
            refused[0].issues[0].problem,
            Problem::BundleGone { index: 3 }
        );
    }

    #[test]
    fn forgetting_removes_the_record() {
        let text = bundle_text("w-0000000001");
        let mut store = MemoryStore::default();
        let kept = keep_file(Some(&mut store), &[], &text);
        forget(&mut store, &kept[0].id);
        assert!(store.entries.is_empty());
    }
}
