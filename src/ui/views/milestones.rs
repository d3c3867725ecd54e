//! Milestones: freeze the current answers under a name and date, and compare any milestone with
//! now, pillar by pillar.

use crate::domain::assessment::Answers;
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::lens::Lens;
use crate::domain::milestone::{MAX_MILESTONE_NAME, compare};
use crate::domain::text::Lang;
use crate::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::table::{Col, head};
use crate::ui::views::localized;
use crate::ui::views::results::score_text;
use leptos::prelude::*;

/// The page's state that outlives a language switch.
#[derive(Clone, Copy)]
struct Draft {
    /// The new milestone's name, as typed.
    name: RwSignal<String>,
    /// Its date, as typed (`YYYY-MM-DD`).
    date: RwSignal<String>,
    /// Why the last save was refused.
    error: RwSignal<Option<Msg>>,
    /// The confirmation of the last save.
    saved: RwSignal<Option<String>>,
    /// The milestone being compared with now.
    selected: RwSignal<Option<String>>,
}

/// The milestones page.
#[component]
pub fn MilestonesPage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let wid = StoredValue::new(workload_id);
    // What the user is in the middle of survives a language switch (see `localized`).
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(format_date(app.as_of(&wid.get_value()).date()));
    let error = RwSignal::new(None::<Msg>);
    let saved = RwSignal::new(None::<String>);
    let selected = RwSignal::new(None::<String>);
    localized(move |lang| {
        milestones_body(
            wid,
            lang,
            Draft {
                name,
                date,
                error,
                saved,
                selected,
            },
        )
        .into_any()
    })
}

/// The page in `lang` (rendered again when the language changes).
fn milestones_body(wid: StoredValue<String>, lang: Lang, draft: Draft) -> impl IntoView {
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::MilestonesTitle.text(lang)}</h1>
            <p class="muted">{Msg::MilestonesIntro.text(lang)}</p>
            {new_milestone(wid, lang, draft)}
            {milestone_list(wid, lang, draft)}
        </section>
        {comparison(wid, lang, draft)}
    }
}

/// The form that freezes the current answers under a name and a date.
fn new_milestone(wid: StoredValue<String>, lang: Lang, draft: Draft) -> impl IntoView {
    let app = use_app();
    let Draft {
        name,
        date,
        error,
        saved,
        selected,
    } = draft;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        let d = date.get_untracked();
        if n.is_empty() {
            error.set(Some(Msg::MilestoneNameRequired));
            return;
        }
        let Some(d) = parse_date(&d) else {
            error.set(Some(Msg::MilestoneDateInvalid));
            return;
        };
        error.set(None);
        let id = app.add_milestone(&wid.get_value(), &n, d);
        saved.set(Some(Msg::MilestoneSaved.fill(lang, &[("name", &n)])));
        name.set(String::new());
        selected.set(Some(id));
    };

    let ro = app.is_read_only(&wid.get_value());
    view! {
            <form class="form-grid" on:submit=save novalidate hidden=ro>
                <div class="field">
                    <label for="milestone-name">{Msg::MilestoneName.text(lang)}</label>
                    <input type="text" id="milestone-name" maxlength=MAX_MILESTONE_NAME.to_string()
                        aria-describedby="milestone-error"
                        prop:value=move || name.get()
                        on:input:target=move |ev| name.set(ev.target().value())/>
                </div>
                <div class="field">
                    <label for="milestone-date">{Msg::MilestoneDate.text(lang)}</label>
                    <input type="date" id="milestone-date"
                        prop:value=move || date.get()
                        on:input:target=move |ev| date.set(ev.target().value())/>
                </div>
                <div class="field field-end">
                    <button type="submit" class="button" data-testid="save-milestone">{Msg::SaveMilestone.text(lang)}</button>
                </div>
            </form>
            <p id="milestone-error" class="error-text" role="alert">{move || error.get().map(|m| m.text(lang))}</p>
            <p role="status">{move || saved.get()}</p>
    }
}

