//! The quote: what the chosen services cost, priced from the sales team's price list.
//!
//! The price list is `config.json`'s `pricing` ([`crate::domain::config`]); an exported bundle
//! carries the one it was priced with, so that the consultant sees the quote the customer saw
//! ([`crate::domain::bundle`]). The quote itself is never stored or trusted: every view, file and
//! command computes it here from the selection, the price list and the date it is shown as of.
//!
//! The rules, each from a seed or stated as the product's choice:
//! - **Consulting** (seed 002 §2.1): a package price when the price list has one, else its
//!   `consulting_days` (5) × the day rate.
//! - **On-site man-days** (seed 002 §2.1 and §2.2, at most two for consulting and two for
//!   implementation) are days of the service spent at the customer's site. They are within the
//!   service's man-days, not added to them, and priced at the on-site rate on top of the service
//!   (travel and presence). Without an on-site rate they are "on request", never a guess.
//! - **Implementation** (seed 002 §2.2, "offered on a fixed man-day basis"): each pillar
//!   package's man-days × that pillar's day rate.
//! - **Managed Services** (seed 000): a price per module, or "on request" where the price list
//!   has none. One module or all four, the project has the same five milestones.
//! - **Tax**: an optional percentage of the priced subtotal, rounded to the cent.
//! - **Validity**: the quote is valid for `valid_days` calendar days (30 unless configured) from
//!   the date it is shown as of ([`crate::domain::asof`]).
//! - Amounts are kept in hundredths, so that sums are exact.
//! - Without a price list the quote has man-days only: no amount is ever invented.

use crate::domain::calendar::Date;
use crate::domain::catalogue::{CONSULTING, IMPLEMENTATION, MANAGED, ManDays, Selection};
use crate::domain::plan::Rate;
use crate::domain::schedule::Rules;
use crate::domain::text::Text;
use std::collections::BTreeMap;

/// How long a quote is valid unless the price list says otherwise (calendar days).
pub const DEFAULT_VALID_DAYS: u32 = 30;

/// The sales team's prices.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceList {
    /// Currency and day rates (the plan is costed with these too).
    pub rate: Rate,
    /// The consulting package's price; `None` prices it as days × the day rate.
    pub consulting: Option<f64>,
    /// The price of one on-site man-day, on top of the service; `None` puts on-site days on
    /// request.
    pub onsite_day_rate: Option<f64>,
    /// Managed-services module prices by module id; a module without one is on request.
    pub modules: BTreeMap<String, f64>,
    /// Tax added to the subtotal.
    pub tax: Option<Tax>,
    /// Calendar days the quote is valid.
    pub valid_days: u32,
}

impl PriceList {
    /// A price list of day rates only (consulting at days × rate, the rest on request).
    pub fn from_rate(rate: Rate) -> PriceList {
        PriceList {
            rate,
            consulting: None,
            onsite_day_rate: None,
            modules: BTreeMap::new(),
            tax: None,
            valid_days: DEFAULT_VALID_DAYS,
        }
    }
}

/// A tax line.
#[derive(Clone, Debug, PartialEq)]
pub struct Tax {
    /// Percent of the subtotal (e.g. `6` for 6 %).
    pub percent: f64,
    /// Its name (e.g. "VAT"); `None` shows a generic "Tax".
    pub label: Option<Text>,
}

/// An amount of money in hundredths of the currency unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(i64);

impl Money {
    /// From an amount, rounded to the hundredth (half away from zero).
    pub fn from_amount(amount: f64) -> Money {
        if amount.is_finite() {
            Money((amount * 100.0).round() as i64)
        } else {
            Money(0)
        }
    }

    /// From hundredths.
    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// In hundredths.
    pub fn cents(self) -> i64 {
        self.0
    }

    /// As a number of currency units (for spreadsheets and JSON).
    pub fn amount(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `48,000.00`: thousands grouped, two decimals, no float formatting.
    pub fn grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut out = String::new();
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(ch);
        }
        format!("{sign}{out}.{:02}", abs % 100)
    }

    /// The price of `days` at `per_day`, rounded to the hundredth.
    fn of_days(days: ManDays, per_day: f64) -> Money {
        Money::from_amount(days.days() * per_day)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

/// What a line is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The Well-Architected Consulting service.
    Consulting,
    /// Consulting's on-site assessment.
    ConsultingOnsite,
    /// An implementation package (pillar id).
    Package(String),
    /// Implementation's on-site visit.
    ImplementationOnsite,
    /// A managed-services module (module id).
    Module(String),
}

