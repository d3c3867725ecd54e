//! Writing a workbook in the browser: the spreadsheet worker, a separate wasm started only when
//! the user downloads one, so the xlsx writer never weighs on the first load. The sheets
//! themselves are built in the domain ([`crate::domain::plan_book`], [`crate::domain::sheet`]).

use crate::domain::sheet::Book;
use crate::domain::text::Lang;
use crate::i18n::Msg;
use crate::ui::download::download_bytes;
use leptos::prelude::*;

/// Writes `book` as `name` and downloads it, saying in `status` that it is being prepared and
/// then how it went (in `lang`); `busy` is true meanwhile.
pub fn download_workbook(
    book: Book,
    name: String,
    lang: Lang,
    status: RwSignal<Option<String>>,
    busy: Option<RwSignal<bool>>,
) {
    status.set(Some(Msg::PreparingExcel.text(lang).to_owned()));
    if let Some(b) = busy {
        b.set(true);
    }
    leptos::task::spawn_local(async move {
        let message = match write(&book).await {
            Ok(bytes) => {
                download_bytes(
                    &name,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                );
                Msg::ExcelReady.fill(lang, &[("file", &name)])
            }
            Err(e) => Msg::ExcelFailed.fill(lang, &[("error", &e)]),
        };
        status.set(Some(message));
        if let Some(b) = busy {
            b.set(false);
        }
    });
}

#[cfg(target_arch = "wasm32")]
async fn write(book: &Book) -> Result<Vec<u8>, String> {
    write_xlsx(book).await
}

// Natively (tests) the app never runs this; write in-process so the code path stays typed.
#[cfg(not(target_arch = "wasm32"))]
async fn write(book: &Book) -> Result<Vec<u8>, String> {
    book.to_xlsx()
}

/// Writes a workbook in the spreadsheet worker and returns the `.xlsx` bytes.
///
/// The worker says `"ready"` once it listens; the book is sent only then.
#[cfg(target_arch = "wasm32")]
pub async fn write_xlsx(book: &Book) -> Result<Vec<u8>, String> {
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    // A classic worker: Trunk builds workers for wasm-bindgen's `no-modules` target, whose loader
    // uses `importScripts`. Relative to the page, so it works under any sub-path.
    let worker = web_sys::Worker::new("./xlsx-worker_loader.js")
        .map_err(|_| "the spreadsheet worker could not start".to_owned())?;
    let payload = JsValue::from_str(&book.to_value().to_string());
    let w = worker.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let sender = w.clone();
        let payload = payload.clone();
        let reject_on_refusal = reject.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if data.as_string().as_deref() == Some("ready") {
                    if sender.post_message(&payload).is_err() {
                        let _ = reject_on_refusal.call1(
                            &JsValue::NULL,
                            &JsValue::from_str("the spreadsheet worker refused the data"),
                        );
                    }
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            });
        let reject_on_error = reject.clone();
        let on_error = Closure::once_into_js(move |ev: web_sys::ErrorEvent| {
            let _ = reject_on_error.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
        });
        w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        w.set_onerror(Some(on_error.unchecked_ref()));
        // Lives until the worker is terminated below.
        on_message.forget();
    });
    let result = wasm_bindgen_futures::JsFuture::from(promise).await;
    worker.terminate();
    match result {
        Ok(v) if v.is_instance_of::<js_sys::Uint8Array>() => {
            Ok(js_sys::Uint8Array::new(&v).to_vec())
        }
        Ok(v) => Err(v
            .as_string()
            .unwrap_or_else(|| "unexpected answer".to_owned())),
        Err(e) => Err(e
            .as_string()
            .unwrap_or_else(|| "the spreadsheet worker failed".to_owned())),
    }
}
