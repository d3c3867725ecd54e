//! The runtime config (`config.json` beside the page), fetched before the app mounts so that
//! the first screen already has the sales team's name, colour, language and rates.
//!
//! No file is the normal case: a 404 or 403 (object stores answer 403 for a missing file), an
//! HTML page where a host serves its fallback page for unknown paths, a network failure, or no
//! answer within [`TIMEOUT_MS`] all mean "no config". A file that is there but wrong is read
//! member by member ([`crate::domain::config::read_config`], in a split module) and its problems become a notice.

use crate::domain::config::{Brand, Config, sets_nothing};
use crate::domain::validate::{Issue, Problem};
use crate::ui::lenses::read_text;
use wasm_bindgen::JsCast;

/// How long the first screen waits for the config.
pub const TIMEOUT_MS: i32 = 3000;

/// The config and its problems (none when there is no file, or it sets nothing).
///
/// The reader is a split module (`crate::ui::pages::read_config`) fetched only for a file that
/// sets something ([`sets_nothing`]): the first load of a default site does not carry it. If
/// it cannot be fetched, the app runs on its defaults and the notice says the file could not be
/// read.
pub async fn load() -> (Config, Vec<Issue>) {
    match fetch_config().await {
        Some(text) if !sets_nothing(&text) => crate::ui::pages::read_config(text)
            .await
            .unwrap_or_else(|_| (Config::default(), vec![Issue::at_root(Problem::Unreadable)])),
        _ => (Config::default(), Vec::new()),
    }
}

/// The config file's text, or `None` when there is no config (see the module doc). The Office
/// worker is given it fresh for each document, as `preflight report --config` reads the file
/// (keeping the first load's copy would cost the first load bytes).
pub async fn fetch_config() -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    // Revalidated every time, so that a sales team's edit shows on the next visit.
    init.set_cache(web_sys::RequestCache::NoCache);
    let fetch = window.fetch_with_str_and_init("config.json", &init);
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, TIMEOUT_MS);
    });
    // A timeout settles the race with `undefined`, which is not a response: no config.
    let text = read_text(js_sys::Promise::race(&js_sys::Array::of2(&fetch, &timeout)))
        .await
        .ok()?;
    // A host's fallback page for unknown paths is not a config.
    (!text.trim_start().starts_with('<')).then_some(text)
}

/// Puts the brand colour into the stylesheet's custom properties (through the CSS object model,
/// which the strict Content-Security-Policy allows, unlike a `style` attribute).
pub fn apply_brand(brand: &Brand) {
    let Some(colour) = brand.colour else { return };
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let _ = style.set_property("--brand", &colour.hex());
    let _ = style.set_property("--brand-dark", &colour.darker(0.25).hex());
}
