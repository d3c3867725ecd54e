//! The dashboard: for each of the workload's lenses, counts and scores per pillar and overall
//! (numbers, an inline SVG chart and its table), the five highest risks, and the plan's totals.

use crate::domain::assessment::{Counts, Summary, summarize};
use crate::domain::lens::{Lens, Risk};
use crate::domain::plan::{Plan, plan, top_risks};
use crate::domain::text::Lang;
use crate::i18n::Msg;
use crate::ui::chart::{self, Kind};
use crate::ui::format::{days, money};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::ui::table::{Col, head};
use leptos::prelude::*;

/// The message naming a chart kind.
pub fn kind_msg(kind: Kind) -> Msg {
    match kind {
        Kind::High => Msg::RiskHigh,
        Kind::Medium => Msg::RiskMedium,
        Kind::None => Msg::RiskNone,
        Kind::Na => Msg::RiskNa,
        Kind::Unanswered => Msg::RiskUnanswered,
    }
}

/// A score, or a dash when there is none yet.
pub fn score_text(c: &Counts) -> String {
    c.score().map_or_else(|| "—".to_owned(), |s| s.to_string())
}

/// The results page of a workload.
#[component]
pub fn ResultsPage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    // Pages are rebuilt when the language changes (see `App`).
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let lenses = move || app.workload_lenses(&wid.get_value());
    let export = (!app.is_read_only(&wid.get_value())).then(|| {
        view! {
            <section class="card no-print">
                <p class="muted">{Msg::ExportBundleHint.text(lang)}</p>
                <button type="button" class="button" data-testid="export-bundle"
                    on:click=move |_| { app.export_bundle(&wid.get_value()); }>
                    {Msg::ExportBundle.text(lang)}
                </button>
            </section>
        }
    });
    view! {
        <h1 id="page-title" tabindex="-1" class="page-title">{Msg::ResultsTitle.text(lang)}</h1>
        {export}
        {move || {
            lenses()
                .into_iter()
                .map(|lens| view! { <LensDashboard workload_id=wid.get_value() lens/> })
                .collect_view()
        }}
    }
}

