//! Saving a text file to the user's computer (a Blob and a temporary link), without a server.

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

/// A file-name-safe slug of user text (letters of any script kept), at most 40 characters.
pub fn file_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::file_slug;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(file_slug("Acme Ltd. / Shop <v2>"), "acme-ltd-shop-v2");
        assert_eq!(file_slug("商城 系统"), "商城-系统");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
    }
}
