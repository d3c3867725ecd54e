//! The Excel workbook of a workload: sheets Summary, Improvement plan and Answers, and Quote
//! when services are chosen.
//!
//! [`plan_book`] builds the sheets as a [`Book`] in the user's language (pure, tested natively
//! by writing a real file and reading it back); the web app hands the book to its spreadsheet
//! worker (`crate::ui::workbook`). Like every document, its words come from `crate::i18n`.

use crate::domain::assessment::{Answers, status, summarize};
use crate::domain::catalogue::Catalogue;
use crate::domain::lens::Lens;
use crate::domain::plan::{Rate, plan, ranks};
use crate::domain::quote::{Amount, Quote};
use crate::domain::sheet::{Book, Cell, Column, Format, Sheet};
use crate::domain::text::Lang;
use crate::domain::workload::Workload;
use crate::i18n::{
    Msg, cost_class_msg, quote_item, quote_tax_label, reason_msg, risk_msg, status_msg,
};

/// What the workbook needs of one lens.
pub struct LensInput<'a> {
    /// The lens.
    pub lens: &'a Lens,
    /// The workload's answers to it.
    pub answers: Answers,
    /// The workload's ranking of its pillars.
    pub ranking: Vec<String>,
}

/// What the workbook needs to write the Quote sheet.
pub struct QuoteInput<'a> {
    /// The quote of the workload's selection.
    pub quote: &'a Quote,
    /// The catalogue, for the names of offerings and modules (generic names without it).
    pub catalogue: Option<&'a Catalogue>,
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

const QUOTE_COLUMNS: &[(Msg, f64, Format)] = &[
    (Msg::ColItem, 44.0, Format::Text),
    (Msg::ColManDays, 10.0, Format::Days),
    (Msg::ColDayRate, 14.0, Format::Money),
    (Msg::ColAmount, 16.0, Format::Money),
    (Msg::ColCurrency, 9.0, Format::Text),
    (Msg::ColNote, 40.0, Format::Text),
];

/// The Quote sheet: one row per line, then the man-days, subtotal, tax and total, then the
/// validity and the sentence that it is an estimate. Amounts are numbers; a line priced on
/// request has no amount and says so in its note; without prices only man-days are filled.
fn quote_sheet(input: &QuoteInput<'_>, lang: Lang) -> Sheet {
    let q = input.quote;
    let mut sheet = sheet(Msg::SheetQuote, QUOTE_COLUMNS, lang);
    let lens = crate::domain::builtin::well_architected();
    let currency = q.priced.as_ref().map_or("", |p| p.currency.as_str());
    let money = |m: crate::domain::quote::Money| Cell::Number(m.amount());
    for l in &q.lines {
        let mut notes = Vec::new();
        let amount = match l.amount {
            Amount::Priced(m) => money(m),
            Amount::OnRequest => {
                notes.push(Msg::OnRequest.text(lang));
                Cell::Empty
            }
            Amount::Unpriced => Cell::Empty,
        };
        if l.item.is_onsite() {
            notes.push(Msg::QuotePackageDays.text(lang));
        }
        let priced = amount != Cell::Empty;
        sheet.rows.push(vec![
            text(&quote_item(&l.item, input.catalogue, lens, lang)),
            l.man_days.map_or(Cell::Empty, |d| Cell::Number(d.days())),
            l.day_rate.map_or(Cell::Empty, money),
            amount,
            text(if priced { currency } else { "" }),
            text(&notes.join("; ")),
        ]);
    }
    sheet.rows.push(vec![
        text(Msg::QuoteManDays.text(lang)),
        Cell::Number(q.man_days.days()),
    ]);
    let total = |label: String, m| {
        vec![
            text(&label),
            Cell::Empty,
            Cell::Empty,
            money(m),
            text(currency),
        ]
    };
    match &q.priced {
        Some(p) => {
            sheet
                .rows
                .push(total(Msg::QuoteSubtotal.text(lang).to_owned(), p.subtotal));
            if let Some((tax, amount)) = &p.tax {
                sheet.rows.push(total(quote_tax_label(tax, lang), *amount));
            }
            sheet
                .rows
                .push(total(Msg::QuoteTotal.text(lang).to_owned(), p.total));
            if p.on_request > 0 {
                let n = p.on_request.to_string();
                sheet
                    .rows
                    .push(vec![text(&Msg::QuoteOnRequest.fill(lang, &[("n", &n)]))]);
            }
            let date = crate::domain::calendar::format_date(p.valid_until);
            sheet.rows.push(vec![text(
                &Msg::QuoteValidUntil.fill(lang, &[("date", &date)]),
            )]);
        }
        None => sheet.rows.push(vec![text(Msg::QuoteNoPrices.text(lang))]),
    }
    sheet.rows.push(vec![text(Msg::QuoteEstimate.text(lang))]);
    sheet
}

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

