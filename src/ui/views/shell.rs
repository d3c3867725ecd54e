//! The frame around every view: header with navigation and language switch, notices, footer.

use crate::domain::saving::Quarantined;
use crate::domain::storage::LoadNotice;
use crate::domain::text::Lang;
use crate::i18n::{Msg, store_error_text};
use crate::ui::download::download;
use crate::ui::route::Route;
use crate::ui::state::{AppState, Health, Notice, use_app};
use leptos::prelude::*;

/// The site header.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let link = move |route: Route, msg: Msg| {
        let href = route.href();
        let current = move || app.route.get() == route;
        view! {
            <a href=href aria-current=move || current().then_some("page")>{app.tr(msg)}</a>
        }
    };
    let nav = move || {
        let route = app.route.get();
        let home = (route.workload().is_none()).then(|| link(Route::Start, Msg::NavHome));
        view! {
            {home}
            {link(Route::Workloads, Msg::NavWorkloads)}
            {link(Route::Workspace, Msg::NavWorkspace)}
        }
    };
    // Inside a workload: its views, as a second bar.
    let workload_nav = move || {
        let route = app.route.get();
        let id = route.workload()?.to_owned();
        // (Until the lens is in hand, which every page waits for, the link leads to the profile.)
        let first_pillar = app.lenses.builtin().map(|lens| lens.pillars[0].id.clone());
        let in_questionnaire = matches!(route, Route::Pillar(..));
        let banner = app.is_read_only(&id).then(|| {
            let lang = app.lang.get();
            let info = app.imported.with(|xs| {
                xs.iter().find(|x| x.id == id).map(|x| {
                    let changed = x.bundle.integrity == crate::domain::bundle::Integrity::Changed;
                    let lens_differs = x.bundle.lenses.iter().any(|l| {
                        app.lenses.sha256(&l.id).is_some_and(|sha| sha != l.sha256)
                    });
                    (x.file.clone(), changed, lens_differs)
                })
            });
            info.map(|(file, changed, lens_differs)| view! {
                <div class="readonly-banner" role="status" data-testid="read-only">
                    <div class="bar">
                        <p>{Msg::ReadOnlyBanner.fill(lang, &[("file", &file)])}" "
                            <a href=Route::Workspace.href()>{Msg::BackToWorkspace.text(lang)}</a></p>
                        {changed.then(|| view! { <p data-testid="changed-warning"><strong>{Msg::ChangedWarning.text(lang)}</strong></p> })}
                        {lens_differs.then(|| view! { <p>{Msg::LensMismatch.text(lang)}</p> })}
                    </div>
                </div>
            })
        });
        Some(view! {
            {banner}
            <nav class="workload-nav" aria-label=app.tr(Msg::WorkloadNav)>
                <div class="bar">
                    {link(Route::Profile(id.clone()), Msg::NavProfile)}
                    <a
                        href=first_pillar
                            .map_or_else(|| Route::Profile(id.clone()), |p| Route::Pillar(id.clone(), None, p))
                            .href()
                        aria-current=in_questionnaire.then_some("page")
                    >
                        {app.tr(Msg::NavQuestionnaire)}
                    </a>
                    {link(Route::Results(id.clone()), Msg::NavResults)}
                    {link(Route::Plan(id.clone()), Msg::NavPlan)}
                    {link(Route::Services(id.clone()), Msg::NavServices)}
                    {link(Route::Schedule(id.clone()), Msg::NavSchedule)}
                    {link(Route::Proposal(id.clone()), Msg::NavProposal)}
                    {link(Route::Milestones(id.clone()), Msg::NavMilestones)}
                    {link(Route::Report(id), Msg::NavReport)}
                </div>
            </nav>
        })
    };
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_main();
        }>{app.tr(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="bar">
                <a class="brand" href=Route::Start.href() data-testid="brand">
                    {app.brand.with_value(|b| b.logo.clone()).map(|src| view! {
                        <img class="brand-logo" src=src alt="" height="28"/>
                    })}
                    {move || app.app_name(lang.get())}
                </a>
                <nav class="site-nav" aria-label=app.tr(Msg::MainNav)>{nav}</nav>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    aria-label=app.tr(Msg::SwitchLanguage)
                    lang=move || lang.get().other().tag()
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {app.tr(Msg::OtherLanguageShort)}
                </button>
            </div>
            {workload_nav}
        </header>
    }
}

/// Moves keyboard focus to the page heading (after navigation, and for the skip link).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id("page-title")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        crate::ui::pages::focus_on_arrival(false);
    }
}

/// Storage health, records set aside, and one-off notices.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices">
            {update_notice(app)} {storage_health(app)} {quarantine_notices(app)} {other_notices(app)}
        </div>
    }
}

/// A storage failure, with a way to download a copy of the work.
fn storage_health(app: AppState) -> impl IntoView {
    let lang = app.lang;
    let backup = move |_| {
        let date = crate::ui::clock::now_iso();
        let name = format!("preflight-workloads-{}.json", &date[..10.min(date.len())]);
        download(&name, "application/json", &app.backup_json());
    };
    move || {
        let (class, text) = match app.health.get() {
            Health::Saving => return None,
            Health::Unavailable(_) => ("warning", app.t(Msg::StorageUnavailable).to_owned()),
            Health::Full => ("warning", app.t(Msg::StorageFull).to_owned()),
            Health::Failed(e) => (
                "error",
                Msg::StorageFailed.fill(lang.get(), &[("error", &e)]),
            ),
        };
        Some(view! {
            <div class=format!("notice {class}") role="alert" data-testid="storage-warning">
                <p>{text}</p>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=backup>
                        {app.tr(Msg::DownloadCopy)}
                    </button>
                </div>
            </div>
        })
    }
}

