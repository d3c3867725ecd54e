//! The questionnaire: one page per pillar, every question a fieldset of checkboxes, keyboard
//! usable with native controls only.
//!
//! Each question reads its answer through its own memo, so a click re-renders only the question
//! clicked (the latency budget: click → DOM updated ≤ 16 ms at 4× CPU throttle).

use crate::domain::assessment::{Answer, NaReason, Status, Summary, status, summarize};
use crate::domain::lens::{Lens, Link, Pillar, Question, Resource, Risk};
use crate::domain::text::Lang;
use crate::i18n::{Msg, reason_msg, status_msg};
use crate::ui::lenses::LensState;
use crate::ui::route::Route;
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;

/// The badge class of a status (the stylesheet's colour for it).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Answered(Risk::High) => "high",
        Status::Answered(Risk::Medium) => "medium",
        Status::Answered(Risk::None) => "none",
        Status::NotApplicable(_) => "na",
        Status::Unanswered => "unanswered",
    }
}

/// The questions of one pillar (of any of the workload's lenses).
#[component]
pub fn PillarPage(
    /// The workload's id.
    workload_id: String,
    /// The lens's id, when the route names one (see `Route::Pillar`).
    lens_id: Option<String>,
    /// The pillar's id.
    pillar_id: String,
) -> impl IntoView {
    let app = use_app();
    // Pages are rebuilt when the language changes (see `App`).
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let lid = StoredValue::new(lens_id);
    let pid = StoredValue::new(pillar_id);
    move || match lid.with_value(|l| app.lenses.pillar(l.as_deref(), &pid.get_value())) {
        Some((lens, index)) => {
            view! { <PillarQuestions workload_id=wid.get_value() lens index/> }.into_any()
        }
        None => {
            // A pillar of an optional lens that is still on its way, or no such pillar.
            let loading = app
                .with_workload(&wid.get_value(), |w| {
                    w.lenses
                        .iter()
                        .any(|l| matches!(app.lenses.state(l), Some(LensState::Loading)))
                })
                .unwrap_or(false);
            let msg = if loading {
                Msg::LensLoading
            } else {
                Msg::PillarNotFound
            };
            view! {
                <section class="card">
                    <h1 id="page-title" tabindex="-1">{msg.text(lang)}</h1>
                </section>
            }
            .into_any()
        }
    }
}

