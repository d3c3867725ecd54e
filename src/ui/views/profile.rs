//! The workload profile: organisation, workload, contact, description. Saved as the user types.

use crate::domain::builtin::{MANAGED_SERVICES, well_architected};
use crate::domain::lens::Lens;
use crate::domain::plan::ranked_ids;
use crate::domain::text::Lang;
use crate::domain::workload::{MAX_DESCRIPTION, MAX_PROFILE_FIELD, Profile};
use crate::i18n::{Msg, issue_text};
use crate::ui::lenses::LensState;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The profile page of a workload.
#[component]
pub fn ProfilePage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    // Pages are rebuilt when the language changes (see `App`).
    let lang = app.lang.get_untracked();
    let ro = app.is_read_only(&workload_id);
    let id = StoredValue::new(workload_id);
    let field = move |key: &'static str,
                      label: Msg,
                      kind: &'static str,
                      max: usize,
                      get: fn(&Profile) -> &String,
                      set: fn(&mut Profile, String)| {
        let input_id = format!("profile-{key}");
        let value = move || {
            app.with_workload(&id.get_value(), |w| get(&w.profile).clone())
                .unwrap_or_default()
        };
        let on_input = move |text: String| {
            let text: String = text.chars().take(max).collect();
            app.update_workload(&id.get_value(), |w| set(&mut w.profile, text));
        };
        let control = if kind == "textarea" {
            view! {
                <textarea
                    id=input_id.clone()
                    maxlength=max.to_string()
                    rows="5"
                    readonly=ro
                    aria-describedby="profile-description-hint"
                    prop:value=value
                    on:input:target=move |ev| on_input(ev.target().value())
                ></textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    type=kind
                    id=input_id.clone()
                    maxlength=max.to_string()
                    readonly=ro
                    autocomplete=match key {
                        "organisation" => "organization",
                        "contact_name" => "name",
                        "contact_email" => "email",
                        _ => "off",
                    }
                    prop:value=value
                    on:input:target=move |ev| on_input(ev.target().value())
                />
            }
            .into_any()
        };
        let hint = (kind == "textarea").then(|| {
            view! { <span class="hint" id="profile-description-hint">{Msg::DescriptionHint.text(lang)}</span> }
        });
        view! {
            <div class="field">
                <label for=input_id>{label.text(lang)}</label>
                {hint}
                {control}
            </div>
        }
    };
    let first_pillar = Route::Pillar(
        id.get_value(),
        None,
        well_architected().pillars[0].id.clone(),
    );
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::ProfileTitle.text(lang)}</h1>
            <p class="muted">{Msg::ProfileIntro.text(lang)}</p>
            <form on:submit=|ev| ev.prevent_default()>
                <div class="form-grid">
                    {field("organisation", Msg::Organisation, "text", MAX_PROFILE_FIELD, |p| &p.organisation, |p, v| p.organisation = v)}
                    {field("workload", Msg::NameLabel, "text", MAX_PROFILE_FIELD, |p| &p.workload, |p, v| p.workload = v)}
                    {field("contact_name", Msg::ContactName, "text", MAX_PROFILE_FIELD, |p| &p.contact_name, |p, v| p.contact_name = v)}
                    {field("contact_email", Msg::ContactEmail, "email", MAX_PROFILE_FIELD, |p| &p.contact_email, |p, v| p.contact_email = v)}
                </div>
                {field("description", Msg::Description, "textarea", MAX_DESCRIPTION, |p| &p.description, |p, v| p.description = v)}
            </form>
        </section>
        <LensChoice workload_id=id.get_value()/>
        <Priorities workload_id=id.get_value()/>
        <div class="actions">
            <a class="button" href=first_pillar.href() data-testid="to-questionnaire">
                {Msg::ToQuestionnaire.text(lang)}
            </a>
        </div>
    }
}

