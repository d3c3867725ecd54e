//! "As of when" a workload is shown: one rule for every date that depends on the day.
//!
//! A workload's schedule, its timeline, its `.ics` file, the report's and the workbook's date,
//! the bundle's schedule and anything added later are computed as of one date, decided by
//! [`as_of`] and nowhere else:
//! - the user's own workload: the provider's today (UTC+8), from the clock the caller passes in;
//! - an imported bundle: the provider's date at the moment it was exported, so the consultant
//!   sees the dates the customer saw, whatever day the bundle is opened.
//!
//! The UI asks its state for a workload's [`AsOf`] (which reads the browser's clock in one
//! place); views never read the clock for a workload's dates themselves.

use crate::domain::calendar::{Date, provider_date_at, provider_today};

/// The date a workload is shown as of, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsOf {
    /// The user's own workload, shown as of the provider's today.
    Today(Date),
    /// An imported bundle, shown as of the provider's date when it was exported.
    Exported(Date),
}

impl AsOf {
    /// The date.
    pub fn date(self) -> Date {
        match self {
            AsOf::Today(d) | AsOf::Exported(d) => d,
        }
    }

    /// Whether this is an imported bundle's export date.
    pub fn is_export(self) -> bool {
        matches!(self, AsOf::Exported(_))
    }
}

/// Where a workload shown comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin<'a> {
    /// The user's own workload.
    Own,
    /// An imported bundle, with its `exported_at` (RFC 3339).
    Imported {
        /// When it was exported.
        exported_at: &'a str,
    },
}

/// The rule (see the module doc). `now_unix_millis` is the clock's reading, in milliseconds since
/// the Unix epoch. An imported file without a readable export time (an old backup; a version 1
/// bundle always has one, checked on import) is shown as of today, like the user's own work.
pub fn as_of(origin: Origin<'_>, now_unix_millis: f64) -> AsOf {
    let today = || provider_today(now_unix_millis).unwrap_or_default();
    match origin {
        Origin::Own => AsOf::Today(today()),
        Origin::Imported { exported_at } => match provider_date_at(exported_at) {
            Some(d) => AsOf::Exported(d),
            None => AsOf::Today(today()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;

    /// 2026-12-28T02:00:00Z, a Monday weeks after the bundle below was exported.
    const LATER: f64 = 1_798_423_200_000.0;

    #[test]
    fn own_work_is_shown_as_of_the_provider_today() {
        assert_eq!(
            as_of(Origin::Own, LATER),
            AsOf::Today(parse_date("2026-12-28").unwrap())
        );
        // 2026-12-27T17:00Z is already Monday in UTC+8.
        assert_eq!(
            as_of(Origin::Own, LATER - 9.0 * 3_600_000.0).date(),
            parse_date("2026-12-28").unwrap()
        );
    }

    #[test]
    fn an_imported_bundle_is_shown_as_of_its_export_day_whatever_today_is() {
        let origin = Origin::Imported {
            exported_at: "2026-11-21T02:00:00.000Z",
        };
        let shown = as_of(origin, LATER);
        assert_eq!(shown, AsOf::Exported(parse_date("2026-11-21").unwrap()));
        assert!(shown.is_export());
        // The same on any other day.
        assert_eq!(as_of(origin, 0.0), shown);
        // Late evening in UTC is the next day for the provider.
        let evening = Origin::Imported {
            exported_at: "2026-11-21T16:30:00Z",
        };
        assert_eq!(
            as_of(evening, LATER).date(),
            parse_date("2026-11-22").unwrap()
        );
    }

    #[test]
    fn an_old_backup_without_an_export_time_is_shown_as_of_today() {
        let origin = Origin::Imported { exported_at: "" };
        assert_eq!(
            as_of(origin, LATER),
            AsOf::Today(parse_date("2026-12-28").unwrap())
        );
    }
}