/// Every pillar of the workload's lenses, in order, for the navigation and Previous/Next.
fn all_pillars(lenses: &[&'static Lens]) -> Vec<(&'static Lens, usize)> {
    lenses
        .iter()
        .flat_map(|l| (0..l.pillars.len()).map(move |i| (*l, i)))
        .collect()
}

#[component]
fn PillarQuestions(workload_id: String, lens: &'static Lens, index: usize) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let pillar: &'static Pillar = &lens.pillars[index];
    let wid = StoredValue::new(workload_id.clone());
    let total = pillar.questions.len();
    let lenses = app.workload_lenses(&workload_id);
    // Progress of every lens of the workload, for the navigation.
    let summaries: Vec<(&'static Lens, Memo<Summary>)> = lenses
        .iter()
        .map(|l| {
            let l: &'static Lens = l;
            let memo = Memo::new(move |_| {
                summarize(l, &app.answers(&wid.get_value(), &l.id).unwrap_or_default())
            });
            (l, memo)
        })
        .collect();
    let done = move |summary: Memo<Summary>, i: usize| summary.with(|s| s.pillars[i].counts.done());
    let this_summary = summaries
        .iter()
        .find(|(l, _)| std::ptr::eq(*l, lens))
        .map(|(_, m)| *m)
        .unwrap_or_else(|| {
            Memo::new(move |_| {
                summarize(
                    lens,
                    &app.answers(&wid.get_value(), &lens.id).unwrap_or_default(),
                )
            })
        });

    let grouped = summaries.len() > 1;
    let nav = pillar_nav(&workload_id, &summaries, pillar, lang);
    let (prev, next) = pager(&workload_id, &lenses, lens, index, lang);

    let lens_id: &'static str = &lens.id;
    let questions = pillar
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| view! { <QuestionCard workload_id=workload_id.clone() lens_id question=q number=i + 1 total /> })
        .collect_view();
    let done_here = move || done(this_summary, index);

    view! {
        <div class="assess">
            <nav class="pillar-nav" aria-label=Msg::PillarsNav.text(lang)>
                <ol>{nav}</ol>
            </nav>
            <section>
                {grouped.then(|| view! { <p class="eyebrow">{lens.name.get(lang)}</p> })}
                <h1 id="page-title" tabindex="-1">{pillar.name.get(lang)}</h1>
                <p class="muted" data-testid="pillar-progress">
                    {move || Msg::PillarProgress.fill(lang, &[("done", &done_here().to_string()), ("total", &total.to_string())])}
                </p>
                <progress max=total.to_string() value=move || done_here().to_string() aria-hidden="true"></progress>
                {questions}
                <nav class="pager" aria-label=Msg::PillarsNav.text(lang)>
                    <span>{prev}</span>
                    {next}
                </nav>
            </section>
        </div>
    }
}

/// Every pillar of the workload's lenses with its progress, grouped by lens when there are
/// several, the current one marked.
fn pillar_nav(
    workload_id: &str,
    summaries: &[(&'static Lens, Memo<Summary>)],
    pillar: &'static Pillar,
    lang: Lang,
) -> impl IntoView + use<> {
    let grouped = summaries.len() > 1;
    summaries
        .iter()
        .map(|(l, summary)| {
            let summary = *summary;
            let items = l
                .pillars
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let href = Route::pillar(workload_id, &l.id, &p.id).href();
                    let n = p.questions.len();
                    let current = std::ptr::eq(p, pillar);
                    let done = move || summary.with(|s| s.pillars[i].counts.done());
                    view! {
                        <li>
                            <a href=href aria-current=current.then_some("page")>
                                <span>{p.name.get(lang)}</span>
                                <span class="progress-count">{move || format!("{}/{n}", done())}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {grouped.then(|| view! { <li class="nav-lens" aria-hidden="true">{l.name.get(lang)}</li> })}
                {items}
            }
        })
        .collect_view()
}

/// Links to the previous pillar (if any) and to the next one, or to the results after the last.
fn pager(
    workload_id: &str,
    lenses: &[&'static Lens],
    lens: &'static Lens,
    index: usize,
    lang: Lang,
) -> (Option<impl IntoView + use<>>, AnyView) {
    let order = all_pillars(lenses);
    let here = order
        .iter()
        .position(|(l, i)| std::ptr::eq(*l, lens) && *i == index)
        .unwrap_or(0);
    let prev = here.checked_sub(1).map(|k| {
        let (l, i) = order[k];
        let p = &l.pillars[i];
        let href = Route::pillar(workload_id, &l.id, &p.id).href();
        view! {
            <a class="button secondary" href=href rel="prev">
                {Msg::Previous.fill(lang, &[("name", p.name.get(lang))])}
            </a>
        }
    });
    let next = match order.get(here + 1) {
        Some((l, i)) => {
            let p = &l.pillars[*i];
            let href = Route::pillar(workload_id, &l.id, &p.id).href();
            view! {
                <a class="button" href=href rel="next" data-testid="next-pillar">
                    {Msg::Next.fill(lang, &[("name", p.name.get(lang))])}
                </a>
            }
            .into_any()
        }
        None => view! {
            <a class="button" href=Route::Results(workload_id.to_owned()).href() data-testid="see-results">
                {Msg::SeeResults.text(lang)}
            </a>
        }
        .into_any(),
    };
    (prev, next)
}

/// One question.
#[component]
fn QuestionCard(
    /// The workload's id.
    workload_id: String,
    /// The lens the question belongs to.
    lens_id: &'static str,
    /// The question.
    question: &'static Question,
    /// Its 1-based number in the pillar.
    number: usize,
    /// How many questions the pillar has.
    total: usize,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    // An imported bundle is shown, not edited.
    let ro = app.is_read_only(&wid.get_value());
    let answer: Memo<Option<Answer>> =
        Memo::new(move |_| app.answer(&wid.get_value(), lens_id, question));
    let state = Memo::new(move |_| answer.with(|a| status(question, a.as_ref())));
    let card = Card {
        app,
        wid,
        lens_id,
        question,
        answer,
        ro,
        lang,
    };
    let qid = &question.id;
    let is_na = move || answer.with(|a| a.as_ref().is_some_and(|a| a.not_applicable.is_some()));
    let badge = move || {
        let (msg, class) = (status_msg(state.get()), status_class(state.get()));
        view! { <span class=format!("badge {class}")>{msg.text(lang)}</span> }
    };
    let text = move |t: &'static crate::domain::text::Text| t.get(lang);

    view! {
        <fieldset class="question" class:is-na=is_na id=format!("q-{qid}") data-testid="question" data-question=qid.clone()>
            <legend>
                <span class="visually-hidden">
                    {Msg::QuestionOf.fill(lang, &[("n", &number.to_string()), ("total", &total.to_string())])}
                    ": "
                </span>
                {text(&question.title)}
            </legend>
            <div class="question-head">
                <div class="muted">
                    {question.description.as_ref().map(|d| view! { <p>{text(d)}</p> })}
                    {question.helpful_resource.as_ref().map(|r| view! { <p>{resource(r, lang)}</p> })}
                    <p>{Msg::SelectAll.text(lang)}</p>
                </div>
                <span role="status" data-testid="risk">{badge}</span>
            </div>
            {choice_list(card)}
            {not_applicable(card)}
            {notes(card)}
        </fieldset>
    }
}

/// What the parts of a question card need.
#[derive(Clone, Copy)]
struct Card {
    app: AppState,
    wid: StoredValue<String>,
    lens_id: &'static str,
    question: &'static Question,
    /// The stored answer (reactive).
    answer: Memo<Option<Answer>>,
    /// An imported bundle is shown, not edited.
    ro: bool,
    lang: Lang,
}

impl Card {
    /// Changes the answer.
    fn edit(self, f: Box<dyn FnOnce(&mut Answer)>) {
        self.app
            .edit_answer(&self.wid.get_value(), self.lens_id, self.question, f)
    }
}

/// The question's choices, each with all that the lens says of it: its description, its
/// helpful resource and (folded) its improvement plan, links shown only for http(s) URLs.
///
/// DOM ids carry the question's id as well as the choice's: published lenses reuse choice ids
/// (`choice1`, `risk_mitigated`) in every question, and the ids must stay unique on the page.
/// Lens ids are letters, digits and `_`, so `-` cannot make two pairs collide.
fn choice_list(card: Card) -> impl IntoView {
    let (question, answer, ro, lang) = (card.question, card.answer, card.ro, card.lang);
    let text = move |t: &'static crate::domain::text::Text| t.get(lang);
    let qid = &question.id;
    let choices = question
        .choices
        .iter()
        .map(|choice| {
            let input_id = format!("c-{qid}-{}", choice.id);
            let help_id = format!("h-{qid}-{}", choice.id);
            let cid = choice.id.as_str();
            let checked = move || {
                answer.with(|a| {
                    a.as_ref()
                        .is_some_and(|a| a.selected.iter().any(|s| s == cid))
                })
            };
            let has_help = choice.description.is_some() || choice.helpful_resource.is_some();
            let help = has_help.then(|| {
                view! {
                    <div class="help" id=help_id.clone()>
                        {choice.description.as_ref().map(|d| view! { <p>{text(d)}</p> })}
                        {choice.helpful_resource.as_ref().map(|r| view! { <p>{resource(r, lang)}</p> })}
                    </div>
                }
            });
            let plan = choice.improvement_plan.as_ref().map(|r| {
                view! {
                    <details class="choice-plan">
                        <summary>{Msg::ChoicePlan.text(lang)}</summary>
                        <p>{resource(r, lang)}</p>
                    </details>
                }
            });
            view! {
                <li class="choice">
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        name=qid.clone()
                        value=cid
                        aria-describedby=has_help.then_some(help_id)
                        disabled=ro
                        prop:checked=checked
                        on:change=move |_| card.edit(Box::new(move |a| a.toggle(question, cid)))
                    />
                    <label for=input_id>{text(&choice.title)}</label>
                    {help}
                    {plan}
                </li>
            }
        })
        .collect_view();

    view! { <ul class="choices">{choices}</ul> }
}

/// A helpful resource or an improvement plan: its words, then its link. Only an http(s) URL is
/// a link (opened in a new tab, with no opener); any other URL the lens gives is shown as text.
fn resource(r: &'static Resource, lang: Lang) -> impl IntoView {
    let words = r.text.get(lang);
    let new_tab = |href: &str, body: AnyView| {
        view! { <a href=href.to_owned() target="_blank" rel="noopener noreferrer">{body}</a> }
    };
    match &r.link {
        None => words.into_any(),
        // A resource whose only words are its URL.
        Some(Link::Web(url)) if url == words => new_tab(url, url.clone().into_any()).into_any(),
        Some(Link::Text(url)) if url == words => words.into_any(),
        Some(Link::Web(url)) => {
            let body = view! {
                {Msg::LearnMore.text(lang)}
                <span class="visually-hidden">{format!(" ({url})")}</span>
            };
            view! { {words} " " {new_tab(url, body.into_any())} }.into_any()
        }
        Some(Link::Text(url)) => {
            view! { {words} " " <span class="link-text">{url.clone()}</span> }.into_any()
        }
    }
}

/// "Not applicable", and why.
fn not_applicable(card: Card) -> impl IntoView {
    let (question, answer, ro, lang) = (card.question, card.answer, card.ro, card.lang);
    let qid = &question.id;
    let is_na = move || answer.with(|a| a.as_ref().is_some_and(|a| a.not_applicable.is_some()));
    let na_id = format!("na-{qid}");
    let na_for = na_id.clone();
    let reason_id = format!("reason-{qid}");
    view! {
        <div class="na-row">
            <label for=na_for>
                <input
                    type="checkbox"
                    id=na_id
                    data-testid="na"
                    disabled=ro
                    prop:checked=is_na
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        card.edit(Box::new(move |a| {
                            a.not_applicable = on.then_some(a.not_applicable.unwrap_or(NaReason::OutOfScope));
                        }))
                    }
                />
                {Msg::NotApplicable.text(lang)}
            </label>
            <Show when=is_na>
                <label for=reason_id.clone()>{Msg::Reason.text(lang)}</label>
                <select
                    id=reason_id.clone()
                    data-testid="na-reason"
                    disabled=ro
                    prop:value=move || answer.with(|a| a.as_ref().and_then(|a| a.not_applicable).unwrap_or(NaReason::OutOfScope).as_str())
                    on:change:target=move |ev| {
                        if let Some(r) = NaReason::from_str_name(&ev.target().value()) {
                            card.edit(Box::new(move |a| a.not_applicable = Some(r)));
                        }
                    }
                >
                    {NaReason::ALL
                        .iter()
                        .map(|r| view! { <option value=r.as_str()>{reason_msg(*r).text(lang)}</option> })
                        .collect_view()}
                </select>
            </Show>
        </div>
    }
}

/// The question's notes, with a character count.
fn notes(card: Card) -> impl IntoView {
    let (question, answer, ro, lang) = (card.question, card.answer, card.ro, card.lang);
    let notes_id = format!("notes-{}", question.id);
    let notes_len = move || answer.with(|a| a.as_ref().map_or(0, |a| a.notes.chars().count()));
    let max_notes = crate::domain::assessment::MAX_NOTES_CHARS;
    // Open the notes when there are some; afterwards the user decides (not reactive on purpose).
    let notes_open = answer.with_untracked(|a| a.as_ref().is_some_and(|a| !a.notes.is_empty()));
    view! {
        <details class="notes" open=notes_open>
            <summary>{Msg::Notes.text(lang)}</summary>
            <label for=notes_id.clone() class="visually-hidden">{Msg::Notes.text(lang)}</label>
            <textarea
                id=notes_id
                data-testid="notes"
                readonly=ro
                maxlength=max_notes.to_string()
                prop:value=move || answer.with(|a| a.as_ref().map(|a| a.notes.clone()).unwrap_or_default())
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    card.edit(Box::new(move |a| a.set_notes(&value)))
                }
            ></textarea>
            <div class="counter" aria-live="polite">
                {move || Msg::NotesCount.fill(lang, &[("n", &notes_len().to_string()), ("max", &max_notes.to_string())])}
            </div>
        </details>
    }
}
