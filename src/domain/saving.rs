//! Keeping storage in step with the work in memory: opening, saving, and other tabs' writes.
//!
//! [`Saved`] remembers what storage holds for each workload and for the settings, as last
//! written or read. Saving compares each workload's encoding with it, so an edit writes one key
//! and a change applied from another tab ([`Saved::apply_remote`]) writes nothing back: no echo
//! between tabs. A failed write leaves `Saved` as it was, so the next save tries again; the work
//! itself stays in memory whatever storage does.
//!
//! [`open`] is the start-up: it loads every record ([`storage::load`], which moves unreadable
//! ones aside), lists the consultant's imported bundles' records (which the app restores with
//! [`imports::restore`] when a page first needs them, so that the bundle reader is not
//! start-page code), and folds what the user must be told into one list.

use crate::domain::storage::{
    self, ImportRecord, KeyValueStore, LENS_PREFIX, LoadNotice, QUARANTINE_PREFIX, RecordError,
    SETTINGS_KEY, Settings, StoreError, StoredLens, WORKLOAD_PREFIX, decode_lens_for_key,
    decode_settings, decode_workload_for_key, encode_settings, encode_workload,
};
use crate::domain::workload::Workload;
use std::collections::HashMap;

/// What storage holds, as last written or read.
#[derive(Clone, Debug)]
pub struct Saved {
    workloads: HashMap<String, String>,
    /// `None` when the settings must not be written (a newer release wrote them).
    settings: Option<String>,
}

impl Default for Saved {
    /// Nothing known to be stored: the first save writes everything.
    fn default() -> Self {
        Saved {
            workloads: HashMap::new(),
            settings: Some(String::new()),
        }
    }
}

/// A record set aside because it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    /// Its key now.
    pub key: String,
    /// Why it was moved, when this load moved it (not known for one moved earlier).
    pub reason: Option<RecordError>,
}

/// What [`open`] found.
#[derive(Clone, Debug)]
pub struct Opened {
    /// The settings (defaults if absent or unreadable).
    pub settings: Settings,
    /// The user's workloads, oldest first.
    pub workloads: Vec<Workload>,
    /// Records set aside, the user's and imports' alike.
    pub quarantined: Vec<Quarantined>,
    /// What the user must be told (records moved aside are in `quarantined` instead, and any
    /// number of records from a newer release make one notice).
    pub notices: Vec<LoadNotice>,
    /// The imported bundles' records, still to be checked and read ([`imports::restore`]).
    ///
    /// [`imports::restore`]: crate::domain::imports::restore
    pub import_records: Vec<ImportRecord>,
    /// The lens files the user loaded.
    pub lenses: Vec<StoredLens>,
    /// What storage holds now.
    pub saved: Saved,
}

impl Opened {
    /// Nothing stored: the start when storage cannot be opened at all (the app then runs from
    /// memory, and the first save that works writes everything).
    pub fn empty() -> Opened {
        Opened {
            settings: Settings::default(),
            workloads: Vec::new(),
            quarantined: Vec::new(),
            notices: Vec::new(),
            import_records: Vec::new(),
            lenses: Vec::new(),
            saved: Saved::default(),
        }
    }
}

/// Opens the store: loads the user's records and the imported bundles (a failure to list the
/// imports loses only them), moving unreadable records aside.
pub fn open(store: &mut impl KeyValueStore) -> Result<Opened, StoreError> {
    let loaded = storage::load(store)?;
    let mut saved = Saved::default();
    for w in &loaded.workloads {
        saved.workloads.insert(w.id.clone(), encode_workload(w));
    }
    if !loaded.settings_writable {
        saved.settings = None;
    }
    let mut notices: Vec<LoadNotice> = Vec::new();
    let mut reasons: HashMap<String, RecordError> = HashMap::new();
    let mut record = |n: LoadNotice, notices: &mut Vec<LoadNotice>| match n {
        LoadNotice::Quarantined {
            moved_to, reason, ..
        } => {
            reasons.insert(moved_to, reason);
        }
        LoadNotice::Newer { .. } => {
            if !notices
                .iter()
                .any(|x| matches!(x, LoadNotice::Newer { .. }))
            {
                notices.push(n);
            }
        }
        other => notices.push(other),
    };
    for n in loaded.notices {
        record(n, &mut notices);
    }
    let mut quarantined_keys = loaded.quarantined;
    let import_records = match storage::load_imports(store) {
        Ok((records, import_notices)) => {
            for n in import_notices {
                if let LoadNotice::Quarantined { moved_to, .. } = &n {
                    quarantined_keys.push(moved_to.clone());
                }
                record(n, &mut notices);
            }
            records
        }
        Err(_) => Vec::new(),
    };
    let quarantined = quarantined_keys
        .into_iter()
        .map(|key| Quarantined {
            reason: reasons.get(&key).cloned(),
            key,
        })
        .collect();
    Ok(Opened {
        settings: loaded.settings,
        workloads: loaded.workloads,
        quarantined,
        notices,
        import_records,
        lenses: loaded.lenses,
        saved,
    })
}

