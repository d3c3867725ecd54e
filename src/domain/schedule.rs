//! The engagement schedule, in the provider's working days (see [`crate::domain::calendar`]).
//!
//! Rules from the service descriptions: the customer applies at least [`Rules::lead_time_days`]
//! (15) working days before placing the order, and one month ahead for a large engagement;
//! consulting takes about five working days; the customer confirms acceptance within five
//! working days of a report's submission; managed services run through five milestones.
//!
//! *(Product choices, configurable by the sales team.)* Applying "today" — the provider's date in
//! UTC+8 — the earliest order date is today + 15 working days; an engagement of more than
//! [`Rules::large_engagement_man_days`] man-days is large and its recommended order date is one
//! calendar month from today (the next working day from there). The engagement starts on the
//! order date (or a later date the customer picks, moved to a working day). Consulting delivers
//! the Investigation Report on its 2nd working day and the Well-Architected Consulting Report on
//! its 5th; implementation follows consulting (or starts the engagement when bought alone) and
//! lasts ⌈man-days ÷ consultants⌉ working days, ending with one consolidated Implementation Plan;
//! managed-services milestones fall at working-day offsets from the contract start
//! ([`Rules::managed_offsets`]).
//!
//! Every date says whether a provisional (not yet official) holiday year was involved.

use crate::domain::asof::AsOf;
use crate::domain::calendar::{Calendar, CountError, Counted, Date};
use crate::domain::catalogue::Selection;
pub use crate::domain::rules::Rules;
use chrono::{Datelike, Months};

/// What the customer has chosen, as far as the schedule is concerned.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    /// Well-Architected Consulting.
    pub consulting: bool,
    /// On-site assessment man-days (0–2), the first days of consulting.
    pub onsite_days: u8,
    /// On-site visit man-days (0–2), the first days of implementation.
    pub implementation_onsite_days: u8,
    /// Implementation man-days per chosen pillar package.
    pub implementation_days: Vec<f64>,
    /// Consultants staffed on implementation (at least 1).
    pub consultants: u8,
    /// Managed services chosen (any module).
    pub managed_services: bool,
    /// A start the customer prefers (moved to the earliest possible if too early).
    pub preferred_start: Option<Date>,
    /// For a large engagement, start no earlier than the recommended order date (one month
    /// ahead) rather than the earliest one.
    pub recommended_order: bool,
}

impl Request {
    /// Total man-days of the Well-Architected services (consulting counts its five days).
    pub fn man_days(&self, rules: &Rules) -> f64 {
        let consulting = if self.consulting {
            f64::from(rules.consulting_days)
        } else {
            0.0
        };
        consulting + self.implementation_days.iter().sum::<f64>()
    }
}

impl From<&Selection> for Request {
    fn from(s: &Selection) -> Request {
        Request {
            consulting: s.consulting,
            onsite_days: s.onsite_days,
            implementation_onsite_days: s.implementation_onsite_days,
            implementation_days: s.packages.values().map(|d| d.days()).collect(),
            consultants: s.consultants,
            managed_services: !s.modules.is_empty(),
            preferred_start: s.preferred_start,
            recommended_order: s.recommended_order,
        }
    }
}

/// The schedule of a service selection as of a date ([`crate::domain::asof`]): `None` when
/// nothing is chosen. Every view and file that shows a workload's schedule calls this.
pub fn of_selection(
    cal: &Calendar,
    rules: &Rules,
    selection: &Selection,
    as_of: AsOf,
) -> Option<Result<Schedule, CountError>> {
    (!selection.is_empty()).then(|| schedule(cal, rules, &Request::from(selection), as_of.date()))
}

/// A dated event of the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Event {
    /// The earliest day the order can be placed (the longest lead time of the chosen services).
    EarliestOrder,
    /// The recommended order day for a large engagement (one month).
    RecommendedOrder,
    /// The engagement starts.
    Start,
    /// Consulting: the on-site assessment begins (its man-days are the first of consulting).
    ConsultingOnsite,
    /// Implementation: the on-site visit begins (its man-days are the first of implementation).
    ImplementationOnsite,
    /// Consulting: the Investigation Report is submitted.
    InvestigationReport,
    /// Consulting: the Well-Architected Consulting Report is submitted.
    ConsultingReport,
    /// The customer's confirmation of the Consulting Report is due.
    ConsultingAcceptance,
    /// Implementation starts.
    ImplementationStart,
    /// Implementation: the consolidated Implementation Plan is submitted.
    ImplementationPlan,
    /// The customer's confirmation of the Implementation Plan is due.
    ImplementationAcceptance,
    /// Managed services: kickoff meeting report.
    ManagedKickoff,
    /// Managed services: project implementation solution.
    ManagedSolution,
    /// Managed services: stage progress report.
    ManagedStageProgress,
    /// Managed services: technology management summary report.
    ManagedSummary,
    /// Managed services: project acceptance report submitted.
    ManagedAcceptanceReport,
    /// Managed services: the customer's confirmation is due.
    ManagedAcceptance,
}

