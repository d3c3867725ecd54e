//! The Word documents opened by a real word processor: LibreOffice (Debian's
//! `libreoffice-writer-nogui`, which `scripts/setup` installs) converts each one to text and to
//! PDF, as a consultant's office suite would open it.
//!
//! Ignored by a plain `cargo test` because it needs LibreOffice; `scripts/test` runs it with
//! `cargo test --test office_roundtrip -- --ignored`, and it fails, not skips, without it.

mod common;
use common::{fixture, run, stdout};

use std::path::Path;
use std::process::Command;

/// Converts `file` with LibreOffice to `format` in its folder; returns the converted file.
fn convert(file: &Path, format: &str, extension: &str) -> std::path::PathBuf {
    let dir = file.parent().unwrap();
    let status = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(dir)
        .arg(file)
        // A profile of its own, so that a running LibreOffice does not take the job.
        .env("HOME", dir)
        .status()
        .expect("LibreOffice (soffice) is installed: scripts/setup installs it");
    assert!(status.success());
    let out = file.with_extension(extension);
    assert!(out.exists(), "LibreOffice wrote {}", out.display());
    out
}

#[test]
#[ignore = "needs LibreOffice; scripts/test runs it"]
fn libreoffice_opens_the_reports_in_both_languages() {
    let dir = std::env::temp_dir().join(format!("preflight-office-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bundle = fixture("bundles/acme-web-shop.json");
    for (lang, title, heading, question) in [
        (
            "en",
            "Investigation Report",
            "Current state by pillar",
            "How do you encrypt data at rest and in transit?",
        ),
        (
            "zh-CN",
            "调研报告",
            "各支柱现状",
            "您如何对静态数据和传输中的数据进行加密？",
        ),
    ] {
        let docx = dir.join(format!("report-{lang}.docx"));
        let out = run(&[
            "--lang",
            lang,
            "report",
            "investigation",
            bundle.to_str().unwrap(),
            "-o",
            docx.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        let text = std::fs::read_to_string(convert(&docx, "txt:Text", "txt")).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.trim_start_matches('\u{feff}'))
            .collect();
        assert_eq!(lines[1], title, "{text}");
        assert!(lines.contains(&heading), "{lang}: {text}");
        assert!(lines.contains(&question), "{lang}: {question}");
        let pdf = std::fs::read(convert(&docx, "pdf", "pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
    // The Consulting Report, the Implementation Plan and the proposal too.
    for (kind, lines) in [
        (
            "consulting",
            [
                "Well-Architected Consulting Report",
                "Executive summary",
                "Improvement plan",
            ],
        ),
        (
            "implementation",
            [
                "Well-Architected Implementation Plan",
                "Pillar packages",
                "Acceptance plan",
            ],
        ),
    ] {
        let docx = dir.join(format!("{kind}.docx"));
        let out = run(&[
            "report",
            kind,
            bundle.to_str().unwrap(),
            "-o",
            docx.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        let text = std::fs::read_to_string(convert(&docx, "txt:Text", "txt")).unwrap();
        for line in lines {
            assert!(
                text.lines()
                    .any(|l| l.trim_start_matches('\u{feff}') == line),
                "{kind}: {line}"
            );
        }
    }
}