/// Another tab's write, as this tab must apply it.
#[derive(Clone, Debug, PartialEq)]
pub enum Remote {
    /// Not ours, unreadable, or from a newer release: left for the next load.
    Nothing,
    /// A workload was written (created or changed).
    Written(Box<Workload>),
    /// A workload was deleted.
    Deleted(String),
    /// The settings changed.
    Settings(Settings),
    /// A record was set aside under this key.
    QuarantineAdded(String),
    /// A record set aside was discarded.
    QuarantineRemoved(String),
    /// A lens file was loaded (stored lenses are never removed while a tab is open: a
    /// workload here may still use it).
    Lens(Box<StoredLens>),
}

impl Saved {
    /// Writes the workloads that differ from what storage holds and deletes those that are
    /// gone. Every write is tried; the last failure is returned.
    pub fn save_workloads(
        &mut self,
        store: &mut impl KeyValueStore,
        workloads: &[Workload],
    ) -> Result<(), StoreError> {
        let mut result = Ok(());
        for w in workloads {
            let encoded = encode_workload(w);
            if self.workloads.get(&w.id) != Some(&encoded) {
                match store.set(&storage::workload_key(&w.id), &encoded) {
                    Ok(()) => {
                        self.workloads.insert(w.id.clone(), encoded);
                    }
                    Err(e) => result = Err(e),
                }
            }
        }
        let gone: Vec<String> = self
            .workloads
            .keys()
            .filter(|id| !workloads.iter().any(|w| &w.id == *id))
            .cloned()
            .collect();
        for id in gone {
            match storage::delete_workload(store, &id) {
                Ok(()) => {
                    self.workloads.remove(&id);
                }
                Err(e) => result = Err(e),
            }
        }
        result
    }

    /// Writes the settings when they changed, unless a newer release owns them.
    pub fn save_settings(
        &mut self,
        store: &mut impl KeyValueStore,
        settings: &Settings,
    ) -> Result<(), StoreError> {
        let encoded = encode_settings(settings);
        match &self.settings {
            None => Ok(()),
            Some(previous) if *previous == encoded => Ok(()),
            Some(_) => {
                store.set(SETTINGS_KEY, &encoded)?;
                self.settings = Some(encoded);
                Ok(())
            }
        }
    }

    /// Takes note of another tab's write to `key` (`None`: removed) and says what to apply.
    /// What it returns is already counted as stored, so applying it saves nothing.
    pub fn apply_remote(&mut self, key: &str, value: Option<&str>) -> Remote {
        if let Some(id) = key.strip_prefix(WORKLOAD_PREFIX) {
            match value {
                None => {
                    self.workloads.remove(id);
                    Remote::Deleted(id.to_owned())
                }
                Some(raw) => match decode_workload_for_key(key, raw) {
                    Ok(w) => {
                        self.workloads.insert(w.id.clone(), encode_workload(&w));
                        Remote::Written(Box::new(w))
                    }
                    Err(_) => Remote::Nothing,
                },
            }
        } else if key == SETTINGS_KEY {
            match value.map(decode_settings) {
                Some(Ok(settings)) => {
                    if self.settings.is_some() {
                        self.settings = Some(encode_settings(&settings));
                    }
                    Remote::Settings(settings)
                }
                _ => Remote::Nothing,
            }
        } else if key.starts_with(LENS_PREFIX) {
            match value.map(|raw| decode_lens_for_key(key, raw)) {
                Some(Ok(lens)) => Remote::Lens(Box::new(lens)),
                _ => Remote::Nothing,
            }
        } else if key.starts_with(QUARANTINE_PREFIX) {
            match value {
                Some(_) => Remote::QuarantineAdded(key.to_owned()),
                None => Remote::QuarantineRemoved(key.to_owned()),
            }
        } else {
            Remote::Nothing
        }
    }
}

/// A lens file the user picked from disk, checked before anything is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    /// A lens not loaded before: store it and offer it.
    New {
        /// What to store.
        stored: StoredLens,
        /// The lens read from it.
        lens: Box<crate::domain::lens::Lens>,
        /// What the lens parser warned of.
        warnings: Vec<crate::domain::validate::Issue>,
    },
    /// This very file is loaded already (same id, same SHA-256): nothing to store.
    AlreadyLoaded(String),
}