impl Event {
    /// A stable id (for the bundle and `.ics` UIDs).
    pub fn id(self) -> &'static str {
        match self {
            Event::EarliestOrder => "earliest_order",
            Event::RecommendedOrder => "recommended_order",
            Event::Start => "start",
            Event::ConsultingOnsite => "consulting_onsite",
            Event::ImplementationOnsite => "implementation_onsite",
            Event::InvestigationReport => "investigation_report",
            Event::ConsultingReport => "consulting_report",
            Event::ConsultingAcceptance => "consulting_acceptance",
            Event::ImplementationStart => "implementation_start",
            Event::ImplementationPlan => "implementation_plan",
            Event::ImplementationAcceptance => "implementation_acceptance",
            Event::ManagedKickoff => "managed_kickoff",
            Event::ManagedSolution => "managed_solution",
            Event::ManagedStageProgress => "managed_stage_progress",
            Event::ManagedSummary => "managed_summary",
            Event::ManagedAcceptanceReport => "managed_acceptance_report",
            Event::ManagedAcceptance => "managed_acceptance",
        }
    }
}

/// One dated event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dated {
    /// What happens.
    pub event: Event,
    /// When (a working day).
    pub date: Date,
    /// Whether a provisional holiday year was involved in computing it.
    pub provisional: bool,
}

/// The schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// The provider's today.
    pub today: Date,
    /// Whether the engagement is large.
    pub large: bool,
    /// Total Well-Architected man-days.
    pub man_days: f64,
    /// The lead time applied: the longest of the chosen services' (working days).
    pub lead_time_days: u32,
    /// Working days of implementation (0 without it).
    pub implementation_days: u32,
    /// The events, in date order (ties in event order).
    pub events: Vec<Dated>,
}

impl Schedule {
    /// The event's date, if it is in the schedule.
    pub fn get(&self, event: Event) -> Option<&Dated> {
        self.events.iter().find(|d| d.event == event)
    }

    /// Whether any date is provisional.
    pub fn provisional(&self) -> bool {
        self.events.iter().any(|d| d.provisional)
    }
}

/// Computes the schedule of a request, applying on `today` (the provider's date).
pub fn schedule(
    cal: &Calendar,
    rules: &Rules,
    request: &Request,
    today: Date,
) -> Result<Schedule, CountError> {
    let mut events = Vec::new();
    let mut push = |event: Event, c: Counted| {
        events.push(Dated {
            event,
            date: c.date,
            provisional: c.provisional,
        });
        c.date
    };
    let man_days = request.man_days(rules);
    let large = man_days > rules.large_engagement_man_days;
    let wa = request.consulting || !request.implementation_days.is_empty();
    let lead = [
        (wa, rules.lead_time_days),
        (request.managed_services, rules.managed_lead_time_days),
    ]
    .iter()
    .filter(|(chosen, _)| *chosen)
    .map(|(_, days)| *days)
    .max()
    .unwrap_or(rules.lead_time_days);
    let earliest = push(Event::EarliestOrder, cal.add(today, i64::from(lead))?);
    let mut first_start = earliest;
    if large {
        // Seed 002 §3 recommends a month's notice; the lead time is the only floor.
        let month = today.checked_add_months(Months::new(1)).unwrap_or(today);
        let recommended = push(Event::RecommendedOrder, cal.add(month, 0)?);
        if request.recommended_order {
            first_start = first_start.max(recommended);
        }
    }
    let start_wanted = request
        .preferred_start
        .filter(|p| *p > first_start)
        .unwrap_or(first_start);
    let start = push(Event::Start, cal.add(start_wanted, 0)?);

    let mut implementation_days = 0;
    if wa {
        let mut next = start;
        if request.consulting {
            if request.onsite_days > 0 {
                push(Event::ConsultingOnsite, cal.add(start, 0)?);
            }
            push(Event::InvestigationReport, cal.add(start, 1)?);
            let report = push(
                Event::ConsultingReport,
                cal.add(start, i64::from(rules.consulting_days.max(1)) - 1)?,
            );
            push(
                Event::ConsultingAcceptance,
                cal.add(report, i64::from(rules.acceptance_days))?,
            );
            next = cal.add(report, 1)?.date;
        }
        if !request.implementation_days.is_empty() {
            let total: f64 = request.implementation_days.iter().sum();
            let consultants = f64::from(request.consultants.max(1));
            implementation_days = ((total / consultants).ceil() as u32).max(1);
            let begin = push(Event::ImplementationStart, cal.add(next, 0)?);
            if request.implementation_onsite_days > 0 {
                push(Event::ImplementationOnsite, cal.add(begin, 0)?);
            }
            let plan = push(
                Event::ImplementationPlan,
                cal.add(begin, i64::from(implementation_days) - 1)?,
            );
            push(
                Event::ImplementationAcceptance,
                cal.add(plan, i64::from(rules.acceptance_days))?,
            );
        }
    }
    if request.managed_services {
        let kinds = [
            Event::ManagedKickoff,
            Event::ManagedSolution,
            Event::ManagedStageProgress,
            Event::ManagedSummary,
            Event::ManagedAcceptanceReport,
        ];
        let mut last = start;
        for (kind, offset) in kinds.into_iter().zip(rules.managed_offsets) {
            last = push(kind, cal.add(start, i64::from(offset))?);
        }
        push(
            Event::ManagedAcceptance,
            cal.add(last, i64::from(rules.acceptance_days))?,
        );
    }
    // Stable: equal dates keep the order they were pushed in.
    events.sort_by_key(|d| d.date);
    Ok(Schedule {
        today,
        large,
        man_days,
        lead_time_days: lead,
        implementation_days,
        events,
    })
}

