//! Offline use: registers the service worker that each release build carries (`sw.js`, written
//! by `scripts/postbuild.mjs`) and tells the user when a new release is ready.
//!
//! The worker caches the release on the first visit, so a customer on a train keeps working.
//! A new release installs in the background and waits rather than swapping files under a page
//! that is running; the app then shows a notice whose button activates it and reloads.
//! Where service workers are unavailable (plain `http` on another host, a debug build without
//! `sw.js`, private modes that refuse them) nothing happens and the app works online as before.

use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.serviceWorker` is missing outside secure contexts: check before touching it.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

/// Registers `sw.js` and watches for a new release.
pub fn register(app: AppState) {
    let Some(container) = container() else { return };
    let promise = container.register("sw.js");
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        // A worker already waiting or installing (the browser checks for a new release on every
        // navigation, often before this code runs) is an update only when an older one controls
        // this page; on the very first visit nothing controls it.
        if reg.waiting().is_some() && controlled() {
            app.update_ready.set(true);
        }
        if let Some(installing) = reg.installing() {
            watch(installing, app);
        }
        let watched = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch(installing, app);
            }
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Offers the update once `worker` has installed, if an older release controls the page.
fn watch(worker: web_sys::ServiceWorker, app: AppState) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == web_sys::ServiceWorkerState::Installed && controlled() {
            app.update_ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Activates the waiting release; the page reloads when it has taken over.
pub fn activate_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let promise = container.get_registration();
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        match reg.waiting() {
            Some(worker) => {
                let _ = worker.post_message(&"skip-waiting".into());
            }
            // Nothing waits any more (another tab took the update): a reload shows it.
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
