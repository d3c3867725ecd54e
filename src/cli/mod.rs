//! The `preflight` command-line tool: a thin shell over [`crate::domain`].
//!
//! Output contract (README, 'The command-line tool'): reports go to standard output, one line
//! per problem as `FILE: $.json.path: message`; exit status 0 when everything is valid, 1 when
//! an input is invalid or unreadable, 2 for a usage error (clap's own).

use crate::domain::lens::Lens;
use crate::domain::text::Lang;
use crate::domain::validate::{Issue, JsonPath, Problem, parse_json, type_name};
use crate::i18n::{Msg, issue_text};
use clap::{Parser, Subcommand};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The largest answers file read.
const MAX_ANSWERS_BYTES: usize = 1_000_000;

#[derive(Parser)]
#[command(
    name = "preflight",
    version,
    about = "Preflight: check lenses, bundles and config files; evaluate answers; count working days"
)]
struct Cli {
    /// The language of the messages (the English ones are the documented contract).
    /// (`preflight report` writes the bundle's deliverable language unless this is given.)
    #[arg(long, global = true, value_enum)]
    lang: Option<CliLang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CliLang {
    /// English.
    En,
    /// Simplified Chinese.
    #[value(name = "zh-CN")]
    ZhCn,
}

#[derive(Subcommand)]
enum Command {
    /// Lens files: our format or an AWS Well-Architected custom lens.
    #[command(subcommand)]
    Lens(LensCommand),
    /// The provider's working-day calendar (UTC+8, mainland China holidays).
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Bundles exported by customers.
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// The sales team's runtime config (config.json beside index.html).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// A bundle's engagement schedule as a Microsoft Project file (MSPDI XML, which Project,
    /// ProjectLibre and MPXJ open) or an iCalendar file, with the dates the app shows for it.
    Plan {
        /// Bundle files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = PlanFormat::Mspdi)]
        format: PlanFormat,
        /// The file to write; for several bundles (or a backup of several workloads), a
        /// directory, created if missing, that gets one file per workload.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// A config.json whose calendar additions and scheduling rules apply, as they do in the
        /// app; it must have no problems.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// A bundle's engagement document as a Word file (.docx), in the deliverable language the
    /// customer chose (or --lang), as of the bundle's export.
    Report {
        /// Which document.
        #[arg(value_enum)]
        kind: ReportKind,
        /// Bundle files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The file to write; for several bundles (or a backup of several workloads), a
        /// directory, created if missing, that gets one file per workload.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// A config.json whose brand name heads the document; it must have no problems.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// The sales team's catalogue.json, when it differs from the one built in (the site's
        /// copy beside index.html); it must have no problems.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportKind {
    /// The Investigation Report: profile, scope, every question's current state, the risks.
    Investigation,
    /// The Well-Architected Consulting Report: executive summary with the scores, findings per
    /// pillar, the prioritised and costed improvement plan, the recommended services.
    Consulting,
    /// The Well-Architected Implementation Plan: all chosen pillar packages in one document,
    /// each with its investigation focus, design outline, man-days, schedule and acceptance.
    Implementation,
    /// The proposal: why each chosen service, what it includes and excludes, what is still to
    /// prepare, the schedule and the quote with its totals.
    Proposal,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PlanFormat {
    /// Microsoft Project XML (`.xml`).
    Mspdi,
    /// iCalendar (`.ics`), one all-day event per date.
    Ics,
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Check config files as the app reads them: one line per problem with file and JSON path
    /// (the app would use the default for each); exit 0 when all are valid.
    Check {
        /// Config files (JSON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum BundleCommand {
    /// Check bundles: one line per problem with file and JSON path; exit 0 when all are valid.
    Validate {
        /// Bundle files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// One summary row per valid bundle, recomputed from its answers; problems go to stderr.
    Summary {
        /// Bundle files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Csv)]
        format: SummaryFormat,
        /// The lens to summarise (default: the Well-Architected lens). Another lens is read from
        /// the file of each bundle that carries it.
        #[arg(long)]
        lens: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SummaryFormat {
    Csv,
    Json,
}

#[derive(Subcommand)]
enum CalendarCommand {
    /// The N-th working day after DATE (N > 0), before it (N < 0), or DATE itself or the next
    /// working day (N = 0). Dates in years without official holiday data are provisional.
    Add {
        /// A date, YYYY-MM-DD.
        date: String,
        /// How many working days to count (may be negative).
        #[arg(allow_negative_numbers = true)]
        n: i64,
        /// Print {"date":"YYYY-MM-DD","provisional":bool}.
        #[arg(long)]
        json: bool,
        /// A config.json whose calendar additions (official years, closures) apply, as they
        /// do in the app; it must have no problems.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// A year's days off and adjusted working days, as the app counts them: official years as
    /// published, other years provisional (check those against the State Council's notice
    /// before adding them to config.json).
    Year {
        /// The year, e.g. 2027.
        year: i32,
        /// Print the year as JSON: `holidays` and `workdays` in the format of config.json's
        /// `calendar.official`, with `provisional`, `source` and `closures` beside them.
        #[arg(long)]
        json: bool,
        /// A config.json whose calendar additions (official years, closures) apply, as they
        /// do in the app; it must have no problems.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum LensCommand {
    /// Validate a lens file; prints every error and warning with its JSON path. Exit 0 when
    /// the lens is usable (warnings are only shown), 1 when it is not.
    Check {
        /// The lens file (JSON).
        file: PathBuf,
        /// Exit 1 on warnings too (overlong texts, bad links, empty descriptions, no default
        /// rule).
        #[arg(long)]
        strict: bool,
    },
    /// Print the risk of every question of LENS for the answers in ANSWERS (JSON:
    /// {"question_id": ["choice_id", …]}); a question left out is UNANSWERED.
    Evaluate {
        /// The lens file (JSON).
        lens: PathBuf,
        /// The answers file (JSON).
        answers: PathBuf,
    },
}

/// Runs the tool with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang_given = cli.lang.is_some();
    let lang = match cli.lang {
        None | Some(CliLang::En) => Lang::En,
        Some(CliLang::ZhCn) => Lang::ZhCn,
    };
    let stdout = std::io::stdout();
    let mut out = Out {
        w: stdout.lock(),
        lang,
    };
    let ok = match cli.command {
        Command::Lens(LensCommand::Check { file, strict }) => lens_check(&file, strict, &mut out),
        Command::Lens(LensCommand::Evaluate { lens, answers }) => {
            lens_evaluate(&lens, &answers, &mut out)
        }
        Command::Calendar(CalendarCommand::Add {
            date,
            n,
            json,
            config,
        }) => calendar_add(&date, n, json, config.as_deref(), &mut out),
        Command::Calendar(CalendarCommand::Year { year, json, config }) => {
            calendar_year(year, json, config.as_deref(), &mut out)
        }
        Command::Config(ConfigCommand::Check { files }) => config_check(&files, &mut out),
        Command::Bundle(BundleCommand::Validate { files }) => bundle_validate(&files, &mut out),
        Command::Bundle(BundleCommand::Summary {
            files,
            format,
            lens,
        }) => {
            let mut err = Out {
                w: std::io::stderr().lock(),
                lang,
            };
            bundle_summary(&files, format, lens.as_deref(), &mut out, &mut err)
        }
        Command::Plan {
            files,
            format,
            output,
            config,
        } => plan(&files, format, &output, config.as_deref(), &mut out),
        Command::Report {
            kind,
            files,
            output,
            config,
            catalogue,
        } => report_docx(
            kind,
            &files,
            &output,
            [config.as_deref(), catalogue.as_deref()],
            lang_given,
            &mut out,
        ),
    };
    if out.w.flush().is_err() {
        return ExitCode::from(1);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Where a command writes, and in which language.
struct Out<W: Write> {
    w: W,
    lang: Lang,
}

impl<W: Write> Out<W> {
    /// Writes one line (a closed pipe is not an error worth reporting).
    fn line(&mut self, text: &str) {
        let _ = writeln!(self.w, "{text}");
    }

    /// A message of the interface in this output's language.
    fn msg(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        msg.fill(self.lang, values)
    }

    /// `FILE: cannot read: …`.
    fn cannot_read(&self, path: &Path, error: &std::io::Error) -> String {
        let m = self.msg(Msg::CliCannotRead, &[("error", &error.to_string())]);
        format!("{}: {m}", path.display())
    }

    /// A problem with its path, in this output's language (the app's own words).
    fn issue(&self, issue: &Issue) -> String {
        issue_text(issue, self.lang)
    }
}

/// Reads a file as UTF-8 text, reporting failure as a problem line.
fn read<W: Write>(path: &Path, out: &mut Out<W>) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                let m = out.msg(Msg::CliNotUtf8, &[]);
                out.line(&format!("{}: {m}", path.display()));
                None
            }
        },
        Err(e) => {
            let line = out.cannot_read(path, &e);
            out.line(&line);
            None
        }
    }
}

fn report<W: Write>(path: &Path, issues: &[Issue], out: &mut Out<W>) {
    for issue in issues {
        let line = format!("{}: {}", path.display(), out.issue(issue));
        out.line(&line);
    }
}

/// Reads a lens; its errors are printed, its warnings returned.
fn load_lens<W: Write>(path: &Path, out: &mut Out<W>) -> Option<(Lens, Vec<Issue>)> {
    let text = read(path, out)?;
    let read = Lens::read(&text);
    match read.lens {
        Ok(lens) => Some((lens, read.warnings)),
        Err(issues) => {
            report(path, &issues, out);
            warn(path, &read.warnings, out);
            None
        }
    }
}

fn warn<W: Write>(path: &Path, warnings: &[Issue], out: &mut Out<W>) {
    for issue in warnings {
        let problem = crate::i18n::problem_text(&issue.problem, out.lang);
        let line = out.msg(Msg::CliWarning, &[("problem", &problem)]);
        out.line(&format!("{}: {}: {line}", path.display(), issue.path));
    }
}

fn lens_check<W: Write>(path: &Path, strict: bool, out: &mut Out<W>) -> bool {
    let Some((lens, warnings)) = load_lens(path, out) else {
        return false;
    };
    warn(path, &warnings, out);
    let choices: usize = lens.questions().map(|(_, q)| q.choices.len()).sum();
    let format = out.msg(
        match lens.format {
            crate::domain::lens::LensFormat::Preflight => Msg::CliPreflightLens,
            crate::domain::lens::LensFormat::Aws => Msg::CliAwsLens,
        },
        &[],
    );
    let m = out.msg(
        Msg::CliValidLens,
        &[
            ("format", &format),
            ("name", lens.name.get(out.lang)),
            ("id", &lens.id),
            ("version", &lens.version),
            ("pillars", &lens.pillars.len().to_string()),
            ("questions", &lens.question_count().to_string()),
            ("choices", &choices.to_string()),
        ],
    );
    out.line(&format!("{}: {m}", path.display()));
    if warnings.is_empty() {
        return true;
    }
    let n = warnings.len().to_string();
    let m = out.msg(
        if strict {
            Msg::CliLensWarningsStrict
        } else {
            Msg::CliLensWarnings
        },
        &[("n", &n)],
    );
    out.line(&format!("{}: {m}", path.display()));
    !strict
}

fn lens_evaluate<W: Write>(lens_path: &Path, answers_path: &Path, out: &mut Out<W>) -> bool {
    // The warnings are `lens check`'s to show: here they would mix with the risks.
    let lens = load_lens(lens_path, out).map(|(lens, _)| lens);
    let answers =
        read(answers_path, out).and_then(|text| match parse_json(&text, MAX_ANSWERS_BYTES) {
            Ok(v) => Some(v),
            Err(issue) => {
                report(answers_path, &[issue], out);
                None
            }
        });
    let (Some(lens), Some(answers)) = (lens, answers) else {
        return false;
    };
    match evaluate(&lens, &answers) {
        Ok(risks) => {
            out.line(&risks_json(&risks));
            true
        }
        Err(issues) => {
            report(answers_path, &issues, out);
            false
        }
    }
}

/// The risk of every question of `lens` for an answers document of the form
/// `{"question_id": ["choice_id", …]}`, in lens order; or every problem of the document.
///
/// An empty list leaves the question unanswered, as it would in the app. "None of these" with
/// another choice is refused: the app would never record it.
pub fn evaluate(lens: &Lens, answers: &Value) -> Result<Vec<(String, &'static str)>, Vec<Issue>> {
    let root = JsonPath::root();
    let mut issues = Vec::new();
    let mut push = |path: JsonPath, problem: Problem| issues.push(Issue { path, problem });
    let Some(map) = answers.as_object() else {
        push(
            root,
            Problem::WrongType {
                expected: crate::domain::validate::Kind::QuestionMap,
                found: type_name(answers),
            },
        );
        return Err(issues);
    };
    let mut selections = std::collections::HashMap::new();
    for (qid, value) in map {
        let qpath = root.key(qid);
        let Some(question) = lens.question(qid) else {
            push(qpath, Problem::UnknownQuestion { id: qid.clone() });
            continue;
        };
        let Some(items) = value.as_array() else {
            push(
                qpath,
                Problem::WrongType {
                    expected: crate::domain::validate::Kind::ChoiceIds,
                    found: type_name(value),
                },
            );
            continue;
        };
        let mut selection = crate::domain::lens::Selection::default();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let ipath = qpath.index(i);
            let Some(cid) = item.as_str() else {
                push(
                    ipath,
                    Problem::WrongType {
                        expected: crate::domain::validate::Kind::ChoiceId,
                        found: type_name(item),
                    },
                );
                ok = false;
                continue;
            };
            match question.choice_index(cid) {
                Some(index) => selection = selection.with(index),
                None => {
                    push(
                        ipath,
                        Problem::NotAChoiceOf {
                            choice: cid.to_owned(),
                            question: qid.clone(),
                        },
                    );
                    ok = false;
                }
            }
        }
        if let Some(none) = question.none_choice()
            && selection.contains(none)
            && selection.0.count_ones() > 1
        {
            push(
                qpath.clone(),
                Problem::NoneWithOthers {
                    choice: question.choices[none].id.clone(),
                },
            );
            ok = false;
        }
        if ok {
            selections.insert(qid.as_str(), selection);
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(lens
        .questions()
        .map(|(_, q)| {
            let risk = selections
                .get(q.id.as_str())
                .and_then(|s| q.risk(*s))
                .map_or("UNANSWERED", |r| r.as_str());
            (q.id.clone(), risk)
        })
        .collect())
}

/// Reads and imports a bundle file, or the lines describing why it is not one.
fn read_bundle<W: Write>(
    path: &Path,
    out: &Out<W>,
) -> Result<Vec<crate::domain::bundle::Bundle>, Vec<String>> {
    use crate::domain::bundle::{Integrity, MAX_BUNDLE_BYTES, import_bytes};
    let p = path.display();
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_BUNDLE_BYTES as u64 => {
            let m = out.msg(
                Msg::CliTooBig,
                &[
                    ("size", &m.len().to_string()),
                    ("limit", &MAX_BUNDLE_BYTES.to_string()),
                ],
            );
            return Err(vec![format!("{p}: {m}")]);
        }
        Ok(_) => {}
        Err(e) => return Err(vec![out.cannot_read(path, &e)]),
    }
    let bytes = std::fs::read(path).map_err(|e| vec![out.cannot_read(path, &e)])?;
    let lines = |issues: Vec<Issue>| {
        issues
            .iter()
            .map(|i| format!("{p}: {}", out.issue(i)))
            .collect::<Vec<_>>()
    };
    let mut bundles = import_bytes(&bytes).map_err(lines)?;
    // The lens files a bundle carries are lens files like any other.
    for b in &mut bundles {
        crate::domain::bundle::read_carried(b).map_err(lines)?;
    }
    let mut changed: Vec<String> = Vec::new();
    for b in bundles.iter().filter(|b| b.integrity == Integrity::Changed) {
        // Which part changed: an embedded lens file (named by its path), or the rest.
        let lenses: Vec<String> = b
            .lenses
            .iter()
            .enumerate()
            .filter(|(_, l)| l.embedded.as_ref().is_some_and(|e| !e.matches))
            .map(|(i, _)| {
                let m = out.msg(Msg::PLensFileChanged, &[]);
                format!("{p}: $.lenses[{i}].file: {m}")
            })
            .collect();
        if lenses.is_empty() {
            changed.push(format!("{p}: {}", out.msg(Msg::CliChecksum, &[])));
        }
        changed.extend(lenses);
    }
    if changed.is_empty() {
        Ok(bundles)
    } else {
        Err(changed)
    }
}

fn bundle_validate<W: Write>(files: &[PathBuf], out: &mut Out<W>) -> bool {
    let mut all = true;
    for path in files {
        match read_bundle(path, out) {
            Ok(bundles) => {
                let p = path.display();
                if let [b] = bundles.as_slice()
                    && b.migrated_from.is_none()
                {
                    let m = out.msg(
                        Msg::CliValidBundle,
                        &[
                            ("organisation", or_dash(&b.workload.profile.organisation)),
                            ("workload", or_dash(&b.workload.profile.workload)),
                            ("time", &b.exported_at),
                        ],
                    );
                    out.line(&printable(&format!("{p}: {m}")));
                    continue;
                }
                let from = bundles
                    .first()
                    .and_then(|b| b.migrated_from.clone())
                    .unwrap_or_default();
                let m = out.msg(
                    Msg::CliValidBackup,
                    &[("count", &bundles.len().to_string()), ("from", &from)],
                );
                out.line(&printable(&format!("{p}: {m}")));
            }
            Err(lines) => {
                all = false;
                for l in lines {
                    out.line(&printable(&l));
                }
            }
        }
    }
    all
}

use crate::domain::bundle::printable;

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s }
}

/// A bundle file read: its bundles, or the lines that say why not.
type BundleRead = Result<Vec<crate::domain::bundle::Bundle>, Vec<String>>;

fn bundle_summary<W: Write, E: Write>(
    files: &[PathBuf],
    format: SummaryFormat,
    lens_id: Option<&str>,
    out: &mut Out<W>,
    err: &mut Out<E>,
) -> bool {
    use crate::domain::bundle::{Column, csv_line, summary};
    let builtin = crate::domain::builtin::well_architected();
    let lens_id = lens_id.unwrap_or(&builtin.id);
    let read: Vec<(String, BundleRead)> = files
        .iter()
        .map(|path| (path.display().to_string(), read_bundle(path, err)))
        .collect();
    // The columns follow the lens: the built-in one, or the first bundle's copy of it.
    let lens: &Lens = if lens_id == builtin.id {
        builtin
    } else {
        read.iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .flatten()
            .find_map(|b| b.embedded_lens(lens_id))
            .unwrap_or(builtin)
    };
    let columns = Column::all(lens);
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut all = true;
    for (file, result) in &read {
        match result {
            Ok(bundles) => {
                for b in bundles {
                    let own = if lens_id == builtin.id {
                        Some(builtin)
                    } else {
                        b.embedded_lens(lens_id)
                    };
                    let Some(own) = own else {
                        all = false;
                        let m = err.msg(Msg::CliNoSuchLens, &[("id", lens_id)]);
                        err.line(&printable(&format!("{file}: {m}")));
                        continue;
                    };
                    let row = summary(b, own);
                    rows.push(columns.iter().map(|c| c.value(file, &row)).collect());
                }
            }
            Err(lines) => {
                all = false;
                for l in lines {
                    err.line(&printable(l));
                }
            }
        }
    }
    match format {
        SummaryFormat::Csv => {
            let header: Vec<Value> = columns.iter().map(|c| c.key(lens).into()).collect();
            out.line(&csv_line(&header));
            for r in &rows {
                out.line(&csv_line(r));
            }
        }
        SummaryFormat::Json => {
            let list: Vec<Value> = rows
                .into_iter()
                .map(|r| Value::Object(columns.iter().map(|c| c.key(lens)).zip(r).collect()))
                .collect();
            out.line(&serde_json::to_string_pretty(&Value::Array(list)).unwrap_or_default());
        }
    }
    all
}

/// Reads every bundle of `files` and writes one file per workload with `build`: to `output`
/// for a single workload, or into the folder `output` (created if missing) named after each
/// bundle. A bundle that cannot be read, or that `build` refuses (returning the message to
/// print after its file name), gets one line; the others are still written. `build` returns
/// the bytes and the line to print once they are written.
fn write_each<W: Write>(
    files: &[PathBuf],
    output: &Path,
    extension: &str,
    out: &mut Out<W>,
    mut build: impl FnMut(&crate::domain::bundle::Bundle, &Out<W>) -> Result<(Vec<u8>, String), String>,
) -> bool {
    let mut all = true;
    let mut workloads = Vec::new();
    for path in files {
        match read_bundle(path, out) {
            Ok(bundles) => workloads.extend(bundles.into_iter().map(|b| (path, b))),
            Err(lines) => {
                all = false;
                for l in lines {
                    out.line(&printable(&l));
                }
            }
        }
    }
    let several = workloads.len() > 1 || files.len() > 1;
    if several && let Err(e) = std::fs::create_dir_all(output) {
        let m = out.msg(Msg::CliCannotWrite, &[("error", &e.to_string())]);
        out.line(&format!("{}: {m}", output.display()));
        return false;
    }
    let mut names = std::collections::BTreeSet::new();
    for (path, b) in &workloads {
        let p = path.display();
        let (bytes, done) = match build(b, out) {
            Ok(built) => built,
            Err(m) => {
                all = false;
                out.line(&printable(&format!("{p}: {m}")));
                continue;
            }
        };
        let target = if several {
            // One file per workload, named after its bundle (and workload, for a backup),
            // never two with one name.
            let stem = path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let mut base = if workloads.iter().filter(|(q, _)| q == path).count() > 1 {
                let name = crate::i18n::display_name(&b.workload, out.lang);
                format!("{stem}-{}", crate::domain::text::file_slug(&name))
            } else {
                stem
            };
            while !names.insert(base.clone()) {
                base.push('_');
            }
            output.join(format!("{base}.{extension}"))
        } else {
            output.to_path_buf()
        };
        match std::fs::write(&target, bytes) {
            Ok(()) => {
                let m = done.replace("{file}", &target.display().to_string());
                out.line(&printable(&format!("{p}: {m}")));
            }
            Err(e) => {
                all = false;
                let m = out.msg(Msg::CliCannotWrite, &[("error", &e.to_string())]);
                out.line(&format!("{}: {m}", target.display()));
            }
        }
    }
    all
}

/// The current time, in milliseconds since the epoch.
fn now_millis() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// `preflight plan`: each workload's schedule, as of its export, written as `format`.
fn plan<W: Write>(
    files: &[PathBuf],
    format: PlanFormat,
    output: &Path,
    config: Option<&Path>,
    out: &mut Out<W>,
) -> bool {
    use crate::domain::asof::{Origin, as_of};
    use crate::domain::calendar::{Calendar, format_date};
    use crate::domain::schedule::of_selection;
    let (calendar, rules) = match config {
        None => (
            Calendar::cn_mainland(),
            crate::domain::rules::Rules::default(),
        ),
        Some(path) => match load_config(path, out) {
            Some(c) => (c.calendar(&Calendar::cn_mainland()), c.rules),
            None => return false,
        },
    };
    let now = now_millis();
    let extension = match format {
        PlanFormat::Mspdi => "xml",
        PlanFormat::Ics => "ics",
    };
    write_each(files, output, extension, out, |b, out| {
        let lang = out.lang;
        let when = as_of(
            Origin::Imported {
                exported_at: &b.exported_at,
            },
            now,
        );
        let schedule = match of_selection(&calendar, &rules, &b.workload.services, when) {
            Some(Ok(s)) => s,
            Some(Err(_)) => {
                let (first, last) = calendar.covered_years();
                return Err(out.msg(
                    Msg::ScheduleTooFar,
                    &[("first", &first.to_string()), ("last", &last.to_string())],
                ));
            }
            None => return Err(out.msg(Msg::CliNoServices, &[])),
        };
        let title = crate::i18n::workload_title(&b.workload, lang);
        let text = match format {
            PlanFormat::Mspdi => crate::domain::mspdi::project(
                crate::domain::mspdi::Header {
                    title: &title,
                    company: b.workload.profile.organisation.trim(),
                    author: Msg::AppName.text(lang),
                    currency: b
                        .pricing
                        .as_ref()
                        .map_or("CNY", |p| p.rate.currency.as_str()),
                },
                &calendar,
                &schedule,
                lang,
            ),
            PlanFormat::Ics => {
                let name = crate::i18n::display_name(&b.workload, lang);
                let events =
                    crate::domain::ics::schedule_events(&schedule, &b.workload.id, &name, lang);
                crate::domain::ics::calendar(
                    &format!("Preflight · {title}"),
                    &events,
                    &crate::domain::ics::stamp(now),
                )
            }
        };
        let done = out.msg(
            Msg::CliWrotePlan,
            &[
                ("file", "{file}"),
                ("events", &schedule.events.len().to_string()),
                ("start", &format_date(when.date())),
            ],
        );
        Ok((text.into_bytes(), done))
    })
}

/// `preflight report`: each workload's document, as of its export, as a Word file.
fn report_docx<W: Write>(
    kind: ReportKind,
    files: &[PathBuf],
    output: &Path,
    [config, catalogue_file]: [Option<&Path>; 2],
    lang_given: bool,
    out: &mut Out<W>,
) -> bool {
    use crate::domain::office::{
        Context, Refusal, Report, builtin_catalogue, document, document_lang,
    };
    let config = match config {
        None => None,
        Some(path) => match load_config(path, out) {
            Some(c) => Some(c),
            None => return false,
        },
    };
    let catalogue = match catalogue_file {
        None => builtin_catalogue(),
        Some(path) => {
            let Some(text) = read(path, out) else {
                return false;
            };
            crate::domain::catalogue::Catalogue::from_json(&text)
                .inspect_err(|issues| report(path, issues, out))
        }
    };
    let Ok(catalogue) = catalogue else {
        return false;
    };
    let ctx = Context::new(config, catalogue);
    let now = now_millis();
    let cli_lang = out.lang;
    let report = match kind {
        ReportKind::Investigation => Report::Investigation,
        ReportKind::Consulting => Report::Consulting,
        ReportKind::Implementation => Report::Implementation,
        ReportKind::Proposal => Report::Proposal,
    };
    write_each(files, output, "docx", out, |b, out| {
        // The deliverable language the customer chose for consulting, unless --lang says.
        let lang = document_lang(b, &ctx.catalogue, lang_given.then_some(cli_lang), cli_lang);
        let doc = document(report, b, &ctx, lang, false, now).map_err(|r| match r {
            Refusal::NoPackages => out.msg(Msg::CliNoPackages, &[]),
            Refusal::NoServices => out.msg(Msg::CliNoServices, &[]),
        })?;
        let bytes = crate::domain::docx::write(&doc)
            .map_err(|e| out.msg(Msg::CliCannotWrite, &[("error", &e)]))?;
        let done = out.msg(
            Msg::CliWroteReport,
            &[
                ("file", "{file}"),
                ("title", &doc.title),
                ("headings", &doc.headings().count().to_string()),
            ],
        );
        Ok((bytes, done))
    })
}

/// Reads a config file as the app does; `None` (with its problems written) if it has any.
fn load_config<W: Write>(path: &Path, out: &mut Out<W>) -> Option<crate::domain::config::Config> {
    let text = read(path, out)?;
    let (config, issues) = crate::domain::config::read_config(&text);
    if issues.is_empty() {
        Some(config)
    } else {
        report(path, &issues, out);
        None
    }
}

fn config_check<W: Write>(files: &[PathBuf], out: &mut Out<W>) -> bool {
    let mut ok = true;
    for path in files {
        let Some(config) = load_config(path, out) else {
            ok = false;
            continue;
        };
        let mut parts = Vec::new();
        if let Some(name) = &config.brand.name {
            parts.push(out.msg(Msg::CliBrand, &[("name", name.get(out.lang))]));
        }
        match config.rate() {
            Some(rate) => {
                let mut value = format!("{} {}", rate.currency, rate.per_day);
                if !rate.per_pillar.is_empty() {
                    let pillars: Vec<String> = rate
                        .per_pillar
                        .iter()
                        .map(|(p, r)| format!("{p} {r}"))
                        .collect();
                    value.push_str(&format!(" ({})", pillars.join(", ")));
                }
                parts.push(out.msg(Msg::CliDayRate, &[("rate", &value)]));
            }
            None => parts.push(out.msg(Msg::CliNoDayRate, &[])),
        }
        if !config.official_years.is_empty() {
            let years: Vec<String> = config
                .official_years
                .iter()
                .map(|y| y.year.to_string())
                .collect();
            parts.push(out.msg(Msg::CliOfficialYears, &[("years", &years.join(", "))]));
        }
        if !config.closures.is_empty() {
            let days: Vec<String> = config
                .closures
                .iter()
                .map(|d| crate::domain::calendar::format_date(*d))
                .collect();
            parts.push(out.msg(Msg::CliClosures, &[("days", &days.join(", "))]));
        }
        let separator = match out.lang {
            Lang::En => "; ",
            Lang::ZhCn => "；",
        };
        let m = out.msg(Msg::CliValidConfig, &[("details", &parts.join(separator))]);
        out.line(&format!("{}: {m}", path.display()));
    }
    ok
}

/// The built-in calendar, with a config's additions when one is given (`None`: the config had
/// problems, already printed).
fn calendar_with<W: Write>(
    config: Option<&Path>,
    out: &mut Out<W>,
) -> Option<crate::domain::calendar::Calendar> {
    use crate::domain::calendar::Calendar;
    match config {
        None => Some(Calendar::cn_mainland()),
        Some(path) => load_config(path, out).map(|c| c.calendar(&Calendar::cn_mainland())),
    }
}

fn calendar_add<W: Write>(
    date: &str,
    n: i64,
    json: bool,
    config: Option<&Path>,
    out: &mut Out<W>,
) -> bool {
    use crate::domain::calendar::{CountError, MAX_COUNT, format_date, parse_date};
    let Some(start) = parse_date(date) else {
        let m = out.msg(Msg::CliNotADate, &[]);
        out.line(&format!("{date}: {m}"));
        return false;
    };
    let Some(calendar) = calendar_with(config, out) else {
        return false;
    };
    match calendar.add(start, n) {
        Ok(r) if json => {
            out.line(&format!(
                "{{\"date\":\"{}\",\"provisional\":{}}}",
                format_date(r.date),
                r.provisional
            ));
            true
        }
        Ok(r) => {
            let date = format_date(r.date);
            let line = match (r.provisional, out.lang) {
                (false, _) => date,
                (true, Lang::En) => format!("{date} {}", out.msg(Msg::CliProvisional, &[])),
                (true, Lang::ZhCn) => format!("{date}{}", out.msg(Msg::CliProvisional, &[])),
            };
            out.line(&line);
            true
        }
        Err(CountError::TooFar) => {
            let m = out.msg(Msg::CliTooFar, &[("max", &MAX_COUNT.to_string())]);
            out.line(&format!("{n}: {m}"));
            false
        }
        Err(CountError::OutOfRange { first, last }) => {
            let m = out.msg(
                Msg::CliOutOfRange,
                &[("first", &first.to_string()), ("last", &last.to_string())],
            );
            out.line(&format!("{date} + {n}: {m}"));
            false
        }
    }
}

/// `preflight calendar year`: a year's days off and adjusted working days.
fn calendar_year<W: Write>(year: i32, json: bool, config: Option<&Path>, out: &mut Out<W>) -> bool {
    use crate::domain::calendar::{Date, Holiday, format_date, holiday_ranges};
    use crate::i18n::{holiday_msg, weekday_short};
    let Some(calendar) = calendar_with(config, out) else {
        return false;
    };
    let Some(days) = calendar.year_days(year) else {
        let (first, last) = calendar.covered_years();
        let m = out.msg(
            Msg::CliYearNotCovered,
            &[("first", &first.to_string()), ("last", &last.to_string())],
        );
        out.line(&format!("{year}: {m}"));
        return false;
    };
    let (closures, off): (Vec<_>, Vec<_>) =
        days.off.iter().partition(|(_, h)| *h == Holiday::Closure);
    if json {
        let day = |d| Value::String(format_date(d));
        // Consecutive days of one holiday make one range, as config.json writes them.
        let off: Vec<(Date, Holiday)> = off.into_iter().copied().collect();
        let holidays: Vec<Value> = holiday_ranges(&off)
            .into_iter()
            .map(|(h, from, to)| {
                serde_json::json!({"holiday": h.key(), "from": day(from), "to": day(to)})
            })
            .collect();
        let workdays: Vec<Value> = days
            .work
            .iter()
            .map(|&(d, h)| serde_json::json!({"date": day(d), "holiday": h.key()}))
            .collect();
        let source = days.source.as_ref().map_or(
            Value::Null,
            |s| serde_json::json!({"title": s.title, "number": s.number, "url": s.url}),
        );
        let doc = serde_json::json!({
            "year": year,
            "provisional": days.source.is_none(),
            "source": source,
            "holidays": holidays,
            "workdays": workdays,
            "closures": closures.iter().map(|&&(d, _)| day(d)).collect::<Vec<_>>(),
        });
        out.line(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return true;
    }
    let head = match &days.source {
        Some(s) => {
            let cited = [s.title.as_str(), s.number.as_str(), s.url.as_str()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            out.msg(Msg::CliYearOfficial, &[("source", &cited)])
        }
        None => out.msg(Msg::CliYearProvisional, &[]),
    };
    out.line(&format!("{year}: {head}"));
    let lang = out.lang;
    let list = |title: Msg, items: &[(Date, Holiday)], out: &mut Out<W>| {
        out.line(&out.msg(title, &[]));
        if items.is_empty() {
            out.line(&format!("  {}", out.msg(Msg::CliNone, &[])));
        }
        for &(d, h) in items {
            let name = holiday_msg(h).text(lang);
            out.line(&format!(
                "  {} {}  {name}",
                format_date(d),
                weekday_short(d, lang)
            ));
        }
    };
    list(Msg::CliDaysOff, &days.off, out);
    list(Msg::CliWorkdays, &days.work, out);
    true
}

/// `{"q1": "HIGH_RISK", …}` with one question per line, in lens order.
fn risks_json(risks: &[(String, &str)]) -> String {
    if risks.is_empty() {
        return "{}".to_owned();
    }
    let lines: Vec<String> = risks
        .iter()
        .map(|(q, r)| format!("  {}: \"{r}\"", Value::String(q.clone())))
        .collect();
    format!("{{\n{}\n}}", lines.join(",\n"))
}
