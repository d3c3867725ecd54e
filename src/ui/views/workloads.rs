//! The workload list: create, open, rename, duplicate, delete.

use crate::domain::assessment::summarize;
use crate::domain::builtin::well_architected;
use crate::domain::text::Lang;
use crate::domain::workload::{MAX_PROFILE_FIELD, Workload};
use crate::i18n::Msg;
use crate::i18n::display_name;
use crate::ui::route::Route;
use crate::ui::state::{navigate, use_app};
use crate::ui::views::localized;
use leptos::prelude::*;
use std::collections::HashMap;

/// The workloads page.
#[component]
pub fn WorkloadsPage() -> impl IntoView {
    let rows = RowStates::default();
    localized(move |lang| workloads_body(lang, rows).into_any())
}

/// A row's mode and its rename draft.
type RowState = (RwSignal<Mode>, RwSignal<String>);

/// Each row's mode and rename draft, kept by the page so that an open rename or a pending
/// deletion survives a language switch (which renders the rows again).
#[derive(Clone, Copy)]
struct RowStates {
    /// The page's owner: the rows' signals belong to it, not to one rendering of the rows.
    owner: StoredValue<Option<Owner>>,
    /// Workload id → (mode, draft name).
    rows: StoredValue<HashMap<String, RowState>>,
}

impl Default for RowStates {
    fn default() -> Self {
        RowStates {
            owner: StoredValue::new(Owner::current()),
            rows: StoredValue::new(HashMap::new()),
        }
    }
}

impl RowStates {
    /// The state of one row, created the first time the row is shown.
    fn of(self, id: &str) -> RowState {
        if let Some(state) = self.rows.with_value(|r| r.get(id).copied()) {
            return state;
        }
        let make = || (RwSignal::new(Mode::View), RwSignal::new(String::new()));
        let state = match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        };
        self.rows.update_value(|r| {
            r.insert(id.to_owned(), state);
        });
        state
    }
}

/// The page in `lang` (rendered again when the language changes).
fn workloads_body(lang: Lang, rows: RowStates) -> impl IntoView {
    let app = use_app();
    let create = move |_| {
        let id = app.create_workload();
        navigate(&Route::Profile(id));
    };
    let ids = move || {
        app.workloads
            .with(|ws| ws.iter().map(|w| w.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::WorkloadsTitle.text(lang)}</h1>
            <p class="muted">{Msg::WorkloadsIntro.text(lang)}</p>
            <Show
                when=move || !ids().is_empty()
                fallback=move || view! { <p data-testid="no-workloads">{Msg::WorkloadsEmpty.text(lang)}</p> }
            >
                <ul class="workload-list" data-testid="workload-list">
                    <For each=ids key=|id| id.clone() let:id>
                        <WorkloadRow id rows />
                    </For>
                </ul>
            </Show>
            <div class="actions">
                <button type="button" class="button" data-testid="new-workload" on:click=create>
                    {Msg::NewWorkload.text(lang)}
                </button>
            </div>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    View,
    Renaming,
    ConfirmDelete,
}

/// One workload in the list.
#[component]
fn WorkloadRow(
    /// The workload's id.
    id: String,
    /// Where the row keeps its mode and draft.
    rows: RowStates,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let (mode, draft) = rows.of(&id);
    let id = StoredValue::new(id);
    let with_w = move |f: &dyn Fn(&Workload) -> String| {
        app.workloads.with(|ws| {
            ws.iter()
                .find(|w| w.id == id.get_value())
                .map(f)
                .unwrap_or_default()
        })
    };
    let name = move || with_w(&|w| display_name(w, lang));
    let detail = move || {
        with_w(&|w| {
            let counts = summarize(
                well_architected(),
                w.answers(&well_architected().id)
                    .unwrap_or(&Default::default()),
            )
            .overall;
            let mut parts = Vec::new();
            if !w.profile.organisation.trim().is_empty() {
                parts.push(w.profile.organisation.trim().to_owned());
            }
            parts.push(Msg::Progress.fill(
                lang,
                &[
                    ("done", &counts.done().to_string()),
                    ("total", &counts.total().to_string()),
                ],
            ));
            parts.push(
                Msg::LastChanged.fill(lang, &[("date", w.updated_at.get(..10).unwrap_or(""))]),
            );
            parts.join(" · ")
        })
    };
    // `autofocus` does nothing on inserted elements: move focus when they appear.
    let rename_input = NodeRef::<leptos::html::Input>::new();
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = rename_input.get() {
            let _ = el.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(el) = confirm_button.get() {
            let _ = el.focus();
        }
    });
    let save_name = move || {
        let name: String = draft
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_PROFILE_FIELD)
            .collect();
        app.update_workload(&id.get_value(), |w| w.profile.workload = name);
        mode.set(Mode::View);
    };
    let row = Row {
        id,
        mode,
        draft,
        lang,
    };
    view! {
        <li data-testid="workload-row">
            {move || match mode.get() {
                Mode::View => row_actions(row, with_w, name, detail).into_any(),
                Mode::Renaming => rename_form(row, save_name, rename_input).into_any(),
                Mode::ConfirmDelete => confirm_delete(row, name, confirm_button).into_any(),
            }}
        </li>
    }
}

