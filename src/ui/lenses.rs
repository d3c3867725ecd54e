//! Which lenses the app has in hand: the embedded Well-Architected lens, and optional lenses
//! fetched from beside the page the first time a workload needs one.
//!
//! The Well-Architected lens is embedded, but in a split release build its text and parser
//! come with the page code ([`crate::ui::pages::builtin_lens`]): the start page does not need
//! it, and it is 157 KB. Every page waits for it before it shows; the header and the title,
//! which are there before any page, ask [`Lenses::builtin`] and follow when it arrives.
//!
//! A fetched lens goes through the same validating parser as any other; a missing or broken file
//! is a visible failure ([`LensState::Failed`]), never a crash, and the workload's answers to it
//! are kept untouched until it loads.

use crate::domain::builtin::{OPTIONAL_LENSES, OptionalLens};
use crate::domain::bundle::sha256_hex;
use crate::domain::lens::{Lens, Pillar};
use crate::domain::text::Lang;
use crate::i18n::{Msg, issue_text};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where an optional lens stands.
#[derive(Clone, Debug)]
pub enum LensState {
    /// Being fetched.
    Loading,
    /// Fetched and valid, with the SHA-256 of its file.
    Ready(&'static Lens, &'static str),
    /// Could not be fetched or did not validate; the message says why (in English and Chinese).
    Failed([String; 2]),
}

/// The Well-Architected lens and the SHA-256 of its file.
type Builtin = (&'static Lens, &'static str);

/// The Well-Architected lens once in hand, and the optional lenses fetched so far, by id.
#[derive(Clone, Copy)]
pub struct Lenses(
    RwSignal<HashMap<&'static str, LensState>>,
    RwSignal<Option<Builtin>>,
);

impl Lenses {
    /// No lens in hand yet.
    pub fn new() -> Lenses {
        Lenses(RwSignal::new(HashMap::new()), RwSignal::new(None))
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
            Some(LensState::Ready(lens, _)) => Some(*lens),
            _ => None,
        })
    }

    /// The state of an optional lens (reactive); `None` before anything asked for it.
    pub fn state(self, id: &str) -> Option<LensState> {
        self.0.with(|m| m.get(id).cloned())
    }

    /// Starts fetching an optional lens unless it is in hand or on its way.
    pub fn ensure(self, id: &str) {
        let Some(meta) = OPTIONAL_LENSES.iter().find(|l| l.id == id).copied() else {
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

    /// The SHA-256 of a lens file in hand.
    pub fn sha256(self, id: &str) -> Option<&'static str> {
        if id == crate::domain::builtin::WELL_ARCHITECTED_ID {
            return self.1.with(|b| b.map(|(_, sha)| sha));
        }
        self.0.with(|m| match m.get(id) {
            Some(LensState::Ready(_, sha)) => Some(*sha),
            _ => None,
        })
    }

    /// The lens and index of a pillar, among the lenses in hand (reactive).
    pub fn pillar(self, pillar_id: &str) -> Option<(&'static Lens, usize)> {
        if let Some(main) = self.builtin()
            && let Some(i) = main.pillars.iter().position(|p| p.id == pillar_id)
        {
            return Some((main, i));
        }
        self.0.with(|m| {
            m.values().find_map(|s| match s {
                LensState::Ready(lens, _) => lens
                    .pillars
                    .iter()
                    .position(|p: &Pillar| p.id == pillar_id)
                    .map(|i| (*lens, i)),
                _ => None,
            })
        })
    }
}

impl Default for Lenses {
    fn default() -> Self {
        Lenses::new()
    }
}

async fn load(meta: OptionalLens) -> LensState {
    match fetch_text(meta.path).await {
        Ok(text) => match crate::ui::pages::read_lens(text.clone()).await {
            Err(crate::ui::pages::PageFailed) => LensState::Failed([
                format!("{}: {}", meta.path, Msg::PageFailed.text(Lang::En)),
                format!("{}：{}", meta.path, Msg::PageFailed.text(Lang::ZhCn)),
            ]),
            Ok(Ok(lens)) if lens.id == meta.id => {
                let sha = sha256_hex(text.as_bytes());
                LensState::Ready(Box::leak(Box::new(lens)), Box::leak(sha.into_boxed_str()))
            }
            Ok(Ok(lens)) => LensState::Failed([
                format!("{}: the file holds lens “{}”", meta.path, lens.id),
                format!("{}：文件中是评估模型“{}”", meta.path, lens.id),
            ]),
            Ok(Err(issues)) => {
                let first = |lang| {
                    issues
                        .first()
                        .map(|i| issue_text(i, lang))
                        .unwrap_or_default()
                };
                LensState::Failed([
                    format!("{}: {}", meta.path, first(Lang::En)),
                    format!("{}：{}", meta.path, first(Lang::ZhCn)),
                ])
            }
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
