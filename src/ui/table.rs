//! The heading row of the app's tables, written from one list of columns per table.

use crate::domain::text::Lang;
use crate::i18n::Msg;
use leptos::prelude::*;

/// A column's heading.
#[derive(Clone, Copy)]
pub enum Col {
    /// A column of text.
    Text(Msg),
    /// A column of numbers, aligned to the right.
    Num(Msg),
    /// A column whose heading only a screen reader reads (a check box, a button, a badge).
    Hidden(Msg),
    /// The row's number, headed `#`.
    Number,
}

/// `<thead>` with one `<th scope="col">` per column.
pub fn head(cols: &[Col], lang: Lang) -> impl IntoView + use<> {
    let cells = cols
        .iter()
        .map(|col| match *col {
            Col::Text(m) => view! { <th scope="col">{m.text(lang)}</th> }.into_any(),
            Col::Num(m) => view! { <th scope="col" class="num">{m.text(lang)}</th> }.into_any(),
            Col::Hidden(m) => view! {
                <th scope="col"><span class="visually-hidden">{m.text(lang)}</span></th>
            }
            .into_any(),
            Col::Number => view! { <th scope="col" class="num">"#"</th> }.into_any(),
        })
        .collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}