/// The milestones saved, newest first, each with Compare and Delete.
fn milestone_list(wid: StoredValue<String>, lang: Lang, draft: Draft) -> impl IntoView {
    let app = use_app();
    let selected = draft.selected;
    move || {
        let ms = app
            .with_workload(&wid.get_value(), |w| w.milestones.clone())
            .unwrap_or_default();
        if ms.is_empty() {
            return view! { <p data-testid="no-milestones">{Msg::MilestonesEmpty.text(lang)}</p> }
                .into_any();
        }
        let items = ms
            .into_iter()
            .rev()
            .map(|m| {
                let id_cmp = m.id.clone();
                let id_del = m.id.clone();
                let current = m.id.clone();
                view! {
                    <li class="workload-row" data-testid="milestone">
                        <div>
                            <span class="name">{m.name.clone()}</span>
                            <div class="muted">{format_date(m.date)}</div>
                        </div>
                        <div class="actions">
                            <button type="button" class="button secondary"
                                aria-pressed=move || (selected.get().as_deref() == Some(current.as_str())).to_string()
                                on:click=move |_| selected.set(Some(id_cmp.clone()))>
                                {Msg::Compare.text(lang)}" "<span class="visually-hidden">{m.name.clone()}</span>
                            </button>
                            <button type="button" class="button danger" hidden=app.is_read_only(&wid.get_value()) on:click=move |_| {
                                if selected.get_untracked().as_deref() == Some(id_del.as_str()) {
                                    selected.set(None);
                                }
                                app.delete_milestone(&wid.get_value(), &id_del);
                            }>
                                {Msg::Delete.text(lang)}" "<span class="visually-hidden">{m.name.clone()}</span>
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="workload-list">{items}</ul> }.into_any()
    }
}

/// The milestone chosen, compared with now, lens by lens.
fn comparison(wid: StoredValue<String>, lang: Lang, draft: Draft) -> impl IntoView {
    let app = use_app();
    let selected = draft.selected;
    move || {
        let id = selected.get()?;
        let m = app.with_workload(&wid.get_value(), |w| {
            w.milestones.iter().find(|m| m.id == id).cloned()
        })??;
        let lenses = app.workload_lenses(&wid.get_value());
        let sections = lenses
            .into_iter()
            .map(|lens| {
                let then = m.answers.get(&lens.id).cloned().unwrap_or_default();
                let now = app.answers(&wid.get_value(), &lens.id).unwrap_or_default();
                lens_changes(lens, &then, &now, lang)
            })
            .collect_view();
        Some(view! {
            <section class="card" aria-labelledby="compare-title">
                <h2 id="compare-title">{Msg::CompareTitle.fill(lang, &[("name", &m.name), ("date", &format_date(m.date))])}</h2>
                <p class="muted">{Msg::CompareNote.text(lang)}</p>
                {sections}
            </section>
        })
    }
}

/// What changed in one lens since the milestone, pillar by pillar.
fn lens_changes(lens: &'static Lens, then: &Answers, now: &Answers, lang: Lang) -> AnyView {
    let changes = compare(lens, then, now);
    let rows = changes
        .iter()
        .map(|c| {
            let pillar = &lens.pillars[c.pillar];
            let titles = |idx: &[usize]| {
                idx.iter()
                    .map(|&q| pillar.questions[q].title.get(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let delta = c.score_delta().map_or_else(
                || "—".to_owned(),
                |d| {
                    if d > 0 {
                        format!("+{d}")
                    } else {
                        d.to_string()
                    }
                },
            );
            view! {
                <tr data-testid=format!("change-{}", pillar.id)>
                    <th scope="row">{pillar.name.get(lang)}</th>
                    <td class="num">{score_text(&c.then)}</td>
                    <td class="num">{score_text(&c.now)}</td>
                    <td class="num">{delta}</td>
                    <td>{(!c.improved.is_empty()).then(|| titles(&c.improved))}</td>
                    <td>{(!c.regressed.is_empty()).then(|| titles(&c.regressed))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{lens.name.get(lang)}</h3>
        <div class="table-wrap">
            <table data-testid=format!("compare-{}", lens.id)>
                {head(&[Col::Text(Msg::Pillar), Col::Num(Msg::ColThen), Col::Num(Msg::ColNow), Col::Num(Msg::ColChange), Col::Text(Msg::Improved), Col::Text(Msg::Regressed)], lang)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
