//! The engagement schedule in the provider's working days, with every date in UTC+8 and in the
//! browser's own time zone, the daily overlap of service hours, a timeline and an `.ics` export.

use crate::domain::asof::AsOf;
use crate::domain::calendar::{Date, format_date, parse_date};
use crate::domain::ics::{calendar as ics_calendar, schedule_events, stamp};
use crate::domain::mspdi::{Header, project};
use crate::domain::schedule::{Dated, Event, Schedule, hhmm, service_hours};
use crate::domain::text::Lang;
use crate::i18n::Msg;
use crate::i18n::display_name;
use crate::i18n::{event_msg, weekday_short};
use crate::ui::clock::{browser_offset_minutes, now_millis};
use crate::ui::download::{download, file_slug};
use crate::ui::route::Route;
use crate::ui::state::{AppState, use_app};
use crate::ui::table::{Col, head};
use crate::ui::views::services::consultants_select;
use chrono::NaiveTime;
use leptos::prelude::*;

/// `UTC+08:00` for an offset east of UTC in minutes.
pub fn utc_label(offset: i32) -> String {
    let sign = if offset < 0 { '−' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
}

/// Milliseconds since the epoch of 09:00 UTC+8 on `d` (01:00 UTC).
fn service_start_millis(d: Date) -> f64 {
    let dt = d.and_time(NaiveTime::from_hms_opt(1, 0, 0).unwrap_or_default());
    dt.and_utc().timestamp_millis() as f64
}

/// The service hours of `d` in the browser's time zone, e.g. `Sun 2026-12-06 17:00 – 02:00`.
fn local_hours(d: Date, lang: Lang) -> String {
    let offset = browser_offset_minutes(service_start_millis(d));
    let h = service_hours(offset);
    let local = d
        .checked_add_signed(chrono::TimeDelta::try_days(i64::from(h.day_shift)).unwrap_or_default())
        .unwrap_or(d);
    format!(
        "{} {} {} – {}",
        weekday_short(local, lang),
        format_date(local),
        hhmm(h.start),
        hhmm(h.end)
    )
}

/// The schedule page: the provider's day and hours, the customer's choices, and the schedule.
#[component]
pub fn SchedulePage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let computed = Memo::new(move |_| app.schedule(&wid.get_value()).map(|r| r.map_err(|_| ())));
    // The page's shape changes only between "no services", "too far" and a schedule; within a
    // schedule, rows and markers are keyed so that a change redraws only what moved.
    let kind = Memo::new(move |_| match computed.get() {
        None => 0u8,
        Some(Err(())) => 1,
        Some(Ok(_)) => 2,
    });
    let current = Memo::new(move |_| match computed.get() {
        Some(Ok(s)) => Some(s),
        _ => None,
    });
    let body = move || {
        match kind.get() {
        0 => view! {
            <section class="card">
                <p data-testid="no-services">{Msg::ChooseServicesFirst.text(lang)}</p>
                <a class="button" href=Route::Services(wid.get_value()).href()>{Msg::NavServices.text(lang)}</a>
            </section>
        }
        .into_any(),
        1 => {
            let (first, last) = app.calendar().covered_years();
            let text = Msg::ScheduleTooFar.fill(lang, &[("first", &first.to_string()), ("last", &last.to_string())]);
            view! { <p class="notice error" role="alert" data-testid="schedule-too-far">{text}</p> }.into_any()
        }
        _ => view! { <ScheduleView schedule=current/> }.into_any(),
    }
    };
    let ics = move |_| {
        if let Some(s) = current.get_untracked() {
            download_ics(app, &wid.get_value(), &s, lang);
        }
    };
    let mspdi = move |_| {
        if let Some(s) = current.get_untracked() {
            download_mspdi(app, &wid.get_value(), &s, lang);
        }
    };
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::ScheduleTitle.text(lang)}</h1>
            <ServiceHours as_of=app.as_of(&wid.get_value())/>
            <ScheduleInputs wid=wid/>
            <OrderChoice wid=wid schedule=current/>
            <div class="actions no-print">
                <button type="button" class="button secondary" data-testid="download-ics" on:click=ics
                    prop:disabled=move || current.with(Option::is_none)>
                    {Msg::DownloadIcs.text(lang)}
                </button>
                <button type="button" class="button secondary" data-testid="download-mspdi" on:click=mspdi
                    prop:disabled=move || current.with(Option::is_none)>
                    {Msg::DownloadMspdi.text(lang)}
                </button>
            </div>
        </section>
        {body}
    }
}

