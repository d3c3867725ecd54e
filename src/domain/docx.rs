//! A [`Document`] as a Word file (`.docx`, Office Open XML WordprocessingML).
//!
//! What Word users get, and tests read back:
//! - a **title page** (brand, title, workload, facts) without a page number, then a table of
//!   contents and the body, with the page number centred in every other page's footer;
//! - real **heading styles** ("heading 1"–"heading 3", with outline levels), so the navigation
//!   pane works and the table of contents is a Word TOC field (pre-filled with the headings;
//!   Word adds the page numbers when it updates fields, which it offers on opening);
//! - **tables** with a heading row that repeats on every page and rows that do not split;
//! - the document's **language** as its proofing language, with East Asian fonts for Chinese;
//! - title, author, language and date in the file's properties.
//!
//! Written by hand over the `zip` crate that the spreadsheet writer already links, rather than
//! with `docx-rs`: its release (0.4.22) stores every part uncompressed, has no repeating
//! heading rows and no way to set the title or author, and passes control characters through
//! into invalid XML, so three of the five things above would have been patches on its output.
//! WordprocessingML is strict about element order; the order here follows ECMA-376.

use crate::domain::document::{Block, Column, Document, Table};
use crate::domain::text::{Lang, xml_text as esc};
use std::fmt::Write as _;
use std::io::Write as _;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// A4, in twentieths of a point.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1247;
const TEXT_W: u32 = PAGE_W - 2 * MARGIN;

/// Runs of text: each line of `text` a `<w:t>`, with a line break between lines.
fn runs(x: &mut String, text: &str, bold: bool) {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    for (i, line) in text.replace('\r', "").split('\n').enumerate() {
        if i > 0 {
            let _ = write!(x, "<w:r>{rpr}<w:br/></w:r>");
        }
        if !line.is_empty() {
            let _ = write!(
                x,
                "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(line)
            );
        }
    }
}

/// A paragraph of `style` (none: Normal), right-aligned if asked.
fn paragraph(x: &mut String, style: Option<&str>, text: &str, right: bool, bold: bool) {
    x.push_str("<w:p>");
    if style.is_some() || right {
        x.push_str("<w:pPr>");
        if let Some(s) = style {
            let _ = write!(x, "<w:pStyle w:val=\"{s}\"/>");
        }
        if right {
            x.push_str("<w:jc w:val=\"right\"/>");
        }
        x.push_str("</w:pPr>");
    }
    runs(x, text, bold);
    x.push_str("</w:p>");
}

/// The columns' widths in twips, in proportion to their weights, filling the text width.
fn widths(columns: &[Column]) -> Vec<u32> {
    let total: u32 = columns.iter().map(|c| u32::from(c.weight.max(1))).sum();
    columns
        .iter()
        .map(|c| TEXT_W * u32::from(c.weight.max(1)) / total.max(1))
        .collect()
}

