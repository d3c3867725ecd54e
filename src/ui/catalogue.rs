//! The service catalogue, fetched from beside the page the first time a view needs it.

use crate::domain::catalogue::Catalogue;
use crate::domain::text::Lang;
use crate::i18n::{Msg, issue_text};
use crate::ui::lenses::fetch_text;
use leptos::prelude::*;

/// Where the catalogue file is, relative to the page.
pub const PATH: &str = "catalogue.json";

/// Where the catalogue stands.
#[derive(Clone, Debug)]
pub enum CatalogueState {
    /// Being fetched.
    Loading,
    /// Fetched and valid.
    Ready(&'static Catalogue),
    /// Could not be fetched or did not validate (English, Chinese).
    Failed([String; 2]),
}

/// The catalogue, once asked for.
#[derive(Clone, Copy)]
pub struct CatalogueLoader {
    state: RwSignal<Option<CatalogueState>>,
    /// The file's text once it is fetched and valid, for the Office worker (which builds the
    /// documents from the very file, as `preflight report --catalogue` does).
    text: StoredValue<Option<&'static str>>,
}

impl Default for CatalogueLoader {
    fn default() -> Self {
        CatalogueLoader {
            state: RwSignal::new(None),
            text: StoredValue::new(None),
        }
    }
}

impl CatalogueLoader {
    /// The state (reactive); starts the fetch the first time.
    pub fn get(self) -> CatalogueState {
        if self.state.with_untracked(Option::is_none) {
            self.state.set(Some(CatalogueState::Loading));
            leptos::task::spawn_local(async move {
                let state = match fetch_text(PATH).await {
                    Ok(text) => match Catalogue::from_json(&text) {
                        Ok(c) => {
                            self.text.set_value(Some(text.leak()));
                            CatalogueState::Ready(Box::leak(Box::new(c)))
                        }
                        Err(issues) => {
                            let first = |lang| {
                                issues
                                    .first()
                                    .map(|i| issue_text(i, lang))
                                    .unwrap_or_default()
                            };
                            CatalogueState::Failed([
                                format!("{PATH}: {}", first(Lang::En)),
                                format!("{PATH}：{}", first(Lang::ZhCn)),
                            ])
                        }
                    },
                    Err(e) => {
                        CatalogueState::Failed([format!("{PATH}: {e}"), format!("{PATH}：{e}")])
                    }
                };
                self.state.set(Some(state));
            });
        }
        self.state.get().unwrap_or(CatalogueState::Loading)
    }

    /// The catalogue file's text, once it is fetched and valid.
    pub fn text(self) -> Option<&'static str> {
        self.text.get_value()
    }
}

/// A view of the catalogue: `ready` once it is fetched, else the loading or failure message
/// (the same on every page that needs it).
pub fn catalogue_view(
    loader: CatalogueLoader,
    lang: Lang,
    ready: impl Fn(&'static Catalogue) -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    move || match loader.get() {
        CatalogueState::Loading => {
            view! { <p role="status">{Msg::CatalogueLoading.text(lang)}</p> }.into_any()
        }
        CatalogueState::Failed(e) => view! {
            <p class="notice error" role="alert">
                {Msg::CatalogueFailed.fill(lang, &[("error", &e[usize::from(lang == Lang::ZhCn)])])}
            </p>
        }
        .into_any(),
        CatalogueState::Ready(cat) => ready(cat),
    }
}
