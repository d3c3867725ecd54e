//! The improvement plan of a workload: every practice its risky questions lack, by priority and
//! effort, with totals per pillar, costs when a day rate is set, quick wins, and the workbook.

use crate::domain::calendar::format_date;
use crate::domain::lens::Lens;
use crate::domain::plan::{Plan, QUICK_WIN_DAYS, plan};
use crate::domain::plan_book::{LensInput, QuoteInput, plan_book};
use crate::domain::text::Lang;
use crate::i18n::Msg;
use crate::i18n::cost_class_msg;
use crate::i18n::display_name;
use crate::ui::catalogue::CatalogueState;
use crate::ui::download::file_slug;
use crate::ui::format::{days, money};
use crate::ui::office::download_workbook;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::ui::table::{Col, head};
use crate::ui::views::localized;
use leptos::prelude::*;

/// The plan page.
#[component]
pub fn PlanPage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let wid = StoredValue::new(workload_id);
    // What the user is in the middle of survives a language switch (see `localized`).
    let quick_only = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    localized(move |lang| plan_body(wid, lang, quick_only, busy, outcome).into_any())
}

/// The page in `lang` (rendered again when the language changes).
fn plan_body(
    wid: StoredValue<String>,
    lang: Lang,
    quick_only: RwSignal<bool>,
    busy: RwSignal<bool>,
    outcome: RwSignal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let lenses = move || app.workload_lenses(&wid.get_value());

    let excel = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(workload) = app.with_workload(&wid.get_value(), Clone::clone) else {
            return;
        };
        let inputs: Vec<LensInput<'static>> = app
            .workload_lenses(&wid.get_value())
            .into_iter()
            .map(|lens| LensInput {
                lens,
                answers: workload.answers(&lens.id).cloned().unwrap_or_default(),
                ranking: workload
                    .priorities
                    .get(&lens.id)
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        let today = format_date(app.as_of(&wid.get_value()).date());
        let quote = app.quote(&wid.get_value());
        let catalogue = match app.catalogue.get() {
            CatalogueState::Ready(c) => Some(c),
            _ => None,
        };
        let quote_input = quote.as_ref().map(|quote| QuoteInput { quote, catalogue });
        let book = plan_book(
            &workload,
            &inputs,
            untrack(|| app.rate_of(&wid.get_value())).as_ref(),
            quote_input.as_ref(),
            lang,
            &today,
        );
        let name = format!(
            "preflight-{}-{}.xlsx",
            file_slug(&format!(
                "{} {}",
                workload.profile.organisation,
                display_name(&workload, lang)
            )),
            today
        );
        download_workbook(book, name, lang, outcome, Some(busy));
    };

    // The workbook's Quote sheet names the services from the catalogue: fetch it beforehand.
    untrack(|| {
        let has_services = app
            .with_workload(&wid.get_value(), |w| !w.services.is_empty())
            .unwrap_or(false);
        if has_services {
            let _ = app.catalogue.get();
        }
    });
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::PlanTitle.text(lang)}</h1>
            <p class="muted">{Msg::PlanIntro.text(lang)}</p>
            <p data-testid="priority-rule">{Msg::PriorityRule.text(lang)}</p>
            <p class="muted">{Msg::QuickWinRule.fill(lang, &[("days", &days(QUICK_WIN_DAYS))])}</p>
            {move || match app.rate_of(&wid.get_value()) {
                None => view! { <p class="muted" data-testid="no-rate">{Msg::NoRate.text(lang)}</p> }.into_any(),
                Some(rate) => view! { <p class="muted" data-testid="rate">{rate_note(&rate, &lenses(), lang)}</p> }.into_any(),
            }}
            <div class="actions no-print">
                <button type="button" class="button" data-testid="download-excel" on:click=excel prop:disabled=move || busy.get()>
                    {Msg::DownloadExcel.text(lang)}
                </button>
                <a class="button secondary" href=Route::Report(wid.get_value()).href()>{Msg::PrintReport.text(lang)}</a>
            </div>
            <p role="status" data-testid="excel-status">{move || outcome.get()}</p>
            <div class="check-row no-print">
                <input type="checkbox" id="quick-only" data-testid="quick-only"
                    prop:checked=move || quick_only.get()
                    on:change:target=move |ev| quick_only.set(ev.target().checked())/>
                <label for="quick-only">{Msg::QuickWinsOnly.text(lang)}</label>
            </div>
        </section>
        {move || {
            lenses()
                .into_iter()
                .map(|lens| view! { <LensPlan workload_id=wid.get_value() lens quick_only=quick_only.into()/> })
                .collect_view()
        }}
    }
}

