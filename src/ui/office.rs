//! Writing Office files in the browser: workbooks and Word documents, in the Office worker, a
//! separate wasm started on the first download and kept for the session, so that neither the
//! xlsx writer nor the documents' code weighs on the first load, and later downloads do not
//! wait for it to start again. What goes into the files is built in the domain
//! ([`crate::domain::office`], [`crate::domain::plan_book`], [`crate::domain::sheet`]).

use crate::domain::office::{DocumentRequest, Report, Request};
use crate::domain::sheet::Book;
use crate::domain::text::{Lang, file_slug};
use crate::i18n::{Msg, display_name};
use crate::ui::download::download_bytes;
use crate::ui::state::AppState;
use leptos::prelude::*;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
    run(
        async move { Request::Workbook(book) },
        (name, XLSX, lang),
        status,
        busy,
        move |e| Msg::ExcelFailed.fill(lang, &[("error", e)]),
    );
}

/// The title of a document, as its button and the file name say it.
pub fn title(report: Report) -> Msg {
    match report {
        Report::Investigation => Msg::EvInvestigationReport,
        Report::Consulting => Msg::EvConsultingReport,
        Report::Implementation => Msg::EvImplementationPlan,
        Report::Proposal => Msg::ProposalTitle,
    }
}

/// Writes one Word document of a workload and downloads it: an imported bundle's from the file
/// it came from, the user's own from a bundle exported now (see [`crate::domain::office`]).
/// `status` says how it goes; `busy` is true meanwhile.
pub fn download_document(
    app: AppState,
    workload_id: &str,
    report: Report,
    status: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
) {
    let lang = app.lang.get_untracked();
    let imported = app.imported.with_untracked(|xs| {
        xs.iter()
            .find(|x| x.id == workload_id)
            .map(|x| (String::clone(&x.text), x.index))
    });
    let own = imported.is_none();
    let Some((bundle, index)) =
        imported.or_else(|| app.bundle_file(workload_id).map(|(_, text)| (text, 0)))
    else {
        return;
    };
    let Some(name) = app.with_workload(workload_id, |w| {
        format!(
            "preflight-{}-{}-{}.docx",
            file_slug(&format!(
                "{} {}",
                w.profile.organisation,
                display_name(w, lang)
            )),
            report.id(),
            crate::domain::calendar::format_date(app.as_of(workload_id).date())
        )
    }) else {
        return;
    };
    let catalogue = app.catalogue.text().map(str::to_owned);
    let request = async move {
        Request::Document(DocumentRequest {
            report,
            bundle,
            index,
            own,
            catalogue,
            config: crate::ui::config::fetch_config().await,
            lang: None,
            fallback: lang,
            now: crate::ui::clock::now_millis(),
        })
    };
    let what = title(report).text(lang);
    status.set(Some(Msg::PreparingDocument.fill(lang, &[("title", what)])));
    run(request, (name, DOCX, lang), status, Some(busy), move |e| {
        Msg::DocumentFailed.fill(lang, &[("title", what), ("error", e)])
    });
}

