//! The start page as plain HTML, for the first paint (issue 11).
//!
//! A visitor on a phone sees the start page before the app's wasm has arrived: the build puts
//! this markup into `index.html` (`scripts/postbuild.mjs` reads `src/content/start.html`, which
//! `tests/prerender.rs` keeps equal to [`start_page`]). It is the markup the app renders for the
//! start page (header, start page, footer), in both languages, from the same messages; a small
//! script in the page's head (`scripts/lang.js`) shows the visitor's language, and the app
//! replaces it all when it mounts. What it cannot know yet is left as the app's defaults: a
//! sales team's name and colour, its `default_language`, and the *Continue* link to saved work
//! appear when the app takes over. Its buttons are disabled until then.
//!
//! No ids and no test ids: the app's own elements carry them, so nothing can mistake this copy
//! for the running app. `tests/e2e/specs/split.spec.ts` checks that its text is the app's.

use crate::domain::text::Lang;
use crate::i18n::Msg;
use std::fmt::Write;

/// The start page in both languages: one `<div lang="…">` per language, English first.
pub fn start_page() -> String {
    let mut out = String::new();
    for lang in Lang::ALL {
        let t = |msg: Msg| escape(msg.text(lang));
        let other = lang.other();
        let _ = write!(
            out,
            concat!(
                r#"<div lang="{tag}">"#,
                r#"<header class="site-header"><div class="bar">"#,
                r##"<a class="brand" href="#/">{app}</a>"##,
                r#"<nav class="site-nav" aria-label="{nav}">"#,
                r##"<a href="#/" aria-current="page">{home}</a>"##,
                r##"<a href="#/workloads">{workloads}</a>"##,
                r##"<a href="#/workspace">{workspace}</a>"##,
                r#"</nav>"#,
                r#"<button class="lang-switch" type="button" disabled aria-label="{switch}" lang="{other}">{short}</button>"#,
                r#"</div></header>"#,
                r#"<div class="notices"></div>"#,
                r#"<main>"#,
                r#"<section class="card"><h1>{title}</h1><p class="lead">{lead}</p>"#,
                r#"<div class="actions"><button class="button" type="button" disabled>{start}</button></div></section>"#,
                r#"<section class="card"><h2>{privacy_title}</h2><p>{privacy}</p></section>"#,
                r#"<section class="card"><h2>{steps_title}</h2><ol><li>{step1}</li><li>{step2}</li><li>{step3}</li></ol></section>"#,
                r#"</main>"#,
                r#"<footer class="notices"><p class="muted">{footer}</p></footer>"#,
                "</div>\n",
            ),
            tag = lang.tag(),
            other = other.tag(),
            app = t(Msg::AppName),
            nav = t(Msg::MainNav),
            home = t(Msg::NavHome),
            workloads = t(Msg::NavWorkloads),
            workspace = t(Msg::NavWorkspace),
            switch = t(Msg::SwitchLanguage),
            short = t(Msg::OtherLanguageShort),
            title = t(Msg::StartTitle),
            lead = t(Msg::StartLead),
            start = t(Msg::StartNew),
            privacy_title = t(Msg::StartPrivacyTitle),
            privacy = t(Msg::StartPrivacy),
            steps_title = t(Msg::StartStepsTitle),
            step1 = t(Msg::StartStep1),
            step2 = t(Msg::StartStep2),
            step3 = t(Msg::StartStep3),
            footer = t(Msg::Footer),
        );
    }
    out
}

/// Text as HTML character data or attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_escaped_and_without_ids() {
        let html = start_page();
        assert!(html.starts_with(r#"<div lang="en">"#));
        assert!(html.contains(r#"<div lang="zh-CN">"#));
        assert!(html.contains("Start a new assessment"));
        assert!(html.contains("开始新的评估"));
        assert!(html.contains("browser&#39;s local storage"));
        assert!(!html.contains(" id="));
        assert!(!html.contains("data-testid"));
        assert_eq!(escape(r#"<a & "b">"#), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
