//! The browser storage schema, and loading and saving through any key-value store.
//!
//! Layout *(product choice)*: one key per workload (`preflight.workload.<id>`) plus one for
//! settings (`preflight.settings`), so that two tabs editing different workloads never write the
//! same key. Every record carries a `schema` number; older records are migrated when read, newer
//! ones (written by a later release in another tab) are left untouched and not used.
//!
//! A record that cannot be read is never overwritten or dropped: it is moved aside under a
//! `preflight.quarantine.…` key, and the load reports it so the user is told and can download it.
//! If even that fails (storage full), the record stays where it is and is not used.
//!
//! The [`KeyValueStore`] trait is all this module needs of storage: the web shell implements it
//! over `localStorage`, the tests over a map.

use crate::domain::text::Lang;
use crate::domain::validate::{Checker, Issue, JsonPath, Problem, parse_json};
use crate::domain::workload::{Workload, is_workload_id};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// The schema this build writes.
///
/// 1: profile and answers. 2: adds chosen lenses, pillar priorities and milestones. 3: adds the
/// service selection. New members are optional, so an older record reads as a newer one without
/// them; the number still changes so that a tab running an older release leaves newer records
/// alone rather than rewriting them without the new members.
pub const SCHEMA: u32 = 3;
/// Every key this app owns starts with this.
pub const PREFIX: &str = "preflight.";
/// The settings record.
pub const SETTINGS_KEY: &str = "preflight.settings";
/// Workload records: this prefix and the workload id.
pub const WORKLOAD_PREFIX: &str = "preflight.workload.";
/// Records moved aside: this prefix, the original key's tail and a number.
pub const QUARANTINE_PREFIX: &str = "preflight.quarantine.";
/// Bundles a consultant imported: this prefix and the import id (kept apart from workloads).
pub const IMPORT_PREFIX: &str = "preflight.import.";
/// Lens files the user loaded from disk: this prefix and the lens id.
pub const LENS_PREFIX: &str = "preflight.lens.";
/// The most storage (in characters, as browsers count it) that imported bundles may take. Browsers
/// give a site about 5 million characters of local storage; keeping imports under this share
/// leaves the user's own workloads room to save. Bundles beyond it are kept for the session only.
pub const IMPORT_BUDGET_CHARS: usize = 2_000_000;
/// The largest record read back (a workload is a few tens of KB at most).
pub const MAX_RECORD_BYTES: usize = 2_000_000;

/// Why storage could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage at all (disabled, private mode, sandboxed frame).
    Unavailable(String),
    /// The quota is used up.
    Full,
    /// Any other failure, with the browser's message.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(m) => write!(f, "storage is unavailable ({m})"),
            StoreError::Full => f.write_str("storage is full"),
            StoreError::Failed(m) => write!(f, "storage failed ({m})"),
        }
    }
}

/// What this module needs of a store.
pub trait KeyValueStore {
    /// Every key present.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The value under `key`.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// A store in memory, for tests and for running without storage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    /// The entries.
    pub entries: BTreeMap<String, String>,
    /// When set, every `set` fails with this error (to simulate a full or broken store).
    pub fail_writes: Option<StoreError>,
}

impl KeyValueStore for MemoryStore {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(e) = &self.fail_writes {
            return Err(e.clone());
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }
}

/// Settings kept across visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The chosen language; unset means "follow the browser".
    pub language: Option<Lang>,
    /// The workload last worked on.
    pub active_workload: Option<String>,
}

/// A record: the body's members and `schema` (keys sorted, so equal records encode equally).
fn record(body: Value) -> String {
    let mut out = Map::new();
    out.insert("schema".into(), Value::from(SCHEMA));
    if let Value::Object(members) = body {
        out.extend(members);
    }
    Value::Object(out).to_string()
}

/// Why a record could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordError {
    /// Not readable: bad JSON, wrong shape, broken limits. The issues say where.
    Corrupt(Vec<Issue>),
    /// Written by a newer release.
    Newer(u32),
}

fn corrupt(path: JsonPath, problem: Problem) -> RecordError {
    RecordError::Corrupt(vec![Issue { path, problem }])
}

