//! The engagement schedule as a Microsoft Project file: MSPDI, the XML that Microsoft Project
//! (File › Open, "XML Format"), ProjectLibre and MPXJ read.
//!
//! What the file holds:
//! - **One base calendar**, the provider's working time: Monday to Friday 09:00–18:00 (the
//!   provider's time, UTC+8; MSPDI has no time zones, so the project is in the provider's time),
//!   every day off of every year the app's calendar covers as a non-working exception (a
//!   holiday's consecutive days make one exception, named after the holiday) and every adjusted
//!   working day (a weekend day worked) as a working exception with the same hours.
//! - **The phases** (consulting, implementation, managed services) as auto-scheduled tasks that
//!   start no earlier than the app's start date and last the app's working days: Project computes
//!   their finish from the calendar, and it is the app's date when the two calendars agree.
//! - **Every dated event** as a milestone on its day, pinned the same way.
//! - Events computed with a provisional (not yet official) holiday year say so in their name and
//!   notes.
//!
//! Written by hand, like [`crate::domain::ics`]: the file is a fixed shape of a few dozen
//! elements, in the order the schema (`mspdi_pj12.xsd`) requires, with text escaped for XML.

use crate::domain::calendar::{Calendar, Date, Holiday, format_date, holiday_ranges};
use crate::domain::schedule::{Event, Schedule};
use crate::domain::text::{Lang, xml_text as esc};
use crate::i18n::{Msg, event_msg, holiday_msg};
use std::fmt::Write as _;

/// The provider's working hours, in the provider's time.
const FROM: &str = "09:00:00";
const TO: &str = "18:00:00";
/// Working minutes per day (09:00–18:00).
const MINUTES_PER_DAY: u32 = 9 * 60;

/// A task of the project: a phase with a length in working days, or a milestone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// Its name, in the document's language.
    pub name: String,
    /// Its first day.
    pub start: Date,
    /// Its last day (the start, for a milestone).
    pub finish: Date,
    /// Its length in working days (0 for a milestone).
    pub working_days: u32,
    /// Whether a provisional holiday year was involved in its dates.
    pub provisional: bool,
}

impl Task {
    /// Whether it is a milestone.
    pub fn is_milestone(&self) -> bool {
        self.working_days == 0
    }
}

/// The phases of a schedule: (name, first event, last event) for each one that took place.
const PHASES: [(Msg, Event, Event); 3] = [
    (Msg::PhaseConsulting, Event::Start, Event::ConsultingReport),
    (
        Msg::PhaseImplementation,
        Event::ImplementationStart,
        Event::ImplementationPlan,
    ),
    (
        Msg::PhaseManaged,
        Event::ManagedKickoff,
        Event::ManagedAcceptanceReport,
    ),
];

/// The project's tasks: each phase the schedule has, then every event as a milestone, in the
/// schedule's order.
pub fn tasks(schedule: &Schedule, cal: &Calendar, lang: Lang) -> Vec<Task> {
    let mark = |name: String, provisional: bool| {
        if provisional {
            format!("{name} ({})", Msg::Provisional.text(lang))
        } else {
            name
        }
    };
    let mut out = Vec::new();
    for (msg, first, last) in PHASES {
        // Consulting starts the engagement only when it is bought.
        if first == Event::Start && schedule.get(Event::ConsultingReport).is_none() {
            continue;
        }
        let (Some(a), Some(b)) = (schedule.get(first), schedule.get(last)) else {
            continue;
        };
        let provisional = a.provisional || b.provisional;
        out.push(Task {
            name: mark(msg.text(lang).to_owned(), provisional),
            start: a.date,
            finish: b.date,
            working_days: cal.working_days_between(a.date, b.date).max(1),
            provisional,
        });
    }
    for e in &schedule.events {
        out.push(Task {
            name: mark(event_msg(e.event).text(lang).to_owned(), e.provisional),
            start: e.date,
            finish: e.date,
            working_days: 0,
            provisional: e.provisional,
        });
    }
    out
}

/// One calendar exception: a run of days off, or one worked weekend day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    /// The holiday it belongs to.
    pub holiday: Holiday,
    /// Its first day.
    pub from: Date,
    /// Its last day.
    pub to: Date,
    /// Whether the days are worked (an adjusted working day) rather than off.
    pub working: bool,
}

