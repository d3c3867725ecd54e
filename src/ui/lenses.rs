//! Which lenses the app has in hand: the embedded Well-Architected lens, and optional lenses
//! fetched from beside the page the first time a workload needs one: the managed-services lens
//! the app ships, and those a sales team lists in `config.json` (`lenses`).
//!
//! The Well-Architected lens is embedded, but in a split release build its text and parser
//! come with the page code ([`crate::ui::pages::builtin_lens`]): the start page does not need
//! it, and it is 157 KB. Every page waits for it before it shows; the header and the title,
//! which are there before any page, ask [`Lenses::builtin`] and follow when it arrives.
//!
//! A fetched lens goes through the same validating parser as any other, warnings kept for the
//! profile page to show; a missing or broken file is a visible failure ([`LensState::Failed`]),
//! never a crash, and the workload's answers to it are kept untouched until it loads.

use crate::domain::builtin::{OPTIONAL_LENSES, OptionalLens};
use crate::domain::bundle::sha256_hex;
use crate::domain::config::ConfigLens;
use crate::domain::lens::{Lens, Pillar};
use crate::domain::text::Lang;
use crate::domain::validate::Issue;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where an optional lens stands.
#[derive(Clone, Debug)]
pub enum LensState {
    /// Being fetched.
    Loading,
    /// Fetched (or carried by an imported bundle) and valid, with the SHA-256 of its file, the
    /// warnings the parser gave and the file itself (empty for a bundle's, which is not
    /// exported again).
    Ready(&'static Lens, &'static str, &'static [Issue], &'static str),
    /// Could not be fetched or did not validate; the message says why (in English and Chinese).
    Failed([String; 2]),
}

/// The Well-Architected lens and the SHA-256 of its file.
type Builtin = (&'static Lens, &'static str);

/// The Well-Architected lens once in hand, the optional lenses in hand so far, by id, the
/// lenses `config.json` lists, and the ids of those the user loaded from disk, in order.
#[derive(Clone, Copy)]
pub struct Lenses(
    RwSignal<HashMap<&'static str, LensState>>,
    RwSignal<Option<Builtin>>,
    StoredValue<&'static [OptionalLens]>,
    RwSignal<Vec<&'static str>>,
);

impl Lenses {
    /// No lens in hand yet; `listed` are the sales team's lenses from `config.json`.
    pub fn new(listed: &[ConfigLens]) -> Lenses {
        let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        let listed: Vec<OptionalLens> = listed
            .iter()
            .map(|l| OptionalLens {
                id: leak(&l.id),
                path: leak(&l.path),
            })
            .collect();
        Lenses(
            RwSignal::new(HashMap::new()),
            RwSignal::new(None),
            StoredValue::new(Box::leak(listed.into_boxed_slice())),
            RwSignal::new(Vec::new()),
        )
    }

