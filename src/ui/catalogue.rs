//! The service catalogue, fetched from beside the page the first time a view needs it.

use crate::domain::catalogue::Catalogue;
use crate::domain::text::Lang;
use crate::i18n::Msg;
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
pub struct CatalogueLoader(RwSignal<Option<CatalogueState>>);

impl Default for CatalogueLoader {
    fn default() -> Self {
        CatalogueLoader(RwSignal::new(None))
    }
}

/// The file's text once it is fetched and valid (it is fetched once per page load), for the
/// Office worker, which builds the documents from the very file, as `preflight report
/// --catalogue` does. Not in the loader's signal, which the first load creates: this way its
/// code comes with the pages that fetch the catalogue.
static TEXT: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

impl CatalogueLoader {
    /// The state (reactive); starts the fetch the first time.
    pub fn get(self) -> CatalogueState {
        if self.0.with_untracked(Option::is_none) {
            self.0.set(Some(CatalogueState::Loading));
            leptos::task::spawn_local(async move {
                let state = match fetch_text(PATH).await {
                    Ok(text) => match Catalogue::from_json(&text) {
                        Ok(c) => {
                            let _ = TEXT.set(text.leak());
                            CatalogueState::Ready(Box::leak(Box::new(c)))
                        }
                        Err(issues) => {
                            // The problem's words come with the pages' texts (`i18n::words`).
                            let first = issues.into_iter().take(1).collect();
                            let [en, zh] = crate::ui::pages::issue_lines(first)
                                .await
                                .ok()
                                .and_then(|lines| lines.into_iter().next())
                                .unwrap_or_default();
                            CatalogueState::Failed([
                                format!("{PATH}: {en}"),
                                format!("{PATH}：{zh}"),
                            ])
                        }
                    },
                    Err(e) => {
                        CatalogueState::Failed([format!("{PATH}: {e}"), format!("{PATH}：{e}")])
                    }
                };
                self.0.set(Some(state));
            });
        }
        self.0.get().unwrap_or(CatalogueState::Loading)
    }

    /// The catalogue file's text, once it is fetched and valid.
    pub fn text(self) -> Option<&'static str> {
        TEXT.get().copied()
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
