//! Results of a workload: overall and per-pillar counts and scores, as numbers, an inline SVG
//! chart and a table (the chart's accessible equivalent).

use crate::domain::assessment::{Counts, summarize};
use crate::domain::builtin::well_architected;
use crate::ui::chart::{self, Kind};
use crate::ui::i18n::Msg;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn kind_msg(kind: Kind) -> Msg {
    match kind {
        Kind::High => Msg::RiskHigh,
        Kind::Medium => Msg::RiskMedium,
        Kind::None => Msg::RiskNone,
        Kind::Na => Msg::RiskNa,
        Kind::Unanswered => Msg::RiskUnanswered,
    }
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
    let lens = well_architected();
    let wid = StoredValue::new(workload_id.clone());
    let summary =
        Memo::new(move |_| summarize(lens, &app.answers(&wid.get_value()).unwrap_or_default()));
    let score_text = move |c: &Counts| match c.score() {
        Some(s) => s.to_string(),
        None => "—".to_owned(),
    };
    let overall = move || summary.with(|s| s.overall);
    let stat =
        move |msg: Msg, value: Box<dyn Fn() -> String + Send + Sync>, testid: &'static str| {
            view! {
                <div class="stat">
                    <span class="value" data-testid=testid>{value}</span>
                    {msg.text(lang)}
                </div>
            }
        };

    let chart = move || {
        let l = lang;
        summary.with(|s| {
            let rows = s.pillars.iter().enumerate().map(|(i, p)| {
                let y = chart::ROW * u32::try_from(i).unwrap_or(0);
                let name = lens.pillars[i].name.get(l).to_owned();
                let segments = chart::segments(&p.counts)
                    .into_iter()
                    .map(|seg| {
                        let label = format!("{}: {}", kind_msg(seg.kind).text(l), seg.count);
                        view! {
                            <rect x=seg.x.to_string() y=(y + chart::BAR_TOP).to_string() width=seg.width.to_string() height=chart::BAR.to_string() fill=seg.kind.fill() stroke="#fff" stroke-width="10">
                                <title>{label}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                view! {
                    <text x="0" y=(y + chart::LABEL).to_string()>{name}</text>
                    {segments}
                }
            }).collect_view();
            let description: Vec<String> = s.pillars.iter().enumerate().map(|(i, p)| {
                let c = &p.counts;
                Msg::ChartSummary.fill(l, &[
                    ("pillar", lens.pillars[i].name.get(l)),
                    ("high", &c.high.to_string()),
                    ("medium", &c.medium.to_string()),
                    ("none", &c.none.to_string()),
                    ("na", &c.not_applicable.to_string()),
                    ("unanswered", &c.unanswered.to_string()),
                ])
            }).collect();
            view! {
                <svg
                    class="chart"
                    role="img"
                    aria-labelledby="chart-title chart-desc"
                    viewBox=format!("0 0 {} {}", chart::WIDTH, chart::height(s.pillars.len()))
                    data-testid="risk-chart"
                >
                    <title id="chart-title">{Msg::ChartTitle.text(l)}</title>
                    <desc id="chart-desc">{description.join(" ")}</desc>
                    {rows}
                </svg>
            }
        })
    };
    let legend = Kind::ALL
        .iter()
        .map(|k| view! {
            <li><span class="swatch" style=format!("background:{}", k.fill())></span>{kind_msg(*k).text(lang)}</li>
        })
        .collect_view();
    let table_rows = move || {
        let l = lang;
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
                        lens.pillars[i].name.get(l).to_owned(),
                        p.counts,
                        format!("row-{}", p.pillar_id),
                    )
                })
                .collect();
            rows.push(row(
                Msg::Overall.text(l).to_owned(),
                s.overall,
                "row-overall".to_owned(),
            ));
            rows.collect_view()
        })
    };
    let first_unanswered = move || {
        summary.with(|s| {
            let i = s.pillars.iter().position(|p| p.counts.unanswered > 0)?;
            Some(Route::Pillar(wid.get_value(), lens.pillars[i].id.clone()).href())
        })
    };
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::ResultsTitle.text(lang)}</h1>
            <p class="muted" data-testid="answered">
                {move || {
                    let c = overall();
                    Msg::Answered.fill(lang, &[("done", &c.done().to_string()), ("total", &c.total().to_string())])
                }}
            </p>
            <div class="stats">
                {stat(Msg::Score, Box::new(move || score_text(&overall())), "overall-score")}
                {stat(Msg::RiskHigh, Box::new(move || overall().high.to_string()), "overall-high")}
                {stat(Msg::RiskMedium, Box::new(move || overall().medium.to_string()), "overall-medium")}
                {stat(Msg::RiskNone, Box::new(move || overall().none.to_string()), "overall-none")}
            </div>
            <p class="muted">{Msg::ScoreRule.text(lang)}</p>
            {move || first_unanswered().map(|href| view! {
                <div class="actions"><a class="button secondary" href=href>{Msg::ContinueAnswering.text(lang)}</a></div>
            })}
        </section>
        <section class="card">
            <h2>{Msg::ChartTitle.text(lang)}</h2>
            {chart}
            <ul class="legend" aria-hidden="true">{legend}</ul>
            <div class="table-wrap">
                <table data-testid="results-table">
                    <thead>
                        <tr>
                            <th scope="col">{Msg::Pillar.text(lang)}</th>
                            <th scope="col" class="num">{Msg::High.text(lang)}</th>
                            <th scope="col" class="num">{Msg::Medium.text(lang)}</th>
                            <th scope="col" class="num">{Msg::NoRiskShort.text(lang)}</th>
                            <th scope="col" class="num">{Msg::NaShort.text(lang)}</th>
                            <th scope="col" class="num">{Msg::UnansweredShort.text(lang)}</th>
                            <th scope="col" class="num">{Msg::Score.text(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