fn table(x: &mut String, t: &Table) {
    let widths = widths(&t.columns);
    x.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"PreflightTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
    for w in &widths {
        let _ = write!(x, "<w:gridCol w:w=\"{w}\"/>");
    }
    x.push_str("</w:tblGrid>");
    // The heading row, if the columns have headings: repeated on every page, never split.
    if t.columns.iter().any(|c| !c.heading.is_empty()) {
        x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (c, w) in t.columns.iter().zip(&widths) {
            let _ = write!(
                x,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F2\"/></w:tcPr>"
            );
            paragraph(x, Some("TableText"), &c.heading, c.numeric, true);
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
    }
    for row in &t.rows {
        x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, (c, w)) in t.columns.iter().zip(&widths).enumerate() {
            let _ = write!(
                x,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
            );
            let cell = row.get(i).map_or("", String::as_str);
            paragraph(x, Some("TableText"), cell, c.numeric, false);
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    // Two tables in a row would merge into one: a paragraph keeps them apart.
    x.push_str("<w:p/>");
}

/// A complex field: `instruction` with `result` shown until Word updates it.
fn field_start(x: &mut String, instruction: &str) {
    let _ = write!(
        x,
        "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
    );
}

fn field_end(x: &mut String) {
    x.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

/// The body: title page, contents, blocks, and the section's page setup.
fn document_xml(doc: &Document) -> String {
    let mut x = String::with_capacity(64 * 1024);
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>"
    );
    paragraph(&mut x, Some("Brand"), &doc.brand, false, false);
    paragraph(&mut x, Some("Title"), &doc.title, false, false);
    paragraph(&mut x, Some("Subtitle"), &doc.subtitle, false, false);
    for (k, v) in &doc.facts {
        x.push_str("<w:p><w:pPr><w:pStyle w:val=\"Fact\"/></w:pPr>");
        runs(&mut x, &format!("{k}: "), true);
        runs(&mut x, v, false);
        x.push_str("</w:p>");
    }
    // The contents on a page of their own, after the title page.
    x.push_str("<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/><w:pageBreakBefore/></w:pPr>");
    runs(&mut x, &doc.contents, false);
    x.push_str("</w:p>");
    let mut first = true;
    for (level, text) in doc.headings() {
        let _ = write!(x, "<w:p><w:pPr><w:pStyle w:val=\"TOC{level}\"/></w:pPr>");
        if first {
            field_start(&mut x, "TOC \\o \"1-3\" \\h \\z \\u");
        }
        runs(&mut x, text, false);
        x.push_str("</w:p>");
        first = false;
    }
    if first {
        x.push_str("<w:p>");
        field_start(&mut x, "TOC \\o \"1-3\" \\h \\z \\u");
    } else {
        x.push_str("<w:p>");
    }
    field_end(&mut x);
    x.push_str("</w:p>");
    let mut after_contents = true;
    for b in &doc.blocks {
        match b {
            Block::Heading(level, text) => {
                let level = (*level).clamp(1, 3);
                if level == 1 && after_contents {
                    // The body starts on a new page.
                    let _ = write!(
                        x,
                        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr>"
                    );
                    runs(&mut x, text, false);
                    x.push_str("</w:p>");
                } else {
                    paragraph(&mut x, Some(&format!("Heading{level}")), text, false, false);
                }
                after_contents = false;
            }
            Block::Paragraph(text) => paragraph(&mut x, None, text, false, false),
            Block::Note(text) => paragraph(&mut x, Some("Note"), text, false, false),
            Block::Bullets(items) => {
                for item in items {
                    paragraph(&mut x, Some("ListBullet"), item, false, false);
                }
            }
            Block::Table(t) => table(&mut x, t),
        }
    }
    let _ = write!(
        x,
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"1418\" w:right=\"{MARGIN}\" w:bottom=\"1418\" w:left=\"{MARGIN}\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>"
    );
    x
}

/// The styles: defaults in the document's language, the title page's, headings 1–3 with their
/// outline levels, the contents' levels, notes, bullets, table text and the footer.
fn styles_xml(lang: Lang) -> String {
    let (lang_tag, east_asia_font) = match lang {
        Lang::En => ("en-GB", "SimSun"),
        Lang::ZhCn => ("zh-CN", "Microsoft YaHei"),
    };
    let paragraph_style = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"{east_asia_font}\" w:cs=\"Calibri\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{lang_tag}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    x.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    x.push_str(&paragraph_style(
        "Brand",
        "Preflight Brand",
        "<w:spacing w:before=\"2400\" w:after=\"120\"/>",
        "<w:caps/><w:color w:val=\"44546A\"/><w:sz w:val=\"24\"/>",
    ));
    x.push_str(&paragraph_style(
        "Title",
        "Title",
        "<w:spacing w:after=\"240\"/>",
        "<w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"56\"/><w:szCs w:val=\"56\"/>",
    ));
    x.push_str(&paragraph_style(
        "Subtitle",
        "Subtitle",
        "<w:spacing w:after=\"720\"/>",
        "<w:color w:val=\"44546A\"/><w:sz w:val=\"32\"/>",
    ));
    x.push_str(&paragraph_style(
        "Fact",
        "Preflight Fact",
        "<w:spacing w:after=\"60\"/>",
        "",
    ));
    for (level, size, before) in [(1u8, 32u8, 360u16), (2, 26, 280), (3, 22, 200)] {
        let _ = write!(
            x,
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            level - 1
        );
    }
    x.push_str(&paragraph_style(
        "TOCHeading",
        "TOC Heading",
        "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"240\"/>",
        "<w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"32\"/>",
    ));
    for level in 1..=3u16 {
        let _ = write!(
            x,
            "<w:style w:type=\"paragraph\" w:styleId=\"TOC{level}\"><w:name w:val=\"toc {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{TEXT_W}\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"{}\"/></w:pPr></w:style>",
            (level - 1) * 240
        );
    }
    x.push_str(&paragraph_style(
        "Note",
        "Preflight Note",
        "",
        "<w:i/><w:color w:val=\"44546A\"/>",
    ));
    x.push_str(&paragraph_style(
        "ListBullet",
        "List Bullet",
        "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"240\"/>",
        "",
    ));
    x.push_str(&paragraph_style(
        "TableText",
        "Preflight Table Text",
        "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    x.push_str(&paragraph_style(
        "Footer",
        "footer",
        "<w:jc w:val=\"center\"/>",
        "<w:color w:val=\"595959\"/><w:sz w:val=\"16\"/>",
    ));
    x.push_str("<w:style w:type=\"table\" w:styleId=\"PreflightTable\"><w:name w:val=\"Preflight Table\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    x.push_str("</w:styles>");
    x
}

/// The footer of every page but the title page: the document's title and the page number.
fn footer_xml(doc: &Document) -> String {
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
    );
    runs(
        &mut x,
        &format!("{} · {} · ", doc.title, doc.subtitle),
        false,
    );
    field_start(&mut x, "PAGE");
    x.push_str("<w:r><w:t>2</w:t></w:r>");
    field_end(&mut x);
    x.push_str("</w:p></w:ftr>");
    x
}

