//! The improvement plan: what to do about every risky question, how urgent it is, how long it
//! takes and what it costs.
//!
//! **Items.** Each answered, applicable question with a high or medium risk contributes one item
//! per best practice it lacks (every choice not selected, "None of these" excepted), as AWS
//! improvement plans do.
//!
//! **Priority** *(product choice)*, from the question's risk and the customer's ranking of the
//! pillars:
//! - priority 1: high risk in one of the two top-ranked pillars;
//! - priority 2: high risk in another pillar, or medium risk in one of the two top-ranked pillars;
//! - priority 3: medium risk in another pillar.
//!
//! Two tiers of pillars keep the rule explainable in one sentence (the plan page shows it) while
//! still letting the ranking move work up or down one priority.
//!
//! **Order**: priority, then effort (smallest first, unknown effort last), then pillar rank, then
//! lens order. **Quick wins**: priority 1 or 2 with an effort of at most [`QUICK_WIN_DAYS`]
//! man-days. **Cost**: effort × the configured day rate, in the configured currency; without a
//! rate the plan is in man-days only. An item whose lens gives no effort counts as unknown and is
//! reported as such in the totals rather than as zero.

use crate::domain::assessment::{Answers, Status, status};
use crate::domain::lens::{CostClass, Lens, Risk};

/// The largest effort, in man-days, of a quick win.
pub const QUICK_WIN_DAYS: f64 = 2.0;

/// A day rate for pricing effort.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    /// ISO 4217 code (or any label the sales team configures), e.g. `CNY`.
    pub currency: String,
    /// Price of one man-day, in that currency.
    pub per_day: f64,
    /// Day rates of particular pillars (by pillar id), where they differ from `per_day`.
    pub per_pillar: std::collections::BTreeMap<String, f64>,
}

impl Rate {
    /// The day rate for work in a pillar.
    pub fn for_pillar(&self, pillar: &str) -> f64 {
        self.per_pillar.get(pillar).copied().unwrap_or(self.per_day)
    }
}

/// How urgent an item is (1 is the most urgent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// Priority 1.
    P1 = 1,
    /// Priority 2.
    P2 = 2,
    /// Priority 3.
    P3 = 3,
}

impl Priority {
    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// One thing to do: adopt a practice a risky question lacks.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanItem {
    /// Index of the pillar in the lens.
    pub pillar: usize,
    /// Index of the question in its pillar.
    pub question: usize,
    /// Index of the choice (the practice) in its question.
    pub choice: usize,
    /// The pillar's rank (1 = the customer's top priority).
    pub pillar_rank: usize,
    /// The question's risk.
    pub risk: Risk,
    /// The item's priority.
    pub priority: Priority,
    /// Man-days, when the lens says.
    pub effort: Option<f64>,
    /// Effort × day rate, when both are known.
    pub cost: Option<f64>,
    /// The practice's running cost class, when the lens says.
    pub cost_class: Option<CostClass>,
    /// High priority and little effort.
    pub quick_win: bool,
}

/// Totals for a set of items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// How many items.
    pub items: usize,
    /// Sum of known efforts, in man-days.
    pub effort: f64,
    /// Sum of known costs (`None` without a rate).
    pub cost: Option<f64>,
    /// Items whose effort the lens does not give.
    pub unknown_effort: usize,
    /// How many are quick wins.
    pub quick_wins: usize,
}

impl Totals {
    fn add(&mut self, item: &PlanItem) {
        self.items += 1;
        match item.effort {
            Some(e) => self.effort += e,
            None => self.unknown_effort += 1,
        }
        if let Some(c) = item.cost {
            *self.cost.get_or_insert(0.0) += c;
        }
        self.quick_wins += usize::from(item.quick_win);
    }
}

/// The improvement plan of one lens.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Items in plan order.
    pub items: Vec<PlanItem>,
    /// Totals per pillar, in lens order.
    pub pillars: Vec<Totals>,
    /// Totals of the whole plan.
    pub total: Totals,
    /// The rate used, if any.
    pub rate: Option<Rate>,
}

