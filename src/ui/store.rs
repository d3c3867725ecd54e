//! `localStorage` as a [`KeyValueStore`]: the only place the app touches browser storage.
//!
//! Every failure becomes a typed [`StoreError`] that the UI shows; nothing here panics or
//! swallows an error. Opening storage can itself fail (disabled cookies, sandboxed frames), in
//! which case the app runs from memory and says so.

use crate::domain::storage::{KeyValueStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's `localStorage`.
pub struct BrowserStore(web_sys::Storage);

impl BrowserStore {
    /// Opens `localStorage`, or says why it cannot be used.
    pub fn open() -> Result<BrowserStore, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(BrowserStore(storage)),
            Ok(None) => Err(StoreError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }
}

/// The name and message of a thrown DOMException, or its string form.
fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(ex) => format!("{}: {}", ex.name(), ex.message()),
        None => e.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

fn write_error(e: &JsValue) -> StoreError {
    let quota = e
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|ex| ex.name() == "QuotaExceededError" || ex.code() == 22);
    if quota {
        StoreError::Full
    } else {
        StoreError::Failed(describe(e))
    }
}

impl KeyValueStore for BrowserStore {
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self
            .0
            .length()
            .map_err(|e| StoreError::Failed(describe(&e)))?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Ok(Some(key)) = self.0.key(i) {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0
            .get_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(|e| write_error(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0
            .remove_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }
}