impl Item {
    /// Whether the line is on-site days, which are within their service's man-days (so not
    /// added to the quote's man-days) and priced on top of it.
    pub fn is_onsite(&self) -> bool {
        matches!(self, Item::ConsultingOnsite | Item::ImplementationOnsite)
    }
}

/// A line's amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// Priced.
    Priced(Money),
    /// The price list has no price for it: the provider quotes it.
    OnRequest,
    /// There is no price list: man-days only.
    Unpriced,
}

/// A line of the quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The offering it belongs to.
    pub offering: &'static str,
    /// What it is.
    pub item: Item,
    /// Its man-days (`None` for a managed-services module).
    pub man_days: Option<ManDays>,
    /// The price of one of its man-days, where it is priced by the day.
    pub day_rate: Option<Money>,
    /// Its amount.
    pub amount: Amount,
}

/// The priced part of a quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Priced {
    /// The currency.
    pub currency: String,
    /// Sum of the priced lines.
    pub subtotal: Money,
    /// The tax and its amount.
    pub tax: Option<(Tax, Money)>,
    /// Subtotal plus tax.
    pub total: Money,
    /// Lines on request, not in the total.
    pub on_request: usize,
    /// The last day the quote is valid.
    pub valid_until: Date,
}

/// A quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Its lines, in catalogue order.
    pub lines: Vec<Line>,
    /// The services' man-days (consulting's days and the packages'; on-site days are within
    /// them).
    pub man_days: ManDays,
    /// Amounts, when there is a price list.
    pub priced: Option<Priced>,
}