/// The rank (1-based) of every pillar of `lens`, in lens order: pillars named in `ranking` take
/// its order; pillars it leaves out (or a lens with no ranking yet) follow in lens order. Unknown
/// and repeated ids in `ranking` are ignored.
pub fn ranks(lens: &Lens, ranking: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(lens.pillars.len());
    for id in ranking {
        if let Some(i) = lens.pillars.iter().position(|p| &p.id == id)
            && !order.contains(&i)
        {
            order.push(i);
        }
    }
    for i in 0..lens.pillars.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    let mut rank = vec![0; lens.pillars.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r + 1;
    }
    rank
}

/// The pillar ids of `lens` in rank order (what the ranking editor shows).
pub fn ranked_ids(lens: &Lens, ranking: &[String]) -> Vec<String> {
    let rank = ranks(lens, ranking);
    let mut ids: Vec<(usize, &str)> = lens
        .pillars
        .iter()
        .enumerate()
        .map(|(i, p)| (rank[i], p.id.as_str()))
        .collect();
    ids.sort_unstable();
    ids.into_iter().map(|(_, id)| id.to_owned()).collect()
}

/// The priority of an item from its question's risk and its pillar's rank.
pub fn priority(risk: Risk, pillar_rank: usize) -> Option<Priority> {
    let top = pillar_rank <= 2;
    match (risk, top) {
        (Risk::High, true) => Some(Priority::P1),
        (Risk::High, false) | (Risk::Medium, true) => Some(Priority::P2),
        (Risk::Medium, false) => Some(Priority::P3),
        (Risk::None, _) => None,
    }
}

/// Builds the plan of one lens.
pub fn plan(lens: &Lens, answers: &Answers, ranking: &[String], rate: Option<&Rate>) -> Plan {
    let rank = ranks(lens, ranking);
    let mut items = Vec::new();
    for (pi, pillar) in lens.pillars.iter().enumerate() {
        for (qi, question) in pillar.questions.iter().enumerate() {
            let answer = answers.get(&question.id);
            let Status::Answered(risk) = status(question, answer) else {
                continue;
            };
            let Some(priority) = priority(risk, rank[pi]) else {
                continue;
            };
            let selection = answer.map(|a| a.selection(question)).unwrap_or_default();
            for (ci, choice) in question.choices.iter().enumerate() {
                if choice.is_none_of_these() || selection.contains(ci) {
                    continue;
                }
                let effort = choice.effort;
                let cost = effort.zip(rate).map(|(e, r)| e * r.for_pillar(&pillar.id));
                let quick_win =
                    priority <= Priority::P2 && effort.is_some_and(|e| e <= QUICK_WIN_DAYS);
                items.push(PlanItem {
                    pillar: pi,
                    question: qi,
                    choice: ci,
                    pillar_rank: rank[pi],
                    risk,
                    priority,
                    effort,
                    cost,
                    cost_class: choice.cost_class,
                    quick_win,
                });
            }
        }
    }
    // Stable sort: equal keys keep lens order (pillar, question, choice).
    items.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then_with(|| effort_key(a.effort).total_cmp(&effort_key(b.effort)))
            .then_with(|| a.pillar_rank.cmp(&b.pillar_rank))
    });
    let mut pillars = vec![Totals::default(); lens.pillars.len()];
    let mut total = Totals::default();
    if rate.is_some() {
        total.cost = Some(0.0);
        for p in &mut pillars {
            p.cost = Some(0.0);
        }
    }
    for item in &items {
        pillars[item.pillar].add(item);
        total.add(item);
    }
    Plan {
        items,
        pillars,
        total,
        rate: rate.cloned(),
    }
}

/// Unknown effort sorts after every known one.
fn effort_key(effort: Option<f64>) -> f64 {
    effort.unwrap_or(f64::INFINITY)
}