/// Reads the `schema` number and the record as JSON.
fn open_record(raw: &str) -> Result<(u32, Value), RecordError> {
    let value = parse_json(raw, MAX_RECORD_BYTES).map_err(|i| RecordError::Corrupt(vec![i]))?;
    let path = JsonPath::root().key("schema");
    let schema = match value.get("schema") {
        None => return Err(corrupt(path, Problem::Missing)),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| {
                corrupt(
                    path,
                    Problem::WrongType {
                        expected: crate::domain::validate::Kind::WholeNumber,
                        found: crate::domain::validate::type_name(v),
                    },
                )
            })?,
    };
    if schema > SCHEMA {
        return Err(RecordError::Newer(schema));
    }
    if schema == 0 {
        return Err(corrupt(
            JsonPath::root().key("schema"),
            Problem::UnsupportedVersion {
                found: "0".into(),
                supported: format!("1 to {SCHEMA}"),
            },
        ));
    }
    // Older schemas need no migration: every member added since 1 is optional and reads as
    // empty (see [`SCHEMA`]). A change that is not must convert the value here.
    Ok((schema, value))
}

/// Serializes a workload record.
pub fn encode_workload(workload: &Workload) -> String {
    record(workload.to_value())
}

/// Reads a workload record, migrating older schemas.
pub fn decode_workload(raw: &str) -> Result<Workload, RecordError> {
    let (_, value) = open_record(raw)?;
    let mut c = Checker::new();
    match Workload::from_value(&mut c, &value, &JsonPath::root()) {
        Some(w) if c.is_clean() => Ok(w),
        _ => Err(RecordError::Corrupt(c.into_issues())),
    }
}

/// Serializes the settings record.
pub fn encode_settings(settings: &Settings) -> String {
    let mut body = Map::new();
    if let Some(lang) = settings.language {
        body.insert("language".into(), Value::from(lang.tag()));
    }
    if let Some(id) = &settings.active_workload {
        body.insert("active_workload".into(), Value::from(id.as_str()));
    }
    record(Value::Object(body))
}

/// Reads the settings record. An unknown language or a malformed id is a problem like any other.
pub fn decode_settings(raw: &str) -> Result<Settings, RecordError> {
    let (_, value) = open_record(raw)?;
    let mut c = Checker::new();
    let root = JsonPath::root();
    let mut settings = Settings::default();
    if let Some(obj) = c.object(&value, &root) {
        if let Some(v) = obj.get("language").filter(|v| !v.is_null()) {
            let path = root.key("language");
            if let Some(tag) = c.free_text(v, &path, 16) {
                settings.language = Lang::from_tag(&tag);
                if settings.language.is_none() {
                    c.report(
                        &path,
                        Problem::NotOneOf {
                            found: tag,
                            allowed: &["en", "zh-CN"],
                        },
                    );
                }
            }
        }
        if let Some(v) = obj.get("active_workload").filter(|v| !v.is_null()) {
            let path = root.key("active_workload");
            if let Some(id) = c.free_text(v, &path, 160) {
                if is_workload_id(&id) {
                    settings.active_workload = Some(id);
                } else {
                    c.report(
                        &path,
                        Problem::BadId {
                            id,
                            max: crate::domain::workload::MAX_WORKLOAD_ID,
                            allowed: crate::domain::validate::IdChars::Slug,
                        },
                    );
                }
            }
        }
    }
    if c.is_clean() {
        Ok(settings)
    } else {
        Err(RecordError::Corrupt(c.into_issues()))
    }
}

/// The storage key of a workload.
pub fn workload_key(id: &str) -> String {
    format!("{WORKLOAD_PREFIX}{id}")
}

/// An imported bundle as stored: the file's name, which of its bundles (a v0 backup holds
/// several), and the file's text as it was, so that its checksum is checked again on every load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRecord {
    /// The import id (`i-…`).
    pub id: String,
    /// The file name the consultant imported.
    pub file: String,
    /// Index of the bundle in the file.
    pub index: usize,
    /// The file's text.
    pub text: String,
}

/// Serializes an import record.
pub fn encode_import(r: &ImportRecord) -> String {
    let mut body = Map::new();
    body.insert("id".into(), Value::from(r.id.as_str()));
    body.insert("file".into(), Value::from(r.file.as_str()));
    body.insert("index".into(), Value::from(r.index));
    body.insert("text".into(), Value::from(r.text.as_str()));
    record(Value::Object(body))
}

