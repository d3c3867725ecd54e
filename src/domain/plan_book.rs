//! The Excel workbook of a workload: sheets Summary, Improvement plan and Answers.
//!
//! [`plan_book`] builds the sheets as a [`Book`] in the user's language (pure, tested natively
//! by writing a real file and reading it back); the web app hands the book to its spreadsheet
//! worker (`crate::ui::workbook`). Like every document, its words come from `crate::i18n`.

use crate::domain::assessment::{Answers, status, summarize};
use crate::domain::lens::Lens;
use crate::domain::plan::{Rate, plan, ranks};
use crate::domain::sheet::{Book, Cell, Column, Format, Sheet};
use crate::domain::text::Lang;
use crate::domain::workload::Workload;
use crate::i18n::{Msg, cost_class_msg, reason_msg, risk_msg, status_msg};

/// What the workbook needs of one lens.
pub struct LensInput<'a> {
    /// The lens.
    pub lens: &'a Lens,
    /// The workload's answers to it.
    pub answers: Answers,
    /// The workload's ranking of its pillars.
    pub ranking: Vec<String>,
}

/// The columns of each sheet: header, width (characters) and format.
const SUMMARY_COLUMNS: &[(Msg, f64, Format)] = &[
    (Msg::ColLens, 28.0, Format::Text),
    (Msg::Pillar, 26.0, Format::Text),
    (Msg::ColRank, 7.0, Format::Integer),
    (Msg::High, 8.0, Format::Integer),
    (Msg::Medium, 8.0, Format::Integer),
    (Msg::NoRiskShort, 8.0, Format::Integer),
    (Msg::NaShort, 8.0, Format::Integer),
    (Msg::UnansweredShort, 11.0, Format::Integer),
    (Msg::Score, 8.0, Format::Integer),
    (Msg::ColItems, 12.0, Format::Integer),
    (Msg::ColEffort, 14.0, Format::Days),
    (Msg::ColCost, 14.0, Format::Money),
    (Msg::ColCurrency, 9.0, Format::Text),
    (Msg::ColDate, 12.0, Format::Date),
];

const PLAN_COLUMNS: &[(Msg, f64, Format)] = &[
    (Msg::ColNumber, 5.0, Format::Integer),
    (Msg::ColPriority, 9.0, Format::Integer),
    (Msg::ColLens, 24.0, Format::Text),
    (Msg::Pillar, 22.0, Format::Text),
    (Msg::ColQuestion, 40.0, Format::Text),
    (Msg::ColPractice, 44.0, Format::Text),
    (Msg::ColImprovement, 60.0, Format::Text),
    (Msg::ColRisk, 12.0, Format::Text),
    (Msg::ColEffort, 14.0, Format::Days),
    (Msg::ColCost, 14.0, Format::Money),
    (Msg::ColCurrency, 9.0, Format::Text),
    (Msg::QuickWin, 10.0, Format::Text),
    (Msg::ColRunningCost, 12.0, Format::Text),
];

const ANSWER_COLUMNS: &[(Msg, f64, Format)] = &[
    (Msg::ColLens, 24.0, Format::Text),
    (Msg::Pillar, 22.0, Format::Text),
    (Msg::ColQuestion, 50.0, Format::Text),
    (Msg::ColStatus, 14.0, Format::Text),
    (Msg::ColSelected, 70.0, Format::Text),
    (Msg::ColNaReason, 22.0, Format::Text),
    (Msg::Notes, 50.0, Format::Text),
];

