//! A bundle or backup file, as the workspace and `preflight bundle` read it: any bytes must give
//! bundles or problems, never a panic; what is accepted must summarise and re-export.
#![no_main]

use libfuzzer_sys::fuzz_target;
use preflight::domain::builtin::{well_architected, well_architected_sha256};
use preflight::domain::bundle::{export, import, import_bytes, summary};

fuzz_target!(|data: &[u8]| {
    let Ok(bundles) = import_bytes(data) else {
        return;
    };
    let lens = well_architected();
    for b in bundles {
        let _ = summary(&b, lens);
        // What was accepted exports to a file that is accepted again, intact.
        let text = export(
            &b.workload,
            &[(lens, well_architected_sha256(), None)],
            None,
            b.pricing.as_ref(),
            &preflight::domain::schedule::Rules::default(),
            "fuzz",
            "2026-11-21T00:00:00.000Z",
        );
        let again = import(&text).expect("a re-export is valid");
        assert_eq!(again[0].workload, b.workload);
        assert_eq!(again[0].pricing, b.pricing);
    }
});