/// Reads an import record (the bundle inside is imported again by the caller).
pub fn decode_import(raw: &str) -> Result<ImportRecord, RecordError> {
    let (_, value) = open_record(raw)?;
    let mut c = Checker::new();
    let root = JsonPath::root();
    let obj = c.object(&value, &root);
    let mut field = |k: &str, max: usize| {
        obj.and_then(|o| c.required(o, k, &root).cloned())
            .and_then(|v| c.free_text(&v, &root.key(k), max))
    };
    let id = field("id", 40);
    let file = field("file", 300);
    let text = field("text", MAX_RECORD_BYTES);
    let index = obj
        .and_then(|o| c.required(o, "index", &root).cloned())
        .and_then(|v| c.number(&v, &root.key("index"), 0.0, 500.0))
        .map(|n| n as usize);
    match (id, file, index, text) {
        (Some(id), Some(file), Some(index), Some(text)) if c.is_clean() && id.starts_with("i-") => {
            Ok(ImportRecord {
                id,
                file,
                index,
                text,
            })
        }
        _ => {
            if c.is_clean() {
                c.report(&root.key("id"), Problem::NotImportId);
            }
            Err(RecordError::Corrupt(c.into_issues()))
        }
    }
}

/// Loads the imported bundles' records, moving unreadable ones aside like any record.
pub fn load_imports(
    store: &mut impl KeyValueStore,
) -> Result<(Vec<ImportRecord>, Vec<LoadNotice>), StoreError> {
    let mut keys = store.keys()?;
    keys.sort();
    let mut loaded = Loaded::default();
    let mut out = Vec::new();
    for key in keys.iter().filter(|k| k.starts_with(IMPORT_PREFIX)) {
        let Some(raw) = store.get(key)? else { continue };
        match decode_import(&raw) {
            Ok(r) if key.strip_prefix(IMPORT_PREFIX) == Some(r.id.as_str()) => out.push(r),
            Ok(_) => quarantine(
                store,
                key,
                &raw,
                &corrupt(
                    JsonPath::root().key("id"),
                    Problem::KeyMismatch { key: key.clone() },
                ),
                &keys,
                &mut loaded,
            ),
            Err(RecordError::Newer(schema)) => loaded.notices.push(LoadNotice::Newer {
                key: key.clone(),
                schema,
            }),
            Err(e) => quarantine(store, key, &raw, &e, &keys, &mut loaded),
        }
    }
    Ok((out, loaded.notices))
}

/// Something the user must be told after loading.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadNotice {
    /// A record could not be read and was moved aside.
    Quarantined {
        /// Where it was.
        key: String,
        /// Where it is now.
        moved_to: String,
        /// Why it could not be read.
        reason: RecordError,
    },
    /// A record could not be read, nor moved aside; it stays where it is, unused and untouched.
    Unreadable {
        /// Where it is.
        key: String,
        /// Why it could not be read.
        reason: RecordError,
        /// Why it could not be moved.
        error: StoreError,
    },
    /// A record from a newer release; left as is and not used.
    Newer {
        /// Where it is.
        key: String,
        /// Its schema.
        schema: u32,
    },
}

/// What [`load`] found.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The settings (defaults if absent or unreadable).
    pub settings: Settings,
    /// False when the stored settings are from a newer release: do not overwrite them.
    pub settings_writable: bool,
    /// The readable workloads, oldest first.
    pub workloads: Vec<Workload>,
    /// Quarantined records present (including any moved aside by this load).
    pub quarantined: Vec<String>,
    /// What the user must be told.
    pub notices: Vec<LoadNotice>,
    /// The lens files the user loaded, by key order.
    pub lenses: Vec<StoredLens>,
}

/// A lens file the user loaded, as stored: `{"schema", "id", "file"}`, the file's text kept as
/// it was so that bundles carry it byte for byte (and its SHA-256 stays the same).
///
/// Loading checks the record's shape, not the lens: the lens parser is page code, not
/// first-load code, so the app reads the file when it needs the lens, and a file that no longer
/// reads is shown as failed there and left as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLens {
    /// Its id in workloads and bundles (an AWS lens's is derived from its name).
    pub id: String,
    /// The file, as loaded.
    pub file: String,
}