/// Every exception of the years `cal` covers, in date order.
pub fn exceptions(cal: &Calendar) -> Vec<Exception> {
    let (first, last) = cal.covered_years();
    let mut out = Vec::new();
    for days in (first..=last).filter_map(|y| cal.year_days(y)) {
        for (working, list) in [(false, &days.off), (true, &days.work)] {
            out.extend(
                holiday_ranges(list)
                    .into_iter()
                    .map(|(holiday, from, to)| Exception {
                        holiday,
                        from,
                        to,
                        working,
                    }),
            );
        }
    }
    out.sort_by_key(|e| (e.from, e.working));
    out
}

/// What the project is called and who it is for.
#[derive(Clone, Copy, Debug)]
pub struct Header<'a> {
    /// The project's title, e.g. `Acme · Payments`.
    pub title: &'a str,
    /// The customer's organisation.
    pub company: &'a str,
    /// The program that wrote it (the app's brand name).
    pub author: &'a str,
    /// The currency of the quote, e.g. `CNY` (the schema requires one).
    pub currency: &'a str,
}

/// `2026-12-24T09:00:00`.
fn at(d: Date, time: &str) -> String {
    format!("{}T{time}", format_date(d))
}

/// A duration of working days as MSPDI writes it: `PT45H0M0S`.
fn duration(working_days: u32) -> String {
    format!("PT{}H0M0S", working_days * MINUTES_PER_DAY / 60)
}

fn working_times(out: &mut String) {
    let _ = write!(
        out,
        "<WorkingTimes><WorkingTime><FromTime>{FROM}</FromTime><ToTime>{TO}</ToTime></WorkingTime></WorkingTimes>"
    );
}