    /// The ids of the lenses the user loaded from disk (reactive).
    pub fn loaded_by_user(self) -> Vec<&'static str> {
        self.3.get()
    }

    /// Takes in a lens file the app holds already: one the user loaded (`by_user`: kept for
    /// bundles to carry, and offered on every profile) or one an imported bundle carries. It is
    /// read with the page code's parser; until then the lens is loading, and a file that does
    /// not read is a failure with why. A lens already in hand under the id is kept.
    pub fn take_in(self, id: String, file: String, by_user: bool) {
        let known = self.0.with_untracked(|m| m.contains_key(id.as_str()));
        let listed = self.3.with_untracked(|ids| ids.contains(&id.as_str()));
        if known && (listed || !by_user) {
            return;
        }
        let id: &'static str = Box::leak(id.into_boxed_str());
        if by_user && !listed {
            self.3.update(|ids| ids.push(id));
        }
        if known {
            return;
        }
        self.0.update(|m| {
            m.insert(id, LensState::Loading);
        });
        leptos::task::spawn_local(async move {
            let state = match crate::ui::pages::read_lens_as(file.clone(), id.to_owned()).await {
                Ok(Ok((lens, warnings))) => ready(lens, &file, warnings, by_user),
                Ok(Err(issues)) => failed(id, &issues).await,
                Err(crate::ui::pages::PageFailed) => page_failed(id),
            };
            self.0.update(|m| {
                m.insert(id, state);
            });
        });
    }

    /// Puts a lens the user just picked in hand, ready.
    pub fn add_picked(self, lens: Lens, file: &str, warnings: Vec<Issue>) {
        let id: &'static str = Box::leak(lens.id.clone().into_boxed_str());
        let state = ready(lens, file, warnings, true);
        self.0.update(|m| {
            m.insert(id, state);
        });
        self.3.update(|ids| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        });
    }

    /// The lenses `config.json` lists, in its order.
    pub fn listed(self) -> &'static [OptionalLens] {
        self.2.get_value()
    }

    /// The Well-Architected lens, once its code is in hand (reactive).
    pub fn builtin(self) -> Option<&'static Lens> {
        self.1.with(|b| b.map(|(lens, _)| lens))
    }

    /// Makes the Well-Architected lens available (at once unless its code must be fetched).
    pub async fn load_builtin(self) -> Result<&'static Lens, crate::ui::pages::PageFailed> {
        if let Some(lens) = self.1.with_untracked(|b| b.map(|(lens, _)| lens)) {
            return Ok(lens);
        }
        let builtin = crate::ui::pages::builtin_lens().await?;
        self.1.set(Some(builtin));
        Ok(builtin.0)
    }

    /// The lens with this id, if it is in hand (reactive).
    pub fn get(self, id: &str) -> Option<&'static Lens> {
        if id == crate::domain::builtin::WELL_ARCHITECTED_ID {
            return self.builtin();
        }
        self.0.with(|m| match m.get(id) {
            Some(LensState::Ready(lens, ..)) => Some(*lens),
            _ => None,
        })
    }

    /// The state of an optional lens (reactive); `None` before anything asked for it.
    pub fn state(self, id: &str) -> Option<LensState> {
        self.0.with(|m| m.get(id).cloned())
    }

    /// Starts fetching an optional lens unless it is in hand or on its way.
    pub fn ensure(self, id: &str) {
        let listed = self.listed();
        let Some(meta) = OPTIONAL_LENSES
            .iter()
            .chain(listed)
            .find(|l| l.id == id)
            .copied()
        else {
            return;
        };
        if self.0.with_untracked(|m| m.contains_key(meta.id)) {
            return;
        }
        self.0.update(|m| {
            m.insert(meta.id, LensState::Loading);
        });
        leptos::task::spawn_local(async move {
            let state = load(meta).await;
            self.0.update(|m| {
                m.insert(meta.id, state);
            });
        });
    }

    /// The file of a lens that a bundle must carry: one the app does not build in or ship.
    pub fn file_to_embed(self, id: &str) -> Option<&'static str> {
        if crate::domain::builtin::is_builtin_lens(id) {
            return None;
        }
        self.0.with_untracked(|m| match m.get(id) {
            Some(LensState::Ready(_, _, _, file)) if !file.is_empty() => Some(*file),
            _ => None,
        })
    }

    /// Takes in a lens that an imported bundle carries, already read, unless a lens with its
    /// id is already in hand or on its way (the read-only banner then says if the two differ).
    pub fn adopt(self, lens: &crate::domain::lens::Lens, sha256: &str) {
        if self.0.with_untracked(|m| m.contains_key(lens.id.as_str()))
            || lens.id == crate::domain::builtin::WELL_ARCHITECTED_ID
        {
            return;
        }
        let lens: &'static Lens = Box::leak(Box::new(lens.clone()));
        let sha: &'static str = Box::leak(sha256.to_owned().into_boxed_str());
        self.0.update(|m| {
            m.insert(lens.id.as_str(), LensState::Ready(lens, sha, &[], ""));
        });
    }

    /// The SHA-256 of every lens in hand, by id (for the file picker's check).
    pub fn all_sha256(self) -> Vec<(String, String)> {
        self.0.with_untracked(|m| {
            m.iter()
                .filter_map(|(id, s)| match s {
                    LensState::Ready(_, sha, ..) => Some(((*id).to_owned(), (*sha).to_owned())),
                    _ => None,
                })
                .collect()
        })
    }

    /// The SHA-256 of a lens file in hand.
    pub fn sha256(self, id: &str) -> Option<&'static str> {
        if id == crate::domain::builtin::WELL_ARCHITECTED_ID {
            return self.1.with(|b| b.map(|(_, sha)| sha));
        }
        self.0.with(|m| match m.get(id) {
            Some(LensState::Ready(_, sha, ..)) => Some(*sha),
            _ => None,
        })
    }

    /// The lens and index of a pillar (reactive): of the lens named, or else the first lens in
    /// hand that has a pillar with this id.
    pub fn pillar(self, lens_id: Option<&str>, pillar_id: &str) -> Option<(&'static Lens, usize)> {
        if let Some(lens_id) = lens_id {
            let lens = self.get(lens_id)?;
            return lens
                .pillars
                .iter()
                .position(|p| p.id == pillar_id)
                .map(|i| (lens, i));
        }
        if let Some(main) = self.builtin()
            && let Some(i) = main.pillars.iter().position(|p| p.id == pillar_id)
        {
            return Some((main, i));
        }
        self.0.with(|m| {
            m.values().find_map(|s| match s {
                LensState::Ready(lens, ..) => lens
                    .pillars
                    .iter()
                    .position(|p: &Pillar| p.id == pillar_id)
                    .map(|i| (*lens, i)),
                _ => None,
            })
        })
    }
}