/// Builds the workbook of a workload in `lang`, dated `today` (`YYYY-MM-DD`), with a Quote
/// sheet when `quote` has lines.
pub fn plan_book(
    workload: &Workload,
    lenses: &[LensInput<'_>],
    rate: Option<&Rate>,
    quote: Option<&QuoteInput<'_>>,
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
                let selected = crate::domain::assessment::selected_titles(q, answer, lang);
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

    let title = format!(
        "Preflight · {}",
        crate::i18n::workload_title(workload, lang)
    );
    let mut sheets = vec![summary, items, answers_sheet];
    if let Some(q) = quote.filter(|q| !q.quote.lines.is_empty()) {
        sheets.push(quote_sheet(q, lang));
    }
    Book {
        title: title.chars().take(200).collect(),
        sheets,
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
        let book = plan_book(
            &workload(),
            &input,
            Some(&rate),
            None,
            Lang::En,
            "2026-11-21",
        );
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
        let book = plan_book(&workload(), &input, None, None, Lang::ZhCn, "2026-11-21");
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

    #[test]
    fn the_quote_sheet_has_each_line_the_tax_and_the_total_as_numbers() {
        use crate::domain::catalogue::{ManDays, Selection};
        use crate::domain::quote::{PriceList, Tax, quote};
        use crate::domain::schedule::Rules;
        let mut sel = Selection {
            consulting: true,
            onsite_days: 1,
            ..Selection::default()
        };
        sel.packages
            .insert("security".into(), ManDays::from_tenths(45));
        sel.modules.insert("it_governance".into());
        let mut prices = PriceList::from_rate(Rate {
            currency: "CNY".into(),
            per_day: 5000.0,
            per_pillar: Default::default(),
        });
        prices.onsite_day_rate = Some(1500.0);
        prices.tax = Some(Tax {
            percent: 6.0,
            label: None,
        });
        let day = crate::domain::calendar::parse_date("2026-12-02").unwrap();
        let q = quote(&sel, Some(&prices), &Rules::default(), day);
        let cat = crate::domain::catalogue::Catalogue::from_json(include_str!(
            "../../public/catalogue.json"
        ))
        .unwrap();
        let input = [LensInput {
            lens: well_architected(),
            answers: answers(),
            ranking: Vec::new(),
        }];
        let qi = QuoteInput {
            quote: &q,
            catalogue: Some(&cat),
        };
        let book = plan_book(
            &workload(),
            &input,
            Some(&prices.rate),
            Some(&qi),
            Lang::En,
            "2026-12-02",
        );
        let bytes = book.to_xlsx().unwrap();
        let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(
            x.sheet_names(),
            ["Summary", "Improvement plan", "Answers", "Quote"]
        );
        let r = x.worksheet_range("Quote").unwrap();
        let row = |label: &str| {
            r.rows()
                .find(|row| row[0] == Data::String(label.into()))
                .unwrap_or_else(|| panic!("no row {label}"))
                .to_vec()
        };
        // Consulting: 5 × 5,000; one on-site day at 1,500; security 4.5 × 5,000 = 22,500;
        // the module on request. Subtotal 49,000, tax 6 % = 2,940, total 51,940.
        let consulting = row("Well-Architected Consulting Service");
        assert_eq!(consulting[1], Data::Float(5.0));
        assert_eq!(consulting[2], Data::Float(5000.0));
        assert_eq!(consulting[3], Data::Float(25000.0));
        assert_eq!(consulting[4], Data::String("CNY".into()));
        assert_eq!(
            row("On-site assessment (consulting)")[3],
            Data::Float(1500.0)
        );
        let package = row("Implementation: Security");
        assert_eq!(
            (&package[1], &package[3]),
            (&Data::Float(4.5), &Data::Float(22500.0))
        );
        let module = r
            .rows()
            .find(|row| row[5] == Data::String("On request".into()))
            .expect("the module on request");
        assert_eq!(module[3], Data::Empty);
        assert_eq!(row("Subtotal")[3], Data::Float(49000.0));
        assert_eq!(row("Tax (6 %)")[3], Data::Float(2940.0));
        assert_eq!(row("Total")[3], Data::Float(51940.0));
        // The on-site day is within consulting's five.
        assert_eq!(row("Man-days in all")[1], Data::Float(9.5));
        assert!(
            r.rows()
                .any(|row| row[0] == Data::String("Estimate valid until 2027-01-01.".into()))
        );
    }

    #[test]
    fn without_prices_the_quote_sheet_has_man_days_and_says_so() {
        use crate::domain::catalogue::Selection;
        use crate::domain::quote::quote;
        use crate::domain::schedule::Rules;
        let sel = Selection {
            consulting: true,
            ..Selection::default()
        };
        let day = crate::domain::calendar::parse_date("2026-12-02").unwrap();
        let q = quote(&sel, None, &Rules::default(), day);
        let qi = QuoteInput {
            quote: &q,
            catalogue: None,
        };
        let book = plan_book(&workload(), &[], None, Some(&qi), Lang::ZhCn, "2026-12-02");
        let sheet = &book.sheets[3];
        assert_eq!(sheet.name, "报价");
        assert_eq!(sheet.rows[0][1], Cell::Number(5.0));
        assert!(sheet.rows[0][2..].iter().all(|c| *c == Cell::Empty));
        assert!(
            sheet
                .rows
                .iter()
                .any(|r| r[0] == Cell::Text(Msg::QuoteNoPrices.text(Lang::ZhCn).into()))
        );
        // Nothing chosen: no Quote sheet.
        let none = quote(&Selection::default(), None, &Rules::default(), day);
        let qi = QuoteInput {
            quote: &none,
            catalogue: None,
        };
        let book = plan_book(&workload(), &[], None, Some(&qi), Lang::En, "2026-12-02");
        assert_eq!(book.sheets.len(), 3);
    }
}
