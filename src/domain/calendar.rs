//! The provider's working days: Monday to Friday in UTC+8, except mainland China's national
//! holidays, plus the weekend days that are officially worked.
//!
//! **Official years** (the State Council's notices, in `src/content/calendar/cn-mainland.json`
//! with their citations) are exact: every day off in each holiday block and every adjusted
//! working day. **Other years are provisional**: the statutory days that follow from fixed and
//! lunar dates (the lunar dates come from a cited table, checked by two independent libraries),
//! with no adjusted working days, and a statutory day that falls on a weekend made up on the next
//! working day. Two statutory days that fall on the same date (Mid-Autumn on a National Day
//! holiday, as on 1 October 2001 and 2020 and 3 October 2028) are both kept: the date is off once,
//! and the day it displaces is made up on the next working day, like a weekend one — the holiday
//! law grants each statutory day, and the State Council's notices for 2001 and 2020 kept all of
//! them. Every result that looked at a provisional day says so, so the UI and the bundle
//! can flag it.
//!
//! **Range**: a year is covered when it has official data or a row in the lunar table (2024 to
//! 2100, the end of the published conversion tables). A count that needs a year outside the
//! covered years is refused ([`CountError::OutOfRange`], which names them) rather than answered
//! with weekends only. Statutory days follow the rules in force for the year: since 2025 (State Council
//! Decree No. 795) New Year 1 day, Spring Festival 4 (lunar new year's eve and the first three
//! days), Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3; before 2025
//! Spring Festival was the first three days and Labour Day one day.
//!
//! Sales teams add a year's official data, or other days off, through the runtime config
//! ([`Calendar::set_official`], [`Calendar::add_closures`]).
//!
//! **Counting rule** ([`Calendar::add`]): for n > 0 the n-th working day strictly after the date;
//! for n = 0 the date itself if it is a working day, else the next one; n < 0 counts backwards.

use crate::domain::validate::{Checker, Issue, JsonPath, Problem, parse_json};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde_json::Value;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A calendar date.
pub type Date = NaiveDate;

/// The provider's offset from UTC, in minutes (UTC+8, no daylight saving).
pub const PROVIDER_UTC_OFFSET_MINUTES: i32 = 480;

/// The largest |n| the counting rule accepts (about 4,000 years of working days).
pub const MAX_COUNT: i64 = 1_000_000;

/// The calendar data file embedded in the app and the CLI.
pub const CN_MAINLAND_JSON: &str = include_str!("../content/calendar/cn-mainland.json");

/// A national holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holiday {
    /// New Year's Day.
    NewYear,
    /// Spring Festival.
    SpringFestival,
    /// Qingming.
    Qingming,
    /// Labour Day.
    LabourDay,
    /// Dragon Boat Festival.
    DragonBoat,
    /// Mid-Autumn Festival.
    MidAutumn,
    /// National Day.
    NationalDay,
    /// A day off added by the provider (config).
    Closure,
}

impl Holiday {
    const KEYS: [(&'static str, Holiday); 7] = [
        ("new_year", Holiday::NewYear),
        ("spring_festival", Holiday::SpringFestival),
        ("qingming", Holiday::Qingming),
        ("labour_day", Holiday::LabourDay),
        ("dragon_boat", Holiday::DragonBoat),
        ("mid_autumn", Holiday::MidAutumn),
        ("national_day", Holiday::NationalDay),
    ];

    /// The key used in data files.
    pub fn key(self) -> &'static str {
        Holiday::KEYS
            .iter()
            .find(|(_, h)| *h == self)
            .map_or("closure", |(k, _)| k)
    }

    fn from_key(key: &str) -> Option<Holiday> {
        Holiday::KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, h)| *h)
    }
}

/// Where a year's official data comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// The notice's title.
    pub title: String,
    /// Its document number.
    pub number: String,
    /// Its URL.
    pub url: String,
}

/// A year's official arrangement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficialYear {
    /// The year.
    pub year: i32,
    /// The notice.
    pub source: Source,
    /// Every day off, with its holiday.
    pub off: BTreeMap<Date, Holiday>,
    /// Every adjusted working day (a weekend day that is worked), with its holiday.
    pub work: BTreeMap<Date, Holiday>,
}

/// The lunar-derived dates of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LunarYear {
    /// The first day of the lunar year.
    pub lunar_new_year: Date,
    /// The 5th day of the 5th lunar month.
    pub dragon_boat: Date,
    /// The 15th day of the 8th lunar month.
    pub mid_autumn: Date,
    /// The Qingming solar term.
    pub qingming: Date,
}

/// What kind of day a date is for the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayInfo {
    /// Whether the provider works that day.
    pub working: bool,
    /// Whether this comes from a provisional (not yet official) calendar.
    pub provisional: bool,
    /// The holiday it belongs to, for a day off or an adjusted working day.
    pub holiday: Option<Holiday>,
    /// A weekend day that is officially worked.
    pub adjusted_workday: bool,
}