/// Checks a picked lens file: the lens parser's errors, then its id, which is its name's slug
/// for an AWS lens (as `preflight lens check` prints it). An id the app builds in or the site
/// lists (`reserved`) is refused, and so is a *different* file under the id of a lens already
/// loaded (`loaded` gives a loaded lens's SHA-256): replacing it would change the questions of
/// every workload that answered it, so it is never done silently.
pub fn pick_lens(
    file: String,
    reserved: &[&str],
    builtin: &[&str],
    loaded: impl Fn(&str) -> Option<String>,
) -> Result<Picked, Vec<crate::domain::validate::Issue>> {
    use crate::domain::validate::{Issue, Problem};
    let report = crate::domain::lens::Lens::read(&file);
    let lens = report.lens?;
    let id = lens.id.clone();
    let refuse = |problem| Err(vec![Issue::at_root(problem)]);
    if builtin.contains(&id.as_str()) {
        return refuse(Problem::BuiltinLensId { id });
    }
    if reserved.contains(&id.as_str()) {
        return refuse(Problem::LensIdTaken { id });
    }
    let sha = crate::domain::bundle::sha256_hex(file.as_bytes());
    match loaded(&id) {
        Some(s) if s == sha => Ok(Picked::AlreadyLoaded(id)),
        Some(_) => refuse(Problem::LensIdTaken { id }),
        None => Ok(Picked::New {
            stored: StoredLens { id, file },
            lens: Box::new(lens),
            warnings: report.warnings,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage::{IMPORT_PREFIX, MemoryStore, SCHEMA, workload_key};
    use crate::domain::text::Lang;

    fn workload(id: &str, name: &str) -> Workload {
        let mut w = Workload::new(id, "2026-11-01T00:00:00Z");
        w.profile.workload = name.into();
        w
    }

    /// A store that counts writes, to show what a save touches.
    #[derive(Default)]
    struct Counting {
        inner: MemoryStore,
        writes: Vec<String>,
    }

    impl KeyValueStore for Counting {
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            self.writes.push(key.to_owned());
            self.inner.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StoreError> {
            self.writes.push(format!("-{key}"));
            self.inner.remove(key)
        }
    }

    const AWS_LENS: &str = include_str!("../../tests/fixtures/lenses/aws-reused-choice-ids.json");

    #[test]
    fn a_picked_lens_is_stored_read_back_and_seen_by_another_tab() {
        let Picked::New {
            stored: picked,
            lens,
            warnings,
        } = pick_lens(AWS_LENS.into(), &[], &[], |_| None).unwrap()
        else {
            panic!("a new lens")
        };
        assert_eq!(
            picked.id, "reused_ids_lens",
            "an AWS lens's id is its name's slug"
        );
        assert_eq!((lens.question_count(), warnings.len()), (2, 0));
        let mut store = MemoryStore::default();
        storage::save_lens(&mut store, &picked.id, &picked.file).unwrap();
        let opened = open(&mut store).unwrap();
        assert_eq!(opened.lenses, std::slice::from_ref(&picked));
        assert_eq!(opened.lenses[0].file, AWS_LENS, "kept byte for byte");
        // Another tab stored it: this one takes it in.
        let key = storage::lens_key("reused_ids_lens");
        let raw = store.get(&key).unwrap();
        let mut other = Saved::default();
        assert_eq!(
            other.apply_remote(&key, raw.as_deref()),
            Remote::Lens(Box::new(picked))
        );
    }

    #[test]
    fn a_picked_lens_never_replaces_another_silently() {
        let sha = crate::domain::bundle::sha256_hex(AWS_LENS.as_bytes());
        assert_eq!(
            pick_lens(AWS_LENS.into(), &[], &[], |_| Some(sha.clone())).unwrap(),
            Picked::AlreadyLoaded("reused_ids_lens".into())
        );
        let en = |r: Result<Picked, Vec<crate::domain::validate::Issue>>| -> Vec<String> {
            r.unwrap_err()
                .iter()
                .map(|i| crate::i18n::issue_text(i, Lang::En))
                .collect()
        };
        assert_eq!(
            en(pick_lens(AWS_LENS.into(), &[], &[], |_| Some(
                "0".repeat(64)
            ))),
            [
                "$: a different lens with the id “reused_ids_lens” is already here; rename this one (its name gives an AWS lens its id)"
            ]
        );
        assert_eq!(
            en(pick_lens(
                AWS_LENS.into(),
                &["reused_ids_lens"],
                &[],
                |_| None
            )),
            [
                "$: a different lens with the id “reused_ids_lens” is already here; rename this one (its name gives an AWS lens its id)"
            ]
        );
        let renamed = AWS_LENS.replace("Reused Ids Lens", "Managed Services");
        assert_eq!(
            en(pick_lens(renamed, &[], &["managed_services"], |_| None)),
            [
                "$: “managed_services” is the id of a lens built into the app; give this lens another"
            ]
        );
        assert_eq!(
            en(pick_lens("{".into(), &[], &[], |_| None)).len(),
            1,
            "not JSON: the parser's error"
        );
    }

    #[test]
    fn a_stored_lens_record_that_does_not_read_is_set_aside_not_lost() {
        let mut store = MemoryStore::default();
        let key = storage::lens_key("reused_ids_lens");
        // Filed under another id: not this key's record.
        let wrong = storage::encode_lens("other_lens", AWS_LENS);
        store.set(&key, &wrong).unwrap();
        let opened = open(&mut store).unwrap();
        assert!(opened.lenses.is_empty());
        assert_eq!(opened.quarantined.len(), 1);
        let moved = &opened.quarantined[0].key;
        assert_eq!(store.get(moved).unwrap().as_deref(), Some(wrong.as_str()));
        assert_eq!(store.get(&key).unwrap(), None);
    }

    #[test]
    fn a_stored_lens_file_that_no_longer_parses_is_kept_as_it_is() {
        // The record is whole; the lens in it is read when the app needs it, and fails there.
        let mut store = MemoryStore::default();
        let key = storage::lens_key("reused_ids_lens");
        let record = storage::encode_lens("reused_ids_lens", "{\"name\": \"x\"}");
        store.set(&key, &record).unwrap();
        let opened = open(&mut store).unwrap();
        assert_eq!(opened.lenses[0].id, "reused_ids_lens");
        assert!(
            crate::domain::lens::Lens::read_as(&opened.lenses[0].file, "reused_ids_lens").is_err()
        );
        assert_eq!(store.get(&key).unwrap().as_deref(), Some(record.as_str()));
    }

    #[test]
    fn an_edit_writes_one_key_and_a_deletion_removes_one() {
        let mut store = Counting::default();
        let mut saved = Saved::default();
        let mut ws = vec![workload("w-a", "A"), workload("w-b", "B")];
        saved.save_workloads(&mut store, &ws).unwrap();
        assert_eq!(store.writes.len(), 2);
        store.writes.clear();

        saved.save_workloads(&mut store, &ws).unwrap();
        assert!(store.writes.is_empty(), "nothing changed, nothing written");

        ws[1].profile.workload = "B2".into();
        saved.save_workloads(&mut store, &ws).unwrap();
        assert_eq!(store.writes, [workload_key("w-b")]);
        store.writes.clear();

        ws.remove(0);
        saved.save_workloads(&mut store, &ws).unwrap();
        assert_eq!(store.writes, [format!("-{}", workload_key("w-a"))]);
        let opened = open(&mut store.inner).unwrap();
        assert_eq!(opened.workloads, ws);
    }

    #[test]
    fn two_tabs_follow_each_other_without_echo() {
        // Both tabs share one store; the browser tells each of the other's writes.
        let mut store = Counting::default();
        let first = workload("w-a", "A");
        Saved::default()
            .save_workloads(&mut store, std::slice::from_ref(&first))
            .unwrap();
        let mut tab1 = open(&mut store).unwrap();
        let mut tab2 = open(&mut store).unwrap();
        store.writes.clear();

        // Tab 1 edits; tab 2 hears of it and applies it.
        tab1.workloads[0].profile.workload = "A, edited".into();
        tab1.saved
            .save_workloads(&mut store, &tab1.workloads)
            .unwrap();
        let key = workload_key("w-a");
        let raw = store.get(&key).unwrap();
        match tab2.saved.apply_remote(&key, raw.as_deref()) {
            Remote::Written(w) => tab2.workloads[0] = *w,
            other => panic!("{other:?}"),
        }
        assert_eq!(tab2.workloads, tab1.workloads);
        // Tab 2's save effect then runs: it writes nothing back.
        store.writes.clear();
        tab2.saved
            .save_workloads(&mut store, &tab2.workloads)
            .unwrap();
        assert!(store.writes.is_empty(), "echo: {:?}", store.writes);

        // Tab 2 deletes; tab 1 hears of it.
        tab2.workloads.clear();
        tab2.saved
            .save_workloads(&mut store, &tab2.workloads)
            .unwrap();
        assert_eq!(
            tab1.saved.apply_remote(&key, None),
            Remote::Deleted("w-a".into())
        );
        tab1.workloads.clear();
        store.writes.clear();
        tab1.saved
            .save_workloads(&mut store, &tab1.workloads)
            .unwrap();
        assert!(store.writes.is_empty());

        // The language follows; the settings are not written back.
        let settings = Settings {
            language: Some(Lang::ZhCn),
            active_workload: None,
        };
        tab1.saved.save_settings(&mut store, &settings).unwrap();
        let raw = store.get(SETTINGS_KEY).unwrap();
        assert_eq!(
            tab2.saved.apply_remote(SETTINGS_KEY, raw.as_deref()),
            Remote::Settings(settings.clone())
        );
        store.writes.clear();
        tab2.saved.save_settings(&mut store, &settings).unwrap();
        assert!(store.writes.is_empty());
    }

    #[test]
    fn a_full_store_keeps_the_work_and_the_next_save_tries_again() {
        let mut store = MemoryStore::default();
        let mut saved = Saved::default();
        let ws = vec![workload("w-a", "A")];
        store.fail_writes = Some(StoreError::Full);
        assert_eq!(saved.save_workloads(&mut store, &ws), Err(StoreError::Full));
        assert_eq!(
            saved.save_settings(&mut store, &Settings::default()),
            Err(StoreError::Full)
        );
        store.fail_writes = None;
        saved.save_workloads(&mut store, &ws).unwrap();
        saved
            .save_settings(&mut store, &Settings::default())
            .unwrap();
        assert_eq!(open(&mut store).unwrap().workloads, ws);
        assert!(store.entries.contains_key(SETTINGS_KEY));
    }

    #[test]
    fn a_corrupt_record_is_set_aside_with_its_reason_and_another_tabs_is_ignored() {
        let mut store = MemoryStore::default();
        store
            .entries
            .insert(workload_key("w-bad"), "{not json".into());
        store.entries.insert(
            format!("{IMPORT_PREFIX}i-1"),
            format!(r#"{{"schema":{SCHEMA},"id":"i-1"}}"#),
        );
        let mut opened = open(&mut store).unwrap();
        assert!(opened.workloads.is_empty());
        assert_eq!(opened.quarantined.len(), 2);
        assert!(opened.quarantined.iter().all(|q| q.reason.is_some()));
        assert!(
            opened.notices.is_empty(),
            "shown from the quarantine list: {:?}",
            opened.notices
        );
        assert!(!store.entries.contains_key(&workload_key("w-bad")));
        // Open again: the records are still set aside, their reasons no longer known.
        let again = open(&mut store).unwrap();
        assert_eq!(again.quarantined.len(), 2);

        // Another tab writes garbage: nothing to apply, nothing counted as stored.
        let key = workload_key("w-c");
        assert_eq!(
            opened.saved.apply_remote(&key, Some("garbage")),
            Remote::Nothing
        );
        assert_eq!(
            opened
                .saved
                .apply_remote("preflight.quarantine.x.1", Some("x")),
            Remote::QuarantineAdded("preflight.quarantine.x.1".into())
        );
        assert_eq!(
            opened.saved.apply_remote("someone.else", Some("x")),
            Remote::Nothing
        );
    }

    #[test]
    fn a_newer_schema_is_left_alone_with_one_notice() {
        let newer = SCHEMA + 1;
        let mut store = MemoryStore::default();
        for id in ["w-a", "w-b"] {
            store.entries.insert(
                workload_key(id),
                format!(r#"{{"schema":{newer},"id":"{id}"}}"#),
            );
        }
        let settings = format!(r#"{{"schema":{newer},"language":"xx"}}"#);
        store.entries.insert(SETTINGS_KEY.into(), settings.clone());
        let mut opened = open(&mut store).unwrap();
        assert!(opened.workloads.is_empty());
        assert!(opened.quarantined.is_empty());
        assert_eq!(opened.notices.len(), 1);
        assert!(matches!(opened.notices[0], LoadNotice::Newer { .. }));
        // Nothing is overwritten: not the newer records, not the newer settings.
        let before = store.entries.clone();
        opened
            .saved
            .save_workloads(&mut store, &opened.workloads)
            .unwrap();
        opened
            .saved
            .save_settings(
                &mut store,
                &Settings {
                    language: Some(Lang::En),
                    active_workload: None,
                },
            )
            .unwrap();
        assert_eq!(store.entries, before);
        // Another tab of the newer release writes one: left for the next load.
        assert_eq!(
            opened.saved.apply_remote(
                &workload_key("w-a"),
                before.get(&workload_key("w-a")).map(String::as_str)
            ),
            Remote::Nothing
        );
    }
}