/// The key of a stored lens.
pub fn lens_key(id: &str) -> String {
    format!("{LENS_PREFIX}{id}")
}

/// A stored lens's record.
pub fn encode_lens(id: &str, file: &str) -> String {
    let mut m = Map::new();
    m.insert("schema".into(), SCHEMA.into());
    m.insert("id".into(), id.into());
    m.insert("file".into(), file.into());
    Value::Object(m).to_string()
}

/// Reads a stored lens's record under its key.
pub fn decode_lens_for_key(key: &str, raw: &str) -> Result<StoredLens, RecordError> {
    let (_, value) = open_record(raw)?;
    let mut c = Checker::new();
    let root = JsonPath::root();
    let Some(obj) = c.object(&value, &root) else {
        return Err(RecordError::Corrupt(c.into_issues()));
    };
    let id = c.required(obj, "id", &root).and_then(|v| {
        c.id(
            v,
            &root.key("id"),
            64,
            crate::domain::validate::IdChars::Word,
        )
    });
    let file = c
        .required(obj, "file", &root)
        .and_then(|v| c.string(v, &root.key("file"), crate::domain::lens::MAX_LENS_BYTES));
    let (Some(id), Some(file)) = (id, file) else {
        return Err(RecordError::Corrupt(c.into_issues()));
    };
    if key.strip_prefix(LENS_PREFIX) != Some(id.as_str()) {
        return Err(corrupt(
            root.key("id"),
            Problem::KeyMismatch {
                key: key.to_owned(),
            },
        ));
    }
    Ok(StoredLens { id, file })
}

/// Stores a lens file the user loaded.
pub fn save_lens(store: &mut impl KeyValueStore, id: &str, file: &str) -> Result<(), StoreError> {
    store.set(&lens_key(id), &encode_lens(id, file))
}

/// What the app needs from storage before its first screen: the settings (the interface
/// language, the last workload), and whether the rest must be read at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Peeked {
    /// The settings as stored (the defaults when there are none or they cannot be read).
    pub settings: Settings,
    /// Whether storage holds anything [`load`] has to read or report: a record other than the
    /// settings, or settings that cannot be read as they are. A new visitor's storage holds
    /// nothing, so their first screen never reads, or fetches the code that reads, the rest.
    pub holds_more: bool,
}

/// Reads only the settings, and looks at the keys (reading, moving or writing nothing else).
/// A storage that cannot list or read its keys holds more: [`load`] reports what is wrong.
pub fn peek(store: &impl KeyValueStore) -> Peeked {
    let Ok(keys) = store.keys() else {
        return Peeked {
            holds_more: true,
            ..Peeked::default()
        };
    };
    let others = keys
        .iter()
        .any(|k| k.starts_with(PREFIX) && k != SETTINGS_KEY);
    let settings = match store.get(SETTINGS_KEY) {
        Ok(None) => Ok(Settings::default()),
        Ok(Some(raw)) => decode_settings(&raw).map_err(drop),
        Err(_) => Err(()),
    };
    match settings {
        Ok(settings) => Peeked {
            settings,
            holds_more: others,
        },
        Err(()) => Peeked {
            settings: Settings::default(),
            holds_more: true,
        },
    }
}

/// Loads everything, moving unreadable records aside.
pub fn load(store: &mut impl KeyValueStore) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded {
        settings_writable: true,
        ..Loaded::default()
    };
    let mut keys = store.keys()?;
    keys.sort();
    for key in &keys {
        if key == SETTINGS_KEY {
            let Some(raw) = store.get(key)? else { continue };
            match decode_settings(&raw) {
                Ok(settings) => loaded.settings = settings,
                Err(RecordError::Newer(schema)) => {
                    loaded.settings_writable = false;
                    loaded.notices.push(LoadNotice::Newer {
                        key: key.clone(),
                        schema,
                    });
                }
                Err(e) => quarantine(store, key, &raw, &e, &keys, &mut loaded),
            }
        } else if key.starts_with(WORKLOAD_PREFIX) {
            let Some(raw) = store.get(key)? else { continue };
            let result = decode_workload_for_key(key, &raw);
            match result {
                Ok(w) => loaded.workloads.push(w),
                Err(RecordError::Newer(schema)) => loaded.notices.push(LoadNotice::Newer {
                    key: key.clone(),
                    schema,
                }),
                Err(e) => quarantine(store, key, &raw, &e, &keys, &mut loaded),
            }
        } else if key.starts_with(LENS_PREFIX) {
            let Some(raw) = store.get(key)? else { continue };
            match decode_lens_for_key(key, &raw) {
                Ok(lens) => loaded.lenses.push(lens),
                Err(RecordError::Newer(schema)) => loaded.notices.push(LoadNotice::Newer {
                    key: key.clone(),
                    schema,
                }),
                Err(e) => quarantine(store, key, &raw, &e, &keys, &mut loaded),
            }
        } else if key.starts_with(QUARANTINE_PREFIX) {
            loaded.quarantined.push(key.clone());
        }
    }
    loaded
        .workloads
        .sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    loaded.quarantined.sort();
    Ok(loaded)
}

