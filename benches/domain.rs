//! Native micro-benchmarks of the domain code (run by `scripts/bench`, figures in the README).

use preflight::domain::assessment::{Answer, Answers, summarize};
use preflight::domain::builtin::{WELL_ARCHITECTED_JSON, well_architected};
use preflight::domain::lens::Lens;
use preflight::domain::lens::condition::parse;
use preflight::domain::plan::{Rate, plan};
use preflight::domain::storage::{decode_workload, encode_workload};
use preflight::domain::workload::Workload;

fn main() {
    divan::main();
}

/// Every question answered with its first choice: a full questionnaire.
fn full_answers(lens: &Lens) -> Answers {
    lens.questions()
        .map(|(_, q)| {
            let answer = Answer {
                selected: vec![q.choices[0].id.clone()],
                ..Answer::default()
            };
            (q.id.clone(), answer)
        })
        .collect()
}

/// Parsing and validating the built-in lens (both languages), as the app does at start-up.
#[divan::bench]
fn parse_builtin_lens() -> Lens {
    Lens::from_json(divan::black_box(WELL_ARCHITECTED_JSON)).unwrap()
}

/// Risk counts and scores of every pillar for a full questionnaire (what one click recomputes).
#[divan::bench]
fn summarize_full_lens(bencher: divan::Bencher) {
    let lens = well_architected();
    let answers = full_answers(lens);
    bencher.bench(|| summarize(lens, divan::black_box(&answers)));
}

/// Scores and the improvement plan of a full lens where every question is "None of these"
/// (the largest plan: every practice is an item), priced with a day rate.
#[divan::bench]
fn plan_and_scores_full_lens(bencher: divan::Bencher) {
    let lens = well_architected();
    let answers: Answers = lens
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
    let rate = Rate {
        currency: "CNY".into(),
        per_day: 8000.0,
        per_pillar: Default::default(),
    };
    bencher.bench(|| {
        let s = summarize(lens, divan::black_box(&answers));
        let p = plan(lens, &answers, &[], Some(&rate));
        (s, p)
    });
}

/// Counting 10,000 working days from 2026-01-01 (through official and ~40 provisional years).
#[divan::bench]
fn count_10000_working_days(bencher: divan::Bencher) {
    use preflight::domain::calendar::{Calendar, parse_date};
    let cal = Calendar::cn_mainland();
    let start = parse_date("2026-01-01").unwrap();
    bencher.bench(|| cal.add(divan::black_box(start), 10_000).unwrap());
}

/// A full schedule: consulting, five implementation packages and managed services.
#[divan::bench]
fn full_schedule(bencher: divan::Bencher) {
    use preflight::domain::calendar::{Calendar, parse_date};
    use preflight::domain::schedule::{Request, Rules, schedule};
    let cal = Calendar::cn_mainland();
    let request = Request {
        consulting: true,
        onsite_days: 2,
        implementation_onsite_days: 1,
        implementation_days: vec![10.0, 8.0, 6.0, 12.0, 5.0],
        consultants: 2,
        managed_services: true,
        preferred_start: None,
        recommended_order: true,
    };
    let today = parse_date("2026-11-21").unwrap();
    let rules = Rules::default();
    bencher.bench(|| schedule(&cal, &rules, divan::black_box(&request), today).unwrap());
}

/// One risk-rule condition parsed.
#[divan::bench]
fn parse_condition() {
    parse(divan::black_box(
        "(a_1 && b_2) || (!c_3 && (d_4 || e_5)) && !f_no",
    ))
    .unwrap();
}

/// Encoding and decoding a workload record with a full questionnaire (autosave and load).
#[divan::bench]
fn storage_round_trip(bencher: divan::Bencher) {
    let lens = well_architected();
    let mut w = Workload::new("w-bench", "2026-11-21T10:00:00Z");
    w.answers.insert(lens.id.clone(), full_answers(lens));
    bencher.bench(|| decode_workload(&encode_workload(divan::black_box(&w))).unwrap());
}

