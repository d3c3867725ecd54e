//! The consultant's workspace: import customers' bundles (file picker or drag-and-drop), list
//! them with validity and key figures, open one read-only in every view the customer had,
//! compare several pillar by pillar, and export the summary as CSV or Excel.

use crate::domain::builtin::well_architected;
use crate::domain::bundle::{Column, Integrity, csv_line, summary};
use crate::domain::sheet::{Book, Cell, Column as SheetColumn, Sheet};
use crate::domain::text::Lang;
use crate::i18n::{Msg, integrity_msg, issue_text, summary_header};
use crate::ui::download::download;
use crate::ui::office::download_workbook;
use crate::ui::route::Route;
use crate::ui::state::{AppState, use_app};
use crate::ui::table::{Col, head};
use crate::ui::transfer::{import_files, summary_name};
use crate::ui::views::localized;
use crate::ui::views::results::score_text;
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// The summary's rows, one per imported bundle, as cells of [`Column::all`].
fn rows(app: AppState) -> Vec<Vec<(Column, Value, Cell)>> {
    let lens = well_architected();
    let lang = app.lang.get_untracked();
    let yes_no = [Msg::Yes.text(lang), Msg::No.text(lang)];
    let columns = Column::all(lens);
    app.imported.with_untracked(|xs| {
        xs.iter()
            .map(|x| {
                let row = summary(&x.bundle, lens);
                columns
                    .iter()
                    .map(|c| (*c, c.value(&x.file, &row), c.cell(&x.file, &row, yes_no)))
                    .collect()
            })
            .collect()
    })
}

/// The badge class of an integrity (the colour of the risk it stands for).
fn integrity_class(i: Integrity) -> &'static str {
    match i {
        Integrity::Intact => "none",
        Integrity::Changed => "high",
        Integrity::Unchecked => "medium",
    }
}

/// The workspace page: import, check, compare and summarise customers' bundles.
#[component]
pub fn WorkspacePage() -> impl IntoView {
    // What the user is in the middle of survives a language switch (see `localized`).
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let export_status = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    localized(move |lang| {
        view! {
            {import_panel(lang, dragging, export_status)}
            {refused_files(lang)}
            {imported_list(lang, selected)}
            {bundle_comparison(lang, selected)}
        }
        .into_any()
    })
}

/// The page's first card: the file picker and drop zone, progress, and the summary downloads.
fn import_panel(
    // The interface language.
    lang: Lang,
    // Whether files are being dragged over the drop zone.
    dragging: RwSignal<bool>,
    // What the last summary download said.
    export_status: RwSignal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let on_files = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if let Some(files) = input.files() {
                import_files(app, files);
            }
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            import_files(app, files);
        }
    };
    let csv = move |_| {
        let lens = well_architected();
        let header: Vec<Value> = Column::all(lens)
            .into_iter()
            .map(|c| summary_header(c, lens, lang).into())
            .collect();
        let mut text = csv_line(&header);
        for r in rows(app) {
            let values: Vec<Value> = r.into_iter().map(|(_, v, _)| v).collect();
            text.push_str("\r\n");
            text.push_str(&csv_line(&values));
        }
        text.push_str("\r\n");
        // A BOM so that spreadsheet programs read the UTF-8 (Chinese) text correctly.
        download(
            &summary_name("csv"),
            "text/csv;charset=utf-8",
            &format!("\u{feff}{text}"),
        );
    };
    let excel = move |_| {
        let lens = well_architected();
        let columns: Vec<SheetColumn> = Column::all(lens)
            .into_iter()
            .enumerate()
            .map(|(i, c)| SheetColumn {
                width: if i < 3 { 26.0 } else { 12.0 },
                format: c.format(),
                header: summary_header(c, lens, lang),
            })
            .collect();
        let rows: Vec<Vec<Cell>> = rows(app)
            .into_iter()
            .map(|r| r.into_iter().map(|(_, _, cell)| cell).collect())
            .collect();
        let book = Book {
            title: Msg::WorkspaceTitle.text(lang).to_owned(),
            sheets: vec![Sheet {
                name: Msg::SheetSummary.text(lang).to_owned(),
                columns,
                rows,
            }],
        };
        download_workbook(book, summary_name("xlsx"), lang, export_status, None);
    };

    let empty = Memo::new(move |_| app.imported.with(Vec::is_empty));
    let session_only = move || {
        let n = app
            .imported
            .with(|xs| xs.iter().filter(|x| x.stored_chars == 0).count());
        (n > 0).then(|| {
            view! {
                <p class="notice" role="status" data-testid="session-only">
                    {Msg::SessionOnlyImports.fill(lang, &[("n", &n.to_string())])}
                </p>
            }
        })
    };
    let progress = move || {
        app.importing.get().map(|(done, total)| {
            Msg::Importing.fill(
                lang,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            )
        })
    };
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::WorkspaceTitle.text(lang)}</h1>
            <p class="muted">{Msg::WorkspaceIntro.text(lang)}</p>
            <div class="dropzone" class:dragging=move || dragging.get() data-testid="dropzone"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for="import-files">{Msg::ChooseBundles.text(lang)}</label>
                <input type="file" id="import-files" data-testid="import-files" multiple accept=".json,application/json" on:change=on_files/>
                <p class="small muted">{Msg::OrDrop.text(lang)}</p>
            </div>
            <p role="status" data-testid="import-progress">{progress}</p>
            {session_only}
            <div class="actions">
                <button type="button" class="button secondary" data-testid="export-csv" on:click=csv
                    prop:disabled=move || empty.get()>{Msg::ExportCsv.text(lang)}</button>
                <button type="button" class="button secondary" data-testid="export-xlsx" on:click=excel
                    prop:disabled=move || empty.get()>{Msg::ExportXlsx.text(lang)}</button>
            </div>
            <p role="status" data-testid="export-status">{move || export_status.get()}</p>
        </section>
    }
}