/// The plan of one lens.
#[component]
pub fn LensPlan(
    /// The workload's id.
    workload_id: String,
    /// The lens.
    lens: &'static Lens,
    /// Show only quick wins.
    #[prop(optional)]
    quick_only: Option<Signal<bool>>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let lid: &'static str = &lens.id;
    let plan: Memo<Plan> = Memo::new(move |_| {
        let answers = app.answers(&wid.get_value(), lid).unwrap_or_default();
        let ranking = app.ranking(&wid.get_value(), lid);
        plan(
            lens,
            &answers,
            &ranking,
            app.rate_of(&wid.get_value()).as_ref(),
        )
    });
    let quick_only = move || quick_only.is_some_and(|s| s.get());
    view! {
        <section class="card" aria-labelledby=format!("plan-{lid}")>
            <h2 id=format!("plan-{lid}")>{lens.name.get(lang)}</h2>
            <h3>{Msg::PillarTotalsTitle.text(lang)}</h3>
            {pillar_totals(lens, plan, lang)}
            <h3>{Msg::PlanItemsTitle.text(lang)}</h3>
            {plan_items(lens, plan, quick_only, lang)}
        </section>
    }
}

/// A cost with its currency, or a dash when the plan is priced in man-days only.
fn cost_cell(cost: Option<f64>, currency: Option<String>) -> String {
    match (cost, currency) {
        (Some(c), Some(cur)) => money(c, &cur),
        _ => "—".to_owned(),
    }
}

/// The plan's items, effort, cost and quick wins per pillar, and overall.
fn pillar_totals(lens: &'static Lens, plan: Memo<Plan>, lang: Lang) -> impl IntoView {
    let lid: &'static str = &lens.id;
    move || {
        plan.with(|p| {
            let currency = p.rate.as_ref().map(|r| r.currency.clone());
            let rows = p
                .pillars
                .iter()
                .enumerate()
                .filter(|(_, t)| t.items > 0)
                .map(|(i, t)| {
                    view! {
                        <tr>
                            <th scope="row">{lens.pillars[i].name.get(lang)}</th>
                            <td class="num">{t.items}</td>
                            <td class="num">{days(t.effort)}</td>
                            <td class="num">{cost_cell(t.cost, currency.clone())}</td>
                            <td class="num">{t.quick_wins}</td>
                        </tr>
                    }
                })
                .collect_view();
            let t = &p.total;
            view! {
                <div class="table-wrap">
                    <table data-testid=format!("plan-pillars-{lid}")>
                        {head(&[Col::Text(Msg::Pillar), Col::Num(Msg::ColItems), Col::Num(Msg::ColEffort), Col::Num(Msg::ColCost), Col::Num(Msg::QuickWins)], lang)}
                        <tbody>{rows}</tbody>
                        <tfoot><tr data-testid=format!("plan-total-{lid}")>
                            <th scope="row">{Msg::Overall.text(lang)}</th>
                            <td class="num">{t.items}</td>
                            <td class="num">{days(t.effort)}</td>
                            <td class="num">{cost_cell(t.cost, currency.clone())}</td>
                            <td class="num">{t.quick_wins}</td>
                        </tr></tfoot>
                    </table>
                </div>
                {(t.unknown_effort > 0).then(|| view! {
                    <p class="muted">{Msg::UnknownEffort.fill(lang, &[("n", &t.unknown_effort.to_string())])}</p>
                })}
            }
        })
    }
}