/// The consultant's job (README, "Budgets"): 1,000 exported bundles with a full questionnaire, notes and
/// a schedule, each validated, checksummed, recomputed and turned into a summary row
/// (`preflight bundle summary`). Budget: ≤ 1 s.
#[divan::bench(sample_count = 10)]
fn validate_and_summarise_1000_bundles(bencher: divan::Bencher) {
    use preflight::domain::builtin::well_architected_sha256;
    use preflight::domain::bundle::{Column, export, import, summary};
    use preflight::domain::calendar::{Calendar, parse_date};
    use preflight::domain::schedule::{Request, Rules, schedule};
    let lens = well_architected();
    let sha = well_architected_sha256();
    let request = Request {
        consulting: true,
        onsite_days: 2,
        implementation_onsite_days: 1,
        implementation_days: vec![10.0, 8.0, 6.0, 12.0, 5.0],
        consultants: 2,
        managed_services: true,
        preferred_start: None,
        recommended_order: true,
    };
    let plan_dates = schedule(
        &Calendar::cn_mainland(),
        &Rules::default(),
        &request,
        parse_date("2026-11-21").unwrap(),
    )
    .unwrap();
    let files: Vec<String> = (0..1000)
        .map(|i| {
            let mut w = Workload::new(&format!("w-{i}"), "2026-11-21T10:00:00Z");
            w.profile.organisation = format!("Customer {i}");
            w.profile.workload = "Web shop".into();
            let mut answers = full_answers(lens);
            for a in answers.values_mut() {
                a.set_notes("We reviewed this with the platform team last quarter.");
            }
            w.answers.insert(lens.id.clone(), answers);
            export(
                &w,
                &[(lens, sha, None)],
                Some(&plan_dates),
                None,
                &Rules::default(),
                "0.1.0",
                "2026-11-21T10:00:00.000Z",
            )
        })
        .collect();
    bencher.bench(|| {
        let mut rows = 0;
        let columns = Column::all(lens);
        for (i, text) in divan::black_box(&files).iter().enumerate() {
            for b in import(text).unwrap() {
                let (file, row) = (format!("{i}.json"), summary(&b, lens));
                let values: Vec<_> = columns.iter().map(|c| c.value(&file, &row)).collect();
                divan::black_box(values);
                rows += 1;
            }
        }
        assert_eq!(rows, 1000);
    });
}

/// Issue 14's budget (README, "Budgets"): all four documents of a full questionnaire with
/// consulting and two packages chosen, built and written as .docx, for 100 workloads. Budget:
/// 100 bundles ≤ 5 s (one bundle ≤ 50 ms).
#[divan::bench(sample_count = 10)]
fn four_documents_docx_100(bencher: divan::Bencher) {
    use preflight::domain::catalogue::{Catalogue, ManDays};
    use preflight::domain::reports::{Source, consulting, implementation, investigation, proposal};
    use preflight::domain::text::Lang;
    let lens = well_architected();
    let lenses = [lens];
    let catalogue = Catalogue::from_json(include_str!("../public/catalogue.json")).unwrap();
    let rules = preflight::domain::rules::Rules::default();
    let workloads: Vec<Workload> = (0..100)
        .map(|i| {
            let mut w = Workload::new(&format!("w-{i}"), "2026-11-21T10:00:00Z");
            w.profile.organisation = format!("Customer {i}");
            let mut answers = full_answers(lens);
            for a in answers.values_mut() {
                a.set_notes("We reviewed this with the platform team last quarter.");
            }
            w.answers.insert(lens.id.clone(), answers);
            w.services.consulting = true;
            for pillar in ["security", "reliability"] {
                w.services
                    .packages
                    .insert(pillar.into(), ManDays::from_tenths(50));
            }
            w
        })
        .collect();
    bencher.bench(|| {
        workloads
            .iter()
            .map(|w| {
                let src = Source {
                    workload: w,
                    lenses: &lenses,
                    catalogue: &catalogue,
                    brand: "Preflight",
                    date: "2026-11-21",
                    exported: true,
                    lang: Lang::En,
                    rate: None,
                    rules: &rules,
                    schedule: None,
                    prices: None,
                };
                [
                    Some(investigation(&src)),
                    Some(consulting(&src)),
                    implementation(&src),
                    proposal(&src),
                ]
                .into_iter()
                .map(|doc| preflight::domain::docx::write(&doc.unwrap()).unwrap().len())
                .sum::<usize>()
            })
            .sum::<usize>()
    });
}

/// The schedule as a Microsoft Project file, with every exception of the covered years.
#[divan::bench]
fn mspdi_project(bencher: divan::Bencher) {
    use preflight::domain::calendar::{Calendar, parse_date};
    use preflight::domain::mspdi::{Header, project};
    use preflight::domain::schedule::{Request, Rules, schedule};
    use preflight::domain::text::Lang;
    let cal = Calendar::cn_mainland();
    let request = Request {
        consulting: true,
        implementation_days: vec![10.0, 8.0],
        consultants: 1,
        managed_services: true,
        ..Request::default()
    };
    let s = schedule(
        &cal,
        &Rules::default(),
        &request,
        parse_date("2026-11-21").unwrap(),
    )
    .unwrap();
    let header = Header {
        title: "Acme · Web shop",
        company: "Acme",
        author: "Preflight",
        currency: "CNY",
    };
    bencher.bench(|| project(header, &cal, &s, Lang::En).len());
}
