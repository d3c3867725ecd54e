//! The web app's entry point (built to WebAssembly by Trunk); the app itself is in `preflight::ui`.

fn main() {
    preflight::ui::mount();
}