/// What every mode of a row needs.
#[derive(Clone, Copy)]
struct Row {
    id: StoredValue<String>,
    mode: RwSignal<Mode>,
    draft: RwSignal<String>,
    lang: Lang,
}

/// A row as listed: its name and progress, and its actions.
fn row_actions(
    row: Row,
    with_w: impl Fn(&dyn Fn(&Workload) -> String) -> String + Copy + Send + Sync + 'static,
    name: impl Fn() -> String + Copy + Send + Sync + 'static,
    detail: impl Fn() -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let (id, mode, draft, lang) = (row.id, row.mode, row.draft, row.lang);
    view! {
        <div class="workload-row">
            <div>
                <a class="name" href=Route::Profile(id.get_value()).href()>{name}</a>
                <div class="muted">{detail}</div>
            </div>
            <div class="actions">
                <a class="button secondary" href=Route::Profile(id.get_value()).href()>
                    {Msg::Open.text(lang)}
                    " "<span class="visually-hidden">{name}</span>
                </a>
                <button type="button" class="button secondary" on:click=move |_| {
                    draft.set(with_w(&|w| w.profile.workload.clone()));
                    mode.set(Mode::Renaming);
                }>
                    {Msg::Rename.text(lang)}
                    " "<span class="visually-hidden">{name}</span>
                </button>
                <button type="button" class="button secondary" on:click=move |_| {
                    app.duplicate_workload(&id.get_value());
                }>
                    {Msg::Duplicate.text(lang)}
                    " "<span class="visually-hidden">{name}</span>
                </button>
                <button type="button" class="button danger" on:click=move |_| mode.set(Mode::ConfirmDelete)>
                    {Msg::Delete.text(lang)}
                    " "<span class="visually-hidden">{name}</span>
                </button>
            </div>
        </div>
    }
}

/// A row being renamed.
fn rename_form(
    row: Row,
    save_name: impl Fn() + Copy + Send + Sync + 'static,
    rename_input: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let (id, mode, draft, lang) = (row.id, row.mode, row.draft, row.lang);
    let input_id = move || format!("rename-{}", id.get_value());
    view! {

        <form class="workload-row" on:submit=move |ev| {
            ev.prevent_default();
            save_name();
        }>
            <div class="field">
                <label for=input_id>{Msg::NameLabel.text(lang)}</label>
                <input
                    type="text"
                    id=input_id
                    maxlength=MAX_PROFILE_FIELD.to_string()
                    node_ref=rename_input
                    prop:value=move || draft.get()
                    on:input:target=move |ev| draft.set(ev.target().value())
                />
            </div>
            <div class="actions">
                <button type="submit" class="button">{Msg::Save.text(lang)}</button>
                <button type="button" class="button secondary" on:click=move |_| mode.set(Mode::View)>
                    {Msg::Cancel.text(lang)}
                </button>
            </div>
        </form>
    }
}

/// A row asking to confirm its deletion.
fn confirm_delete(
    row: Row,
    name: impl Fn() -> String + Copy + Send + Sync + 'static,
    confirm_button: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let app = use_app();
    let Row { id, mode, lang, .. } = row;
    view! {

        <div class="workload-row" role="alertdialog" aria-label=Msg::Delete.text(lang)>
            <p>{move || Msg::DeleteConfirm.fill(lang, &[("name", &name())])}</p>
            <div class="actions">
                <button type="button" class="button danger" node_ref=confirm_button on:click=move |_| app.delete_workload(&id.get_value())>
                    {Msg::DeleteYes.text(lang)}
                </button>
                <button type="button" class="button secondary" on:click=move |_| mode.set(Mode::View)>
                    {Msg::Cancel.text(lang)}
                </button>
            </div>
        </div>
    }
}
