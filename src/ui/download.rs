//! Saving a text file to the user's computer (a Blob and a temporary link), without a server.

pub use crate::domain::text::file_slug;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`. Returns false if the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let part = wasm_bindgen::JsValue::from_str(text);
    try_download(file_name, mime, &part).is_some()
}

/// Offers bytes as a download named `file_name`. Returns false if the browser refused.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let part = js_sys::Uint8Array::from(bytes);
    try_download(file_name, mime, &part).is_some()
}

fn try_download(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Option<()> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}
