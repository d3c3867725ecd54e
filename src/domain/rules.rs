//! The scheduling rules: the numbers of the service descriptions that `config.json` may change
//! (lead times, the size of a large engagement, consulting's and acceptance's working days, the
//! managed-services milestones), and the texts that name them.
//!
//! Catalogue texts say `{lead_time_days}` rather than "15", so that what the customer reads
//! follows the rule the schedule applies ([`rule_text`]).

use crate::domain::text::{Lang, Text};

/// Scheduling parameters (defaults from the service descriptions; overridable by config).
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    /// Working days between applying and ordering the Well-Architected services (15, seed 002
    /// §3).
    pub lead_time_days: u32,
    /// Working days between applying and signing the Managed Services contract. Seed 000 sets
    /// none; the product's choice is the same 15 as the Well-Architected services, so that the
    /// provider has the same time to staff it, and `config.json` changes it.
    pub managed_lead_time_days: u32,
    /// Above this many man-days an engagement is large (one month's notice recommended).
    pub large_engagement_man_days: f64,
    /// Working days of the consulting service (5).
    pub consulting_days: u32,
    /// Working days the customer has to confirm a report (5).
    pub acceptance_days: u32,
    /// Working days from the managed-services contract start to each milestone: kickoff,
    /// solution report, stage progress report, summary report, project acceptance report.
    pub managed_offsets: [u32; 5],
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            lead_time_days: 15,
            managed_lead_time_days: 15,
            large_engagement_man_days: 20.0,
            consulting_days: 5,
            acceptance_days: 5,
            managed_offsets: [5, 20, 60, 100, 110],
        }
    }
}

/// The scheduling rules a catalogue text can name, as `{lead_time_days}`: the catalogue says
/// what `config.json` sets, not a number of its own (seed 002 §3's 15 working days, the five
/// working days of confirmation).
pub const PLACEHOLDERS: &[&str] = &[
    "lead_time_days",
    "managed_lead_time_days",
    "consulting_days",
    "acceptance_days",
    "large_engagement_man_days",
];

/// A catalogue text in `lang` with the rules' numbers in place of its placeholders.
pub fn rule_text(text: &Text, lang: Lang, rules: &Rules) -> String {
    let s = text.get(lang);
    if !s.contains('{') {
        return s.to_owned();
    }
    let large = crate::domain::validate::format_number(rules.large_engagement_man_days);
    [
        ("lead_time_days", rules.lead_time_days.to_string()),
        (
            "managed_lead_time_days",
            rules.managed_lead_time_days.to_string(),
        ),
        ("consulting_days", rules.consulting_days.to_string()),
        ("acceptance_days", rules.acceptance_days.to_string()),
        ("large_engagement_man_days", large),
    ]
    .iter()
    .fold(s.to_owned(), |acc, (k, v)| {
        acc.replace(&format!("{{{k}}}"), v)
    })
}