/// Word updates the fields (the table of contents' page numbers) when the file is opened.
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

/// One bulleted list format (the "List Bullet" style's numbering).
const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/></Relationships>";

fn core_xml(doc: &Document) -> String {
    let lang = match doc.lang {
        Lang::En => "en-GB",
        Lang::ZhCn => "zh-CN",
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>{lang}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created></cp:coreProperties>",
        esc(&doc.title),
        esc(&doc.subtitle),
        esc(&doc.brand),
        esc(&doc.date),
    )
}

fn app_xml(doc: &Document) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>{}</Application></Properties>",
        esc(&doc.brand)
    )
}

/// The `.docx` file's bytes.
pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", core_xml(doc)),
        ("docProps/app.xml", app_xml(doc)),
        ("word/document.xml", document_xml(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles_xml(doc.lang)),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/numbering.xml", NUMBERING.to_owned()),
    ];
    let footer = footer_xml(doc);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts
        .iter()
        .map(|(n, t)| (*n, t.as_str()))
        .chain([("word/footer1.xml", footer.as_str())])
    {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn doc() -> Document {
        Document {
            lang: Lang::En,
            brand: "Brand & Co".into(),
            title: "Report".into(),
            subtitle: "Shop <1>".into(),
            facts: vec![("Organisation".into(), "Acme\u{1}\u{7}".into())],
            contents: "Contents".into(),
            date: "2026-11-21".into(),
            blocks: vec![
                Block::Heading(1, "One".into()),
                Block::Paragraph("a\nb".into()),
                Block::Table(Table {
                    columns: vec![Column::text("Name", 2), Column::number("Days", 1)],
                    rows: vec![vec!["x".into(), "1.5".into()]],
                }),
            ],
        }
    }

    #[test]
    fn text_is_escaped_and_characters_xml_cannot_hold_are_dropped() {
        assert_eq!(
            esc("a<b>&\"'\u{0}\u{b}\u{FFFE}c"),
            "a&lt;b&gt;&amp;&quot;&apos;c"
        );
        assert_eq!(esc("中文\ttab"), "中文\ttab");
    }

    #[test]
    fn the_package_is_deflated_and_every_part_is_well_formed_xml() {
        let bytes = write(&doc()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(zip.len(), 10);
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            assert_eq!(
                f.compression(),
                zip::CompressionMethod::Deflated,
                "{}",
                f.name()
            );
            let name = f.name().to_owned();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            let mut reader = quick_xml::Reader::from_str(&text);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{name}: {e}"),
                }
            }
        }
        let mut document = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut document)
            .unwrap();
        assert!(document.contains("Shop &lt;1&gt;"));
        assert!(document.contains("<w:t xml:space=\"preserve\">Acme</w:t>"));
        assert!(document.contains("<w:t xml:space=\"preserve\">a</w:t></w:r><w:r><w:br/></w:r>"));
        assert!(
            document
                .contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1.5")
        );
    }
}