/// The plan's items in order, or only its quick wins.
fn plan_items(
    lens: &'static Lens,
    plan: Memo<Plan>,
    quick_only: impl Fn() -> bool + Send + Sync + 'static,
    lang: Lang,
) -> impl IntoView {
    let lid: &'static str = &lens.id;
    move || {
        let only = quick_only();
        plan.with(|p| {
            let currency = p.rate.as_ref().map(|r| r.currency.clone());
            if p.items.is_empty() {
                return view! { <p data-testid=format!("plan-empty-{lid}")>{Msg::PlanEmpty.text(lang)}</p> }.into_any();
            }
            let rows = p
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| !only || i.quick_win)
                .map(|(n, item)| {
                    let pillar = &lens.pillars[item.pillar];
                    let q = &pillar.questions[item.question];
                    let choice = &q.choices[item.choice];
                    let improvement = choice.improvement_plan.as_ref().map(|r| r.text.get(lang));
                    let (risk_msg, risk_class) = if item.risk == crate::domain::lens::Risk::High {
                        (Msg::RiskHigh, "high")
                    } else {
                        (Msg::RiskMedium, "medium")
                    };
                    view! {
                        <tr data-testid="plan-item" data-choice=choice.id.clone()>
                            <td class="num">{n + 1}</td>
                            <td><span class=format!("priority p{}", item.priority.number())>{format!("P{}", item.priority.number())}</span></td>
                            <td>
                                <strong>{choice.title.get(lang)}</strong>
                                {improvement.map(|t| view! { <div class="muted">{t}</div> })}
                                <div class="small">
                                    {pillar.name.get(lang)}" · "{q.title.get(lang)}" · "
                                    <span class=format!("badge {risk_class}")>{risk_msg.text(lang)}</span>
                                    {item.quick_win.then(|| view! { " "<span class="badge quick">{Msg::QuickWin.text(lang)}</span> })}
                                </div>
                            </td>
                            <td class="num">{item.effort.map_or_else(|| Msg::EffortUnknown.text(lang).to_owned(), days)}</td>
                            <td class="num">{cost_cell(item.cost, currency.clone())}</td>
                            <td>{item.cost_class.map(|c| cost_class_msg(c).text(lang))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="plan-table" data-testid=format!("plan-items-{lid}")>
                        {head(&[Col::Number, Col::Text(Msg::ColPriority), Col::Text(Msg::ColPractice), Col::Num(Msg::ColEffort), Col::Num(Msg::ColCost), Col::Text(Msg::ColRunningCost)], lang)}
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    }
}

/// "Costs at CNY 4,800 per man-day (Security: CNY 5,200)."
/// The day rates in one sentence, naming the pillars priced differently (by their names in the
/// workload's lenses; a pillar of a lens the workload does not use is not mentioned).
fn rate_note(rate: &crate::domain::plan::Rate, lenses: &[&Lens], lang: Lang) -> String {
    let pillars: Vec<String> = rate
        .per_pillar
        .iter()
        .filter_map(|(id, r)| {
            let name = lenses
                .iter()
                .flat_map(|l| &l.pillars)
                .find(|p| &p.id == id)?
                .name
                .get(lang);
            Some(format!("{name}: {}", money(*r, &rate.currency)))
        })
        .collect();
    let base = money(rate.per_day, &rate.currency);
    if pillars.is_empty() {
        Msg::RateNote.fill(lang, &[("rate", &base)])
    } else {
        Msg::RateNotePillars.fill(lang, &[("rate", &base), ("pillars", &pillars.join(", "))])
    }
}
