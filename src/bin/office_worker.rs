//! The Office worker: a separate wasm module that the web app starts only when the user
//! downloads a workbook or a Word document, so that neither the xlsx writer nor the documents'
//! builders and texts are part of the first load. It is built with the `office` feature
//! (index.html); see [`preflight::domain::office`].
//!
//! Protocol: once it listens, the worker posts `"ready"` (a message sent earlier would be lost
//! while its wasm is still loading); the page then posts a [`preflight::domain::office::Request`]
//! as a JSON string, and the worker answers with a `Uint8Array` holding the file, or with a
//! string describing what went wrong (a request that does not read, a bundle or catalogue that
//! does not validate, or a write error).

/// What the worker posts when it is listening.
#[cfg(target_arch = "wasm32")]
const READY: &str = "ready";

#[cfg(target_arch = "wasm32")]
fn main() {
    use preflight::domain::office::Request;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer: JsValue = match event
            .data()
            .as_string()
            .ok_or_else(|| "expected a JSON string".to_owned())
            .and_then(|text| Request::from_json(&text))
            .and_then(|request| write(&request))
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

/// The file a request asks for.
#[cfg(all(target_arch = "wasm32", feature = "office"))]
fn write(request: &preflight::domain::office::Request) -> Result<Vec<u8>, String> {
    preflight::domain::office::write(request)
}

/// Built without the `office` feature (as `cargo clippy` checks it), the worker writes
/// workbooks only.
#[cfg(all(target_arch = "wasm32", not(feature = "office")))]
fn write(request: &preflight::domain::office::Request) -> Result<Vec<u8>, String> {
    match request {
        preflight::domain::office::Request::Workbook(book) => book.to_xlsx(),
        preflight::domain::office::Request::Document(_) => {
            Err("this Office worker was built without the `office` feature".to_owned())
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("office-worker is the web app's Office worker; Trunk builds it for the browser.");
    std::process::ExitCode::from(2)
}