/// Prices a selection as of `as_of` (see the module doc for the rules).
pub fn quote(sel: &Selection, prices: Option<&PriceList>, rules: &Rules, as_of: Date) -> Quote {
    let mut lines = Vec::new();
    let onsite = |offering: &'static str, item: Item, days: u8| {
        let days = ManDays::from_tenths(u32::from(days) * 10);
        let (day_rate, amount) = match prices {
            None => (None, Amount::Unpriced),
            Some(p) => match p.onsite_day_rate {
                Some(r) => (
                    Some(Money::from_amount(r)),
                    Amount::Priced(Money::of_days(days, r)),
                ),
                None => (None, Amount::OnRequest),
            },
        };
        Line {
            offering,
            item,
            man_days: Some(days),
            day_rate,
            amount,
        }
    };
    let mut man_days = 0u32;
    if sel.consulting {
        let days = ManDays::from_tenths(rules.consulting_days * 10);
        man_days += rules.consulting_days * 10;
        let (day_rate, amount) = match prices {
            None => (None, Amount::Unpriced),
            Some(p) => match p.consulting {
                Some(package) => (None, Amount::Priced(Money::from_amount(package))),
                None => (
                    Some(Money::from_amount(p.rate.per_day)),
                    Amount::Priced(Money::of_days(days, p.rate.per_day)),
                ),
            },
        };
        lines.push(Line {
            offering: CONSULTING,
            item: Item::Consulting,
            man_days: Some(days),
            day_rate,
            amount,
        });
        if sel.onsite_days > 0 {
            lines.push(onsite(CONSULTING, Item::ConsultingOnsite, sel.onsite_days));
        }
    }
    for (pillar, days) in &sel.packages {
        man_days += days.tenths();
        let (day_rate, amount) = match prices {
            None => (None, Amount::Unpriced),
            Some(p) => {
                let r = p.rate.for_pillar(pillar);
                (
                    Some(Money::from_amount(r)),
                    Amount::Priced(Money::of_days(*days, r)),
                )
            }
        };
        lines.push(Line {
            offering: IMPLEMENTATION,
            item: Item::Package(pillar.clone()),
            man_days: Some(*days),
            day_rate,
            amount,
        });
    }
    if !sel.packages.is_empty() && sel.implementation_onsite_days > 0 {
        lines.push(onsite(
            IMPLEMENTATION,
            Item::ImplementationOnsite,
            sel.implementation_onsite_days,
        ));
    }
    for module in &sel.modules {
        let amount = match prices {
            None => Amount::Unpriced,
            Some(p) => p.modules.get(module).map_or(Amount::OnRequest, |price| {
                Amount::Priced(Money::from_amount(*price))
            }),
        };
        lines.push(Line {
            offering: MANAGED,
            item: Item::Module(module.clone()),
            man_days: None,
            day_rate: None,
            amount,
        });
    }
    let priced = prices.map(|p| {
        let subtotal = lines
            .iter()
            .filter_map(|l| match l.amount {
                Amount::Priced(m) => Some(m),
                _ => None,
            })
            .fold(Money::default(), |a, b| a + b);
        let tax = p.tax.as_ref().map(|t| {
            let cents = (subtotal.cents() as f64 * t.percent / 100.0).round() as i64;
            (t.clone(), Money::from_cents(cents))
        });
        let total = subtotal + tax.as_ref().map_or(Money::default(), |(_, m)| *m);
        let valid_until = as_of
            .checked_add_days(chrono::Days::new(u64::from(p.valid_days)))
            .unwrap_or(as_of);
        Priced {
            currency: p.rate.currency.clone(),
            subtotal,
            tax,
            total,
            on_request: lines
                .iter()
                .filter(|l| l.amount == Amount::OnRequest)
                .count(),
            valid_until,
        }
    });
    Quote {
        lines,
        man_days: ManDays::from_tenths(man_days),
        priced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn rate() -> Rate {
        Rate {
            currency: "CNY".into(),
            per_day: 4800.0,
            per_pillar: [
                ("security".to_owned(), 5600.0),
                ("reliability".to_owned(), 5200.0),
            ]
            .into_iter()
            .collect(),
        }
    }

    fn amounts(q: &Quote) -> Vec<(Item, Option<String>, Amount)> {
        q.lines
            .iter()
            .map(|l| (l.item.clone(), l.man_days.map(|m| m.to_string()), l.amount))
            .collect()
    }

    fn cny(s: &str) -> Amount {
        Amount::Priced(Money::from_amount(s.parse().unwrap()))
    }

    #[test]
    fn seed_002_2_1_consulting_is_days_times_rate_or_a_package_and_on_site_days_are_on_top() {
        let mut sel = Selection {
            consulting: true,
            onsite_days: 2,
            ..Selection::default()
        };
        let mut prices = PriceList::from_rate(rate());
        prices.onsite_day_rate = Some(1500.0);
        let q = quote(&sel, Some(&prices), &Rules::default(), d("2026-12-02"));
        // 5 days × 4,800 = 24,000; 2 on-site days × 1,500 = 3,000.
        assert_eq!(
            amounts(&q),
            [
                (Item::Consulting, Some("5".into()), cny("24000")),
                (Item::ConsultingOnsite, Some("2".into()), cny("3000")),
            ]
        );
        assert_eq!(
            q.man_days.to_string(),
            "5",
            "on-site days are within the five"
        );
        let p = q.priced.unwrap();
        assert_eq!(p.total.grouped(), "27,000.00");
        assert_eq!(p.valid_until, d("2027-01-01"), "30 calendar days");
        // A package price replaces days × rate; no on-site rate puts the days on request.
        prices.consulting = Some(30000.0);
        prices.onsite_day_rate = None;
        sel.onsite_days = 1;
        let q = quote(&sel, Some(&prices), &Rules::default(), d("2026-12-02"));
        assert_eq!(q.lines[0].amount, cny("30000"));
        assert_eq!(q.lines[1].amount, Amount::OnRequest);
        let p = q.priced.unwrap();
        assert_eq!((p.total.grouped(), p.on_request), ("30,000.00".into(), 1));
    }

    #[test]
    fn seed_002_2_2_implementation_is_priced_per_man_day_at_each_pillar_rate() {
        let mut sel = Selection::default();
        for (pillar, tenths) in [
            ("security", 45),
            ("reliability", 100),
            ("cost_optimization", 25),
        ] {
            sel.packages
                .insert(pillar.into(), ManDays::from_tenths(tenths));
        }
        sel.implementation_onsite_days = 1;
        let mut prices = PriceList::from_rate(rate());
        prices.onsite_day_rate = Some(1500.0);
        let q = quote(&sel, Some(&prices), &Rules::default(), d("2026-12-02"));
        // In pillar order (the selection's): cost 2.5 × 4,800 = 12,000; reliability 10 × 5,200
        // = 52,000; security 4.5 × 5,600 = 25,200; one on-site day 1,500.
        assert_eq!(
            amounts(&q),
            [
                (
                    Item::Package("cost_optimization".into()),
                    Some("2.5".into()),
                    cny("12000")
                ),
                (
                    Item::Package("reliability".into()),
                    Some("10".into()),
                    cny("52000")
                ),
                (
                    Item::Package("security".into()),
                    Some("4.5".into()),
                    cny("25200")
                ),
                (Item::ImplementationOnsite, Some("1".into()), cny("1500")),
            ]
        );
        assert_eq!(q.lines[2].day_rate, Some(Money::from_amount(5600.0)));
        assert_eq!(q.man_days.to_string(), "17");
        assert_eq!(q.priced.unwrap().total.grouped(), "90,700.00");
    }

    #[test]
    fn seed_000_managed_services_modules_are_priced_or_on_request_and_tax_is_added() {
        let sel = Selection {
            modules: ["it_governance".to_owned(), "service_delivery".to_owned()]
                .into_iter()
                .collect(),
            ..Selection::default()
        };
        let mut prices = PriceList::from_rate(rate());
        prices.modules.insert("service_delivery".into(), 120_000.0);
        prices.tax = Some(Tax {
            percent: 6.0,
            label: None,
        });
        prices.valid_days = 14;
        let q = quote(&sel, Some(&prices), &Rules::default(), d("2026-12-02"));
        assert_eq!(
            amounts(&q),
            [
                (
                    Item::Module("it_governance".into()),
                    None,
                    Amount::OnRequest
                ),
                (Item::Module("service_delivery".into()), None, cny("120000")),
            ]
        );
        let p = q.priced.unwrap();
        assert_eq!(p.subtotal.grouped(), "120,000.00");
        assert_eq!(p.tax.unwrap().1.grouped(), "7,200.00");
        assert_eq!(p.total.grouped(), "127,200.00");
        assert_eq!(p.on_request, 1);
        assert_eq!(p.valid_until, d("2026-12-16"));
    }

    #[test]
    fn without_a_price_list_the_quote_has_man_days_and_no_amount() {
        let mut sel = Selection {
            consulting: true,
            onsite_days: 1,
            ..Selection::default()
        };
        sel.packages
            .insert("security".into(), ManDays::from_tenths(30));
        sel.modules.insert("it_governance".into());
        let q = quote(&sel, None, &Rules::default(), d("2026-12-02"));
        assert!(q.priced.is_none());
        assert!(q.lines.iter().all(|l| l.amount == Amount::Unpriced));
        assert!(q.lines.iter().all(|l| l.day_rate.is_none()));
        assert_eq!(q.man_days.to_string(), "8");
    }

    #[test]
    fn tax_rounds_to_the_cent_and_money_groups_thousands() {
        let sel = Selection {
            consulting: true,
            ..Selection::default()
        };
        let mut prices = PriceList::from_rate(Rate {
            currency: "USD".into(),
            per_day: 333.33,
            per_pillar: BTreeMap::new(),
        });
        prices.tax = Some(Tax {
            percent: 13.0,
            label: None,
        });
        let q = quote(&sel, Some(&prices), &Rules::default(), d("2026-12-02"));
        let p = q.priced.unwrap();
        // 5 × 333.33 = 1,666.65; 13 % = 216.6645 → 216.66.
        assert_eq!(p.subtotal.grouped(), "1,666.65");
        assert_eq!(p.tax.unwrap().1.grouped(), "216.66");
        assert_eq!(p.total.grouped(), "1,883.31");
        assert_eq!(Money::from_cents(123_456_789).grouped(), "1,234,567.89");
        assert_eq!(Money::from_cents(5).grouped(), "0.05");
    }
}