/// One lens's dashboard.
#[component]
fn LensDashboard(workload_id: String, lens: &'static Lens) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let lid: &'static str = &lens.id;
    let answers = Memo::new(move |_| app.answers(&wid.get_value(), lid).unwrap_or_default());
    let ranking = Memo::new(move |_| app.ranking(&wid.get_value(), lid));
    let summary = Memo::new(move |_| answers.with(|a| summarize(lens, a)));
    let plan: Memo<Plan> = Memo::new(move |_| {
        let rate = app.rate_of(&wid.get_value());
        answers.with(|a| ranking.with(|r| plan(lens, a, r, rate.as_ref())))
    });
    let overall = move || summary.with(|s| s.overall);
    let stat = move |msg: Msg, value: String, testid: String| {
        view! {
            <div class="stat">
                <span class="value" data-testid=testid>{value}</span>
                {msg.text(lang)}
            </div>
        }
    };
    let first_unanswered = move || {
        summary.with(|s| {
            let i = s.pillars.iter().position(|p| p.counts.unanswered > 0)?;
            Some(Route::pillar(&wid.get_value(), &lens.id, &lens.pillars[i].id).href())
        })
    };
    let top = move || {
        let risks = answers.with(|a| ranking.with(|r| top_risks(lens, a, r, 5)));
        if risks.is_empty() {
            return view! { <p class="muted">{Msg::NoRisksYet.text(lang)}</p> }.into_any();
        }
        let items = risks
            .into_iter()
            .map(|t| {
                let p = &lens.pillars[t.pillar];
                let q = &p.questions[t.question];
                let (msg, class) = if t.risk == Risk::High {
                    (Msg::RiskHigh, "high")
                } else {
                    (Msg::RiskMedium, "medium")
                };
                let href = Route::pillar(&wid.get_value(), &lens.id, &p.id).href();
                view! {
                    <li>
                        <span class=format!("badge {class}")>{msg.text(lang)}</span>" "
                        <a href=href>{q.title.get(lang)}</a>
                        <span class="muted">" · "{p.name.get(lang)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="top-risks" data-testid=format!("top-risks-{lid}")>{items}</ol> }
            .into_any()
    };
    let totals = move || {
        plan.with(|p| {
            let t = &p.total;
            let mut line = Msg::PlanTotals.fill(
                lang,
                &[("items", &t.items.to_string()), ("days", &days(t.effort))],
            );
            if let (Some(cost), Some(rate)) = (t.cost, &p.rate) {
                line.push_str(" · ");
                line.push_str(&Msg::PlanCost.fill(lang, &[("cost", &money(cost, &rate.currency))]));
            }
            if t.quick_wins > 0 {
                line.push_str(" · ");
                line.push_str(&Msg::QuickWinsCount.fill(lang, &[("n", &t.quick_wins.to_string())]));
            }
            line
        })
    };
    view! {
        <section class="card" aria-labelledby=format!("dash-{lid}")>
            <h2 id=format!("dash-{lid}")>{lens.name.get(lang)}</h2>
            <p class="muted" data-testid=format!("answered-{lid}")>
                {move || {
                    let c = overall();
                    Msg::Answered.fill(lang, &[("done", &c.done().to_string()), ("total", &c.total().to_string())])
                }}
            </p>
            <div class="stats">
                {move || {
                    let c = overall();
                    view! {
                        {stat(Msg::Score, score_text(&c), format!("score-{lid}"))}
                        {stat(Msg::RiskHigh, c.high.to_string(), format!("high-{lid}"))}
                        {stat(Msg::RiskMedium, c.medium.to_string(), format!("medium-{lid}"))}
                        {stat(Msg::RiskNone, c.none.to_string(), format!("none-{lid}"))}
                    }
                }}
            </div>
            <p class="muted">{Msg::ScoreRule.text(lang)}</p>
            {move || first_unanswered().map(|href| view! {
                <div class="actions no-print"><a class="button secondary" href=href>{Msg::ContinueAnswering.text(lang)}</a></div>
            })}
            <h3>{Msg::ChartTitle.text(lang)}</h3>
            <SummaryFigures lens summary=summary.into()/>
            <h3>{Msg::TopRisks.text(lang)}</h3>
            {top}
            <h3>{Msg::PlanTitle.text(lang)}</h3>
            <p data-testid=format!("plan-totals-{lid}")>{totals}</p>
            <div class="actions no-print">
                <a class="button secondary" href=Route::Plan(wid.get_value()).href()>{Msg::SeePlan.text(lang)}</a>
            </div>
        </section>
    }
}

/// A lens's summary as a risk chart and a table of counts and scores.
#[component]
pub fn SummaryFigures(
    /// The lens.
    lens: &'static Lens,
    /// Its summary.
    summary: Signal<Summary>,
) -> impl IntoView {
    let lang = use_app().lang.get_untracked();
    view! {
        {risk_chart(lens, summary, lang)}
        {results_table(lens, summary, lang)}
    }
}

/// The risk chart of a lens: one stacked bar per pillar, and its legend.
fn risk_chart(lens: &'static Lens, summary: Signal<Summary>, lang: Lang) -> impl IntoView {
    let lid: &'static str = &lens.id;
    let chart = move || {
        summary.with(|s| {
            let rows = s
                .pillars
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let y = chart::ROW * u32::try_from(i).unwrap_or(0);
                    let segments = chart::segments(&p.counts)
                        .into_iter()
                        .map(|seg| {
                            let label = format!("{}: {}", kind_msg(seg.kind).text(lang), seg.count);
                            view! {
                                <rect x=seg.x.to_string() y=(y + chart::BAR_TOP).to_string() width=seg.width.to_string() height=chart::BAR.to_string() fill=seg.kind.fill() stroke="#fff" stroke-width="10">
                                    <title>{label}</title>
                                </rect>
                            }
                        })
                        .collect_view();
                    view! {
                        <text x="0" y=(y + chart::LABEL).to_string()>{lens.pillars[i].name.get(lang)}</text>
                        {segments}
                    }
                })
                .collect_view();
            let description: Vec<String> = s
                .pillars
                .iter()
                .enumerate()
                .map(|(i, p)| chart_sentence(lang, lens.pillars[i].name.get(lang), &p.counts))
                .collect();
            view! {
                <svg
                    class="chart"
                    role="img"
                    aria-labelledby=format!("chart-title-{lid} chart-desc-{lid}")
                    viewBox=format!("0 0 {} {}", chart::WIDTH, chart::height(s.pillars.len()))
                    data-testid=format!("risk-chart-{lid}")
                >
                    <title id=format!("chart-title-{lid}")>{Msg::ChartTitle.text(lang)}</title>
                    <desc id=format!("chart-desc-{lid}")>{description.join(" ")}</desc>
                    {rows}
                </svg>
            }
        })
    };
    let legend = Kind::ALL
        .iter()
        .map(|k| view! {
            // An SVG swatch: its colour is an attribute, which the strict CSP allows (a `style`
            // attribute it would block).
            <li><svg class="swatch" viewBox="0 0 10 10" width="14" height="14"><rect width="10" height="10" rx="2" fill=k.fill()/></svg>{kind_msg(*k).text(lang)}</li>
        })
        .collect_view();
    view! {
        {chart}
        <ul class="legend" aria-hidden="true">{legend}</ul>
    }
}

fn chart_sentence(lang: Lang, pillar: &str, c: &Counts) -> String {
    Msg::ChartSummary.fill(
        lang,
        &[
            ("pillar", pillar),
            ("high", &c.high.to_string()),
            ("medium", &c.medium.to_string()),
            ("none", &c.none.to_string()),
            ("na", &c.not_applicable.to_string()),
            ("unanswered", &c.unanswered.to_string()),
        ],
    )
}

/// The counts and scores of a lens as a table, one row per pillar and one overall.
fn results_table(lens: &'static Lens, summary: Signal<Summary>, lang: Lang) -> impl IntoView {
    let lid: &'static str = &lens.id;
    let rows = move || {
        summary.with(|s| {
            let row = |name: String, c: Counts, testid: String| {
                view! {
                    <tr data-testid=testid>
                        <th scope="row">{name}</th>
                        <td class="num">{c.high}</td>
                        <td class="num">{c.medium}</td>
                        <td class="num">{c.none}</td>
                        <td class="num">{c.not_applicable}</td>
                        <td class="num">{c.unanswered}</td>
                        <td class="num">{score_text(&c)}</td>
                    </tr>
                }
            };
            let mut rows: Vec<_> = s
                .pillars
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    row(
                        lens.pillars[i].name.get(lang).to_owned(),
                        p.counts,
                        format!("row-{}", p.pillar_id),
                    )
                })
                .collect();
            rows.push(row(
                Msg::Overall.text(lang).to_owned(),
                s.overall,
                format!("row-overall-{lid}"),
            ));
            rows.collect_view()
        })
    };
    view! {
        <div class="table-wrap">
            <table data-testid=format!("results-table-{lid}")>
                {head(&[Col::Text(Msg::Pillar), Col::Num(Msg::High), Col::Num(Msg::Medium), Col::Num(Msg::NoRiskShort), Col::Num(Msg::NaShort), Col::Num(Msg::UnansweredShort), Col::Num(Msg::Score)], lang)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