/// An empty sheet named `name` with these `columns`, in `lang`.
fn sheet(name: Msg, columns: &[(Msg, f64, Format)], lang: Lang) -> Sheet {
    Sheet {
        name: name.text(lang).to_owned(),
        columns: columns
            .iter()
            .map(|&(header, width, format)| Column {
                header: header.text(lang).to_owned(),
                width,
                format,
            })
            .collect(),
        rows: Vec::new(),
    }
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// Builds the workbook of a workload in `lang`, dated `today` (`YYYY-MM-DD`).
pub fn plan_book(
    workload: &Workload,
    lenses: &[LensInput<'_>],
    rate: Option<&Rate>,
    lang: Lang,
    today: &str,
) -> Book {
    let currency = rate.map_or("", |r| r.currency.as_str());
    let money = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);

    let mut summary = sheet(Msg::SheetSummary, SUMMARY_COLUMNS, lang);
    let mut items = sheet(Msg::SheetPlan, PLAN_COLUMNS, lang);
    let mut answers_sheet = sheet(Msg::SheetAnswers, ANSWER_COLUMNS, lang);

    let mut number = 0u32;
    for input in lenses {
        let lens = input.lens;
        let lens_name = lens.name.get(lang);
        let rank = ranks(lens, &input.ranking);
        let s = summarize(lens, &input.answers);
        let p = plan(lens, &input.answers, &input.ranking, rate);
        let score = |c: &crate::domain::assessment::Counts| {
            c.score()
                .map_or(Cell::Empty, |v| Cell::Number(f64::from(v)))
        };
        for (i, ps) in s.pillars.iter().enumerate() {
            let c = &ps.counts;
            let t = &p.pillars[i];
            summary.rows.push(vec![
                text(lens_name),
                text(lens.pillars[i].name.get(lang)),
                Cell::Number(rank[i] as f64),
                Cell::Number(f64::from(c.high)),
                Cell::Number(f64::from(c.medium)),
                Cell::Number(f64::from(c.none)),
                Cell::Number(f64::from(c.not_applicable)),
                Cell::Number(f64::from(c.unanswered)),
                score(c),
                Cell::Number(t.items as f64),
                Cell::Number(t.effort),
                money(t.cost),
                text(currency),
                Cell::Date(today.to_owned()),
            ]);
        }
        let c = &s.overall;
        summary.rows.push(vec![
            text(lens_name),
            text(Msg::Overall.text(lang)),
            Cell::Empty,
            Cell::Number(f64::from(c.high)),
            Cell::Number(f64::from(c.medium)),
            Cell::Number(f64::from(c.none)),
            Cell::Number(f64::from(c.not_applicable)),
            Cell::Number(f64::from(c.unanswered)),
            score(c),
            Cell::Number(p.total.items as f64),
            Cell::Number(p.total.effort),
            money(p.total.cost),
            text(currency),
            Cell::Date(today.to_owned()),
        ]);

        for item in &p.items {
            number += 1;
            let pillar = &lens.pillars[item.pillar];
            let q = &pillar.questions[item.question];
            let choice = &q.choices[item.choice];
            let yes_no = if item.quick_win { Msg::Yes } else { Msg::No };
            items.rows.push(vec![
                Cell::Number(f64::from(number)),
                Cell::Number(f64::from(item.priority.number())),
                text(lens_name),
                text(pillar.name.get(lang)),
                text(q.title.get(lang)),
                text(choice.title.get(lang)),
                choice
                    .improvement_plan
                    .as_ref()
                    .map_or(Cell::Empty, |r| text(r.text.get(lang))),
                text(risk_msg(item.risk).text(lang)),
                item.effort.map_or(Cell::Empty, Cell::Number),
                money(item.cost),
                text(if item.cost.is_some() { currency } else { "" }),
                text(yes_no.text(lang)),
                item.cost_class
                    .map_or(Cell::Empty, |c| text(cost_class_msg(c).text(lang))),
            ]);
        }

        for pillar in &lens.pillars {
            for q in &pillar.questions {
                let answer = input.answers.get(&q.id);
                let st = status_msg(status(q, answer));
                let selected: Vec<&str> = answer
                    .map(|a| {
                        q.choices
                            .iter()
                            .filter(|c| a.selected.contains(&c.id))
                            .map(|c| c.title.get(lang))
                            .collect()
                    })
                    .unwrap_or_default();
                answers_sheet.rows.push(vec![
                    text(lens_name),
                    text(pillar.name.get(lang)),
                    text(q.title.get(lang)),
                    text(st.text(lang)),
                    text(&selected.join("; ")),
                    answer
                        .and_then(|a| a.not_applicable)
                        .map_or(Cell::Empty, |r| text(reason_msg(r).text(lang))),
                    answer.map_or(Cell::Empty, |a| text(&a.notes)),
                ]);
            }
        }
    }

    let name = crate::i18n::display_name(workload, lang);
    let org = workload.profile.organisation.trim();
    let title = if org.is_empty() {
        format!("Preflight · {name}")
    } else {
        format!("Preflight · {org} · {name}")
    };
    Book {
        title: title.chars().take(200).collect(),
        sheets: vec![summary, items, answers_sheet],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Answer, NaReason};
    use crate::domain::builtin::well_architected;
    use calamine::{Data, Reader, Xlsx};

    fn workload() -> Workload {
        crate::domain::workload::acme_shop()
    }

    fn answers() -> Answers {
        let mut a = Answers::new();
        a.insert(
            "sec_data_classification".into(),
            Answer {
                selected: vec!["sec_dc_scheme".into(), "sec_dc_inventory".into()],
                ..Answer::default()
            },
        );
        a.insert(
            "rel_failover".into(),
            Answer {
                not_applicable: Some(NaReason::BusinessPriorities),
                notes: "later".into(),
                ..Answer::default()
            },
        );
        a
    }

    #[test]
    fn the_workbook_reads_back_with_numbers_dates_and_the_plan() {
        let lens = well_architected();
        let input = [LensInput {
            lens,
            answers: answers(),
            ranking: Vec::new(),
        }];
        let rate = Rate {
            currency: "CNY".into(),
            per_day: 8000.0,
            per_pillar: Default::default(),
        };
        let book = plan_book(&workload(), &input, Some(&rate), Lang::En, "2026-11-21");
        let bytes = book.to_xlsx().unwrap();
        let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(x.sheet_names(), ["Summary", "Improvement plan", "Answers"]);

        let summary = x.worksheet_range("Summary").unwrap();
        // Security: one medium risk, six unanswered; its plan items are the three missing practices.
        assert_eq!(summary.get((1, 1)), Some(&Data::String("Security".into())));
        assert_eq!(summary.get((1, 4)), Some(&Data::Float(1.0)));
        assert_eq!(summary.get((1, 7)), Some(&Data::Float(6.0)));
        assert_eq!(summary.get((1, 8)), Some(&Data::Float(50.0)));
        assert_eq!(summary.get((1, 9)), Some(&Data::Float(3.0)));
        assert!(matches!(summary.get((1, 13)), Some(Data::DateTime(_))));

        let plan_sheet = x.worksheet_range("Improvement plan").unwrap();
        assert_eq!(plan_sheet.height(), 4, "header and three items");
        // Security ranks first by default, so its medium risk is priority 2.
        assert_eq!(plan_sheet.get((1, 1)), Some(&Data::Float(2.0)));
        let effort = match plan_sheet.get((1, 8)) {
            Some(Data::Float(f)) => *f,
            other => panic!("{other:?}"),
        };
        assert_eq!(plan_sheet.get((1, 9)), Some(&Data::Float(effort * 8000.0)));
        assert_eq!(plan_sheet.get((1, 10)), Some(&Data::String("CNY".into())));

        let answers_sheet = x.worksheet_range("Answers").unwrap();
        assert_eq!(answers_sheet.height(), 1 + lens.question_count());
        let failover = answers_sheet
            .rows()
            .find(|r| {
                r[2] == Data::String(
                    lens.question("rel_failover")
                        .unwrap()
                        .title
                        .get(Lang::En)
                        .into(),
                )
            })
            .unwrap();
        assert_eq!(failover[3], Data::String("Not applicable".into()));
        assert_eq!(failover[5], Data::String("Business priorities".into()));
        assert_eq!(failover[6], Data::String("later".into()));
    }

    #[test]
    fn in_chinese_and_without_a_rate() {
        let lens = well_architected();
        let input = [LensInput {
            lens,
            answers: answers(),
            ranking: Vec::new(),
        }];
        let book = plan_book(&workload(), &input, None, Lang::ZhCn, "2026-11-21");
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["摘要", "改进计划", "答案"]);
        assert!(
            book.sheets[1]
                .rows
                .iter()
                .all(|r| r[9] == Cell::Empty && r[10] == Cell::Empty)
        );
        assert_eq!(book.title, "Preflight · Acme · Shop");
    }
}
