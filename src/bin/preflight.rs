//! The `preflight` command-line tool for consultants. See `preflight --help` and the README.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    preflight::cli::main()
}

// The tool is native; the wasm build of this crate is the web app (`src/main.rs`). This keeps
// `cargo clippy --target wasm32-unknown-unknown --all-targets` building every target.
#[cfg(target_arch = "wasm32")]
fn main() {}
