//! A lens file (ours or an AWS custom lens), as `preflight lens check` and the app read it: any
//! text must give a lens or problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::domain::lens::Lens;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Lens::from_json(text);
    }
});
