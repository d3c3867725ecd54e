//! Spreadsheets as data, and writing them as `.xlsx`.
//!
//! The app builds a [`Book`] (sheets of typed cells) from a workload; the spreadsheet worker turns
//! it into an `.xlsx` file with rust_xlsxwriter ([`Book::to_xlsx`]). The book crosses from the
//! page to the worker as JSON ([`Book::to_value`] / [`Book::from_value`]), which keeps the
//! worker's wasm free of lenses and views and the page's wasm free of the xlsx writer.
//!
//! Every sheet gets a bold header row, frozen, with an autofilter over its data; numbers are
//! written as numbers and dates as dates, each column with its own number format.

use crate::domain::milestone::is_iso_date;
use crate::domain::validate::{Checker, JsonPath, Problem};
use serde_json::{Map, Value};

/// The longest sheet name Excel accepts.
const MAX_SHEET_NAME: usize = 31;
/// A generous bound on the size of a book sent to the worker.
const MAX_CELLS: usize = 200_000;

/// How a column's numbers are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// As text.
    Text,
    /// A whole number.
    Integer,
    /// Man-days, one decimal.
    Days,
    /// Money, two decimals with thousands separators.
    Money,
    /// A date, `yyyy-mm-dd`.
    Date,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Integer => "integer",
            Format::Days => "days",
            Format::Money => "money",
            Format::Date => "date",
        }
    }

    fn from_name(s: &str) -> Option<Format> {
        [
            Format::Text,
            Format::Integer,
            Format::Days,
            Format::Money,
            Format::Date,
        ]
        .into_iter()
        .find(|f| f.name() == s)
    }

    fn excel(self) -> &'static str {
        match self {
            Format::Text => "@",
            Format::Integer => "0",
            Format::Days => "0.0",
            Format::Money => "#,##0.00",
            Format::Date => "yyyy-mm-dd",
        }
    }
}

/// A column: its header, width (in characters) and format.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header text.
    pub header: String,
    /// Width in Excel character units.
    pub width: f64,
    /// How its cells are shown.
    pub format: Format,
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date, `YYYY-MM-DD`.
    Date(String),
}

/// A sheet: columns and rows of cells (a row may be shorter than the columns).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The tab's name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its rows, below the header.
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    /// Document title (file properties).
    pub title: String,
    /// Its sheets, in order.
    pub sheets: Vec<Sheet>,
}

impl Book {
    /// The book as JSON, for the worker.
    pub fn to_value(&self) -> Value {
        let sheets = self
            .sheets
            .iter()
            .map(|s| {
                let columns = s
                    .columns
                    .iter()
                    .map(|c| {
                        let mut m = Map::new();
                        m.insert("header".into(), c.header.as_str().into());
                        m.insert("width".into(), c.width.into());
                        m.insert("format".into(), c.format.name().into());
                        Value::Object(m)
                    })
                    .collect();
                let rows = s
                    .rows
                    .iter()
                    .map(|r| Value::Array(r.iter().map(cell_to_value).collect()))
                    .collect();
                let mut m = Map::new();
                m.insert("name".into(), s.name.as_str().into());
                m.insert("columns".into(), Value::Array(columns));
                m.insert("rows".into(), Value::Array(rows));
                Value::Object(m)
            })
            .collect();
        let mut m = Map::new();
        m.insert("title".into(), self.title.as_str().into());
        m.insert("sheets".into(), Value::Array(sheets));
        Value::Object(m)
    }

    /// Reads a book from JSON, reporting every problem by path.
    pub fn from_value(value: &Value) -> Result<Book, Vec<crate::domain::validate::Issue>> {
        let mut c = Checker::new();
        let book = book_from_value(&mut c, value);
        match book {
            Some(b) if c.is_clean() => Ok(b),
            _ => Err(c.into_issues()),
        }
    }