/// Which lenses the workload is assessed with.
#[component]
fn LensChoice(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let ms = MANAGED_SERVICES.id;
    let chosen = move || {
        app.with_workload(&wid.get_value(), |w| w.lenses.iter().any(|l| l == ms))
            .unwrap_or(false)
    };
    let status = move || match (chosen(), app.lenses.state(ms)) {
        (true, Some(LensState::Loading)) => Some(Msg::LensLoading.text(lang).to_owned()),
        (true, Some(LensState::Failed(e))) => {
            Some(Msg::LensFailed.fill(lang, &[("error", &e[usize::from(lang == Lang::ZhCn)])]))
        }
        _ => None,
    };
    view! {
        <section class="card" aria-labelledby="lenses-title">
            <h2 id="lenses-title">{Msg::LensesTitle.text(lang)}</h2>
            <p class="muted">{Msg::LensesIntro.text(lang)}</p>
            <div class="check-row">
                <input
                    type="checkbox"
                    id="lens-managed-services"
                    data-testid="lens-managed-services"
                    disabled=app.is_read_only(&wid.get_value())
                    prop:checked=chosen
                    on:change:target=move |ev| app.set_lens(&wid.get_value(), ms, ev.target().checked())
                />
                <label for="lens-managed-services">{Msg::OptionManagedServices.text(lang)}</label>
            </div>
            <p role="status" class="muted">{status}</p>
            {app.lenses.listed().iter().map(|l| listed_lens(wid, l.id, lang)).collect_view()}
            {move || app.lenses.loaded_by_user().into_iter().map(|id| listed_lens(wid, id, lang)).collect_view()}
            {lens_picker(wid, lang)}
        </section>
    }
}

/// A lens the sales team lists in `config.json`, or one the user loaded from disk: a checkbox
/// named after the lens once its file is in hand (a listed one is fetched when the profile
/// opens), and what the parser said of the file.
fn listed_lens(wid: StoredValue<String>, id: &'static str, lang: Lang) -> impl IntoView {
    let app = use_app();
    app.lenses.ensure(id);
    let chosen = move || {
        app.with_workload(&wid.get_value(), |w| w.lenses.iter().any(|l| l == id))
            .unwrap_or(false)
    };
    let input_id = format!("lens-{id}");
    let label = move || match app.lenses.state(id) {
        Some(LensState::Ready(lens, ..)) => Msg::LensWithQuestions.fill(
            lang,
            &[
                ("name", lens.name.get(lang)),
                ("n", &lens.question_count().to_string()),
            ],
        ),
        _ => id.to_owned(),
    };
    let status = move || {
        match app.lenses.state(id) {
        Some(LensState::Loading) | None => {
            view! { <p class="muted">{Msg::LensLoading.text(lang)}</p> }.into_any()
        }
        Some(LensState::Failed(e)) => view! {
            <p class="error-text">{Msg::ListedLensFailed.fill(lang, &[("error", &e[usize::from(lang == Lang::ZhCn)])])}</p>
        }
        .into_any(),
        Some(LensState::Ready(_, _, [], _)) => ().into_any(),
        Some(LensState::Ready(_, _, warnings, _)) => view! {
            <details class="lens-warnings" data-testid=format!("lens-warnings-{id}")>
                <summary>{Msg::LensWarnings.fill(lang, &[("n", &warnings.len().to_string())])}</summary>
                {issue_list(warnings, lang)}
            </details>
        }
        .into_any(),
    }
    };
    view! {
        <div class="check-row">
            <input
                type="checkbox"
                id=input_id.clone()
                data-testid=input_id.clone()
                disabled=app.is_read_only(&wid.get_value())
                prop:checked=chosen
                on:change:target=move |ev| app.set_lens(&wid.get_value(), id, ev.target().checked())
            />
            <label for=input_id>{label}</label>
        </div>
        <div role="status">{status}</div>
    }
}