/// A date counted by [`Calendar::add`], with whether a provisional year was involved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    /// The date reached.
    pub date: Date,
    /// Whether any day looked at lies in a provisional year.
    pub provisional: bool,
}

/// Why counting failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountError {
    /// |n| is larger than [`MAX_COUNT`].
    TooFar,
    /// The count needs a year the calendar does not cover; it covers `first` to `last`.
    OutOfRange {
        /// The first covered year.
        first: i32,
        /// The last covered year.
        last: i32,
    },
}

/// A year's days off and adjusted working days, as `preflight calendar year` prints them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearDays {
    /// The year.
    pub year: i32,
    /// The notice, for an official year; `None` for a provisional one.
    pub source: Option<Source>,
    /// Every day off that is not an ordinary weekend day, with its holiday (closures included),
    /// in date order; the weekend days inside an official holiday block are listed too.
    pub off: Vec<(Date, Holiday)>,
    /// Every adjusted working day, with its holiday, in date order.
    pub work: Vec<(Date, Holiday)>,
}

/// Consecutive days of one holiday as one range `(holiday, first, last)`, as config.json writes
/// them and a Project calendar holds them; `days` in date order.
pub fn holiday_ranges(days: &[(Date, Holiday)]) -> Vec<(Holiday, Date, Date)> {
    let mut ranges: Vec<(Holiday, Date, Date)> = Vec::new();
    for &(d, h) in days {
        match ranges.last_mut() {
            Some((lh, _, to)) if *lh == h && to.succ_opt() == Some(d) => *to = d,
            _ => ranges.push((h, d, d)),
        }
    }
    ranges
}

/// The working-day calendar.
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    official: BTreeMap<i32, OfficialYear>,
    lunar: BTreeMap<i32, LunarYear>,
    closures: BTreeSet<Date>,
    /// Year maps computed once for the years schedules use (the official years and the ten
    /// after the last of them), rebuilt whenever the data changes.
    cache: HashMap<i32, YearMap>,
}

/// Working days of one year as bits (bit d = day-of-year d, 0-based).
#[derive(Clone, Debug)]
struct YearMap {
    working: [u64; 6],
    off: HashMap<u32, Holiday>,
    adjusted: HashMap<u32, Holiday>,
    provisional: bool,
}