/// The provider's working day the schedule counts from, its fixed service hours, and those
/// hours in the browser's time zone with their overlap of the customer's 09:00–18:00.
#[component]
fn ServiceHours(
    /// The date the workload is shown as of: today at the provider, or the bundle's export.
    as_of: AsOf,
) -> impl IntoView {
    let lang = use_app().lang.get_untracked();
    let now_offset = browser_offset_minutes(now_millis());
    let hours = service_hours(now_offset);
    let overlap = match hours.overlap {
        Some((a, b)) => Msg::OverlapIs.fill(lang, &[("from", &hhmm(a)), ("to", &hhmm(b))]),
        None => Msg::NoOverlap.text(lang).to_owned(),
    };
    let shift_note = match hours.day_shift {
        -1 => Msg::DayBefore.text(lang),
        1 => Msg::DayAfter.text(lang),
        _ => "",
    };
    let hours_line = Msg::ServiceHoursLocal.fill(
        lang,
        &[
            ("tz", &utc_label(now_offset)),
            ("from", &hhmm(hours.start)),
            ("to", &hhmm(hours.end)),
            ("shift", shift_note),
        ],
    );
    let date = format!(
        "{} {}",
        weekday_short(as_of.date(), lang),
        format_date(as_of.date())
    );
    let today = if as_of.is_export() {
        Msg::AsOfExport
    } else {
        Msg::ProviderToday
    };
    view! {
        <p data-testid="provider-today">{today.fill(lang, &[("date", &date)])}</p>
        <p>{Msg::ServiceHoursFixed.text(lang)}</p>
        <p data-testid="local-hours">{hours_line}" "<span data-testid="overlap">{overlap}</span></p>
    }
}

/// The customer's preferred start and, with implementation packages, the number of consultants.
#[component]
fn ScheduleInputs(
    /// The workload's id.
    wid: StoredValue<String>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let selection = app.selection(&wid.get_value());
    let sel = move || selection.get();
    let read_only = app.is_read_only(&wid.get_value());
    let has_impl = move || !sel().packages.is_empty();
    view! {
        <div class="form-grid">
            <div class="field">
                <label for="preferred-start">{Msg::PreferredStart.text(lang)}</label>
                <input type="date" id="preferred-start" data-testid="preferred-start" readonly=read_only
                    prop:value=move || sel().preferred_start.map(format_date).unwrap_or_default()
                    on:change:target=move |ev| {
                        let v = parse_date(&ev.target().value());
                        app.update_services(&wid.get_value(), |s| s.preferred_start = v);
                    }/>
                <span class="hint">{Msg::PreferredStartHint.text(lang)}</span>
            </div>
            <Show when=has_impl>
                <div class="field">
                    {consultants_select(app, wid, "schedule-consultants", read_only)}
                </div>
            </Show>
        </div>
    }
}