    /// Writes the book as an `.xlsx` file.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, String> {
        use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as XFormat, Workbook};
        let mut workbook = Workbook::new();
        workbook.set_properties(&DocProperties::new().set_title(&self.title));
        let header = XFormat::new().set_bold().set_background_color(0xDDE7F3);
        let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
        for sheet in &self.sheets {
            let ws = workbook.add_worksheet();
            ws.set_name(&sheet.name).map_err(err)?;
            let formats: Vec<XFormat> = sheet
                .columns
                .iter()
                .map(|c| {
                    XFormat::new()
                        .set_num_format(c.format.excel())
                        .set_text_wrap()
                })
                .collect();
            for (ci, column) in sheet.columns.iter().enumerate() {
                let col = u16::try_from(ci).map_err(|_| "too many columns".to_owned())?;
                ws.set_column_width(col, column.width).map_err(err)?;
                ws.write_string_with_format(0, col, &column.header, &header)
                    .map_err(err)?;
            }
            for (ri, row) in sheet.rows.iter().enumerate() {
                let r = u32::try_from(ri + 1).map_err(|_| "too many rows".to_owned())?;
                for (ci, cell) in row.iter().enumerate().take(sheet.columns.len()) {
                    let col = u16::try_from(ci).map_err(|_| "too many columns".to_owned())?;
                    let format = &formats[ci];
                    match cell {
                        Cell::Empty => {}
                        Cell::Text(s) => {
                            ws.write_string_with_format(r, col, s, format)
                                .map_err(err)?;
                        }
                        Cell::Number(n) => {
                            ws.write_number_with_format(r, col, *n, format)
                                .map_err(err)?;
                        }
                        Cell::Date(d) => {
                            let (y, m, day) = ymd(d).ok_or_else(|| format!("bad date {d}"))?;
                            let date = ExcelDateTime::from_ymd(y, m, day).map_err(err)?;
                            ws.write_datetime_with_format(r, col, &date, format)
                                .map_err(err)?;
                        }
                    }
                }
            }
            if !sheet.columns.is_empty() {
                let last_col = u16::try_from(sheet.columns.len() - 1).unwrap_or(0);
                let last_row = u32::try_from(sheet.rows.len()).unwrap_or(0);
                ws.set_freeze_panes(1, 0).map_err(err)?;
                ws.autofilter(0, 0, last_row, last_col).map_err(err)?;
            }
        }
        workbook.save_to_buffer().map_err(err)
    }
}

fn ymd(date: &str) -> Option<(u16, u8, u8)> {
    if !is_iso_date(date) {
        return None;
    }
    Some((
        date[..4].parse().ok()?,
        date[5..7].parse().ok()?,
        date[8..].parse().ok()?,
    ))
}

fn cell_to_value(cell: &Cell) -> Value {
    match cell {
        Cell::Empty => Value::Null,
        Cell::Text(s) => s.as_str().into(),
        Cell::Number(n) => Value::from(*n),
        Cell::Date(d) => {
            let mut m = Map::new();
            m.insert("date".into(), d.as_str().into());
            Value::Object(m)
        }
    }
}

