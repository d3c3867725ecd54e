//! `preflight report`: a bundle's Investigation Report as a Word file, unzipped and read back
//! the way Word reads it: the parts the package names, the body's paragraphs with their styles,
//! the tables with their repeating heading rows, the footer's page number and the properties.

mod common;
use common::{fixture, run, stdout};

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;
use std::path::{Path, PathBuf};

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("preflight-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One part of the package, as text.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut entry = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

/// A paragraph of the body: its style (`""` for Normal), its text, whether it is in a table,
/// and whether its table row is a repeating heading row.
#[derive(Debug)]
struct Para {
    style: String,
    text: String,
    in_table: bool,
    heading_row: bool,
}

fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<Para> = None;
    let (mut tables, mut heading_row, mut in_text) = (0, false, false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name();
                match name.as_ref() {
                    b"w:tbl" => tables += 1,
                    b"w:tr" => heading_row = false,
                    b"w:tblHeader" => heading_row = true,
                    b"w:p" => {
                        current = Some(Para {
                            style: String::new(),
                            text: String::new(),
                            in_table: tables > 0,
                            heading_row,
                        });
                        if matches!(reader.read_event(), Ok(Event::End(_))) {
                            out.extend(current.take());
                        }
                        continue;
                    }
                    b"w:pStyle" => {
                        if let Some(p) = current.as_mut() {
                            let v = e.try_get_attribute("w:val").unwrap().unwrap();
                            p.style = String::from_utf8(v.value.to_vec()).unwrap();
                        }
                    }
                    b"w:t" => in_text = true,
                    b"w:br" => {
                        if let Some(p) = current.as_mut() {
                            p.text.push('\n');
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:tbl" => tables -= 1,
                b"w:p" => out.extend(current.take()),
                b"w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.text.push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(g) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.text.push(match g.decode().unwrap().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unexpected entity {other}"),
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Runs `preflight [--lang LANG] report KIND BUNDLE -o TARGET`, which must succeed; returns
/// what it printed.
fn write_report(lang: Option<&str>, kind: &str, bundle: &Path, target: &Path) -> String {
    let mut args = lang.map_or_else(Vec::new, |l| vec!["--lang", l]);
    args.extend([
        "report",
        kind,
        bundle.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    stdout(&out)
}

/// The texts of the body's paragraphs in `style`.
fn styled<'a>(body: &'a [Para], style: &str) -> Vec<&'a str> {
    body.iter()
        .filter(|p| p.style == style)
        .map(|p| p.text.as_str())
        .collect()
}

/// Every heading of the body: its style and text.
fn headings(body: &[Para]) -> Vec<(&str, &str)> {
    body.iter()
        .filter(|p| p.style.starts_with("Heading"))
        .map(|p| (p.style.as_str(), p.text.as_str()))
        .collect()
}

/// The texts of the body's table cells.
fn cells(body: &[Para]) -> Vec<&str> {
    body.iter()
        .filter(|p| p.in_table)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn the_investigation_report_is_a_word_document_with_headings_tables_and_page_numbers() {
    let dir = out_dir("investigation");
    let target = dir.join("acme.docx");
    let bundle = fixture("bundles/acme-web-shop.json");
    let said = write_report(None, "investigation", &bundle, &target);
    assert!(
        said.contains("wrote") && said.contains("Investigation Report"),
        "{said}"
    );

    // The package: every part the content types name is there.
    let types = part(&target, "[Content_Types].xml");
    for name in [
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/numbering.xml",
        "word/footer1.xml",
    ] {
        assert!(types.contains(&format!("PartName=\"/{name}\"")), "{name}");
        part(&target, name);
    }
    let core = part(&target, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Investigation Report</dc:title>"),
        "{core}"
    );
    assert!(core.contains("<dc:subject>Web shop</dc:subject>"));
    assert!(
        core.contains("2026-11-21T00:00:00Z"),
        "dated as of the export"
    );

    // Headings in Word's heading styles, which the styles part defines with outline levels.
    let styles = part(&target, "word/styles.xml");
    for level in 1..=3 {
        assert!(styles.contains(&format!(
            "w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>"
        )));
        assert!(styles.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", level - 1)));
    }
    let document = part(&target, "word/document.xml");
    let body = paragraphs(&document);
    let headings = headings(&body);
    assert_eq!(
        headings,
        [
            ("Heading1", "Workload profile"),
            ("Heading2", "Description"),
            ("Heading1", "Scope"),
            ("Heading2", "Assessments"),
            ("Heading2", "Services chosen"),
            ("Heading1", "Current state by pillar"),
            ("Heading2", "Security"),
            ("Heading2", "Reliability"),
            ("Heading2", "Cost optimization"),
            ("Heading2", "Operational excellence"),
            ("Heading2", "Performance efficiency"),
            ("Heading1", "Risks"),
        ]
    );
    // The title page, then the contents listing every heading (a TOC field Word updates).
    assert_eq!(body[0].text, "Preflight");
    assert_eq!(
        (body[1].style.as_str(), body[1].text.as_str()),
        ("Title", "Investigation Report")
    );
    assert_eq!(body[2].text, "Web shop");
    assert!(
        body.iter()
            .any(|p| p.style == "Fact" && p.text == "Organisation: Acme Retail")
    );
    assert!(document.contains("TOC \\o \"1-3\" \\h \\z \\u"));
    let toc: Vec<&str> = body
        .iter()
        .filter(|p| p.style.starts_with("TOC") && p.style != "TOCHeading")
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(toc, headings.iter().map(|(_, t)| *t).collect::<Vec<_>>());
    assert!(part(&target, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    // Lists are Word lists: the bullet style is numbered with a bullet.
    assert!(
        body.iter()
            .any(|p| p.style == "ListBullet" && p.text == "Implementation: Security")
    );
    assert!(part(&target, "word/numbering.xml").contains("<w:numFmt w:val=\"bullet\"/>"));

    // Every question of the lens is in a table, and the practices the customer has are listed.
    let bundle_text = std::fs::read_to_string(&bundle).unwrap();
    let v: serde_json::Value = serde_json::from_str(&bundle_text).unwrap();
    let lens_text =
        std::fs::read_to_string(common::repo("src/content/lenses/well-architected.json")).unwrap();
    let lens: serde_json::Value = serde_json::from_str(&lens_text).unwrap();
    let cells = cells(&body);
    let answers = &v["workload"]["answers"]["well_architected"];
    let mut questions = 0;
    for pillar in lens["pillars"].as_array().unwrap() {
        for q in pillar["questions"].as_array().unwrap() {
            questions += 1;
            let title = q["title"]["en"].as_str().unwrap();
            assert!(cells.contains(&title), "{title}");
            let Some(selected) = answers[q["id"].as_str().unwrap()]["selected"].as_array() else {
                continue;
            };
            for c in q["choices"].as_array().unwrap() {
                if selected.contains(&c["id"]) {
                    let choice = c["title"]["en"].as_str().unwrap();
                    assert!(
                        cells
                            .iter()
                            .any(|cell| cell.split('\n').any(|l| l == choice)),
                        "{choice}"
                    );
                }
            }
        }
    }
    assert!(questions >= 35);
    // Every table's first row repeats on each page; no other row does. (The profile's table
    // of labels and values has no heading row.)
    let tables = document.matches("<w:tbl>").count();
    assert!(tables >= 7);
    assert_eq!(document.matches("<w:tblHeader/>").count(), tables - 1);
    assert!(body.iter().any(|p| p.heading_row && p.text == "Question"));

    // Page numbers in the footer, and none on the title page.
    let footer = part(&target, "word/footer1.xml");
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(document.contains("<w:titlePg/>"));
}

#[test]
fn the_report_is_written_in_the_language_asked_for() {
    let dir = out_dir("zh");
    let target = dir.join("acme.docx");
    let bundle = fixture("bundles/acme-web-shop.json");
    let said = write_report(Some("zh-CN"), "investigation", &bundle, &target);
    assert!(said.contains("已写入"));
    let body = paragraphs(&part(&target, "word/document.xml"));
    assert_eq!(body[1].text, "调研报告");
    let headings = styled(&body, "Heading1");
    assert_eq!(headings, ["工作负载概况", "评估范围", "各支柱现状", "风险"]);
    assert!(
        body.iter()
            .any(|p| p.style == "Heading2" && p.text == "安全")
    );
    let styles = part(&target, "word/styles.xml");
    assert!(styles.contains("<w:lang w:val=\"zh-CN\""));
    assert!(part(&target, "docProps/core.xml").contains("<dc:language>zh-CN</dc:language>"));
}

#[test]
fn hostile_text_stays_text_and_a_bad_bundle_is_named() {
    let dir = out_dir("hostile");
    let hostile = fixture("bundles/hostile/html-and-script.json");
    let bad = fixture("bundles/hostile/truncated.json");
    let out = run(&[
        "report",
        "investigation",
        hostile.to_str().unwrap(),
        bad.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("{}: ", bad.display()))),
        "{text}"
    );
    let target = dir.join("html-and-script.docx");
    let document = part(&target, "word/document.xml");
    assert!(!document.contains("<script>"), "markup is escaped");
    let body = paragraphs(&document);
    assert!(
        body.iter()
            .any(|p| p.text.starts_with("<script>window.__pwned=1</script>")),
        "and read back as the customer's text"
    );
    assert!(!dir.join("truncated.docx").exists());
}

#[test]
fn the_consulting_report_has_the_scores_findings_costed_plan_and_suggested_services() {
    let dir = out_dir("consulting");
    let target = dir.join("acme.docx");
    let bundle = fixture("bundles/acme-web-shop.json");
    write_report(None, "consulting", &bundle, &target);
    let body = paragraphs(&part(&target, "word/document.xml"));
    assert_eq!(body[1].text, "Well-Architected Consulting Report");
    let h1 = styled(&body, "Heading1");
    assert_eq!(
        h1,
        [
            "Executive summary",
            "Findings by pillar",
            "Improvement plan",
            "Recommended services"
        ]
    );
    // The scores, as the app's results page computes them for this bundle: 1 high, 2 medium
    // risks, 30 unanswered, overall 50.
    assert!(body.iter().any(|p| p.text
        == "The assessment found 1 high and 2 medium risks; 30 questions are unanswered. Overall score: 50."));
    let cells = cells(&body);
    let overall = cells.iter().position(|c| *c == "Overall").unwrap();
    assert_eq!(
        &cells[overall..overall + 7],
        ["Overall", "1", "2", "1", "1", "30", "50"]
    );
    // The high-risk question's missing practices are findings and plan items.
    assert!(cells.contains(&"How does your current architecture avoid single points of failure?"));
    assert!(cells.contains(&"Stateless tiers run several instances behind a load balancer"));
    assert!(cells.contains(&"Diagram each production workload with its network, data stores and external links, and update it after major changes."));
    assert!(body.iter().any(|p| {
        p.style == "ListBullet"
            && p.text
                .starts_with("Implementation: Reliability: 1 high risks")
    }));
}

#[test]
fn the_implementation_plan_consolidates_the_packages_with_the_schedule_the_customer_saw() {
    let dir = out_dir("implementation");
    let target = dir.join("acme.docx");
    let bundle = fixture("bundles/acme-web-shop.json");
    write_report(None, "implementation", &bundle, &target);
    let body = paragraphs(&part(&target, "word/document.xml"));
    assert_eq!(body[1].text, "Well-Architected Implementation Plan");
    let headings = headings(&body);
    assert_eq!(
        headings,
        [
            ("Heading1", "Scope"),
            ("Heading1", "Schedule"),
            ("Heading1", "Pillar packages"),
            ("Heading2", "Security"),
            ("Heading3", "Investigation focus"),
            ("Heading3", "Solution design outline"),
            ("Heading3", "Improvements from the assessment"),
            ("Heading1", "Deliverables and acceptance"),
            ("Heading2", "Deliverables"),
            ("Heading2", "Acceptance plan"),
        ]
    );
    // The implementation dates are those the bundle recorded when the customer exported it.
    let text = std::fs::read_to_string(&bundle).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let date_of = |id: &str| {
        v["schedule"]["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event"] == id)
            .unwrap()["date"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let cells = cells(&body);
    for (name, id) in [
        ("Implementation starts", "implementation_start"),
        (
            "Well-Architected Implementation Plan",
            "implementation_plan",
        ),
        (
            "Confirm the Implementation Plan (acceptance due)",
            "implementation_acceptance",
        ),
    ] {
        let at = cells.iter().position(|c| *c == name).unwrap();
        assert_eq!(cells[at + 1], date_of(id), "{name}");
    }
    // The package's man-days, and the catalogue's investigation focus for the pillar.
    assert!(body.iter().any(|p| p.text == "Man-days: 5"));
    let catalogue = std::fs::read_to_string(common::repo("public/catalogue.json")).unwrap();
    let c: serde_json::Value = serde_json::from_str(&catalogue).unwrap();
    let focus = c["offerings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "wa_implementation")
        .unwrap()["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["pillar"] == "security")
        .unwrap()["focus"]["en"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(body.iter().any(|p| p.text == focus), "{focus}");
}

#[test]
fn the_proposal_has_each_service_the_schedule_and_the_quote_in_chinese() {
    let dir = out_dir("proposal");
    let target = dir.join("acme.docx");
    let bundle = fixture("bundles/acme-web-shop.json");
    write_report(Some("zh-CN"), "proposal", &bundle, &target);
    let body = paragraphs(&part(&target, "word/document.xml"));
    assert_eq!(body[1].text, "服务建议书");
    let h1 = styled(&body, "Heading1");
    assert_eq!(
        h1,
        [
            "卓越架构（Well-Architected）咨询服务",
            "卓越架构实施服务",
            "排期",
            "报价"
        ]
    );
    let cells = cells(&body);
    let total = cells.iter().position(|c| *c == "总人天").unwrap();
    assert_eq!(
        cells[total + 1],
        "10",
        "consulting's 5 days and the security package's 5"
    );
    assert!(
        body.iter().any(|p| p.text == "中：您如何对数据进行分类？")
            || body.iter().any(|p| p.text.starts_with("中：")),
        "the risk the package answers"
    );
}

#[test]
fn a_sales_teams_catalogue_names_the_services_and_a_broken_one_is_refused_by_path() {
    let dir = out_dir("catalogue");
    let bundle = fixture("bundles/acme-web-shop.json");
    let text = std::fs::read_to_string(common::repo("public/catalogue.json")).unwrap();
    let mut c: serde_json::Value = serde_json::from_str(&text).unwrap();
    c["offerings"][0]["name"]["en"] = "Architecture Review (Acme edition)".into();
    let own = common::temp_file("report", "catalogue.json", &c.to_string());
    let target = dir.join("proposal.docx");
    let out = run(&[
        "report",
        "proposal",
        bundle.to_str().unwrap(),
        "--catalogue",
        own.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let body = paragraphs(&part(&target, "word/document.xml"));
    assert_eq!(
        styled(&body, "Heading1")[0],
        "Architecture Review (Acme edition)"
    );

    c["offerings"][0]["name"] = 7.into();
    let broken = common::temp_file("report", "broken-catalogue.json", &c.to_string());
    let out = run(&[
        "report",
        "proposal",
        bundle.to_str().unwrap(),
        "--catalogue",
        broken.to_str().unwrap(),
        "-o",
        dir.join("never.docx").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = stdout(&out);
    assert!(
        said.starts_with(&format!("{}: $.offerings[0].name", broken.display())),
        "{said}"
    );
    assert!(!dir.join("never.docx").exists());
}

#[test]
fn the_office_worker_writes_byte_for_byte_what_the_command_line_writes() {
    // The browser's Office worker runs `office::write` on the bundle file's text and the site's
    // config and catalogue texts; the command line reads the same files from disk.
    use preflight::domain::office::{DocumentRequest, Report, Request, write};
    let dir = out_dir("worker");
    let bundle = fixture("bundles/acme-web-shop.json");
    let config = common::repo("public/config.example.json");
    let catalogue = common::repo("public/catalogue.json");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    for report in Report::ALL {
        for with_site_files in [false, true] {
            let target = dir.join(format!("{}-{with_site_files}.docx", report.id()));
            let mut args = vec![
                "report".to_owned(),
                report.id().to_owned(),
                bundle.display().to_string(),
                "-o".to_owned(),
                target.display().to_string(),
            ];
            if with_site_files {
                args.extend([
                    "--config".to_owned(),
                    config.display().to_string(),
                    "--catalogue".to_owned(),
                    catalogue.display().to_string(),
                ]);
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = run(&args);
            assert!(o.status.success(), "{}", stdout(&o));
            let request = Request::Document(DocumentRequest {
                report,
                bundle: read(&bundle),
                index: 0,
                own: false,
                catalogue: with_site_files.then(|| read(&catalogue)),
                config: with_site_files.then(|| read(&config)),
                lang: None,
                fallback: preflight::domain::text::Lang::En,
                // An import is shown as of its export, whatever the clock says.
                now: 4_102_444_800_000.0,
            });
            let from_worker = write(&Request::from_json(&request.to_json()).unwrap()).unwrap();
            assert!(
                std::fs::read(&target).unwrap() == from_worker,
                "{} (site files: {with_site_files}) differs between the CLI and the worker",
                report.id()
            );
        }
    }
}
