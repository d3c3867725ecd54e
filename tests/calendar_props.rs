//! Properties of the working-day counting rule over the real calendar (official 2024–2026,
//! provisional after them, nothing before 2024).

use chrono::{Days, NaiveDate};
use preflight::domain::calendar::{Calendar, Date};
use proptest::prelude::*;
use std::sync::OnceLock;

fn cal() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(Calendar::cn_mainland)
}

/// Any date from mid-2026 to 2033: the last official year and provisional ones after it; counts
/// of up to 500 working days back from there stay in the official years (from 2024).
fn date() -> impl Strategy<Value = Date> {
    (0u64..2740).prop_map(|k| NaiveDate::from_ymd_opt(2026, 7, 1).unwrap() + Days::new(k))
}

/// A working day in that range.
fn working_day() -> impl Strategy<Value = Date> {
    date().prop_map(|d| cal().add(d, 0).unwrap().date)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn never_lands_on_a_non_working_day(d in date(), n in -500i64..600) {
        let r = cal().add(d, n).unwrap();
        prop_assert!(cal().is_working(r.date), "{d} + {n} = {}", r.date);
    }

    #[test]
    fn counting_is_additive_from_a_working_day(d in working_day(), a in 1i64..300, b in 1i64..300) {
        let step = cal().add(cal().add(d, a).unwrap().date, b).unwrap().date;
        let once = cal().add(d, a + b).unwrap().date;
        prop_assert_eq!(step, once);
    }

    #[test]
    fn order_is_preserved(d in date(), a in -400i64..400, b in -400i64..400) {
        prop_assume!(a != b);
        let (x, y) = (cal().add(d, a).unwrap().date, cal().add(d, b).unwrap().date);
        prop_assert_eq!(a < b, x < y, "{} + {} = {}, + {} = {}", d, a, x, b, y);
    }

    #[test]
    fn forward_then_back_returns_to_a_working_day(d in working_day(), n in 1i64..500) {
        let there = cal().add(d, n).unwrap().date;
        prop_assert_eq!(cal().add(there, -n).unwrap().date, d);
    }

    #[test]
    fn n_working_days_after_is_the_nth_counted_one_by_one(d in date(), n in 1i64..200) {
        let r = cal().add(d, n).unwrap().date;
        let counted = cal().working_days_between(d.succ_opt().unwrap(), r);
        prop_assert_eq!(i64::from(counted), n);
    }

    #[test]
    fn provisional_exactly_when_a_year_without_official_data_is_involved(d in date(), n in -300i64..300) {
        let r = cal().add(d, n).unwrap();
        let (lo, hi) = if r.date < d { (r.date, d) } else { (d, r.date) };
        let official = |y| (2024..=2026).contains(&y);
        use chrono::Datelike;
        let any_provisional = (lo.year()..=hi.year()).any(|y| !official(y));
        prop_assert_eq!(r.provisional, any_provisional, "{} + {} = {}", d, n, r.date);
    }

    #[test]
    fn a_count_is_refused_exactly_when_it_leaves_the_covered_years(
        k in 0u64..1095, n in -1200i64..1200, late in proptest::bool::ANY
    ) {
        // A covered date near either end of the calendar (2024 and 2100).
        let d = if late {
            NaiveDate::from_ymd_opt(2098, 1, 1).unwrap() + Days::new(k)
        } else {
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(k)
        };
        use chrono::Datelike;
        match cal().add(d, n) {
            Ok(r) => prop_assert!((2024..=2100).contains(&r.date.year())),
            Err(e) => {
                prop_assert_eq!(e, preflight::domain::calendar::CountError::OutOfRange { first: 2024, last: 2100 });
                // Counting one day at a time reaches the edge before n working days.
                let edge = if n < 0 { NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() } else { NaiveDate::from_ymd_opt(2100, 12, 31).unwrap() };
                let (lo, hi) = if n < 0 { (edge, d.pred_opt().unwrap()) } else { (d.succ_opt().unwrap(), edge) };
                prop_assert!(i64::from(cal().working_days_between(lo, hi)) < n.abs());
            }
        }
    }
}