/// Where the provider's service hours (09:00–18:00 UTC+8) fall in a customer's day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hours {
    /// Start of the service hours in the customer's local time, minutes after midnight.
    pub start: i32,
    /// End, minutes after midnight (may exceed 24 h when the window crosses midnight).
    pub end: i32,
    /// The customer's calendar day of the start, relative to the provider's date (−1, 0, +1).
    pub day_shift: i32,
    /// The overlap with the customer's own 09:00–18:00, in local minutes, if any.
    pub overlap: Option<(i32, i32)>,
}

/// The service hours seen from a customer `offset_minutes` east of UTC (UTC−8 is −480).
pub fn service_hours(offset_minutes: i32) -> Hours {
    const PROVIDER: i32 = crate::domain::calendar::PROVIDER_UTC_OFFSET_MINUTES;
    let start_local = 9 * 60 - PROVIDER + offset_minutes;
    let day_shift = start_local.div_euclid(24 * 60);
    let start = start_local.rem_euclid(24 * 60);
    let end = start + 9 * 60;
    // The customer's working window on the same local day, and the next one for windows that
    // cross midnight.
    let overlap = [0, 24 * 60]
        .into_iter()
        .map(|shift| (start.max(9 * 60 + shift), end.min(18 * 60 + shift)))
        .find(|(a, b)| a < b)
        .map(|(a, b)| (a.rem_euclid(24 * 60), (b - 1).rem_euclid(24 * 60) + 1));
    Hours {
        start,
        end,
        day_shift,
        overlap,
    }
}