fn quarantine(
    store: &mut impl KeyValueStore,
    key: &str,
    raw: &str,
    error: &RecordError,
    keys: &[String],
    loaded: &mut Loaded,
) {
    let tail = key.strip_prefix(PREFIX).unwrap_or(key);
    let moved_to = (1..)
        .map(|n| format!("{QUARANTINE_PREFIX}{tail}.{n}"))
        .find(|k| !keys.contains(k) && !loaded.quarantined.contains(k))
        .unwrap_or_default();
    let reason = error.clone();
    // Copy first, remove second: if the copy fails the original stays.
    match store.set(&moved_to, raw).and_then(|()| store.remove(key)) {
        Ok(()) => {
            loaded.quarantined.push(moved_to.clone());
            loaded.notices.push(LoadNotice::Quarantined {
                key: key.to_owned(),
                moved_to,
                reason,
            });
        }
        Err(error) => loaded.notices.push(LoadNotice::Unreadable {
            key: key.to_owned(),
            reason,
            error,
        }),
    }
}

/// Writes a workload.
pub fn save_workload(
    store: &mut impl KeyValueStore,
    workload: &Workload,
) -> Result<(), StoreError> {
    store.set(&workload_key(&workload.id), &encode_workload(workload))
}

/// Deletes a workload.
pub fn delete_workload(store: &mut impl KeyValueStore, id: &str) -> Result<(), StoreError> {
    store.remove(&workload_key(id))
}

/// Writes the settings.
pub fn save_settings(
    store: &mut impl KeyValueStore,
    settings: &Settings,
) -> Result<(), StoreError> {
    store.set(SETTINGS_KEY, &encode_settings(settings))
}