impl YearMap {
    fn is_working(&self, ordinal0: u32) -> bool {
        let (i, b) = ((ordinal0 / 64) as usize, ordinal0 % 64);
        i < 6 && self.working[i] & (1 << b) != 0
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Parses `YYYY-MM-DD` (years 1900–9999).
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    if !(1900..=9999).contains(&year) {
        return None;
    }
    ymd(year, s[5..7].parse().ok()?, s[8..].parse().ok()?)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The provider's date (UTC+8) at an instant given in milliseconds since the Unix epoch.
pub fn provider_today(unix_millis: f64) -> Option<Date> {
    let minutes = (unix_millis / 60_000.0).floor() as i64 + i64::from(PROVIDER_UTC_OFFSET_MINUTES);
    let days = minutes.div_euclid(24 * 60);
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

/// The provider's date (UTC+8) at an RFC 3339 time such as `2026-11-21T17:30:00.000Z` or
/// `2026-11-22T01:30:00+08:00`; `None` for anything else.
pub fn provider_date_at(time: &str) -> Option<Date> {
    let instant = chrono::DateTime::parse_from_rfc3339(time).ok()?;
    let offset = chrono::TimeDelta::try_minutes(i64::from(PROVIDER_UTC_OFFSET_MINUTES))?;
    let date = instant.naive_utc().checked_add_signed(offset)?.date();
    (1900..=9999).contains(&date.year()).then_some(date)
}

impl Calendar {
    /// The built-in mainland China calendar.
    ///
    /// # Panics
    /// Never in a tested build: the embedded file is checked by the tests.
    pub fn cn_mainland() -> Calendar {
        match Calendar::from_json(CN_MAINLAND_JSON) {
            Ok(c) => c,
            Err(_) => panic!("the built-in calendar is invalid; `cargo test` names the problems"),
        }
    }

    /// Reads a calendar data file, reporting every problem by path.
    pub fn from_json(text: &str) -> Result<Calendar, Vec<Issue>> {
        let value = parse_json(text, 1_000_000).map_err(|i| vec![i])?;
        let mut c = Checker::new();
        let root = JsonPath::root();
        let mut cal = Calendar::default();
        if let Some(obj) = c.object(&value, &root) {
            let opath = root.key("official");
            if let Some(items) = c
                .required(obj, "official", &root)
                .and_then(|v| c.array(v, &opath))
            {
                for (i, item) in items.iter().enumerate() {
                    if let Some(y) = official_year(&mut c, item, &opath.index(i)) {
                        cal.official.insert(y.year, y);
                    }
                }
            }
            let lpath = root.key("lunar");
            if let Some(lunar) = c
                .required(obj, "lunar", &root)
                .and_then(|v| c.object(v, &lpath))
            {
                let ypath = lpath.key("years");
                if let Some(items) = c
                    .required(lunar, "years", &lpath)
                    .and_then(|v| c.array(v, &ypath))
                {
                    for (i, item) in items.iter().enumerate() {
                        if let Some((year, l)) = lunar_year(&mut c, item, &ypath.index(i)) {
                            cal.lunar.insert(year, l);
                        }
                    }
                }
            }
        }
        if c.is_clean() {
            cal.rebuild_cache();
            Ok(cal)
        } else {
            Err(c.into_issues())
        }
    }

    /// Adds or replaces a year's official data (a sales team's config).
    pub fn set_official(&mut self, year: OfficialYear) {
        self.official.insert(year.year, year);
        self.rebuild_cache();
    }

    /// Adds days off on top of the national calendar (a sales team's config).
    pub fn add_closures(&mut self, dates: impl IntoIterator<Item = Date>) {
        self.closures.extend(dates);
        self.rebuild_cache();
    }

    /// Computes the year maps of the years schedules use: every official year and the ten after
    /// the last of them.
    fn rebuild_cache(&mut self) {
        self.cache.clear();
        let (Some(&first), Some(&last)) =
            (self.official.keys().next(), self.official.keys().last())
        else {
            return;
        };
        for year in first..=(last + 10).min(9999) {
            let map = self.compute_year_map(year);
            self.cache.insert(year, map);
        }
    }

    /// Whether a year has official data.
    pub fn is_official(&self, year: i32) -> bool {
        self.official.contains_key(&year)
    }

    /// Whether the calendar knows a year's holidays: official data, or the lunar dates that the
    /// provisional rule needs.
    pub fn covers(&self, year: i32) -> bool {
        self.official.contains_key(&year) || self.lunar.contains_key(&year)
    }

    /// The first and last covered years (`(0, -1)` for an empty calendar, which covers none).
    pub fn covered_years(&self) -> (i32, i32) {
        let first = self.official.keys().chain(self.lunar.keys()).min();
        let last = self.official.keys().chain(self.lunar.keys()).max();
        match (first, last) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (0, -1),
        }
    }

    fn out_of_range(&self) -> CountError {
        let (first, last) = self.covered_years();
        CountError::OutOfRange { first, last }
    }

    /// A covered year's days off and adjusted working days; `None` for a year not covered.
    pub fn year_days(&self, year: i32) -> Option<YearDays> {
        if !self.covers(year) {
            return None;
        }
        let map = self.compute_year_map(year);
        let first = ymd(year, 1, 1)?;
        let at = |o: &u32| first + Days::new(u64::from(*o));
        let mut off: Vec<(Date, Holiday)> = map.off.iter().map(|(o, h)| (at(o), *h)).collect();
        let mut work: Vec<(Date, Holiday)> =
            map.adjusted.iter().map(|(o, h)| (at(o), *h)).collect();
        off.sort();
        work.sort();
        Some(YearDays {
            year,
            source: self.official.get(&year).map(|y| y.source.clone()),
            off,
            work,
        })
    }

    /// The official years, in order.
    pub fn official_years(&self) -> impl Iterator<Item = &OfficialYear> {
        self.official.values()
    }

    /// What kind of day `date` is.
    pub fn day(&self, date: Date) -> DayInfo {
        let computed;
        let map = match self.cache.get(&date.year()) {
            Some(m) => m,
            None => {
                computed = self.compute_year_map(date.year());
                &computed
            }
        };
        let o = date.ordinal0();
        DayInfo {
            working: map.is_working(o),
            provisional: map.provisional,
            holiday: map.off.get(&o).or_else(|| map.adjusted.get(&o)).copied(),
            adjusted_workday: map.adjusted.contains_key(&o),
        }
    }

    /// Whether the provider works on `date`.
    pub fn is_working(&self, date: Date) -> bool {
        self.day(date).working
    }

    /// The counting rule (see the module doc).
    pub fn add(&self, date: Date, n: i64) -> Result<Counted, CountError> {
        if n.unsigned_abs() > MAX_COUNT.unsigned_abs() {
            return Err(CountError::TooFar);
        }
        // Years outside the cache are computed once for this count.
        let mut extra: HashMap<i32, YearMap> = HashMap::new();
        let mut provisional = false;
        let mut working = |d: Date, provisional: &mut bool| {
            let map = match self.cache.get(&d.year()) {
                Some(m) => m,
                None => extra
                    .entry(d.year())
                    .or_insert_with(|| self.compute_year_map(d.year())),
            };
            *provisional |= map.provisional;
            map.is_working(d.ordinal0())
        };
        let in_range = |d: Date| self.covers(d.year());
        let step = |d: Date, forward: bool| {
            if forward { d.succ_opt() } else { d.pred_opt() }
                .filter(|d| in_range(*d))
                .ok_or_else(|| self.out_of_range())
        };
        if !in_range(date) {
            return Err(self.out_of_range());
        }
        let mut d = date;
        if n == 0 {
            while !working(d, &mut provisional) {
                d = step(d, true)?;
            }
            return Ok(Counted {
                date: d,
                provisional,
            });
        }
        let forward = n > 0;
        let mut left = n.unsigned_abs();
        // Whether the start date's own year is provisional counts too: the rule looks at it.
        working(d, &mut provisional);
        while left > 0 {
            d = step(d, forward)?;
            if working(d, &mut provisional) {
                left -= 1;
            }
        }
        Ok(Counted {
            date: d,
            provisional,
        })
    }

    /// The working days from `from` to `to`, both included.
    pub fn working_days_between(&self, from: Date, to: Date) -> u32 {
        let mut n = 0;
        let mut d = from;
        while d <= to {
            n += u32::from(self.is_working(d));
            match d.succ_opt() {
                Some(next) => d = next,
                None => break,
            }
        }
        n
    }

    fn compute_year_map(&self, year: i32) -> YearMap {
        let mut map = YearMap {
            working: [0; 6],
            off: HashMap::new(),
            adjusted: HashMap::new(),
            provisional: !self.official.contains_key(&year),
        };
        let Some(first) = ymd(year, 1, 1) else {
            return map;
        };
        let days = if ymd(year, 12, 31).is_some_and(|d| d.ordinal() == 366) {
            366
        } else {
            365
        };
        let mut set = |o: u32, on: bool| {
            let (i, b) = ((o / 64) as usize, o % 64);
            if on {
                map.working[i] |= 1 << b
            } else {
                map.working[i] &= !(1 << b)
            }
        };
        for o in 0..days {
            let d = first + Days::new(u64::from(o));
            set(o, !is_weekend(d));
        }
        let off: Vec<(Date, Holiday)> = match self.official.get(&year) {
            Some(official) => {
                for (d, h) in &official.work {
                    set(d.ordinal0(), true);
                    map.adjusted.insert(d.ordinal0(), *h);
                }
                official.off.iter().map(|(d, h)| (*d, *h)).collect()
            }
            None => self.statutory_days_off(year),
        };
        for (d, h) in off {
            set(d.ordinal0(), false);
            map.off.insert(d.ordinal0(), h);
        }
        for d in self
            .closures
            .range(first..=ymd(year, 12, 31).unwrap_or(first))
        {
            set(d.ordinal0(), false);
            map.off.entry(d.ordinal0()).or_insert(Holiday::Closure);
        }
        map
    }

    /// The days off of a year without official data: the statutory days, with those on a
    /// weekend made up on the next working day.
    fn statutory_days_off(&self, year: i32) -> Vec<(Date, Holiday)> {
        let since_2025 = year >= 2025;
        let mut days: Vec<(Date, Holiday)> = Vec::new();
        let mut push = |d: Option<Date>, h: Holiday| {
            if let Some(d) = d.filter(|d| d.year() == year) {
                days.push((d, h));
            }
        };
        push(ymd(year, 1, 1), Holiday::NewYear);
        push(ymd(year, 5, 1), Holiday::LabourDay);
        if since_2025 {
            push(ymd(year, 5, 2), Holiday::LabourDay);
        }
        for day in 1..=3 {
            push(ymd(year, 10, day), Holiday::NationalDay);
        }
        if let Some(l) = self.lunar.get(&year) {
            if since_2025 {
                push(l.lunar_new_year.pred_opt(), Holiday::SpringFestival);
            }
            for k in 0..3 {
                push(
                    l.lunar_new_year.checked_add_days(Days::new(k)),
                    Holiday::SpringFestival,
                );
            }
            push(Some(l.qingming), Holiday::Qingming);
            push(Some(l.dragon_boat), Holiday::DragonBoat);
            push(Some(l.mid_autumn), Holiday::MidAutumn);
        }
        days.sort();
        // A date that two statutory days share is off once; the other day is made up, and so
        // is a statutory day on a weekend: each on the next weekday not already off, in date
        // order.
        let mut off: BTreeMap<Date, Holiday> = BTreeMap::new();
        let mut make_up: Vec<(Date, Holiday)> = Vec::new();
        for &(d, h) in &days {
            match off.entry(d) {
                Entry::Occupied(_) => make_up.push((d, h)),
                Entry::Vacant(free) => {
                    free.insert(h);
                    if is_weekend(d) {
                        make_up.push((d, h));
                    }
                }
            }
        }
        for (d, h) in make_up {
            let mut e = d;
            while let Some(next) = e.succ_opt() {
                e = next;
                if !is_weekend(e) && !off.contains_key(&e) {
                    if e.year() == year {
                        off.insert(e, h);
                    }
                    break;
                }
            }
        }
        off.into_iter().collect()
    }
}

impl Checker {
    /// A date written `YYYY-MM-DD` ([`parse_date`]): the one date rule of every file format,
    /// checked where the file is read so that what is kept is a date, not a string to re-parse.
    pub fn date(&mut self, value: &Value, path: &JsonPath) -> Option<Date> {
        let s = self.free_text(value, path, 10)?;
        let d = parse_date(&s);
        if d.is_none() {
            self.report(path, Problem::NotADate { found: s });
        }
        d
    }
}

fn holiday_at(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Holiday> {
    let s = c.free_text(value, path, 32)?;
    let h = Holiday::from_key(&s);
    if h.is_none() {
        c.report(
            path,
            Problem::NotOneOf {
                found: s,
                allowed: &[
                    "new_year",
                    "spring_festival",
                    "qingming",
                    "labour_day",
                    "dragon_boat",
                    "mid_autumn",
                    "national_day",
                ],
            },
        );
    }
    h
}

/// Reads one year of official data: `{"year", "source"?, "holidays": [{"holiday", "from", "to"}],
/// "workdays": [{"date", "holiday"}]}` (also the format of the runtime config's additions).
pub fn official_year(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<OfficialYear> {
    let obj = c.object(value, path)?;
    // A misspelt member here would quietly give an official year with missing days.
    c.unknown_members(obj, path, &["year", "source", "holidays", "workdays"]);
    let year = c
        .required(obj, "year", path)
        .and_then(|v| c.number(v, &path.key("year"), 1900.0, 9999.0))
        .and_then(|y| {
            if y.fract() == 0.0 {
                Some(y as i32)
            } else {
                c.report(&path.key("year"), Problem::NotWhole { value: y });
                None
            }
        });
    let mut source = Source::default();
    if let Some(s) = obj
        .get("source")
        .and_then(|v| c.object(v, &path.key("source")))
    {
        let spath = path.key("source");
        c.unknown_members(s, &spath, &["title", "number", "published", "url"]);
        source.title = c.optional_text(s, "title", &spath, 300).unwrap_or_default();
        source.number = c
            .optional_text(s, "number", &spath, 100)
            .unwrap_or_default();
        source.url = c.optional_text(s, "url", &spath, 2048).unwrap_or_default();
    }
    let mut off = BTreeMap::new();
    let hpath = path.key("holidays");
    if let Some(items) = c
        .required(obj, "holidays", path)
        .and_then(|v| c.array(v, &hpath))
    {
        for (i, item) in items.iter().enumerate() {
            let ipath = hpath.index(i);
            let Some(o) = c.object(item, &ipath) else {
                continue;
            };
            // `includes` names other holidays merged into the block (documentation only).
            c.unknown_members(o, &ipath, &["holiday", "from", "to", "includes"]);
            let h = c
                .required(o, "holiday", &ipath)
                .and_then(|v| holiday_at(c, v, &ipath.key("holiday")));
            let from = c
                .required(o, "from", &ipath)
                .and_then(|v| c.date(v, &ipath.key("from")));
            let to = c
                .required(o, "to", &ipath)
                .and_then(|v| c.date(v, &ipath.key("to")));
            if let (Some(h), Some(from), Some(to)) = (h, from, to) {
                if from > to
                    || Some(from.year()) != year
                    || Some(to.year()) != year
                    || (to - from).num_days() > 31
                {
                    c.report(&ipath, Problem::BadHolidayRange);
                    continue;
                }
                let mut d = from;
                while d <= to {
                    off.insert(d, h);
                    d = match d.succ_opt() {
                        Some(n) => n,
                        None => break,
                    };
                }
            }
        }
    }
    let mut work = BTreeMap::new();
    let wpath = path.key("workdays");
    if let Some(items) = obj.get("workdays").and_then(|v| c.array(v, &wpath)) {
        for (i, item) in items.iter().enumerate() {
            let ipath = wpath.index(i);
            let Some(o) = c.object(item, &ipath) else {
                continue;
            };
            c.unknown_members(o, &ipath, &["date", "holiday"]);
            let d = c
                .required(o, "date", &ipath)
                .and_then(|v| c.date(v, &ipath.key("date")));
            let h = c
                .required(o, "holiday", &ipath)
                .and_then(|v| holiday_at(c, v, &ipath.key("holiday")));
            if let (Some(d), Some(h)) = (d, h) {
                if !is_weekend(d) || Some(d.year()) != year || off.contains_key(&d) {
                    c.report(&ipath.key("date"), Problem::BadWorkday);
                    continue;
                }
                work.insert(d, h);
            }
        }
    }
    Some(OfficialYear {
        year: year?,
        source,
        off,
        work,
    })
}

fn lunar_year(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<(i32, LunarYear)> {
    let obj = c.object(value, path)?;
    let year = c
        .required(obj, "year", path)
        .and_then(|v| c.number(v, &path.key("year"), 1900.0, 9999.0))
        .map(|y| y as i32);
    let mut field = |k: &str| {
        c.required(obj, k, path)
            .and_then(|v| c.date(v, &path.key(k)))
    };
    let l = LunarYear {
        lunar_new_year: field("lunar_new_year")?,
        dragon_boat: field("dragon_boat")?,
        mid_autumn: field("mid_autumn")?,
        qingming: field("qingming")?,
    };
    Some((year?, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn cal() -> Calendar {
        Calendar::cn_mainland()
    }

    #[test]
    fn the_embedded_calendar_is_valid_and_official_for_2024_to_2026() {
        if let Err(issues) = Calendar::from_json(CN_MAINLAND_JSON) {
            panic!("{issues:#?}");
        }
        let c = cal();
        assert!(c.is_official(2024) && c.is_official(2025) && c.is_official(2026));
        assert!(!c.is_official(2027));
    }

    /// Every holiday block and adjusted working day of the State Council notices.
    #[test]
    fn every_official_day_off_and_adjusted_workday() {
        let c = cal();
        let off = |from: &str, to: &str| {
            let (mut x, end) = (d(from), d(to));
            while x <= end {
                let info = c.day(x);
                assert!(
                    !info.working && !info.provisional && info.holiday.is_some(),
                    "{x} should be off"
                );
                x = x.succ_opt().unwrap();
            }
        };
        let work = |s: &str| {
            let info = c.day(d(s));
            assert!(
                info.working && info.adjusted_workday && !info.provisional,
                "{s} should be worked"
            );
        };
        // 2024 (国办发明电〔2023〕7号)
        off("2024-01-01", "2024-01-01");
        off("2024-02-10", "2024-02-17");
        off("2024-04-04", "2024-04-06");
        off("2024-05-01", "2024-05-05");
        off("2024-06-08", "2024-06-10");
        off("2024-09-15", "2024-09-17");
        off("2024-10-01", "2024-10-07");
        for s in [
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12",
        ] {
            work(s);
        }
        // 2025 (国办发明电〔2024〕12号)
        off("2025-01-01", "2025-01-01");
        off("2025-01-28", "2025-02-04");
        off("2025-04-04", "2025-04-06");
        off("2025-05-01", "2025-05-05");
        off("2025-05-31", "2025-06-02");
        off("2025-10-01", "2025-10-08");
        for s in [
            "2025-01-26",
            "2025-02-08",
            "2025-04-27",
            "2025-09-28",
            "2025-10-11",
        ] {
            work(s);
        }
        // 2026 (国办发明电〔2025〕7号)
        off("2026-01-01", "2026-01-03");
        off("2026-02-15", "2026-02-23");
        off("2026-04-04", "2026-04-06");
        off("2026-05-01", "2026-05-05");
        off("2026-06-19", "2026-06-21");
        off("2026-09-25", "2026-09-27");
        off("2026-10-01", "2026-10-07");
        for s in [
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10",
        ] {
            work(s);
        }
        // An ordinary weekend and weekday.
        assert!(!c.is_working(d("2026-11-21")));
        assert!(c.is_working(d("2026-11-23")));
    }

    #[test]
    fn the_counting_rule() {
        let c = cal();
        // Friday 2026-11-20: the 1st working day after is Monday.
        assert_eq!(c.add(d("2026-11-20"), 1).unwrap().date, d("2026-11-23"));
        // n = 0 on a Saturday: the next working day; on a working day: itself.
        assert_eq!(c.add(d("2026-11-21"), 0).unwrap().date, d("2026-11-23"));
        assert_eq!(c.add(d("2026-11-23"), 0).unwrap().date, d("2026-11-23"));
        // Backwards.
        assert_eq!(c.add(d("2026-11-23"), -1).unwrap().date, d("2026-11-20"));
        // Across Spring Festival 2026: Friday Feb 13 + 1 → Saturday Feb 14 (worked).
        assert_eq!(c.add(d("2026-02-13"), 1).unwrap().date, d("2026-02-14"));
        // Feb 14 + 1 → Tuesday Feb 24 (Feb 15–23 off).
        assert_eq!(c.add(d("2026-02-14"), 1).unwrap().date, d("2026-02-24"));
        // Across National Day 2026: Sept 30 + 1 → Oct 8 (Oct 1–7 off), + 2 → Oct 9, + 3 → Sat Oct 10 (worked).
        assert_eq!(c.add(d("2026-09-30"), 1).unwrap().date, d("2026-10-08"));
        assert_eq!(c.add(d("2026-09-30"), 3).unwrap().date, d("2026-10-10"));
        let r = c.add(d("2026-09-30"), 3).unwrap();
        assert!(!r.provisional);
    }

    #[test]
    fn across_the_year_end_the_result_is_provisional() {
        let c = cal();
        // 15 working days from Thursday 2026-12-17: Dec 18, 21–25, 28–31 (10), then 2027.
        let r = c.add(d("2026-12-17"), 15).unwrap();
        assert!(r.provisional);
        // 2027-01-01 (Fri) is New Year; Jan 4–8 are the next five working days.
        assert_eq!(r.date, d("2027-01-08"));
        // Inside 2026 it is not provisional.
        assert!(!c.add(d("2026-12-01"), 5).unwrap().provisional);
    }

    #[test]
    fn provisional_years_follow_the_statutory_rules_with_make_up_days() {
        let c = cal();
        // 2027: lunar new year Sat Feb 6 → eve Fri Feb 5, Feb 6, 7, 8 off; Sat 6 and Sun 7 made up
        // on Tue 9 and Wed 10.
        for s in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"] {
            let i = c.day(d(s));
            assert!(!i.working && i.provisional, "{s}");
            assert_eq!(i.holiday, Some(Holiday::SpringFestival), "{s}");
        }
        assert!(c.is_working(d("2027-02-11")));
        // National Day 2027: Fri Oct 1, Sat 2, Sun 3 → made up on Mon 4 and Tue 5.
        for s in ["2027-10-01", "2027-10-04", "2027-10-05"] {
            assert!(!c.is_working(d(s)), "{s}");
        }
        assert!(c.is_working(d("2027-10-06")));
        // Labour Day 2027: Sat May 1, Sun May 2 → Mon 3, Tue 4.
        assert!(!c.is_working(d("2027-05-03")) && !c.is_working(d("2027-05-04")));
        assert!(c.is_working(d("2027-05-05")));
        // No adjusted working days in a provisional year.
        assert!(!c.is_working(d("2027-02-13")));
    }

    #[test]
    fn mid_autumn_on_a_national_day_holiday_keeps_all_four_statutory_days() {
        let c = cal();
        // 2028: National Day Sun 1 – Tue 3 Oct, Mid-Autumn also Tue 3 Oct. Four statutory days:
        // the Sunday and the shared Tuesday are made up on Wed 4 and Thu 5.
        let off: Vec<Date> = c
            .year_days(2028)
            .unwrap()
            .off
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| d.month() == 10)
            .collect();
        assert_eq!(
            off,
            [
                "2028-10-01",
                "2028-10-02",
                "2028-10-03",
                "2028-10-04",
                "2028-10-05"
            ]
            .map(d)
        );
        assert_eq!(c.day(d("2028-10-03")).holiday, Some(Holiday::MidAutumn));
        assert!(c.is_working(d("2028-10-06")));
        // Four weekdays off that week (Mon 2 to Thu 5), one per statutory day.
        let weekdays_off = (2..=6)
            .filter(|k| !c.is_working(d(&format!("2028-10-{k:02}"))))
            .count();
        assert_eq!(weekdays_off, 4);
    }

    #[test]
    fn the_2001_and_2020_case_a_shared_first_of_october() {
        // Mid-Autumn on 1 October, a Thursday, as in 2020: the provisional rule (applied to a
        // calendar holding only that year's lunar row) keeps Thu 1 and Fri 2, makes up Sat 3 on
        // Mon 5 and the shared day on Tue 6. The State Council gave 1–8 October with two
        // adjusted working days: the same four statutory days.
        let text = r#"{"official": [], "lunar": {"years": [{"year": 2020,
            "lunar_new_year": "2020-01-25", "dragon_boat": "2020-06-25",
            "mid_autumn": "2020-10-01", "qingming": "2020-04-04"}]}}"#;
        let c = Calendar::from_json(text).unwrap();
        for s in ["2020-10-01", "2020-10-02", "2020-10-05", "2020-10-06"] {
            assert!(!c.is_working(d(s)), "{s}");
        }
        assert!(c.is_working(d("2020-10-07")));
        assert_eq!(c.covered_years(), (2020, 2020));
    }

    /// The lunar table and the statutory rules, checked against the notices: in every official
    /// year, each statutory day is a day off in the notice.
    #[test]
    fn the_statutory_days_agree_with_every_official_year() {
        let c = cal();
        for year in 2024..=2026 {
            let l = c.lunar[&year];
            let since_2025 = year >= 2025;
            let mut days = vec![ymd(year, 1, 1), ymd(year, 5, 1), Some(l.qingming)];
            days.extend((1..=3).map(|k| ymd(year, 10, k)));
            days.extend((0..3).map(|k| l.lunar_new_year.checked_add_days(Days::new(k))));
            days.extend([Some(l.dragon_boat), Some(l.mid_autumn)]);
            if since_2025 {
                days.extend([ymd(year, 5, 2), l.lunar_new_year.pred_opt()]);
            }
            for date in days.into_iter().flatten() {
                let info = c.day(date);
                assert!(
                    !info.working && !info.provisional,
                    "{date} is statutory but not off in the {year} notice"
                );
            }
        }
    }

    #[test]
    fn the_lunar_table_covers_2024_to_2100_without_gaps() {
        let c = cal();
        assert_eq!(c.covered_years(), (2024, 2100));
        assert!((2024..=2100).all(|y| c.covers(y)));
        for y in 2027..=2100 {
            let days = c.year_days(y).unwrap();
            // New Year, Spring Festival (4), Qingming, Labour Day (2), Dragon Boat, Mid-Autumn,
            // National Day (3): at least 13 statutory days, each on its own date.
            assert!(days.off.len() >= 13, "{y}: {}", days.off.len());
            assert!(days.source.is_none() && days.work.is_empty(), "{y}");
        }
    }

    #[test]
    fn configured_years_and_closures_apply() {
        let mut c = cal();
        let value: Value = serde_json::from_str(
            r#"{"year": 2027, "holidays": [{"holiday": "spring_festival", "from": "2027-02-05", "to": "2027-02-11"}],
                "workdays": [{"date": "2027-02-13", "holiday": "spring_festival"}]}"#,
        )
        .unwrap();
        let mut ch = Checker::new();
        let y = official_year(&mut ch, &value, &JsonPath::root()).unwrap();
        assert!(ch.is_clean());
        c.set_official(y);
        assert!(c.is_working(d("2027-02-13")));
        assert!(!c.day(d("2027-02-13")).provisional);
        assert!(!c.is_working(d("2027-02-11")));
        c.add_closures([d("2026-12-24")]);
        assert_eq!(c.day(d("2026-12-24")).holiday, Some(Holiday::Closure));
        assert!(!c.is_working(d("2026-12-24")));
    }