/// `HH:MM` for minutes after midnight (24:00 for the end of a day).
pub fn hhmm(minutes: i32) -> String {
    let m = minutes.rem_euclid(24 * 60);
    let m = if m == 0 && minutes > 0 { 24 * 60 } else { m };
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The first working day on or after the same day next month (used by the UI's help text).
pub fn one_month_after(cal: &Calendar, d: Date) -> Result<Counted, CountError> {
    cal.add(d.checked_add_months(Months::new(1)).unwrap_or(d), 0)
}

/// The weekday number (Monday = 1) — for the timeline's week marks.
pub fn iso_weekday(d: Date) -> u32 {
    d.weekday().number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn dates(s: &Schedule) -> Vec<(&'static str, String)> {
        s.events
            .iter()
            .map(|e| (e.event.id(), crate::domain::calendar::format_date(e.date)))
            .collect()
    }

    #[test]
    fn a_selection_is_scheduled_as_of_the_date_it_is_shown_as_of() {
        let cal = Calendar::cn_mainland();
        let rules = Rules::default();
        let mut sel = Selection::default();
        assert_eq!(
            of_selection(&cal, &rules, &sel, AsOf::Today(d("2026-11-21"))),
            None,
            "nothing chosen, no schedule"
        );
        sel.consulting = true;
        sel.packages.insert(
            "security".into(),
            crate::domain::catalogue::ManDays::from_tenths(45),
        );
        let request = Request::from(&sel);
        assert_eq!(request.implementation_days, vec![4.5]);
        assert!(request.consulting && !request.managed_services);
        // Exported on Saturday 21 November 2026: the customer saw a start on Fri 11 December.
        let exported = of_selection(&cal, &rules, &sel, AsOf::Exported(d("2026-11-21")))
            .unwrap()
            .unwrap();
        assert_eq!(exported.today, d("2026-11-21"));
        assert_eq!(exported.get(Event::Start).unwrap().date, d("2026-12-11"));
        // Opened weeks later, the same export date gives the same dates; today gives others.
        let later = of_selection(&cal, &rules, &sel, AsOf::Today(d("2026-12-02")))
            .unwrap()
            .unwrap();
        assert_eq!(later.get(Event::Start).unwrap().date, d("2026-12-23"));
        sel.preferred_start = parse_date("2027-03-01");
        let preferred = of_selection(&cal, &rules, &sel, AsOf::Exported(d("2026-11-21")))
            .unwrap()
            .unwrap();
        assert_eq!(preferred.get(Event::Start).unwrap().date, d("2027-03-01"));
        assert!(preferred.provisional());
    }

    #[test]
    fn consulting_and_implementation_across_national_day_2026() {
        let cal = Calendar::cn_mainland();
        let request = Request {
            consulting: true,
            implementation_days: vec![6.0, 4.0],
            consultants: 2,
            ..Request::default()
        };
        // Applying on Monday 2026-09-07: 15 working days → Sept 8–11 (4), 14–18 (9), Sunday
        // Sept 20 (officially worked, 10), 21–24 (14); Sept 25–27 are Mid-Autumn; Mon Sept 28 (15).
        let s = schedule(&cal, &Rules::default(), &request, d("2026-09-07")).unwrap();
        assert!(!s.large, "5 + 10 man-days is not large");
        assert_eq!(s.implementation_days, 5);
        assert_eq!(
            dates(&s),
            [
                ("earliest_order", "2026-09-28".into()),
                ("start", "2026-09-28".into()),
                ("investigation_report", "2026-09-29".into()),
                // Day 5 of consulting: Sept 28, 29, 30, then Oct 8, 9 (Oct 1–7 off).
                ("consulting_report", "2026-10-09".into()),
                // Implementation starts the next working day: Sat Oct 10 is officially worked.
                ("implementation_start", "2026-10-10".into()),
                // Acceptance: five working days after Oct 9 → Oct 10, 12, 13, 14, 15.
                ("consulting_acceptance", "2026-10-15".into()),
                // Five days of implementation: Oct 10, 12, 13, 14, 15.
                ("implementation_plan", "2026-10-15".into()),
                ("implementation_acceptance", "2026-10-22".into()),
            ]
        );
        assert!(!s.provisional());
    }

    #[test]
    fn seed_002_3_a_large_engagement_orders_on_the_recommended_or_the_earliest_date() {
        let cal = Calendar::cn_mainland();
        let mut request = Request {
            implementation_days: vec![30.0],
            consultants: 1,
            recommended_order: true,
            ..Request::default()
        };
        let s = schedule(&cal, &Rules::default(), &request, d("2026-11-02")).unwrap();
        assert!(s.large);
        // 15 working days from Mon Nov 2 → Mon Nov 23; a month → Wed Dec 2.
        assert_eq!(s.get(Event::EarliestOrder).unwrap().date, d("2026-11-23"));
        assert_eq!(
            s.get(Event::RecommendedOrder).unwrap().date,
            d("2026-12-02")
        );
        assert_eq!(s.get(Event::Start).unwrap().date, d("2026-12-02"));
        // 30 working days from Dec 2 reach into 2027: provisional.
        let plan = s.get(Event::ImplementationPlan).unwrap();
        assert!(plan.provisional);
        assert_eq!(plan.date, d("2027-01-13"));
        // The month is a recommendation, not a floor: the customer may order at the earliest.
        request.recommended_order = false;
        let s = schedule(&cal, &Rules::default(), &request, d("2026-11-02")).unwrap();
        assert_eq!(
            s.get(Event::RecommendedOrder).unwrap().date,
            d("2026-12-02"),
            "still shown"
        );
        assert_eq!(s.get(Event::Start).unwrap().date, d("2026-11-23"));
    }

    #[test]
    fn seed_000_managed_services_lead_time_is_the_configured_one() {
        let cal = Calendar::cn_mainland();
        let managed = Request {
            managed_services: true,
            ..Request::default()
        };
        let rules = Rules {
            managed_lead_time_days: 5,
            ..Rules::default()
        };
        // Mon 2 Nov 2026 + 5 working days → Mon 9 Nov.
        let s = schedule(&cal, &rules, &managed, d("2026-11-02")).unwrap();
        assert_eq!(s.get(Event::EarliestOrder).unwrap().date, d("2026-11-09"));
        assert_eq!(s.get(Event::Start).unwrap().date, d("2026-11-09"));
        assert_eq!(s.lead_time_days, 5);
        // With consulting too, the longer lead time of the two decides.
        let both = Request {
            consulting: true,
            ..managed
        };
        let s = schedule(&cal, &rules, &both, d("2026-11-02")).unwrap();
        assert_eq!(s.get(Event::EarliestOrder).unwrap().date, d("2026-11-23"));
    }

    #[test]
    fn seed_002_2_on_site_days_begin_with_their_service() {
        let cal = Calendar::cn_mainland();
        let request = Request {
            consulting: true,
            onsite_days: 2,
            implementation_days: vec![3.0],
            implementation_onsite_days: 1,
            consultants: 1,
            ..Request::default()
        };
        let s = schedule(&cal, &Rules::default(), &request, d("2026-11-02")).unwrap();
        let start = s.get(Event::Start).unwrap().date;
        assert_eq!(s.get(Event::ConsultingOnsite).unwrap().date, start);
        assert_eq!(
            s.get(Event::ImplementationOnsite).unwrap().date,
            s.get(Event::ImplementationStart).unwrap().date
        );
        let none = Request {
            onsite_days: 0,
            implementation_onsite_days: 0,
            ..request
        };
        let s = schedule(&cal, &Rules::default(), &none, d("2026-11-02")).unwrap();
        assert!(s.get(Event::ConsultingOnsite).is_none());
        assert!(s.get(Event::ImplementationOnsite).is_none());
    }

    #[test]
    fn managed_services_milestones_use_the_offsets_and_a_preferred_start() {
        let cal = Calendar::cn_mainland();
        let request = Request {
            managed_services: true,
            preferred_start: Some(d("2026-12-05")), // a Saturday: moved to Monday
            ..Request::default()
        };
        let rules = Rules {
            managed_offsets: [0, 1, 2, 3, 4],
            ..Rules::default()
        };
        let s = schedule(&cal, &rules, &request, d("2026-11-02")).unwrap();
        assert_eq!(
            dates(&s),
            [
                ("earliest_order", "2026-11-23".into()),
                ("start", "2026-12-07".into()),
                ("managed_kickoff", "2026-12-07".into()),
                ("managed_solution", "2026-12-08".into()),
                ("managed_stage_progress", "2026-12-09".into()),
                ("managed_summary", "2026-12-10".into()),
                ("managed_acceptance_report", "2026-12-11".into()),
                ("managed_acceptance", "2026-12-18".into()),
            ]
        );
    }

    #[test]
    fn a_preferred_start_before_the_lead_time_is_moved_to_the_earliest() {
        let cal = Calendar::cn_mainland();
        let request = Request {
            consulting: true,
            preferred_start: Some(d("2026-11-03")),
            ..Request::default()
        };
        let s = schedule(&cal, &Rules::default(), &request, d("2026-11-02")).unwrap();
        assert_eq!(s.get(Event::Start).unwrap().date, d("2026-11-23"));
    }

    #[test]
    fn service_hours_in_other_time_zones() {
        // UTC−8: 17:00–02:00, starting the day before; overlap 17:00–18:00.
        let h = service_hours(-480);
        assert_eq!(
            (hhmm(h.start), hhmm(h.end), h.day_shift),
            ("17:00".into(), "02:00".into(), -1)
        );
        assert_eq!(h.overlap, Some((17 * 60, 18 * 60)));
        // UTC+1: 02:00–11:00 the same day; overlap 09:00–11:00.
        let h = service_hours(60);
        assert_eq!(
            (hhmm(h.start), hhmm(h.end), h.day_shift),
            ("02:00".into(), "11:00".into(), 0)
        );
        assert_eq!(h.overlap, Some((9 * 60, 11 * 60)));
        // UTC+8 itself: the whole day.
        assert_eq!(service_hours(480).overlap, Some((9 * 60, 18 * 60)));
        // UTC−3: 22:00–07:00: no overlap with 09:00–18:00.
        assert_eq!(service_hours(-180).overlap, None);
        // UTC+14: 15:00–24:00; overlap 15:00–18:00.
        let h = service_hours(14 * 60);
        assert_eq!(
            (hhmm(h.start), hhmm(h.end)),
            ("15:00".into(), "24:00".into())
        );
        assert_eq!(h.overlap, Some((15 * 60, 18 * 60)));
    }
}