/// Reads the workload record stored under `key`: its id must be the key's (a record copied
/// under another key would otherwise shadow or duplicate a workload). Used by [`load`] and for
/// other tabs' writes alike.
pub fn decode_workload_for_key(key: &str, raw: &str) -> Result<Workload, RecordError> {
    let id = key.strip_prefix(WORKLOAD_PREFIX).unwrap_or_default();
    let w = decode_workload(raw)?;
    if w.id != id || !is_workload_id(id) {
        return Err(corrupt(
            JsonPath::root().key("id"),
            Problem::KeyMismatch {
                key: key.to_owned(),
            },
        ));
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Answer;

    fn workload(id: &str) -> Workload {
        let mut w = Workload::new(id, "2026-11-21T10:00:00Z");
        w.profile.workload = "Shop".into();
        w.answers
            .entry("well_architected".into())
            .or_default()
            .insert(
                "q1".into(),
                Answer {
                    selected: vec!["a".into()],
                    ..Answer::default()
                },
            );
        w
    }

    #[test]
    fn save_then_load_round_trips() {
        let mut store = MemoryStore::default();
        save_workload(&mut store, &workload("w-1")).unwrap();
        save_settings(
            &mut store,
            &Settings {
                language: Some(Lang::ZhCn),
                active_workload: Some("w-1".into()),
            },
        )
        .unwrap();
        let loaded = load(&mut store).unwrap();
        assert_eq!(loaded.workloads, [workload("w-1")]);
        assert_eq!(loaded.settings.language, Some(Lang::ZhCn));
        assert!(loaded.notices.is_empty());
        let stored: Value = serde_json::from_str(&store.entries["preflight.workload.w-1"]).unwrap();
        assert_eq!(stored["schema"], SCHEMA);
    }

    #[test]
    fn corrupt_record_is_moved_aside_not_lost() {
        let mut store = MemoryStore::default();
        save_workload(&mut store, &workload("w-1")).unwrap();
        store.entries.insert(
            "preflight.workload.w-2".into(),
            "{\"schema\":1, \"id\": tru".into(),
        );
        let loaded = load(&mut store).unwrap();
        assert_eq!(loaded.workloads.len(), 1);
        assert_eq!(
            store.entries["preflight.quarantine.workload.w-2.1"],
            "{\"schema\":1, \"id\": tru"
        );
        assert!(!store.entries.contains_key("preflight.workload.w-2"));
        match &loaded.notices[..] {
            [
                LoadNotice::Quarantined {
                    key,
                    moved_to,
                    reason,
                },
            ] => {
                assert_eq!(key, "preflight.workload.w-2");
                assert_eq!(moved_to, "preflight.quarantine.workload.w-2.1");
                let text = crate::i18n::record_error_text(reason, Lang::En);
                assert!(text.contains("not valid JSON"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(loaded.quarantined, ["preflight.quarantine.workload.w-2.1"]);
    }

    #[test]
    fn second_quarantine_of_the_same_key_gets_a_new_name() {
        let mut store = MemoryStore::default();
        store
            .entries
            .insert("preflight.quarantine.workload.w-2.1".into(), "old".into());
        store
            .entries
            .insert("preflight.workload.w-2".into(), "new junk".into());
        load(&mut store).unwrap();
        assert_eq!(store.entries["preflight.quarantine.workload.w-2.1"], "old");
        assert_eq!(
            store.entries["preflight.quarantine.workload.w-2.2"],
            "new junk"
        );
    }

    #[test]
    fn wrong_shape_names_the_path() {
        let raw = r#"{"schema":1,"id":"w-1","created_at":"x","updated_at":"y",
                      "answers":{"well_architected":{"q1":{"selected":"a"}}}}"#;
        match decode_workload(raw) {
            Err(RecordError::Corrupt(issues)) => {
                assert_eq!(
                    issues[0].path.to_string(),
                    "$.answers.well_architected.q1.selected"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn schema_1_records_migrate() {
        let raw = r#"{"schema":1,"id":"w-old","created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-02T00:00:00Z",
                      "profile":{"workload":"Legacy"},"answers":{"well_architected":{"q1":{"selected":["a"]}}}}"#;
        let w = decode_workload(raw).unwrap();
        assert_eq!(w.profile.workload, "Legacy");
        assert!(w.milestones.is_empty() && w.lenses.is_empty() && w.priorities.is_empty());
        let rewritten: Value = serde_json::from_str(&encode_workload(&w)).unwrap();
        assert_eq!(rewritten["schema"], SCHEMA);
    }

    #[test]
    fn milestones_priorities_and_lenses_round_trip() {
        use crate::domain::milestone::Milestone;
        let mut w = workload("w-1");
        w.lenses = vec!["managed_services".into()];
        w.priorities.insert(
            "well_architected".into(),
            vec!["security".into(), "reliability".into()],
        );
        w.milestones.push(Milestone {
            id: "m-1".into(),
            name: "Before the review".into(),
            date: crate::domain::calendar::parse_date("2026-11-21").unwrap(),
            created_at: "2026-11-21T10:00:00Z".into(),
            answers: w.answers.clone(),
        });
        assert_eq!(decode_workload(&encode_workload(&w)).unwrap(), w);
        let mut bad: Value = serde_json::from_str(&encode_workload(&w)).unwrap();
        bad["milestones"][0]["date"] = "2026-02-30".into();
        bad["priorities"]["well_architected"] = serde_json::json!(["security", "security"]);
        let Err(RecordError::Corrupt(issues)) = decode_workload(&bad.to_string()) else {
            panic!("accepted");
        };
        let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
        assert_eq!(
            paths,
            ["$.priorities.well_architected[1]", "$.milestones[0].date"]
        );
    }

    #[test]
    fn a_service_selection_round_trips_and_is_checked() {
        let mut w = workload("w-1");
        w.services.consulting = true;
        w.services.onsite_days = 2;
        w.services.packages.insert(
            "security".into(),
            crate::domain::catalogue::ManDays::from_tenths(55),
        );
        w.services.modules.insert("it_governance".into());
        w.services.consultants = 3;
        w.services.preferred_start = crate::domain::calendar::parse_date("2027-01-11");
        w.services.acknowledged.insert("wa_consulting".into());
        w.services.prerequisites.insert("wa_consulting/pm".into());
        w.services.implementation_onsite_days = 1;
        w.services.recommended_order = false;
        w.services
            .languages
            .insert("wa_consulting".into(), crate::domain::text::Lang::ZhCn);
        let raw = encode_workload(&w);
        assert_eq!(decode_workload(&raw).unwrap(), w);
        let v: Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(v["services"]["packages"]["security"], 5.5);
        let mut bad = v.clone();
        bad["services"]["consulting"] = false.into();
        bad["services"]["consultants"] = 9.into();
        let Err(RecordError::Corrupt(issues)) = decode_workload(&bad.to_string()) else {
            panic!("accepted");
        };
        let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
        assert_eq!(paths, ["$.services.consultants", "$.services.onsite_days"]);
        // Implementation's on-site days need a package; Managed Services is in English.
        let mut bad = v;
        bad["services"]["packages"] = serde_json::json!({});
        bad["services"]["order_on"] = "tomorrow".into();
        bad["services"]["deliverable_languages"] =
            serde_json::json!({"managed_services": "zh-CN", "wa_consulting": "fr"});
        let Err(RecordError::Corrupt(issues)) = decode_workload(&bad.to_string()) else {
            panic!("accepted");
        };
        let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "$.services.order_on",
                "$.services.deliverable_languages.managed_services",
                "$.services.deliverable_languages.wa_consulting",
                "$.services.implementation_onsite_days"
            ]
        );
    }

    #[test]
    fn import_records_round_trip_and_bad_ones_are_set_aside() {
        let mut store = MemoryStore::default();
        let r = ImportRecord {
            id: "i-1".into(),
            file: "acme.json".into(),
            index: 0,
            text: "{}".into(),
        };
        store
            .set(&format!("{IMPORT_PREFIX}i-1"), &encode_import(&r))
            .unwrap();
        store.set(&format!("{IMPORT_PREFIX}i-2"), "junk").unwrap();
        save_workload(&mut store, &workload("w-1")).unwrap();
        let (records, notices) = load_imports(&mut store).unwrap();
        assert_eq!(records, [r]);
        assert!(
            matches!(&notices[..], [LoadNotice::Quarantined { key, .. }] if key == "preflight.import.i-2")
        );
        // Workloads are untouched by imports, and imports are not workloads.
        let loaded = load(&mut store).unwrap();
        assert_eq!(loaded.workloads.len(), 1);
        assert!(
            store
                .entries
                .contains_key("preflight.quarantine.import.i-2.1")
        );
    }

    #[test]
    fn newer_records_are_left_untouched() {
        let mut store = MemoryStore::default();
        let raw = r#"{"schema":99,"id":"w-9","something":"new"}"#;
        store
            .entries
            .insert("preflight.workload.w-9".into(), raw.into());
        store
            .entries
            .insert(SETTINGS_KEY.into(), r#"{"schema":7}"#.into());
        let loaded = load(&mut store).unwrap();
        assert!(loaded.workloads.is_empty());
        assert!(!loaded.settings_writable);
        assert_eq!(store.entries["preflight.workload.w-9"], raw);
        assert_eq!(loaded.notices.len(), 2);
    }

    #[test]
    fn when_the_store_is_full_the_unreadable_record_stays_put() {
        let mut store = MemoryStore::default();
        store
            .entries
            .insert("preflight.workload.w-2".into(), "junk".into());
        store.fail_writes = Some(StoreError::Full);
        let loaded = load(&mut store).unwrap();
        assert_eq!(store.entries["preflight.workload.w-2"], "junk");
        assert!(matches!(
            &loaded.notices[..],
            [LoadNotice::Unreadable {
                error: StoreError::Full,
                ..
            }]
        ));
    }

    #[test]
    fn record_under_the_wrong_key_is_refused() {
        let mut store = MemoryStore::default();
        store.entries.insert(
            "preflight.workload.w-1".into(),
            encode_workload(&workload("w-2")),
        );
        let loaded = load(&mut store).unwrap();
        assert!(loaded.workloads.is_empty());
        assert!(matches!(
            &loaded.notices[..],
            [LoadNotice::Quarantined { .. }]
        ));
    }

    #[test]
    fn limits_are_checked_on_load() {
        let mut w = workload("w-1");
        w.profile.organisation = "x".repeat(500);
        let raw = encode_workload(&w);
        match decode_workload(&raw) {
            Err(RecordError::Corrupt(issues)) => {
                assert_eq!(issues[0].path.to_string(), "$.profile.organisation")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn other_apps_keys_are_ignored() {
        let mut store = MemoryStore::default();
        store.entries.insert("someone.else".into(), "junk".into());
        let loaded = load(&mut store).unwrap();
        assert!(loaded.notices.is_empty());
        assert_eq!(store.entries["someone.else"], "junk");
    }

    #[test]
    fn every_problem_of_a_record_is_reported_with_its_path() {
        let raw = r#"{"schema":1,"id":"W 1","created_at":"","profile":{"organisation":7},
                      "answers":{"wa":{"q1":{"selected":["a","a"],"not_applicable":"NOPE"}}}}"#;
        let Err(RecordError::Corrupt(issues)) = decode_workload(raw) else {
            panic!("accepted")
        };
        let text: Vec<String> = issues
            .iter()
            .map(|i| crate::i18n::issue_text(i, Lang::En))
            .collect();
        assert_eq!(
            text,
            [
                "$.id: invalid id “W 1”: use 1 to 40 lowercase ASCII letters, digits or hyphens",
                "$.profile.organisation: expected a string, found a number",
                "$.answers.wa.q1.selected[1]: duplicate id “a” (first used at $.answers.wa.q1.selected)",
                "$.answers.wa.q1.not_applicable: “NOPE” is not one of OUT_OF_SCOPE, BUSINESS_PRIORITIES, ARCHITECTURE_CONSTRAINTS, OTHER",
                "$.created_at: must not be empty",
                "$.updated_at: required but missing",
            ]
        );
    }

    #[test]
    fn equal_workloads_encode_equally() {
        // The save effect relies on this to skip unchanged workloads and echoes from other tabs.
        let a = workload("w-1");
        let b = decode_workload(&encode_workload(&a)).unwrap();
        assert_eq!(encode_workload(&a), encode_workload(&b));
    }

    #[test]
    fn settings_round_trip_and_refuse_unknown_languages() {
        let s = Settings {
            language: Some(Lang::En),
            active_workload: Some("w-2".into()),
        };
        assert_eq!(decode_settings(&encode_settings(&s)).unwrap(), s);
        assert!(decode_settings(r#"{"schema":1,"language":"fr"}"#).is_err());
        assert_eq!(
            decode_settings(r#"{"schema":1}"#).unwrap(),
            Settings::default()
        );
    }

    #[test]
    fn peek_reads_the_settings_and_says_whether_more_is_stored() {
        let mut store = MemoryStore::default();
        assert_eq!(
            peek(&store),
            Peeked::default(),
            "a new visitor's storage holds nothing"
        );
        // Other sites' keys on the same origin are not ours.
        store.set("other.app", "x").unwrap();
        let settings = Settings {
            language: Some(Lang::ZhCn),
            active_workload: Some("w-1".into()),
        };
        save_settings(&mut store, &settings).unwrap();
        assert_eq!(
            peek(&store),
            Peeked {
                settings: settings.clone(),
                holds_more: false
            }
        );
        save_workload(&mut store, &workload("w-1")).unwrap();
        assert_eq!(
            peek(&store),
            Peeked {
                settings,
                holds_more: true
            }
        );
    }

    #[test]
    fn peek_leaves_unreadable_settings_to_load() {
        for raw in [
            "{not json",
            r#"{"schema":99}"#,
            r#"{"schema":3,"language":"fr"}"#,
        ] {
            let mut store = MemoryStore::default();
            store.set(SETTINGS_KEY, raw).unwrap();
            let peeked = peek(&store);
            assert_eq!(peeked.settings, Settings::default(), "{raw}");
            assert!(peeked.holds_more, "{raw}: load must report it");
            assert_eq!(
                store.get(SETTINGS_KEY).unwrap().as_deref(),
                Some(raw),
                "{raw}: kept"
            );
        }
    }
}