/// A lens in hand, ready; `keep_file` for a lens that bundles must carry.
fn ready(lens: Lens, file: &str, warnings: Vec<Issue>, keep_file: bool) -> LensState {
    let sha = sha256_hex(file.as_bytes());
    let file: &'static str = if keep_file {
        Box::leak(file.to_owned().into_boxed_str())
    } else {
        ""
    };
    LensState::Ready(
        Box::leak(Box::new(lens)),
        Box::leak(sha.into_boxed_str()),
        Box::leak(warnings.into_boxed_slice()),
        file,
    )
}

/// A lens whose reader (page code) could not be fetched.
fn page_failed(name: &str) -> LensState {
    LensState::Failed([
        format!("{name}: {}", Msg::PageFailed.text(Lang::En)),
        format!("{name}：{}", Msg::PageFailed.text(Lang::ZhCn)),
    ])
}

/// A lens file that does not read: its first error, in both languages (its words come with
/// the pages' texts, `i18n::words`).
async fn failed(name: &str, issues: &[Issue]) -> LensState {
    match crate::ui::pages::issue_lines(issues.iter().take(1).cloned().collect()).await {
        Ok(lines) => {
            let [en, zh] = lines.into_iter().next().unwrap_or_default();
            LensState::Failed([format!("{name}: {en}"), format!("{name}：{zh}")])
        }
        Err(crate::ui::pages::PageFailed) => page_failed(name),
    }
}

/// Fetches and reads a lens file under the id it is known by ([`Lens::read_as`]: an AWS
/// custom lens file has no id of its own and takes it; a Preflight lens file must hold it).
async fn load(meta: OptionalLens) -> LensState {
    match fetch_text(meta.path).await {
        Ok(text) => match crate::ui::pages::read_lens_as(text.clone(), meta.id.to_owned()).await {
            Err(crate::ui::pages::PageFailed) => page_failed(meta.path),
            Ok(Ok((lens, warnings))) => ready(lens, &text, warnings, true),
            Ok(Err(issues)) => failed(meta.path, &issues).await,
        },
        Err(e) => LensState::Failed([format!("{}: {e}", meta.path), format!("{}：{e}", meta.path)]),
    }
}

/// Fetches a file beside the page as text.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    read_text(window.fetch_with_str(path)).await
}

/// The body of a fetch (a promise of a `Response`) as text; an HTTP error, or a promise that
/// settles with anything but a response, is an error.
pub async fn read_text(fetch: js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(fetch)
        .await
        .map_err(|_| "network error".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "unreadable body")?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable body".to_owned())
}
