//! Milestones: frozen copies of a workload's answers, and what changed since.
//!
//! *(Product choice, as in the AWS and Azure tools.)* A milestone keeps the answers of every lens
//! under a name and a date. Comparing it with the current answers, pillar by pillar, gives the
//! counts and scores then and now and the questions whose risk went down (improved) or up
//! (regressed). A question that became answered, unanswered or not applicable is neither: it is
//! counted in the "then" and "now" figures but did not change its risk.

use crate::domain::assessment::{Answers, Counts, Status, status};
use crate::domain::lens::{Lens, Risk};
use std::collections::BTreeMap;

/// The longest milestone name, in characters.
pub const MAX_MILESTONE_NAME: usize = 100;
/// The most milestones a workload keeps.
pub const MAX_MILESTONES: usize = 50;

/// A frozen copy of a workload's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// Identifier, unique in the workload.
    pub id: String,
    /// What the customer called it ("Before the review").
    pub name: String,
    /// The date it stands for (`YYYY-MM-DD`), chosen by the customer.
    pub date: crate::domain::calendar::Date,
    /// When it was taken (RFC 3339, UTC).
    pub created_at: String,
    /// Answers per lens id, as they were.
    pub answers: BTreeMap<String, Answers>,
}

/// How one pillar changed between a milestone and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PillarChange {
    /// Index of the pillar in the lens.
    pub pillar: usize,
    /// Counts at the milestone.
    pub then: Counts,
    /// Counts now.
    pub now: Counts,
    /// Questions (indices in the pillar) whose risk went down.
    pub improved: Vec<usize>,
    /// Questions whose risk went up.
    pub regressed: Vec<usize>,
}

impl PillarChange {
    /// The score change in points, when both scores exist.
    pub fn score_delta(&self) -> Option<i16> {
        Some(i16::from(self.now.score()?) - i16::from(self.then.score()?))
    }
}

/// Compares answers then and now for every pillar of `lens`.
pub fn compare(lens: &Lens, then: &Answers, now: &Answers) -> Vec<PillarChange> {
    lens.pillars
        .iter()
        .enumerate()
        .map(|(pi, pillar)| {
            let mut change = PillarChange {
                pillar: pi,
                then: Counts::default(),
                now: Counts::default(),
                improved: Vec::new(),
                regressed: Vec::new(),
            };
            for (qi, q) in pillar.questions.iter().enumerate() {
                let before = status(q, then.get(&q.id));
                let after = status(q, now.get(&q.id));
                change.then.add(before);
                change.now.add(after);
                if let (Status::Answered(b), Status::Answered(a)) = (before, after) {
                    match severity(a).cmp(&severity(b)) {
                        std::cmp::Ordering::Less => change.improved.push(qi),
                        std::cmp::Ordering::Greater => change.regressed.push(qi),
                        std::cmp::Ordering::Equal => {}
                    }
                }
            }
            change
        })
        .collect()
}

fn severity(risk: Risk) -> u8 {
    match risk {
        Risk::None => 0,
        Risk::Medium => 1,
        Risk::High => 2,
    }
}

/// Whether `date` is a real calendar date written `YYYY-MM-DD` (years 1900–9999): the one date
/// rule of every file format, [`crate::domain::calendar::parse_date`].
pub fn is_iso_date(date: &str) -> bool {
    crate::domain::calendar::parse_date(date).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Answer, NaReason};
    use crate::domain::builtin::well_architected;

    fn pick(ids: &[&str]) -> Answer {
        Answer {
            selected: ids.iter().map(|s| s.to_string()).collect(),
            ..Answer::default()
        }
    }

    #[test]
    fn compare_reports_improvements_and_regressions_per_pillar() {
        let lens = well_architected();
        let mut then = Answers::new();
        then.insert("sec_data_classification".into(), pick(&["sec_dc_no"])); // high
        then.insert(
            "sec_data_encryption".into(),
            pick(&[
                "sec_de_at_rest",
                "sec_de_enforce",
                "sec_de_tls_public",
                "sec_de_tls_internal",
            ]),
        ); // none
        let mut now = then.clone();
        now.insert(
            "sec_data_classification".into(),
            pick(&["sec_dc_scheme", "sec_dc_inventory"]),
        ); // medium
        now.insert("sec_data_encryption".into(), pick(&["sec_de_at_rest"])); // high
        now.insert(
            "rel_failover".into(),
            Answer {
                not_applicable: Some(NaReason::Other),
                ..Answer::default()
            },
        );
        let changes = compare(lens, &then, &now);
        let security = &changes[0];
        assert_eq!(security.improved, [0]);
        assert_eq!(security.regressed, [1]);
        assert_eq!(security.then.score(), Some(50));
        assert_eq!(security.now.score(), Some(25));
        assert_eq!(security.score_delta(), Some(-25));
        let reliability = &changes[1];
        assert!(reliability.improved.is_empty() && reliability.regressed.is_empty());
        assert_eq!(reliability.then.not_applicable, 0);
        assert_eq!(reliability.now.not_applicable, 1);
        assert_eq!(reliability.score_delta(), None);
    }

    #[test]
    fn dates_are_checked_for_real() {
        for ok in ["2026-11-21", "2024-02-29", "2000-02-29"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-11-31",
            "26-11-21",
            "2026/11/21",
            "2026-1-21",
            "２０２６-11-21",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
