//! Helpers shared by the command-line tests: where the fixtures are, running the built
//! `preflight` binary, and files written for one test run.
#![allow(dead_code)] // each test crate uses its own share of these

use std::path::PathBuf;
use std::process::{Command, Output};

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    repo("tests/fixtures").join(rel)
}

/// Runs the `preflight` binary with these arguments.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preflight"))
        .args(args)
        .output()
        .expect("the preflight binary runs")
}

/// Bytes the tool wrote, as the UTF-8 text they must be.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the tool writes UTF-8")
}

/// What the tool wrote to standard output.
pub fn stdout(o: &Output) -> String {
    text(&o.stdout)
}

/// Writes `text` to a file `name` in this test run's own temporary folder (`group` keeps the
/// test crates, which run in parallel, apart).
pub fn temp_file(group: &str, name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("preflight-{group}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}
