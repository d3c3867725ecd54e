//! The spreadsheet worker: a separate wasm module that the web app starts only when the user
//! downloads a workbook, so that the xlsx writer is not part of the first load.
//!
//! Protocol: once it listens, the worker posts `"ready"` (a message sent earlier would be lost
//! while its wasm is still loading); the page then posts a [`preflight::domain::sheet::Book`] as
//! a JSON string, and the worker answers with a `Uint8Array` holding the `.xlsx` file, or with a
//! string describing what went wrong (a book that does not validate, or a write error).

/// What the worker posts when it is listening.
#[cfg(target_arch = "wasm32")]
const READY: &str = "ready";

#[cfg(target_arch = "wasm32")]
fn main() {
    use preflight::domain::sheet::Book;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer: JsValue = match event
            .data()
            .as_string()
            .ok_or_else(|| "expected a JSON string".to_owned())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            .and_then(|value| {
                // A book the app built that does not validate is the app's own bug: named
                // by path and variant for the developer (the user is told the download failed,
                // in their language), without linking the app's message table in here.
                Book::from_value(&value).map_err(|issues| {
                    issues
                        .iter()
                        .map(|i| format!("{}: {:?}", i.path, i.problem))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
            })
            .and_then(|book| book.to_xlsx())
        {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            Err(message) => JsValue::from_str(&message),
        };
        let _ = reply_scope.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("xlsx-worker is the web app's spreadsheet worker; Trunk builds it for the browser.");
    std::process::ExitCode::from(2)
}