    #[test]
    fn bad_calendar_data_is_refused_by_path() {
        let text = r#"{"official": [{"year": 2030, "holidays": [{"holiday": "xmas", "from": "2030-12-25", "to": "2030-12-24"}],
                       "workdays": [{"date": "2030-03-04", "holiday": "new_year"}]}], "lunar": {"years": []}}"#;
        let paths = crate::domain::validate::paths(&Calendar::from_json(text).unwrap_err());
        assert_eq!(
            paths,
            [
                "$.official[0].holidays[0].holiday",
                "$.official[0].workdays[0].date"
            ]
        );
    }

    #[test]
    fn provider_today_is_the_date_in_utc_plus_8() {
        // 2026-11-21T17:30:00Z is 2026-11-22 01:30 in UTC+8.
        let ms = 1_795_282_200_000.0;
        assert_eq!(provider_today(ms), Some(d("2026-11-22")));
        assert_eq!(
            provider_today(ms - 2.0 * 3_600_000.0),
            Some(d("2026-11-21"))
        );
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2026-2-01"), None);
        assert_eq!(parse_date("+026-02-01"), None);
        assert_eq!(parse_date("1899-12-31"), None);
        assert_eq!(
            parse_date("9999-12-31").map(format_date).as_deref(),
            Some("9999-12-31")
        );
    }

    #[test]
    fn the_provider_date_of_a_utc_time() {
        assert_eq!(
            provider_date_at("2026-11-21T15:59:59.000Z"),
            Some(d("2026-11-21"))
        );
        assert_eq!(
            provider_date_at("2026-11-21T16:00:00Z"),
            Some(d("2026-11-22"))
        );
        // Any offset: 16:00 at UTC+8 is 08:00 UTC, still the 21st for the provider.
        assert_eq!(
            provider_date_at("2026-11-21T16:00:00+08:00"),
            Some(d("2026-11-21"))
        );
        assert_eq!(
            provider_date_at("2026-11-21T20:00:00-05:00"),
            Some(d("2026-11-22"))
        );
        assert_eq!(provider_date_at("garbage"), None);
        assert_eq!(provider_date_at("2026-11-21"), None);
        assert_eq!(provider_date_at("2026-11-31T00:00:00Z"), None);
    }

    #[test]
    fn limits() {
        let c = cal();
        assert_eq!(
            c.add(d("2026-01-01"), MAX_COUNT + 1),
            Err(CountError::TooFar)
        );
        let beyond = Err(CountError::OutOfRange {
            first: 2024,
            last: 2100,
        });
        assert_eq!(c.add(d("9999-12-30"), 5), beyond);
        // The lunar table ends at 2100: a count into 2101 is refused, not answered from weekends.
        assert_eq!(c.add(d("2100-12-20"), 30), beyond);
        assert!(c.add(d("2100-12-01"), 5).is_ok());
        // Before the first official year, likewise.
        assert_eq!(c.add(d("2024-01-02"), -2), beyond);
        assert_eq!(c.add(d("2023-06-01"), 0), beyond);
        assert_eq!(c.covered_years(), (2024, 2100));
        assert!(c.year_days(2101).is_none() && c.year_days(2023).is_none());
    }
}