/// The files refused this session, each with its first problems.
fn refused_files(
    // The interface language.
    lang: Lang,
) -> impl IntoView {
    let app = use_app();
    let refused = move || {
        let items = app.refused.get();
        (!items.is_empty()).then(|| {
            let list = items
                .into_iter()
                .map(|r| {
                    let problems = r
                        .issues
                        .iter()
                        .take(5)
                        .map(|i| view! { <li>{issue_text(i, lang)}</li> })
                        .collect_view();
                    let more = (r.issues.len() > 5).then(|| Msg::MoreProblems.fill(lang, &[("n", &(r.issues.len() - 5).to_string())]));
                    view! {
                        <li data-testid="refused" data-file=r.file.clone()>
                            <strong>{r.file.clone()}</strong>
                            <ul class="small">{problems}</ul>
                            {more.map(|m| view! { <p class="small muted">{m}</p> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="refused-title">
                    <h2 id="refused-title">{Msg::RefusedTitle.text(lang)}</h2>
                    <p class="muted">{Msg::RefusedIntro.text(lang)}</p>
                    <ul class="refused">{list}</ul>
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=move |_| app.refused.set(Vec::new())>{Msg::Dismiss.text(lang)}</button>
                    </div>
                </section>
            }
        })
    };
    view! { {refused} }
}

/// The imported bundles, one row each, with a box to choose it for comparison.
fn imported_list(
    // The interface language.
    lang: Lang,
    // The import ids chosen for comparison.
    selected: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let app = use_app();
    // Rows are keyed by import id: an import adds its row without rebuilding the others, so
    // the list stays responsive while hundreds of files come in.
    let ids = move || {
        app.imported
            .with(|xs| xs.iter().map(|x| x.id.clone()).collect::<Vec<_>>())
    };
    // Only emptiness decides between the table and the empty note; reading the list itself here
    // would rebuild the whole table on every import.
    let empty = Memo::new(move |_| app.imported.with(Vec::is_empty));
    let list = move || {
        if empty.get() {
            return view! { <p data-testid="no-imports">{Msg::NoImports.text(lang)}</p> }
                .into_any();
        }
        view! {
            <div class="table-wrap">
                <table data-testid="imports">
                    {head(&[Col::Hidden(Msg::ColCompare), Col::Text(Msg::ColBundle), Col::Text(Msg::ColExported), Col::Text(Msg::ColIntegrity), Col::Num(Msg::High), Col::Num(Msg::Score), Col::Num(Msg::ColItems), Col::Num(Msg::ColQuoteTotal), Col::Hidden(Msg::ColActions)], lang)}
                    <tbody>
                        <For each=ids key=|id| id.clone() let(id)>
                            {import_row(app, id, selected, lang)}
                        </For>
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="imports-title">
            <h2 id="imports-title">{move || Msg::ImportedTitle.fill(lang, &[("n", &app.imported.with(Vec::len).to_string())])}</h2>
            {list}
        </section>
    }
}

/// The chosen bundles side by side, pillar by pillar.
fn bundle_comparison(
    // The interface language.
    lang: Lang,
    // The import ids chosen for comparison.
    selected: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let app = use_app();
    let comparison = move || {
        let ids = selected.get();
        let chosen: Vec<_> = app
            .imported
            .with(|xs| xs.iter().filter(|x| ids.contains(&x.id)).cloned().collect());
        (!chosen.is_empty()).then(|| {
            let lens = well_architected();
            let summaries: Vec<_> = chosen.iter().map(|x| summary(&x.bundle, lens)).collect();
            let head = summaries
                .iter()
                .map(|s| view! { <th scope="col" class="num">{if s.organisation.is_empty() { s.workload.clone() } else { format!("{} · {}", s.organisation, s.workload) }}</th> })
                .collect_view();
            let rows = lens
                .pillars
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let cells = summaries
                        .iter()
                        .map(|s| {
                            let (_, score, high) = &s.pillars[i];
                            let text = format!("{} ({})", score.map_or_else(|| "—".to_owned(), |v| v.to_string()), Msg::HighCount.fill(lang, &[("n", &high.to_string())]));
                            view! { <td class="num">{text}</td> }
                        })
                        .collect_view();
                    view! { <tr data-testid=format!("compare-row-{}", p.id)><th scope="row">{p.name.get(lang)}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="compare-bundles">
                    <h2 id="compare-bundles">{Msg::CompareBundles.text(lang)}</h2>
                    <p class="muted">{Msg::CompareBundlesNote.text(lang)}</p>
                    <div class="table-wrap">
                        <table data-testid="bundle-compare">
                            <thead><tr><th scope="col">{Msg::Pillar.text(lang)}</th>{head}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            }
        })
    };
    view! { {comparison} }
}

/// One imported bundle in the list.
fn import_row(
    app: AppState,
    id: String,
    selected: RwSignal<BTreeSet<String>>,
    lang: Lang,
) -> impl IntoView {
    let found = app.imported.with_untracked(|xs| {
        xs.iter().find(|x| x.id == id).map(|x| {
            (
                x.file.clone(),
                summary(&x.bundle, well_architected()),
                x.bundle.integrity,
            )
        })
    });
    let Some((file, row, integrity)) = found else {
        return ().into_any();
    };
    let (msg, class) = (integrity_msg(integrity), integrity_class(integrity));
    let org = if row.organisation.is_empty() {
        "—".to_owned()
    } else {
        row.organisation.clone()
    };
    let name = if row.workload.is_empty() {
        Msg::Untitled.text(lang).to_owned()
    } else {
        row.workload.clone()
    };
    let label = format!("{org} · {name}");
    let id_box = format!("select-{id}");
    let id_sel = id.clone();
    let id_set = id.clone();
    let id_rm = id.clone();
    let file_attr = file.clone();
    view! {
        <tr data-testid="import-row" data-file=file_attr>
            <td>
                <input type="checkbox" id=id_box.clone()
                    prop:checked=move || selected.with(|s| s.contains(&id_sel))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        selected.update(|s| { if on { s.insert(id_set.clone()); } else { s.remove(&id_set); } });
                    }/>
                <label for=id_box class="visually-hidden">{Msg::SelectForCompare.fill(lang, &[("name", &label)])}</label>
            </td>
            <th scope="row">
                <a href=Route::Results(id.clone()).href()>{label.clone()}</a>
                <div class="small muted">{file}</div>
            </th>
            <td>{row.exported_at.get(..10).unwrap_or("").to_owned()}</td>
            <td><span class=format!("badge {class}") data-testid="integrity">{msg.text(lang)}</span></td>
            <td class="num" data-testid="high">{row.overall.high}</td>
            <td class="num" data-testid="score">{score_text(&row.overall)}</td>
            <td class="num" data-testid="items">{row.plan_items}</td>
            <td class="num" data-testid="quote-total">{quote_cell(&row, lang)}</td>
            <td class="row-actions">
                <a class="button secondary small" data-testid="documents-link" href=Route::Report(id.clone()).href()>
                    {Msg::WordDocuments.text(lang)}<span class="visually-hidden">" "{label.clone()}</span>
                </a>
                <button type="button" class="button danger small" on:click=move |_| {
                    selected.update(|s| { s.remove(&id_rm); });
                    app.remove_import(&id_rm);
                }>
                    {Msg::Remove.text(lang)}<span class="visually-hidden">" "{label}</span>
                </button>
            </td>
        </tr>
    }
    .into_any()
}

/// A bundle's quote in the workspace: its total with the currency, man-days where it has no
/// prices, and a dash without services.
fn quote_cell(row: &crate::domain::bundle::SummaryRow, lang: Lang) -> String {
    if row.services.is_empty() {
        return "—".to_owned();
    }
    match &row.quote.priced {
        Some(p) if p.on_request > 0 => format!(
            "{} {} + {}",
            p.currency,
            p.total.grouped(),
            Msg::OnRequest.text(lang)
        ),
        Some(p) => format!("{} {}", p.currency, p.total.grouped()),
        None => format!("{} {}", row.quote.man_days, Msg::ColManDays.text(lang)),
    }
}