/// For a large engagement: order on the recommended date (one month ahead) or the earliest (the
/// lead time), the customer's choice (seed 002 §3).
#[component]
fn OrderChoice(
    /// The workload's id.
    wid: StoredValue<String>,
    /// The schedule, if one could be computed.
    schedule: Memo<Option<Schedule>>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let selection = app.selection(&wid.get_value());
    let read_only = app.is_read_only(&wid.get_value());
    // A memo of the two dates, so that choosing does not redraw the choice (and move the focus).
    let order_dates = Memo::new(move |_| {
        schedule.with(|s| {
            let s = s.as_ref()?;
            Some((
                s.get(Event::EarliestOrder)?.date,
                s.get(Event::RecommendedOrder)?.date,
            ))
        })
    });
    let choose =
        move |on: bool| app.update_services(&wid.get_value(), |s| s.recommended_order = on);
    move || {
        order_dates.get().map(|(earliest, recommended)| {
            view! {
                <fieldset class="choices" data-testid="order-on" disabled=read_only>
                    <legend>{Msg::OrderOn.text(lang)}</legend>
                    <div class="check-row">
                        <input type="radio" name="order-on" id="order-recommended" data-testid="order-recommended"
                            prop:checked=move || selection.get().recommended_order
                            on:change=move |_| choose(true)/>
                        <label for="order-recommended">{Msg::OrderRecommended.fill(lang, &[("date", &format_date(recommended))])}</label>
                    </div>
                    <div class="check-row">
                        <input type="radio" name="order-on" id="order-earliest" data-testid="order-earliest"
                            prop:checked=move || !selection.get().recommended_order
                            on:change=move |_| choose(false)/>
                        <label for="order-earliest">{Msg::OrderEarliest.fill(lang, &[("date", &format_date(earliest))])}</label>
                    </div>
                </fieldset>
            }
        })
    }
}

/// Downloads the schedule as an iCalendar file, one all-day event per date.
fn download_ics(app: AppState, workload_id: &str, s: &Schedule, lang: Lang) {
    let Some((id, name)) =
        app.with_workload(workload_id, |w| (w.id.clone(), display_name(w, lang)))
    else {
        return;
    };
    let events = schedule_events(s, &id, &name, lang);
    let text = ics_calendar(
        &format!("Preflight · {name}"),
        &events,
        &stamp(now_millis()),
    );
    download(
        &format!("preflight-{}-schedule.ics", file_slug(&name)),
        "text/calendar",
        &text,
    );
}

/// Downloads the schedule as a Microsoft Project file: the provider's calendar with every
/// holiday, the phases and the milestones (`domain::mspdi`, as `preflight plan` writes it).
fn download_mspdi(app: AppState, workload_id: &str, s: &Schedule, lang: Lang) {
    let Some((name, org, title)) = app.with_workload(workload_id, |w| {
        (
            display_name(w, lang),
            w.profile.organisation.trim().to_owned(),
            crate::i18n::workload_title(w, lang),
        )
    }) else {
        return;
    };
    let currency = app
        .price_list(workload_id)
        .map_or_else(|| "CNY".to_owned(), |p| p.rate.currency);
    let brand = app.app_name(lang);
    let header = Header {
        title: &title,
        company: &org,
        author: &brand,
        currency: &currency,
    };
    let text = project(header, &app.calendar(), s, lang);
    download(
        &format!("preflight-{}-schedule.xml", file_slug(&name)),
        "application/xml",
        &text,
    );
}

/// Timeline geometry (SVG user units).
const TIMELINE_W: u32 = 1000;
const TIMELINE_LEFT: u32 = 30;
const TIMELINE_WIDTH: u32 = 940;

/// When to order: the lead time's earliest order date, and for a large engagement the
/// recommended one.
fn lead_time(s: &Schedule, lang: Lang) -> String {
    let earliest = s
        .get(Event::EarliestOrder)
        .map(|e| format_date(e.date))
        .unwrap_or_default();
    let mut line = Msg::LeadTime.fill(
        lang,
        &[("days", &s.lead_time_days.to_string()), ("date", &earliest)],
    );
    if let Some(r) = s.get(Event::RecommendedOrder) {
        line.push(' ');
        line.push_str(&Msg::LargeEngagement.fill(
            lang,
            &[
                ("days", &crate::ui::format::days(s.man_days)),
                ("date", &format_date(r.date)),
            ],
        ));
    }
    line
}