/// Asks the worker for the file, downloads it as `name` (of type `mime`), and says in `status`
/// how it went, in `lang`.
fn run(
    request: impl std::future::Future<Output = Request> + 'static,
    (name, mime, lang): (String, &'static str, Lang),
    status: RwSignal<Option<String>>,
    busy: Option<RwSignal<bool>>,
    failed: impl FnOnce(&str) -> String + 'static,
) {
    if let Some(b) = busy {
        b.set(true);
    }
    leptos::task::spawn_local(async move {
        let message = match write(&request.await).await {
            Ok(bytes) => {
                download_bytes(&name, mime, &bytes);
                Msg::ExcelReady.fill(lang, &[("file", &name)])
            }
            Err(e) => failed(&e),
        };
        status.set(Some(message));
        if let Some(b) = busy {
            b.set(false);
        }
    });
}

#[cfg(target_arch = "wasm32")]
async fn write(request: &Request) -> Result<Vec<u8>, String> {
    worker::write(request).await
}

// Natively (tests) the app never runs this; write in-process so the code path stays typed.
#[cfg(not(target_arch = "wasm32"))]
async fn write(request: &Request) -> Result<Vec<u8>, String> {
    crate::domain::office::write(request)
}

/// The worker, started on the first request and kept; requests take turns.
#[cfg(target_arch = "wasm32")]
mod worker {
    use crate::domain::office::Request;
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use wasm_bindgen_futures::JsFuture;

    type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;

    /// How long a new worker may take to load and say it is ready.
    const START_TIMEOUT_MS: i32 = 30_000;

    thread_local! {
        /// The worker, once started, and the handler of its current answer.
        static WORKER: RefCell<Option<(web_sys::Worker, Option<OnMessage>)>> =
            const { RefCell::new(None) };
        /// Settles when the last request queued is answered.
        static LAST: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    }

    /// Writes a file in the worker and returns its bytes.
    pub async fn write(request: &Request) -> Result<Vec<u8>, String> {
        // Wait for the requests before this one: one answer handler at a time.
        let mut done = None;
        let mine = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
        if let Some(before) = LAST.with(|l| l.replace(Some(mine))) {
            let _ = JsFuture::from(before).await;
        }
        let result = ask(request).await;
        if let Some(done) = done {
            let _ = done.call0(&JsValue::NULL);
        }
        result
    }

    /// Posts `message` and waits for the next answer; the first answer of a new worker is its
    /// `"ready"`, so a new worker is started and awaited before the request is posted.
    async fn ask(request: &Request) -> Result<Vec<u8>, String> {
        let worker = match WORKER.with(|w| w.borrow().as_ref().map(|(w, _)| w.clone())) {
            Some(w) => w,
            None => {
                // A classic worker: Trunk builds workers for wasm-bindgen's `no-modules` target,
                // whose loader uses `importScripts`. Relative to the page, so it works under any
                // sub-path.
                let w = web_sys::Worker::new("./office-worker_loader.js")
                    .map_err(|_| "the Office worker could not start".to_owned())?;
                WORKER.with(|slot| *slot.borrow_mut() = Some((w.clone(), None)));
                let ready = answer(&w, None, Some(START_TIMEOUT_MS)).await;
                if ready.as_ref().ok().and_then(JsValue::as_string).as_deref() != Some("ready") {
                    discard();
                    return Err(failure(ready));
                }
                w
            }
        };
        let payload = JsValue::from_str(&request.to_json());
        match answer(&worker, Some(&payload), None).await {
            Ok(v) if v.is_instance_of::<js_sys::Uint8Array>() => {
                Ok(js_sys::Uint8Array::new(&v).to_vec())
            }
            Ok(v) => Err(v
                .as_string()
                .unwrap_or_else(|| "unexpected answer".to_owned())),
            Err(e) => {
                discard();
                Err(failure(Err(e)))
            }
        }
    }

    /// Posts `payload` (if any) to the worker and waits for its next message, or its error, or
    /// `timeout` milliseconds.
    async fn answer(
        worker: &web_sys::Worker,
        payload: Option<&JsValue>,
        timeout: Option<i32>,
    ) -> Result<JsValue, JsValue> {
        let mut settle = None;
        let promise = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        let Some((resolve, reject)) = settle else {
            return Err(JsValue::from_str("no promise"));
        };
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let _ = resolve.call1(&JsValue::NULL, &ev.data());
            });
        let reject_on_error = reject.clone();
        let on_error = Closure::once_into_js(move |ev: web_sys::ErrorEvent| {
            let _ = reject_on_error.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        // A worker whose wasm cannot be fetched (offline before it was ever cached) rejects a
        // promise inside the worker, which the page is not told of: it just never says "ready".
        if let (Some(ms), Some(window)) = (timeout, web_sys::window()) {
            let reject_late = reject.clone();
            let late = Closure::once_into_js(move || {
                let _ = reject_late.call1(
                    &JsValue::NULL,
                    &JsValue::from_str("the Office worker did not start (is the network down?)"),
                );
            });
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), ms);
        }
        // The handler lives until the next one replaces it.
        WORKER.with(|w| {
            if let Some((_, handler)) = w.borrow_mut().as_mut() {
                *handler = Some(on_message);
            }
        });
        if let Some(p) = payload
            && worker.post_message(p).is_err()
        {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("the Office worker refused the data"),
            );
        }
        JsFuture::from(promise).await
    }

    /// Stops a worker that failed, so that the next request starts a new one.
    fn discard() {
        if let Some((w, _)) = WORKER.with(|slot| slot.borrow_mut().take()) {
            w.terminate();
        }
    }

    fn failure(result: Result<JsValue, JsValue>) -> String {
        match result {
            Ok(v) | Err(v) => v
                .as_string()
                .unwrap_or_else(|| "the Office worker failed".to_owned()),
        }
    }
}