/// A risky question for the dashboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopRisk {
    /// Index of the pillar.
    pub pillar: usize,
    /// Index of the question in its pillar.
    pub question: usize,
    /// Its risk.
    pub risk: Risk,
}

/// The `n` highest risks: high before medium, then by pillar rank, then lens order.
pub fn top_risks(lens: &Lens, answers: &Answers, ranking: &[String], n: usize) -> Vec<TopRisk> {
    let rank = ranks(lens, ranking);
    let mut out = Vec::new();
    for (pi, pillar) in lens.pillars.iter().enumerate() {
        for (qi, question) in pillar.questions.iter().enumerate() {
            if let Status::Answered(risk @ (Risk::High | Risk::Medium)) =
                status(question, answers.get(&question.id))
            {
                out.push(TopRisk {
                    pillar: pi,
                    question: qi,
                    risk,
                });
            }
        }
    }
    out.sort_by_key(|r| (r.risk, rank[r.pillar]));
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Answer, NaReason};

    /// Two pillars; efforts chosen so that ordering ties and unknown efforts are exercised.
    fn lens() -> Lens {
        Lens::from_json(
            r#"{
              "schemaVersion": "2021-11-01", "id": "t", "name": "T",
              "pillars": [
                {"id": "ops", "name": "Ops", "questions": [
                  {"id": "q1", "title": "Q1",
                   "choices": [
                     {"id": "a", "title": "A", "improvementPlan": {"displayText": "do a"}, "effort": 3},
                     {"id": "b", "title": "B", "improvementPlan": {"displayText": "do b"}, "effort": 1, "cost_class": "high"},
                     {"id": "c", "title": "C", "improvementPlan": {"displayText": "do c"}},
                     {"id": "q1_no", "title": "None of these"}],
                   "riskRules": [
                     {"condition": "a && b && c", "risk": "NO_RISK"},
                     {"condition": "a || b", "risk": "MEDIUM_RISK"},
                     {"condition": "default", "risk": "HIGH_RISK"}]},
                  {"id": "q2", "title": "Q2",
                   "choices": [
                     {"id": "d", "title": "D", "improvementPlan": {"displayText": "do d"}, "effort": 1},
                     {"id": "q2_no", "title": "None of these"}],
                   "riskRules": [{"condition": "d", "risk": "NO_RISK"},
                                 {"condition": "default", "risk": "HIGH_RISK"}]}]},
                {"id": "sec", "name": "Sec", "questions": [
                  {"id": "q3", "title": "Q3",
                   "choices": [
                     {"id": "e", "title": "E", "improvementPlan": {"displayText": "do e"}, "effort": 1},
                     {"id": "f", "title": "F", "improvementPlan": {"displayText": "do f"}, "effort": 5},
                     {"id": "q3_no", "title": "None of these"}],
                   "riskRules": [{"condition": "e && f", "risk": "NO_RISK"},
                                 {"condition": "default", "risk": "HIGH_RISK"}]}]},
                {"id": "cost", "name": "Cost", "questions": [
                  {"id": "q4", "title": "Q4",
                   "choices": [
                     {"id": "g", "title": "G", "improvementPlan": {"displayText": "do g"}, "effort": 0.5},
                     {"id": "h", "title": "H", "improvementPlan": {"displayText": "do h"}, "effort": 2}],
                   "riskRules": [{"condition": "g && h", "risk": "NO_RISK"},
                                 {"condition": "g || h", "risk": "MEDIUM_RISK"},
                                 {"condition": "default", "risk": "HIGH_RISK"}]}]}
              ]
            }"#,
        )
        .unwrap()
    }

    fn answers(pairs: &[(&str, &[&str])]) -> Answers {
        pairs
            .iter()
            .map(|(q, ids)| {
                let answer = Answer {
                    selected: ids.iter().map(|s| s.to_string()).collect(),
                    ..Answer::default()
                };
                (q.to_string(), answer)
            })
            .collect()
    }

    /// (question, choice id, priority, effort) of each item, in plan order.
    fn summary(lens: &Lens, plan: &Plan) -> Vec<(String, u8, Option<f64>)> {
        plan.items
            .iter()
            .map(|i| {
                let q = &lens.pillars[i.pillar].questions[i.question];
                (
                    q.choices[i.choice].id.clone(),
                    i.priority.number(),
                    i.effort,
                )
            })
            .collect()
    }

    #[test]
    fn ranks_follow_the_ranking_then_lens_order() {
        let lens = lens();
        assert_eq!(ranks(&lens, &[]), [1, 2, 3]);
        assert_eq!(ranks(&lens, &["cost".into(), "ops".into()]), [2, 3, 1]);
        // Unknown and repeated ids are ignored.
        let messy = ["x".into(), "sec".into(), "sec".into()];
        assert_eq!(ranks(&lens, &messy), [2, 1, 3]);
        assert_eq!(ranked_ids(&lens, &messy), ["sec", "ops", "cost"]);
    }

    #[test]
    fn a_pillar_day_rate_prices_that_pillar_only() {
        let lens = lens();
        let a = answers(&[("q2", &["q2_no"]), ("q3", &["e"])]);
        let rate = Rate {
            currency: "CNY".into(),
            per_day: 8000.0,
            per_pillar: [("sec".to_owned(), 10_000.0)].into_iter().collect(),
        };
        let p = plan(&lens, &a, &[], Some(&rate));
        let costs: Vec<(String, Option<f64>)> = p
            .items
            .iter()
            .map(|i| (lens.pillars[i.pillar].id.clone(), i.cost))
            .collect();
        // d: 1 day of ops at the base rate; f: 5 days of security at its own rate.
        assert_eq!(
            costs,
            [("ops".into(), Some(8000.0)), ("sec".into(), Some(50_000.0))]
        );
        assert_eq!(p.total.cost, Some(58_000.0));
    }

    /// q1 partly done, q2 "None of these", q3 and q4 partly done.
    fn mixed() -> Answers {
        answers(&[
            ("q1", &["a"]),
            ("q2", &["q2_no"]),
            ("q3", &["e"]),
            ("q4", &["g"]),
        ])
    }

    #[test]
    fn hand_computed_plan_with_ties_and_unknown_effort() {
        let lens = lens();
        // Default ranking: ops 1, sec 2, cost 3.
        // q1 = {a}: medium risk, top pillar → P2; missing b (1 day), c (unknown).
        // q2 = None of these: high, top pillar → P1; missing d (1 day).
        // q3 = {e}: high, sec is rank 2 (top) → P1; missing f (5 days).
        // q4 = {g}: medium, cost rank 3 → P3; missing h (2 days).
        let a = mixed();
        let rate = Rate {
            currency: "CNY".into(),
            per_day: 8000.0,
            per_pillar: Default::default(),
        };
        let p = plan(&lens, &a, &[], Some(&rate));
        assert_eq!(
            summary(&lens, &p),
            [
                ("d".into(), 1, Some(1.0)),
                ("f".into(), 1, Some(5.0)),
                ("b".into(), 2, Some(1.0)),
                ("c".into(), 2, None),
                ("h".into(), 3, Some(2.0)),
            ]
        );
        let quick: Vec<bool> = p.items.iter().map(|i| i.quick_win).collect();
        assert_eq!(
            quick,
            [true, false, true, false, false],
            "P3 is never a quick win"
        );
        assert_eq!(p.items[0].cost, Some(8000.0));
        assert_eq!(p.items[3].cost, None, "unknown effort has no cost");
        assert_eq!(p.items[2].cost_class, Some(CostClass::High));
        assert_eq!(
            p.total,
            Totals {
                items: 5,
                effort: 9.0,
                cost: Some(72_000.0),
                unknown_effort: 1,
                quick_wins: 2,
            }
        );
        assert_eq!(p.pillars[0].items, 3);
        assert_eq!(p.pillars[0].effort, 2.0);
        assert_eq!(p.pillars[1].cost, Some(40_000.0));
        assert_eq!(p.pillars[2].effort, 2.0);
    }

    #[test]
    fn the_ranking_moves_items_between_priorities() {
        let lens = lens();
        let a = answers(&[("q1", &["a"]), ("q3", &["e"]), ("q4", &["g"])]);
        // Cost first, then sec: q4 medium in a top pillar → P2; q1 medium elsewhere → P3.
        let p = plan(&lens, &a, &["cost".into(), "sec".into()], None);
        assert_eq!(
            summary(&lens, &p),
            [
                ("f".into(), 1, Some(5.0)),
                ("h".into(), 2, Some(2.0)),
                ("b".into(), 3, Some(1.0)),
                ("c".into(), 3, None),
            ]
        );
    }

    #[test]
    fn equal_priority_and_effort_keep_pillar_rank_then_lens_order() {
        let lens = lens();
        // q2 (ops) and q3 (sec) both high in top pillars with a 1-day item each.
        let a = answers(&[("q2", &["q2_no"]), ("q3", &["f"])]);
        let p = plan(&lens, &a, &["sec".into(), "ops".into()], None);
        assert_eq!(
            summary(&lens, &p),
            [("e".into(), 1, Some(1.0)), ("d".into(), 1, Some(1.0))]
        );
    }

    #[test]
    fn without_a_rate_the_plan_is_in_man_days_only() {
        let lens = lens();
        let p = plan(&lens, &answers(&[("q2", &["q2_no"])]), &[], None);
        assert!(p.items.iter().all(|i| i.cost.is_none()));
        assert_eq!(p.total.cost, None);
        assert_eq!(p.total.effort, 1.0);
        assert_eq!(p.rate, None);
    }

    #[test]
    fn not_applicable_unanswered_and_risk_free_questions_add_nothing() {
        let lens = lens();
        let mut a = answers(&[
            ("q1", &["a", "b", "c"]),
            ("q3", &["e", "f"]),
            ("q4", &["g", "h"]),
        ]);
        a.insert(
            "q2".into(),
            Answer {
                selected: vec!["q2_no".into()],
                not_applicable: Some(NaReason::OutOfScope),
                notes: String::new(),
            },
        );
        let p = plan(&lens, &a, &[], None);
        assert!(p.items.is_empty());
        assert_eq!(p.total, Totals::default());
        assert!(plan(&lens, &Answers::new(), &[], None).items.is_empty());
    }

    #[test]
    fn top_risks_are_high_first_then_by_rank() {
        let lens = lens();
        let a = mixed();
        let top = top_risks(&lens, &a, &["cost".into()], 3);
        let ids: Vec<(&str, Risk)> = top
            .iter()
            .map(|t| {
                (
                    lens.pillars[t.pillar].questions[t.question].id.as_str(),
                    t.risk,
                )
            })
            .collect();
        // Ranks: cost 1, ops 2, sec 3.
        assert_eq!(
            ids,
            [("q2", Risk::High), ("q3", Risk::High), ("q4", Risk::Medium)]
        );
    }

    #[test]
    fn the_builtin_lens_plans_every_missing_practice() {
        use crate::domain::builtin::well_architected;
        let lens = well_architected();
        // Everything "None of these": every practice of every question is an item.
        let a: Answers = lens
            .questions()
            .map(|(_, q)| {
                let none = q.choices[q.none_choice().unwrap()].id.clone();
                (
                    q.id.clone(),
                    Answer {
                        selected: vec![none],
                        ..Answer::default()
                    },
                )
            })
            .collect();
        let p = plan(lens, &a, &[], None);
        let practices: usize = lens
            .questions()
            .map(|(_, q)| q.choices.iter().filter(|c| !c.is_none_of_these()).count())
            .sum();
        assert_eq!(p.items.len(), practices);
        assert_eq!(p.total.unknown_effort, 0);
        assert!(p.items.windows(2).all(|w| w[0].priority <= w[1].priority));
    }
}