/// The schedule as a timeline and a table of its events.
#[component]
fn ScheduleView(
    /// The schedule (`None` only while the page switches away from it).
    schedule: Memo<Option<Schedule>>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let lead = move || schedule.with(|s| s.as_ref().map(|s| lead_time(s, lang)));
    let is_provisional = move || schedule.with(|s| s.as_ref().is_some_and(Schedule::provisional));
    // Timeline: calendar days from today to the last event, one marker per event.
    let ends = Memo::new(move |_| {
        schedule.with(|s| {
            s.as_ref().map_or((Date::MIN, Date::MIN), |s| {
                (s.today, s.events.last().map_or(s.today, |e| e.date))
            })
        })
    });
    let markers = move || {
        let (today, last) = ends.get();
        let span = (last - today).num_days().max(1) as u32;
        let x = move |d: Date| {
            TIMELINE_LEFT + TIMELINE_WIDTH * ((d - today).num_days().max(0) as u32) / span
        };
        schedule.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                s.events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (i, *e, x(e.date)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let marker = move |(i, e, cx): (usize, Dated, u32)| {
        let y = 60 + 26 * (i as u32 % 3);
        let label = format!("{} {}", i + 1, event_msg(e.event).text(lang));
        view! {
            <g>
                <line x1=cx.to_string() y1="40" x2=cx.to_string() y2=(y - 8).to_string() stroke="#8a94a3" stroke-width="1"/>
                <circle cx=cx.to_string() cy="40" r="6" fill=if e.provisional { "#c77700" } else { "#0b5cad" }>
                    <title>{format!("{label}: {}", format_date(e.date))}</title>
                </circle>
                <text x=cx.to_string() y=y.to_string() text-anchor="middle">{(i + 1).to_string()}</text>
            </g>
        }
    };
    let rows = move || {
        schedule.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                s.events.iter().copied().enumerate().collect::<Vec<_>>()
            })
        })
    };
    let row = move |(i, e): (usize, Dated)| {
        view! {
            <tr data-testid=format!("event-{}", e.event.id())>
                <td class="num">{i + 1}</td>
                <th scope="row">{event_msg(e.event).text(lang)}</th>
                <td data-testid="date">{format!("{} {}", weekday_short(e.date, lang), format_date(e.date))}</td>
                <td data-testid="local">{local_hours(e.date, lang)}</td>
                <td>{e.provisional.then(|| view! { <span class="badge medium">{Msg::Provisional.text(lang)}</span> })}</td>
            </tr>
        }
    };
    let summary = move || {
        schedule.with(|s| {
            s.as_ref().map_or_else(String::new, |s| {
                s.events
                    .iter()
                    .map(|e| format!("{} {}", event_msg(e.event).text(lang), format_date(e.date)))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{Msg::TimelineTitle.text(lang)}</h2>
            <p data-testid="lead-time">{lead}</p>
            <Show when=is_provisional>
                <p class="notice warning" role="status" data-testid="provisional-warning">{Msg::ProvisionalWarning.text(lang)}</p>
            </Show>
            <svg class="timeline" viewBox=format!("0 0 {TIMELINE_W} 140") role="img" aria-label=summary data-testid="timeline">
                <line x1=TIMELINE_LEFT.to_string() y1="40" x2=(TIMELINE_LEFT + TIMELINE_WIDTH).to_string() y2="40" stroke="#4a5463" stroke-width="2"/>
                <text x=TIMELINE_LEFT.to_string() y="22">{move || format_date(ends.get().0)}</text>
                <text x=(TIMELINE_LEFT + TIMELINE_WIDTH).to_string() y="22" text-anchor="end">{move || format_date(ends.get().1)}</text>
                <For each=markers key=|m| *m children=marker/>
            </svg>
            <div class="table-wrap">
                <table data-testid="schedule-table">
                    {head(&[Col::Number, Col::Text(Msg::ColEvent), Col::Text(Msg::ColDateUtc8), Col::Text(Msg::ColYourTime), Col::Text(Msg::ColStatus)], lang)}
                    <tbody><For each=rows key=|r| *r children=row/></tbody>
                </table>
            </div>
        </section>
    }
}
