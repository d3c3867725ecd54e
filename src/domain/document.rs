//! A printed document, as the engagement's reports are written: a title page, then headings,
//! paragraphs, lists and tables. The report builders ([`crate::domain::reports`]) make one from
//! a bundle; [`crate::domain::docx`] writes it as a Word file. Keeping the two apart means the
//! words of a report are tested without unzipping anything, and the same content could be
//! written in another format.

use crate::domain::text::Lang;

/// One block of the document's body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of level 1–3 (Word's "Heading 1"–"Heading 3", so that the navigation pane and
    /// the table of contents list it).
    Heading(u8, String),
    /// A paragraph; a newline in the text is a line break.
    Paragraph(String),
    /// A quieter paragraph (a note or an explanation).
    Note(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A table whose heading row (if its columns have headings) repeats on every page it runs
    /// onto.
    Table(Table),
}

/// A table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, one text per column.
    pub rows: Vec<Vec<String>>,
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its heading.
    pub heading: String,
    /// Its share of the page's width, relative to the other columns.
    pub weight: u16,
    /// Whether it holds numbers (aligned to the right).
    pub numeric: bool,
}

impl Column {
    /// A column of text.
    pub fn text(heading: &str, weight: u16) -> Column {
        Column {
            heading: heading.to_owned(),
            weight,
            numeric: false,
        }
    }

    /// A column of numbers.
    pub fn number(heading: &str, weight: u16) -> Column {
        Column {
            numeric: true,
            ..Column::text(heading, weight)
        }
    }
}

/// A document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Its language (Word's proofing language and the fonts follow it).
    pub lang: Lang,
    /// The sales team's brand (or the app's name): the title page's first line and the author.
    pub brand: String,
    /// The document's title, e.g. "Investigation Report".
    pub title: String,
    /// The workload it is about.
    pub subtitle: String,
    /// The title page's facts: organisation, contact, the date it is as of.
    pub facts: Vec<(String, String)>,
    /// The heading of the table of contents, e.g. "Contents".
    pub contents: String,
    /// The date it is as of (`YYYY-MM-DD`), also its creation date in the file's properties.
    pub date: String,
    /// The body.
    pub blocks: Vec<Block>,
}

impl Document {
    /// Every heading, with its level, in order (what a table of contents lists).
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading(level, text) => Some((*level, text.as_str())),
            _ => None,
        })
    }

    /// All the document's text, in order, one piece per line (for tests and searches).
    pub fn plain_text(&self) -> String {
        let mut out = vec![
            self.brand.clone(),
            self.title.clone(),
            self.subtitle.clone(),
        ];
        for (k, v) in &self.facts {
            out.push(format!("{k}: {v}"));
        }
        for b in &self.blocks {
            match b {
                Block::Heading(_, t) | Block::Paragraph(t) | Block::Note(t) => out.push(t.clone()),
                Block::Bullets(items) => out.extend(items.iter().cloned()),
                Block::Table(t) => {
                    out.push(
                        t.columns
                            .iter()
                            .map(|c| c.heading.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                    );
                    out.extend(t.rows.iter().map(|r| r.join(" | ")));
                }
            }
        }
        out.join("\n")
    }
}