/// Each record set aside, with why, and buttons to download or discard it.
fn quarantine_notices(app: AppState) -> impl IntoView {
    let lang = app.lang;
    move || {
        app.quarantined
            .get()
            .into_iter()
            .map(|Quarantined { key, reason }| {
                let k1 = key.clone();
                let k2 = key.clone();
                // The reason's words come with the pages' texts (`i18n::words`).
                let reason = reason.map(|r| {
                    let texts = RwSignal::new(None::<[String; 2]>);
                    leptos::task::spawn_local(async move {
                        if let Ok(t) = crate::ui::pages::record_error_lines(r).await {
                            texts.set(Some(t));
                        }
                    });
                    view! {
                        <p class="muted">
                            {move || {
                                let l = lang.get();
                                texts.with(|t| t.as_ref().map(|t| {
                                    Msg::QuarantineReason.fill(l, &[("reason", &t[usize::from(l == Lang::ZhCn)])])
                                }))
                            }}
                        </p>
                    }
                });
                view! {
                    <div class="notice warning" role="alert" data-testid="quarantine-notice">
                        <p>{app.tr(Msg::Quarantined)}</p>
                        {reason}
                        <div class="actions">
                            <button type="button" class="button secondary" on:click=move |_| {
                                if let Some(text) = app.quarantined_text(&k1) {
                                    download(&format!("{k1}.json"), "application/json", &text);
                                }
                            }>{app.tr(Msg::DownloadIt)}</button>
                            <button type="button" class="button danger" on:click=move |_| app.discard_quarantined(&k2)>
                                {app.tr(Msg::Discard)}
                            </button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}

/// Notices from loading, deletions and the config, each dismissable.
fn other_notices(app: AppState) -> impl IntoView {
    let lang = app.lang;
    move || {
        app.notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, notice)| {
                let details = match &notice {
                    Notice::Config(issues) => {
                        // Each problem's path at once, its words when the pages' texts are in
                        // hand (`i18n::words`).
                        let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
                        let texts = RwSignal::new(None::<Vec<[String; 2]>>);
                        let issues = issues.clone();
                        leptos::task::spawn_local(async move {
                            if let Ok(t) = crate::ui::pages::issue_lines(issues).await {
                                texts.set(Some(t));
                            }
                        });
                        Some(view! {
                            <ul class="small" data-testid="config-problems">
                                {move || {
                                    let l = usize::from(lang.get() == Lang::ZhCn);
                                    let lines: Vec<String> = texts.with(|t| match t {
                                        Some(t) => t.iter().map(|t| t[l].clone()).collect(),
                                        None => paths.clone(),
                                    });
                                    lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()
                                }}
                            </ul>
                        })
                    }
                    _ => None,
                };
                let text = move || {
                    let l = lang.get();
                    match &notice {
                        Notice::Load(LoadNotice::Unreadable { key, error, .. }) => Msg::Unreadable
                            .fill(l, &[("key", key), ("error", store_error_text(error, l))]),
                        Notice::Load(_) => Msg::NewerData.text(l).to_owned(),
                        Notice::WorkloadMissing => Msg::WorkloadMissing.text(l).to_owned(),
                        Notice::DeletedElsewhere => Msg::DeletedElsewhere.text(l).to_owned(),
                        Notice::Deleted(name) => Msg::Deleted.fill(l, &[("name", name)]),
                        Notice::Config(_) => Msg::ConfigProblems.text(l).to_owned(),
                    }
                };

                view! {
                    <div class="notice info" role="status">
                        <p>{text}</p>
                        {details}
                        <div class="actions">
                            <button type="button" class="button secondary" on:click=move |_| {
                                app.notices.update(|n| {
                                    if i < n.len() {
                                        n.remove(i);
                                    }
                                })
                            }>{app.tr(Msg::Dismiss)}</button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}

/// A new release is installed and waits for a reload.
fn update_notice(app: AppState) -> impl IntoView {
    move || {
        app.update_ready.get().then(|| {
            view! {
                <div class="notice info" role="status" data-testid="update-ready">
                    <p>{app.tr(Msg::UpdateReady)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| crate::ui::offline::activate_update()>
                            {app.tr(Msg::UpdateReload)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let contact = app.contact.get_value();
    let contact = (!contact.is_empty()).then(|| {
        let name = contact.name.clone();
        let email = contact.email.map(|e| {
            let href = format!("mailto:{e}");
            view! { <a href=href>{e}</a> }
        });
        let phone = contact.phone.map(|p| {
            let href = format!("tel:{}", p.replace([' ', '(', ')', '.', '-'], ""));
            view! { <a href=href>{p}</a> }
        });
        let url = contact
            .url
            .map(|u| view! { <a href=u rel="noopener">{app.tr(Msg::ContactWebsite)}</a> });
        view! {
            <p data-testid="contact">
                <strong>{app.tr(Msg::ContactUs)}</strong>" "
                {move || name.as_ref().map(|n| format!("{} ", n.get(lang.get())))}
                {email}" "{phone}" "{url}
            </p>
        }
    });
    view! {
        <footer class="notices">
            {contact}
            <p class="muted">{app.tr(Msg::Footer)}</p>
        </footer>
    }
}

/// Keeps `<html lang>` and the document title in step with the language and view.
pub fn sync_document(lang: Lang, title: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document().set_title(title);
}