fn book_from_value(c: &mut Checker, value: &Value) -> Option<Book> {
    let root = JsonPath::root();
    let obj = c.object(value, &root)?;
    let title = c.optional_text(obj, "title", &root, 200);
    let spath = root.key("sheets");
    let items = c
        .required(obj, "sheets", &root)
        .and_then(|v| c.array(v, &spath))?;
    c.count(items.len(), &spath, 1, 16);
    let mut cells = 0usize;
    let mut sheets = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = spath.index(i);
        let Some(obj) = c.object(item, &path) else {
            continue;
        };
        let name = c.required(obj, "name", &path).and_then(|v| {
            let npath = path.key("name");
            let name = c.string(v, &npath, MAX_SHEET_NAME)?;
            if name.contains(['[', ']', ':', '*', '?', '/', '\\']) {
                c.report(&npath, Problem::BadSheetName);
                return None;
            }
            Some(name)
        });
        let cpath = path.key("columns");
        let mut columns = Vec::new();
        if let Some(list) = c
            .required(obj, "columns", &path)
            .and_then(|v| c.array(v, &cpath))
        {
            c.count(list.len(), &cpath, 1, 64);
            for (j, col) in list.iter().enumerate() {
                let colpath = cpath.index(j);
                let Some(o) = c.object(col, &colpath) else {
                    continue;
                };
                let header = c.optional_text(o, "header", &colpath, 200);
                let width = o.get("width").map_or(Some(12.0), |v| {
                    c.number(v, &colpath.key("width"), 1.0, 200.0)
                });
                let format = o.get("format").and_then(|v| {
                    let fpath = colpath.key("format");
                    let s = c.free_text(v, &fpath, 16)?;
                    let f = Format::from_name(&s);
                    if f.is_none() {
                        c.report(
                            &fpath,
                            Problem::NotOneOf {
                                found: s,
                                allowed: &["text", "integer", "days", "money", "date"],
                            },
                        );
                    }
                    f
                });
                if let (Some(header), Some(width), Some(format)) = (header, width, format) {
                    columns.push(Column {
                        header,
                        width,
                        format,
                    });
                }
            }
        }
        let rpath = path.key("rows");
        let mut rows = Vec::new();
        if let Some(list) = c
            .required(obj, "rows", &path)
            .and_then(|v| c.array(v, &rpath))
        {
            for (j, row) in list.iter().enumerate() {
                let rowpath = rpath.index(j);
                let Some(cells_in) = c.array(row, &rowpath) else {
                    continue;
                };
                cells += cells_in.len();
                if cells > MAX_CELLS {
                    c.report(
                        &rowpath,
                        Problem::TooMany {
                            len: cells,
                            max: MAX_CELLS,
                        },
                    );
                    return None;
                }
                let mut out = Vec::with_capacity(cells_in.len());
                for (k, cell) in cells_in.iter().enumerate() {
                    let cellpath = rowpath.index(k);
                    out.push(match cell {
                        Value::Null => Cell::Empty,
                        Value::String(s) => Cell::Text(s.clone()),
                        Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(0.0)),
                        Value::Object(o) => match o.get("date").and_then(Value::as_str) {
                            Some(d) if is_iso_date(d) => Cell::Date(d.to_owned()),
                            _ => {
                                c.report(&cellpath, Problem::NotADateCell);
                                Cell::Empty
                            }
                        },
                        other => {
                            c.report(
                                &cellpath,
                                Problem::WrongType {
                                    expected: crate::domain::validate::Kind::Cell,
                                    found: crate::domain::validate::type_name(other),
                                },
                            );
                            Cell::Empty
                        }
                    });
                }
                rows.push(out);
            }
        }
        if let Some(name) = name {
            sheets.push(Sheet {
                name,
                columns,
                rows,
            });
        }
    }
    Some(Book {
        title: title?,
        sheets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    fn book() -> Book {
        Book {
            title: "Plan".into(),
            sheets: vec![Sheet {
                name: "Improvement plan".into(),
                columns: vec![
                    Column {
                        header: "Practice".into(),
                        width: 40.0,
                        format: Format::Text,
                    },
                    Column {
                        header: "Effort".into(),
                        width: 10.0,
                        format: Format::Days,
                    },
                    Column {
                        header: "Due".into(),
                        width: 12.0,
                        format: Format::Date,
                    },
                ],
                rows: vec![
                    vec![
                        Cell::Text("Tag every resource".into()),
                        Cell::Number(1.5),
                        Cell::Date("2026-12-01".into()),
                    ],
                    vec![Cell::Text("数据分级".into()), Cell::Empty],
                ],
            }],
        }
    }

    #[test]
    fn survives_the_trip_to_the_worker() {
        let b = book();
        assert_eq!(Book::from_value(&b.to_value()).unwrap(), b);
    }

    #[test]
    fn hostile_books_are_refused_with_paths() {
        let v: Value = serde_json::from_str(
            r#"{"title": "x", "sheets": [{"name": "a/b", "columns": [{"header": "h", "format": "gif"}],
                "rows": [[{"date": "2026-02-30"}, true]]}]}"#,
        )
        .unwrap();
        let issues: Vec<String> = Book::from_value(&v)
            .unwrap_err()
            .iter()
            .map(|i| i.path.to_string())
            .collect();
        assert_eq!(
            issues,
            [
                "$.sheets[0].name",
                "$.sheets[0].columns[0].format",
                "$.sheets[0].rows[0][0]",
                "$.sheets[0].rows[0][1]"
            ]
        );
    }

    #[test]
    fn writes_numbers_as_numbers_and_dates_as_dates() {
        let bytes = book().to_xlsx().unwrap();
        let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(xlsx.sheet_names(), ["Improvement plan"]);
        let range = xlsx.worksheet_range("Improvement plan").unwrap();
        assert_eq!(range.get((0, 0)), Some(&Data::String("Practice".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(1.5)));
        match range.get((1, 2)) {
            Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 46357.0), // 2026-12-01
            other => panic!("{other:?}"),
        }
        assert_eq!(range.get((2, 0)), Some(&Data::String("数据分级".into())));
    }
}
