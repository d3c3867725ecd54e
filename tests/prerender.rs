//! `src/content/start.html` is the start page the build puts into `index.html` for the first
//! paint (`scripts/postbuild.mjs`). It is generated from the app's messages by
//! `preflight::prerender::start_page`; this test fails when the two differ, and
//! `PREFLIGHT_BLESS=1 cargo test --test prerender` writes the file again.

use std::path::Path;

#[test]
fn the_prerendered_start_page_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content/start.html");
    let expected = preflight::prerender::start_page();
    if std::env::var_os("PREFLIGHT_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "src/content/start.html is not what the messages give: run PREFLIGHT_BLESS=1 cargo test --test prerender"
    );
}