/// The project file.
pub fn project(header: Header<'_>, cal: &Calendar, schedule: &Schedule, lang: Lang) -> String {
    let tasks = tasks(schedule, cal, lang);
    let start = tasks
        .iter()
        .map(|t| t.start)
        .min()
        .unwrap_or(schedule.today);
    let finish = tasks
        .iter()
        .map(|t| t.finish)
        .max()
        .unwrap_or(schedule.today);
    let mut x = String::with_capacity(16 * 1024);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    x.push_str("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
    let _ = writeln!(x, "<SaveVersion>14</SaveVersion>");
    let _ = writeln!(x, "<Name>{}.xml</Name>", esc(header.title));
    let _ = writeln!(x, "<Title>{}</Title>", esc(header.title));
    let _ = writeln!(x, "<Company>{}</Company>", esc(header.company));
    let _ = writeln!(x, "<Author>{}</Author>", esc(header.author));
    let _ = writeln!(x, "<ScheduleFromStart>1</ScheduleFromStart>");
    let _ = writeln!(x, "<StartDate>{}</StartDate>", at(start, FROM));
    let _ = writeln!(x, "<FinishDate>{}</FinishDate>", at(finish, TO));
    // Required by the schema; the currency of the customer's quote.
    let _ = writeln!(x, "<CurrencyCode>{}</CurrencyCode>", esc(header.currency));
    let _ = writeln!(x, "<CalendarUID>1</CalendarUID>");
    let _ = writeln!(x, "<DefaultStartTime>{FROM}</DefaultStartTime>");
    let _ = writeln!(x, "<DefaultFinishTime>{TO}</DefaultFinishTime>");
    let _ = writeln!(x, "<MinutesPerDay>{MINUTES_PER_DAY}</MinutesPerDay>");
    let _ = writeln!(
        x,
        "<MinutesPerWeek>{}</MinutesPerWeek>",
        5 * MINUTES_PER_DAY
    );
    let _ = writeln!(x, "<DaysPerMonth>20</DaysPerMonth>");
    let _ = writeln!(x, "<DurationFormat>7</DurationFormat>");
    calendar_xml(&mut x, cal, lang);
    x.push_str("<Tasks>\n");
    for (i, t) in tasks.iter().enumerate() {
        task_xml(&mut x, i + 1, t, lang);
    }
    x.push_str("</Tasks>\n</Project>\n");
    x
}

/// The base calendar: the working week and every exception.
fn calendar_xml(x: &mut String, cal: &Calendar, lang: Lang) {
    x.push_str("<Calendars>\n<Calendar>\n<UID>1</UID>\n");
    let _ = writeln!(
        x,
        "<Name>{}</Name>",
        esc(Msg::ProjectCalendarName.text(lang))
    );
    x.push_str("<IsBaseCalendar>1</IsBaseCalendar>\n<BaseCalendarUID>-1</BaseCalendarUID>\n");
    x.push_str("<WeekDays>\n");
    // DayType: 1 is Sunday, 7 Saturday.
    for day in 1..=7 {
        let working = (2..=6).contains(&day);
        let _ = write!(
            x,
            "<WeekDay><DayType>{day}</DayType><DayWorking>{}</DayWorking>",
            u8::from(working)
        );
        if working {
            working_times(x);
        }
        x.push_str("</WeekDay>\n");
    }
    x.push_str("</WeekDays>\n<Exceptions>\n");
    for e in exceptions(cal) {
        let _ = write!(
            x,
            "<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>{}</FromDate><ToDate>{}</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>{}</Name><Type>1</Type><DayWorking>{}</DayWorking>",
            at(e.from, "00:00:00"),
            at(e.to, "23:59:00"),
            esc(holiday_msg(e.holiday).text(lang)),
            u8::from(e.working),
        );
        if e.working {
            working_times(x);
        }
        x.push_str("</Exception>\n");
    }
    x.push_str("</Exceptions>\n</Calendar>\n</Calendars>\n");
}

/// One task, pinned to start no earlier than its day: a milestone at 09:00, a phase from 09:00
/// on its first day to 18:00 on its last.
fn task_xml(x: &mut String, uid: usize, t: &Task, lang: Lang) {
    let start = at(t.start, FROM);
    let finish = if t.is_milestone() {
        start.clone()
    } else {
        at(t.finish, TO)
    };
    let _ = write!(
        x,
        "<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{}</Name><Active>1</Active><Manual>0</Manual><Type>1</Type><IsNull>0</IsNull><OutlineNumber>{uid}</OutlineNumber><OutlineLevel>1</OutlineLevel><Priority>500</Priority><Start>{start}</Start><Finish>{finish}</Finish><Duration>{}</Duration><DurationFormat>7</DurationFormat><Milestone>{}</Milestone><Summary>0</Summary><ConstraintType>4</ConstraintType><ConstraintDate>{start}</ConstraintDate>",
        esc(&t.name),
        duration(t.working_days),
        u8::from(t.is_milestone()),
    );
    if t.provisional {
        let _ = write!(x, "<Notes>{}</Notes>", esc(Msg::ProvisionalNote.text(lang)));
    }
    x.push_str("</Task>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;
    use crate::domain::schedule::{Request, Rules, schedule};
    use quick_xml::Reader;
    use quick_xml::events::Event as Xml;
    use std::collections::{BTreeMap, BTreeSet};

    /// An element of the file, read back generically: its name, text and children.
    #[derive(Debug, Default)]
    struct Node {
        name: String,
        text: String,
        children: Vec<Node>,
    }

    impl Node {
        fn child(&self, name: &str) -> &Node {
            self.children
                .iter()
                .find(|c| c.name == name)
                .unwrap_or_else(|| panic!("{} has no {name}", self.name))
        }
        fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
            self.children.iter().filter(move |c| c.name == name)
        }
        fn text_of(&self, name: &str) -> &str {
            &self.child(name).text
        }
    }

    /// Parses XML as a reader of MSPDI does: a strict, namespace-aware parse of the whole tree.
    fn parse(xml: &str) -> Node {
        let mut reader = Reader::from_str(xml);
        let mut stack = vec![Node::default()];
        loop {
            match reader.read_event().expect("well-formed XML") {
                Xml::Start(e) => stack.push(Node {
                    name: String::from_utf8(e.local_name().as_ref().to_vec()).unwrap(),
                    ..Node::default()
                }),
                Xml::End(_) => {
                    let done = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(done);
                }
                Xml::Text(t) => {
                    let text = t.decode().unwrap();
                    let text = quick_xml::escape::unescape(&text).unwrap();
                    stack.last_mut().unwrap().text.push_str(&text);
                }
                Xml::GeneralRef(r) => {
                    let name = r.decode().unwrap();
                    let c = match name.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity {other}"),
                    };
                    stack.last_mut().unwrap().text.push(c);
                }
                Xml::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1, "every element closed");
        stack.pop().unwrap().children.pop().expect("a root element")
    }

    fn day(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    /// Consulting with a day on site, two pillar packages and managed services, asked for on
    /// 21 September 2026, so that the dates cross National Day and the adjusted working days
    /// around it, and run into 2027.
    fn engagement() -> (Calendar, Schedule) {
        let cal = Calendar::cn_mainland();
        let request = Request {
            consulting: true,
            onsite_days: 1,
            implementation_days: vec![4.0, 6.0],
            consultants: 1,
            managed_services: true,
            ..Request::default()
        };
        let s = schedule(&cal, &Rules::default(), &request, day("2026-09-21")).unwrap();
        (cal, s)
    }

    fn header() -> Header<'static> {
        Header {
            title: "Acme · Payments",
            company: "Acme",
            author: "Preflight",
            currency: "CNY",
        }
    }

    /// Whether the file's own calendar makes `d` a working day, as Project reads it: the
    /// exceptions first, then the working week.
    fn file_works(calendar: &Node, d: Date) -> bool {
        for e in calendar.child("Exceptions").all("Exception") {
            let period = e.child("TimePeriod");
            let from = day(&period.text_of("FromDate")[..10]);
            let to = day(&period.text_of("ToDate")[..10]);
            if (from..=to).contains(&d) {
                return e.text_of("DayWorking") == "1";
            }
        }
        let day_type = (chrono::Datelike::weekday(&d).num_days_from_sunday() + 1).to_string();
        calendar
            .child("WeekDays")
            .all("WeekDay")
            .find(|w| w.text_of("DayType") == day_type)
            .is_some_and(|w| w.text_of("DayWorking") == "1")
    }

    #[test]
    fn the_calendar_holds_every_holiday_and_adjusted_working_day_the_app_knows() {
        let (cal, s) = engagement();
        let project = parse(&project(header(), &cal, &s, Lang::En));
        assert_eq!(project.name, "Project");
        let calendar = project.child("Calendars").child("Calendar");
        assert_eq!(calendar.text_of("IsBaseCalendar"), "1");
        assert_eq!(project.text_of("CalendarUID"), calendar.text_of("UID"));
        // Expanded, the exceptions are exactly the app's days off and adjusted working days.
        let mut off = BTreeSet::new();
        let mut work = BTreeSet::new();
        for e in calendar.child("Exceptions").all("Exception") {
            let period = e.child("TimePeriod");
            let from = day(&period.text_of("FromDate")[..10]);
            let to = day(&period.text_of("ToDate")[..10]);
            assert!(period.text_of("ToDate").ends_with("T23:59:00"));
            let set = if e.text_of("DayWorking") == "1" {
                assert_eq!(
                    e.child("WorkingTimes")
                        .child("WorkingTime")
                        .text_of("FromTime"),
                    "09:00:00"
                );
                &mut work
            } else {
                &mut off
            };
            set.extend(from.iter_days().take_while(|d| *d <= to));
        }
        let (first, last) = cal.covered_years();
        let mut app_off = BTreeSet::new();
        let mut app_work = BTreeSet::new();
        for y in first..=last {
            let days = cal.year_days(y).unwrap();
            app_off.extend(days.off.iter().map(|(d, _)| *d));
            app_work.extend(days.work.iter().map(|(d, _)| *d));
        }
        assert_eq!(off, app_off);
        assert_eq!(work, app_work);
        assert!(off.contains(&day("2026-10-01")) && work.contains(&day("2026-09-20")));
        // Day by day over the covered years, the file's calendar and the app's agree.
        let mut d = day(&format!("{first}-01-01"));
        while d <= day(&format!("{last}-12-31")) {
            assert_eq!(file_works(calendar, d), cal.is_working(d), "{d}");
            d = d.succ_opt().unwrap();
        }
        // National Day's days off are one exception, named after the holiday.
        let national = calendar
            .child("Exceptions")
            .all("Exception")
            .find(|e| e.child("TimePeriod").text_of("FromDate") == "2026-10-01T00:00:00")
            .unwrap();
        assert_eq!(national.text_of("Name"), "National Day");
        assert_eq!(
            national.child("TimePeriod").text_of("ToDate"),
            "2026-10-07T23:59:00"
        );
    }

    #[test]
    fn tasks_have_the_apps_dates_and_project_computes_the_same_finish() {
        let (cal, s) = engagement();
        let project = parse(&project(header(), &cal, &s, Lang::En));
        let calendar = project.child("Calendars").child("Calendar");
        let tasks: Vec<&Node> = project.child("Tasks").all("Task").collect();
        assert_eq!(tasks.len(), 3 + s.events.len());
        let minutes: u32 = project.text_of("MinutesPerDay").parse().unwrap();
        assert_eq!(minutes, 540);
        let by_name: BTreeMap<&str, &Node> =
            tasks.iter().map(|t| (t.text_of("Name"), *t)).collect();
        // Every event is a milestone on the app's date.
        let named = |name: &str, provisional: bool| {
            let name = if provisional {
                format!("{name} (Provisional)")
            } else {
                name.to_owned()
            };
            *by_name
                .get(name.as_str())
                .unwrap_or_else(|| panic!("no task {name}"))
        };
        for e in &s.events {
            let t = named(event_msg(e.event).text(Lang::En), e.provisional);
            assert_eq!(t.text_of("Milestone"), "1");
            assert_eq!(t.text_of("Duration"), "PT0H0M0S");
            assert_eq!(
                t.text_of("Start"),
                format!("{}T09:00:00", format_date(e.date))
            );
            assert_eq!(t.text_of("ConstraintType"), "4", "start no earlier than");
            assert_eq!(t.text_of("ConstraintDate"), t.text_of("Start"));
        }
        // Each phase: Project starts it on its constraint date and, counting its duration in
        // the file's own calendar, finishes it on the app's last day.
        let phase = |msg: Msg, first: Event, last: Event| {
            let (a, b) = (s.get(first).unwrap(), s.get(last).unwrap());
            let t = named(msg.text(Lang::En), a.provisional || b.provisional);
            let (start, finish) = (a.date, b.date);
            assert_eq!(t.text_of("Milestone"), "0");
            assert_eq!(
                t.text_of("Start"),
                format!("{}T09:00:00", format_date(start))
            );
            assert_eq!(
                t.text_of("Finish"),
                format!("{}T18:00:00", format_date(finish))
            );
            let hours: u32 = t
                .text_of("Duration")
                .trim_start_matches("PT")
                .split('H')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let mut left = hours * 60 / minutes;
            let mut d = day(&t.text_of("ConstraintDate")[..10]);
            while !file_works(calendar, d) {
                d = d.succ_opt().unwrap();
            }
            loop {
                if file_works(calendar, d) {
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
                d = d.succ_opt().unwrap();
            }
            assert_eq!(d, finish, "{}", msg.text(Lang::En));
        };
        phase(Msg::PhaseConsulting, Event::Start, Event::ConsultingReport);
        phase(
            Msg::PhaseImplementation,
            Event::ImplementationStart,
            Event::ImplementationPlan,
        );
        phase(
            Msg::PhaseManaged,
            Event::ManagedKickoff,
            Event::ManagedAcceptanceReport,
        );
        // Implementation (10 man-days, one consultant) spans the National Day holiday.
        assert_eq!(s.implementation_days, 10);
    }

    #[test]
    fn provisional_dates_are_marked_and_names_follow_the_language() {
        let cal = Calendar::cn_mainland();
        let (_, last) = (0, cal.official_years().map(|y| y.year).max().unwrap());
        // Asked for late in the last official year: the dates run into a provisional one.
        let request = Request {
            consulting: true,
            consultants: 1,
            ..Request::default()
        };
        let s = schedule(
            &cal,
            &Rules::default(),
            &request,
            day(&format!("{last}-12-20")),
        )
        .unwrap();
        assert!(s.provisional());
        let project = parse(&project(header(), &cal, &s, Lang::ZhCn));
        let tasks: Vec<&Node> = project.child("Tasks").all("Task").collect();
        let report = tasks
            .iter()
            .find(|t| {
                t.text_of("Name")
                    .starts_with(event_msg(Event::ConsultingReport).text(Lang::ZhCn))
            })
            .unwrap();
        assert!(
            report
                .text_of("Name")
                .contains(Msg::Provisional.text(Lang::ZhCn))
        );
        assert_eq!(
            report.text_of("Notes"),
            Msg::ProvisionalNote.text(Lang::ZhCn)
        );
        let calendar = project.child("Calendars").child("Calendar");
        assert_eq!(
            calendar.text_of("Name"),
            Msg::ProjectCalendarName.text(Lang::ZhCn)
        );
        assert!(
            calendar
                .child("Exceptions")
                .all("Exception")
                .any(|e| e.text_of("Name") == "国庆节")
        );
    }

    #[test]
    fn hostile_text_stays_text() {
        let (cal, s) = engagement();
        let title = "<Task>&amp; \"Acme\" 'x' \u{0007}]]>";
        let xml = project(
            Header {
                title,
                company: "A & B <Ltd>",
                author: "Preflight",
                currency: "CNY",
            },
            &cal,
            &s,
            Lang::En,
        );
        let project = parse(&xml);
        assert_eq!(project.text_of("Title"), "<Task>&amp; \"Acme\" 'x' ]]>");
        assert_eq!(project.text_of("Company"), "A & B <Ltd>");
        assert_eq!(
            project.child("Tasks").all("Task").count(),
            3 + s.events.len()
        );
    }

    #[test]
    fn elements_come_in_the_schemas_order() {
        let (cal, s) = engagement();
        let project = parse(&project(header(), &cal, &s, Lang::En));
        let order = |node: &Node, schema: &[&str]| {
            let names: Vec<&str> = node.children.iter().map(|c| c.name.as_str()).collect();
            let positions: Vec<usize> = names
                .iter()
                .map(|n| {
                    schema
                        .iter()
                        .position(|s| s == n)
                        .unwrap_or_else(|| panic!("{n} is not in the schema's list"))
                })
                .collect();
            assert!(
                positions.is_sorted(),
                "{} children out of order: {names:?}",
                node.name
            );
        };
        order(&project, PROJECT_ORDER);
        let calendar = project.child("Calendars").child("Calendar");
        order(calendar, CALENDAR_ORDER);
        for e in calendar.child("Exceptions").all("Exception") {
            order(e, EXCEPTION_ORDER);
        }
        for t in project.child("Tasks").all("Task") {
            order(t, TASK_ORDER);
        }
    }

    /// The schema's order of the elements this module may write, as Project 2010–2019 save
    /// them (`mspdi_pj12.xsd` and its 2010 successor; where Project's own files differ from
    /// the schema, Project's order), with the elements between them left out.
    const PROJECT_ORDER: &[&str] = &[
        "SaveVersion",
        "UID",
        "Name",
        "GUID",
        "Title",
        "Company",
        "Author",
        "CreationDate",
        "LastSaved",
        "ScheduleFromStart",
        "StartDate",
        "FinishDate",
        "CurrencySymbol",
        "CurrencyCode",
        "CurrencySymbolPosition",
        "CalendarUID",
        "DefaultStartTime",
        "DefaultFinishTime",
        "MinutesPerDay",
        "MinutesPerWeek",
        "DaysPerMonth",
        "DurationFormat",
        "WorkFormat",
        "Calendars",
        "Tasks",
    ];
    const CALENDAR_ORDER: &[&str] = &[
        "UID",
        "GUID",
        "Name",
        "IsBaseCalendar",
        "IsBaselineCalendar",
        "BaseCalendarUID",
        "WeekDays",
        "Exceptions",
        "WorkWeeks",
    ];
    const EXCEPTION_ORDER: &[&str] = &[
        "EnteredByOccurrences",
        "TimePeriod",
        "Occurrences",
        "Name",
        "Type",
        "Period",
        "DaysOfWeek",
        "MonthItem",
        "MonthPosition",
        "Month",
        "MonthDay",
        "DayWorking",
        "WorkingTimes",
    ];
    const TASK_ORDER: &[&str] = &[
        "UID",
        "GUID",
        "ID",
        "Name",
        "Active",
        "Manual",
        "Type",
        "IsNull",
        "CreateDate",
        "WBS",
        "OutlineNumber",
        "OutlineLevel",
        "Priority",
        "Start",
        "Finish",
        "Duration",
        "ManualStart",
        "ManualFinish",
        "ManualDuration",
        "DurationFormat",
        "Milestone",
        "Summary",
        "Critical",
        "ConstraintType",
        "CalendarUID",
        "ConstraintDate",
        "Notes",
        "PredecessorLink",
        "ExtendedAttribute",
    ];
}