/// The customer's ranking of each lens's pillars, edited with Up/Down buttons.
#[component]
fn Priorities(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let announce = RwSignal::new(String::new());
    let ro = app.is_read_only(&wid.get_value());
    let lenses = move || app.workload_lenses(&wid.get_value());
    let section = move |lens: &'static Lens| {
        let order = move || ranked_ids(lens, &app.ranking(&wid.get_value(), &lens.id));
        let rows = move || {
            let ids = order();
            let n = ids.len();
            ids.iter()
                .enumerate()
                .map(|(i, pid)| {
                    let name = lens.pillar(pid).map_or("", |p| p.name.get(lang));
                    let pi = lens.pillars.iter().position(|p| p.id == *pid).unwrap_or(0);
                    let up_id = format!("rank-up-{}-{pi}", lens.id);
                    let down_id = format!("rank-down-{}-{pi}", lens.id);
                    let mv = move |delta: isize| {
                        let mut ids = order();
                        let j = i.saturating_add_signed(delta);
                        if j < ids.len() {
                            ids.swap(i, j);
                            announce.set(
                                Msg::RankedAs
                                    .fill(lang, &[("name", name), ("rank", &(j + 1).to_string())]),
                            );
                            app.set_ranking(&wid.get_value(), &lens.id, ids);
                            // The rows are rebuilt: keep the keyboard on the moved pillar, on the
                            // same button unless it is now disabled (at the top or the bottom).
                            let (same, other) = if delta < 0 {
                                ("up", "down")
                            } else {
                                ("down", "up")
                            };
                            let first = format!("rank-{same}-{}-{pi}", lens.id);
                            let second = format!("rank-{other}-{}-{pi}", lens.id);
                            request_animation_frame(move || focus_enabled(&[&first, &second]));
                        }
                    };
                    view! {
                        <li class="rank-row" data-testid="rank-row">
                            <span class="rank">{i + 1}</span>
                            <span class="rank-name">{name}</span>
                            <button type="button" class="button secondary small" id=up_id
                                aria-label=Msg::MoveUp.fill(lang, &[("name", name)])
                                disabled=i == 0 || ro on:click=move |_| mv(-1)>"↑"</button>
                            <button type="button" class="button secondary small" id=down_id
                                aria-label=Msg::MoveDown.fill(lang, &[("name", name)])
                                disabled=i + 1 == n || ro on:click=move |_| mv(1)>"↓"</button>
                        </li>
                    }
                })
                .collect_view()
        };
        view! {
            <h3>{lens.name.get(lang)}</h3>
            <ol class="rank-list" data-lens=lens.id.clone()>{rows}</ol>
        }
    };
    view! {
        <section class="card" aria-labelledby="priorities-title">
            <h2 id="priorities-title">{Msg::PrioritiesTitle.text(lang)}</h2>
            <p class="muted">{Msg::PrioritiesIntro.text(lang)}</p>
            {move || lenses().into_iter().map(section).collect_view()}
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        </section>
    }
}

/// Focuses the first of these buttons that exists and is enabled.
fn focus_enabled(ids: &[&str]) {
    use wasm_bindgen::JsCast;
    for id in ids {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlButtonElement>().ok())
            .filter(|b| !b.disabled())
        {
            let _ = el.focus();
            return;
        }
    }
}

/// Loading a lens file from disk: any AWS custom lens, or a lens in our format. What happened
/// is said in a status line (errors listed by path); the lens is then offered on every profile.
fn lens_picker(wid: StoredValue<String>, lang: Lang) -> impl IntoView {
    use crate::ui::transfer::{LensPick, load_lens_file};
    let app = use_app();
    let status: RwSignal<Option<LensPick>> = RwSignal::new(None);
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            status.set(Some(load_lens_file(app, wid.get_value(), file).await));
        });
    };
    let name = move |id: &str| {
        app.lenses
            .get(id)
            .map_or_else(|| id.to_owned(), |l| l.name.get(lang).to_owned())
    };
    let shown = move || {
        status.with(|s| match s {
            None => ().into_any(),
            Some(LensPick::Loaded(id, warnings)) => view! {
                <p>{Msg::LensPicked.fill(lang, &[("name", &name(id))])}</p>
                {(!warnings.is_empty()).then(|| view! {
                    <p>{Msg::LensWarnings.fill(lang, &[("n", &warnings.len().to_string())])}</p>
                    {issue_list(warnings, lang)}
                })}
            }
            .into_any(),
            Some(LensPick::Already(id)) => {
                view! { <p>{Msg::LensAlreadyPicked.fill(lang, &[("name", &name(id))])}</p> }
                    .into_any()
            }
            Some(LensPick::NotSaved(id, e)) => view! {
                <p class="error-text">{Msg::LensNotSaved.fill(lang, &[
                    ("name", &name(id)),
                    ("error", crate::i18n::store_error_text(e, lang)),
                ])}</p>
            }
            .into_any(),
            Some(LensPick::Refused(list)) => view! {
                <p class="error-text">{Msg::LensRefused.text(lang)}</p>
                {issue_list(list, lang)}
            }
            .into_any(),
        })
    };
    view! {
        <div class="lens-picker">
            <label for="lens-file">{Msg::LensPick.text(lang)}</label>
            <input
                type="file"
                id="lens-file"
                data-testid="lens-file"
                accept=".json,application/json"
                disabled=app.is_read_only(&wid.get_value())
                on:change=on_file
            />
            <div role="status" data-testid="lens-pick-status">{shown}</div>
        </div>
    }
}

/// A lens file's problems, one line each with its JSON path.
fn issue_list(list: &[crate::domain::validate::Issue], lang: Lang) -> impl IntoView + use<> {
    let items = list
        .iter()
        .map(|i| view! { <li>{issue_text(i, lang)}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }
}
