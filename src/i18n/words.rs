//! The words of page code: names of risks, statuses, reasons, schedule events and holidays,
//! the workspace's summary columns, the quote's lines, and every problem a file can have
//! (`problem_text`, `issue_text`, `record_error_text`).
//!
//! Their messages are the pages' own (after `@pages` in the table), which a split build loads
//! with the pages' code, so nothing here may run before a page has its texts: code that runs
//! earlier (the notices, a lens or the catalogue read in the background) asks for these words
//! through `crate::ui::pages` (`issue_texts`, `record_error_texts`) or after
//! `crate::ui::pages::load_page_texts`. `tests/layers.rs` checks both.

use super::Msg;
use crate::domain::assessment::{NaReason, Status};
use crate::domain::bundle::{Column, Integrity};
use crate::domain::calendar::{Date, Holiday};
use crate::domain::lens::condition::{
    ConditionError, ConditionErrorKind, MAX_CONDITION_CHARS, MAX_DEPTH,
};
use crate::domain::lens::{CostClass, Lens, Risk};
use crate::domain::schedule::Event;
use crate::domain::storage::RecordError;
use crate::domain::text::Lang;
use crate::domain::validate::{IdChars, Issue, Kind, Problem, SyntaxError, format_number};

/// The name of a risk level.
pub fn risk_msg(risk: Risk) -> Msg {
    match risk {
        Risk::High => Msg::RiskHigh,
        Risk::Medium => Msg::RiskMedium,
        Risk::None => Msg::RiskNone,
    }
}

/// The name of a question's status: its risk, not applicable, or unanswered.
pub fn status_msg(s: Status) -> Msg {
    match s {
        Status::Answered(risk) => risk_msg(risk),
        Status::NotApplicable(_) => Msg::RiskNa,
        Status::Unanswered => Msg::RiskUnanswered,
    }
}

/// Why a question does not apply, in words.
pub fn reason_msg(r: NaReason) -> Msg {
    match r {
        NaReason::OutOfScope => Msg::ReasonOutOfScope,
        NaReason::BusinessPriorities => Msg::ReasonBusiness,
        NaReason::ArchitectureConstraints => Msg::ReasonArchitecture,
        NaReason::Other => Msg::ReasonOther,
    }
}

/// The running-cost class in words.
pub fn cost_class_msg(c: CostClass) -> Msg {
    match c {
        CostClass::Low => Msg::CostLow,
        CostClass::Medium => Msg::CostMedium,
        CostClass::High => Msg::CostHigh,
    }
}

/// Whether an imported bundle is as exported, in words.
pub fn integrity_msg(i: Integrity) -> Msg {
    match i {
        Integrity::Intact => Msg::IntegrityIntact,
        Integrity::Changed => Msg::IntegrityChanged,
        Integrity::Unchecked => Msg::IntegrityUnchecked,
    }
}

/// The name of a quote's tax line: the config's label or "Tax", with its percentage.
pub fn quote_tax_label(tax: &crate::domain::quote::Tax, lang: Lang) -> String {
    let percent = crate::domain::validate::format_number(tax.percent);
    match &tax.label {
        Some(l) => Msg::QuoteTaxNamed.fill(lang, &[("name", l.get(lang)), ("percent", &percent)]),
        None => Msg::QuoteTax.fill(lang, &[("percent", &percent)]),
    }
}

/// The name of a quote line: the offering, package or module it is for.
pub fn quote_item(
    item: &crate::domain::quote::Item,
    cat: Option<&crate::domain::catalogue::Catalogue>,
    lens: &Lens,
    lang: Lang,
) -> String {
    use crate::domain::catalogue::{CONSULTING, MANAGED};
    use crate::domain::quote::Item;
    match item {
        Item::Consulting => cat.and_then(|c| c.offering(CONSULTING)).map_or_else(
            || Msg::ServiceConsulting.text(lang).to_owned(),
            |o| o.name.get(lang).to_owned(),
        ),
        Item::ConsultingOnsite => Msg::QuoteOnsiteConsulting.text(lang).to_owned(),
        Item::Package(p) => {
            let name = lens.pillar(p).map_or(p.as_str(), |x| x.name.get(lang));
            Msg::PackageFor.fill(lang, &[("pillar", name)])
        }
        Item::ImplementationOnsite => Msg::QuoteOnsiteImplementation.text(lang).to_owned(),
        Item::Module(m) => cat
            .and_then(|c| c.offering(MANAGED))
            .and_then(|o| o.modules.iter().find(|x| &x.id == m))
            .map_or_else(|| m.clone(), |x| x.name.get(lang).to_owned()),
    }
}

/// The message naming an event.
pub fn event_msg(e: Event) -> Msg {
    match e {
        Event::EarliestOrder => Msg::EvEarliestOrder,
        Event::RecommendedOrder => Msg::EvRecommendedOrder,
        Event::Start => Msg::EvStart,
        Event::ConsultingOnsite => Msg::EvConsultingOnsite,
        Event::ImplementationOnsite => Msg::EvImplementationOnsite,
        Event::InvestigationReport => Msg::EvInvestigationReport,
        Event::ConsultingReport => Msg::EvConsultingReport,
        Event::ConsultingAcceptance => Msg::EvConsultingAcceptance,
        Event::ImplementationStart => Msg::EvImplementationStart,
        Event::ImplementationPlan => Msg::EvImplementationPlan,
        Event::ImplementationAcceptance => Msg::EvImplementationAcceptance,
        Event::ManagedKickoff => Msg::EvManagedKickoff,
        Event::ManagedSolution => Msg::EvManagedSolution,
        Event::ManagedStageProgress => Msg::EvManagedStageProgress,
        Event::ManagedSummary => Msg::EvManagedSummary,
        Event::ManagedAcceptanceReport => Msg::EvManagedAcceptanceReport,
        Event::ManagedAcceptance => Msg::EvManagedAcceptance,
    }
}

/// A summary column's header in `lang` (its key is `Column::key`).
pub fn summary_header(column: Column, lens: &Lens, lang: Lang) -> String {
    let pillar = |i: usize| lens.pillars.get(i).map_or("", |p| p.name.get(lang));
    let msg = match column {
        Column::File => Msg::ColFile,
        Column::Organisation => Msg::Organisation,
        Column::Workload => Msg::NameLabel,
        Column::Contact => Msg::ContactName,
        Column::ExportedAt => Msg::ColExported,
        Column::Integrity => Msg::ColIntegrity,
        Column::Answered => Msg::ColAnswered,
        Column::High => Msg::High,
        Column::Medium => Msg::Medium,
        Column::NoRisk => Msg::NoRiskShort,
        Column::NotApplicable => Msg::NaShort,
        Column::Unanswered => Msg::UnansweredShort,
        Column::Score => Msg::Score,
        Column::PillarScore(i) => return Msg::ColPillarScore.fill(lang, &[("pillar", pillar(i))]),
        Column::PillarHigh(i) => return Msg::ColPillarHigh.fill(lang, &[("pillar", pillar(i))]),
        Column::PlanItems => Msg::ColItems,
        Column::PlanEffort => Msg::ColEffort,
        Column::Services => Msg::NavServices,
        Column::Start => Msg::EvStart,
        Column::Provisional => Msg::Provisional,
        Column::QuoteManDays => Msg::QuoteManDays,
        Column::QuoteTotal => Msg::ColQuoteTotal,
        Column::Currency => Msg::ColCurrency,
        Column::OnRequest => Msg::OnRequest,
    };
    msg.text(lang).to_owned()
}

/// The name of a holiday.
pub fn holiday_msg(h: Holiday) -> Msg {
    match h {
        Holiday::NewYear => Msg::HolidayNewYear,
        Holiday::SpringFestival => Msg::HolidaySpringFestival,
        Holiday::Qingming => Msg::HolidayQingming,
        Holiday::LabourDay => Msg::HolidayLabourDay,
        Holiday::DragonBoat => Msg::HolidayDragonBoat,
        Holiday::MidAutumn => Msg::HolidayMidAutumn,
        Holiday::NationalDay => Msg::HolidayNationalDay,
        Holiday::Closure => Msg::HolidayClosure,
    }
}

/// A date's weekday, short: `Mon` or `周一`.
pub fn weekday_short(d: Date, lang: Lang) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let i = chrono::Datelike::weekday(&d).num_days_from_monday() as usize;
    match lang {
        Lang::En => EN[i],
        Lang::ZhCn => ZH[i],
    }
}

/// A validation problem in `lang`: the one source of its words, for the app and the CLI alike.
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    let n = |v: usize| v.to_string();
    let kind = |k: &Kind| -> &'static str {
        match k {
            Kind::Null => Msg::TypeNull,
            Kind::Boolean => Msg::TypeBoolean,
            Kind::Number => Msg::TypeNumber,
            Kind::WholeNumber => Msg::TypeWholeNumber,
            Kind::String => Msg::TypeString,
            Kind::Array => Msg::TypeArray,
            Kind::Object => Msg::TypeObject,
            Kind::Text => Msg::TypeText,
            Kind::Cell => Msg::TypeCell,
            Kind::ChoiceId => Msg::TypeChoiceId,
            Kind::ChoiceIds => Msg::TypeChoiceIds,
            Kind::QuestionMap => Msg::TypeQuestionMap,
        }
        .text(lang)
    };
    match problem {
        Problem::Syntax {
            line,
            column,
            error,
        } => {
            let detail = match error {
                SyntaxError::EndTooSoon => Msg::JsonEndTooSoon,
                SyntaxError::ExpectedColon => Msg::JsonExpectedColon,
                SyntaxError::ExpectedComma => Msg::JsonExpectedComma,
                SyntaxError::ExpectedValue => Msg::JsonExpectedValue,
                SyntaxError::KeyNotString => Msg::JsonKeyNotString,
                SyntaxError::BadEscape => Msg::JsonBadEscape,
                SyntaxError::BadNumber => Msg::JsonBadNumber,
                SyntaxError::ControlCharacter => Msg::JsonControlCharacter,
                SyntaxError::TrailingComma => Msg::JsonTrailingComma,
                SyntaxError::TrailingCharacters => Msg::JsonTrailingCharacters,
                SyntaxError::TooDeep => Msg::JsonTooDeep,
                SyntaxError::Other => Msg::JsonOther,
            };
            Msg::PSyntax.fill(
                lang,
                &[
                    ("line", &n(*line)),
                    ("column", &n(*column)),
                    ("message", detail.text(lang)),
                ],
            )
        }
        Problem::TooLarge { bytes, limit } => {
            Msg::PTooLarge.fill(lang, &[("bytes", &n(*bytes)), ("limit", &n(*limit))])
        }
        Problem::Missing => Msg::PMissing.text(lang).to_owned(),
        Problem::NotUtf8 => Msg::PNotUtf8.text(lang).to_owned(),
        Problem::Unreadable => Msg::PUnreadable.text(lang).to_owned(),
        Problem::WrongType { expected, found } => Msg::PWrongType.fill(
            lang,
            &[("expected", kind(expected)), ("found", kind(found))],
        ),
        Problem::Empty => Msg::PEmpty.text(lang).to_owned(),
        Problem::TooLong { len, max } => {
            Msg::PTooLong.fill(lang, &[("len", &n(*len)), ("max", &n(*max))])
        }
        Problem::LongerThanAws { len, max } => {
            Msg::PLongerThanAws.fill(lang, &[("len", &n(*len)), ("max", &n(*max))])
        }
        Problem::EmptyLeftOut => Msg::PEmptyLeftOut.text(lang).to_owned(),
        Problem::TooMany { len, max } => {
            Msg::PTooMany.fill(lang, &[("len", &n(*len)), ("max", &n(*max))])
        }
        Problem::TooFew { len, min } => {
            Msg::PTooFew.fill(lang, &[("len", &n(*len)), ("min", &n(*min))])
        }
        Problem::BadId { id, max, allowed } => {
            let allowed = match allowed {
                IdChars::Word => Msg::IdWord,
                IdChars::Slug => Msg::IdSlug,
                IdChars::Printable => Msg::IdPrintable,
                IdChars::Snake => Msg::IdSnake,
            };
            Msg::PBadId.fill(
                lang,
                &[
                    ("id", &printable_id(id)),
                    ("max", &n(*max)),
                    ("allowed", allowed.text(lang)),
                ],
            )
        }
        Problem::Duplicate { id, first } => {
            Msg::PDuplicate.fill(lang, &[("id", id), ("first", &first.to_string())])
        }
        Problem::OutOfRange { value, min, max } => Msg::POutOfRange.fill(
            lang,
            &[
                ("value", &format_number(*value)),
                ("min", &format_number(*min)),
                ("max", &format_number(*max)),
            ],
        ),
        Problem::NotOneOf { found, allowed } => {
            Msg::PNotOneOf.fill(lang, &[("found", found), ("allowed", &allowed.join(", "))])
        }
        Problem::BadUrl => Msg::PBadUrl.text(lang).to_owned(),
        Problem::NoLanguage => Msg::PNoLanguage.text(lang).to_owned(),
        Problem::Condition(e) => {
            Msg::PCondition.fill(lang, &[("detail", &condition_error_text(e, lang))])
        }
        Problem::UnknownChoice { id } => Msg::PUnknownChoice.fill(lang, &[("id", id)]),
        Problem::NoDefaultRule => Msg::PNoDefaultRule.text(lang).to_owned(),
        Problem::NoImprovementPlan => Msg::PNoImprovementPlan.text(lang).to_owned(),
        Problem::SeveralNoneChoices => Msg::PSeveralNone.text(lang).to_owned(),
        Problem::UnsupportedVersion { found, supported } => {
            Msg::PUnsupportedVersion.fill(lang, &[("found", found), ("supported", supported)])
        }
        Problem::NotADate { found } => Msg::PNotADate.fill(lang, &[("found", found)]),
        Problem::NotATime { found } => Msg::PNotATime.fill(lang, &[("found", found)]),
        Problem::NotSha256 => Msg::PNotSha256.text(lang).to_owned(),
        Problem::NotWhole { value } => {
            Msg::PNotWhole.fill(lang, &[("value", &format_number(*value))])
        }
        Problem::OnsiteWithoutConsulting => Msg::POnsiteWithoutConsulting.text(lang).to_owned(),
        Problem::OnsiteWithoutImplementation => {
            Msg::POnsiteWithoutImplementation.text(lang).to_owned()
        }
        Problem::UnknownMember { known } => {
            Msg::PUnknownMember.fill(lang, &[("known", &known.join(", "))])
        }
        Problem::NotRelativePath => Msg::PNotRelativePath.text(lang).to_owned(),
        Problem::EmbeddedLens(issue) => {
            Msg::PEmbeddedLens.fill(lang, &[("issue", &issue_text(issue, lang))])
        }
        Problem::LensIdMismatch { found, expected } => {
            Msg::PLensIdMismatch.fill(lang, &[("found", found), ("expected", expected)])
        }
        Problem::LensIdTaken { id } => Msg::PLensIdTaken.fill(lang, &[("id", id)]),
        Problem::BuiltinLensId { id } => Msg::PBuiltinLensId.fill(lang, &[("id", id)]),
        Problem::NotAColour => Msg::PNotAColour.text(lang).to_owned(),
        Problem::LowContrast { ratio, min } => Msg::PLowContrast.fill(
            lang,
            &[
                ("ratio", &format_number(*ratio)),
                ("min", &format_number(*min)),
            ],
        ),
        Problem::NotAnEmail => Msg::PNotAnEmail.text(lang).to_owned(),
        Problem::NotHttpsUrl => Msg::PNotHttpsUrl.text(lang).to_owned(),
        Problem::NotAPhone => Msg::PNotAPhone.text(lang).to_owned(),
        Problem::NotIncreasing => Msg::PNotIncreasing.text(lang).to_owned(),
        Problem::BadHolidayRange => Msg::PBadHolidayRange.text(lang).to_owned(),
        Problem::BadWorkday => Msg::PBadWorkday.text(lang).to_owned(),
        Problem::UnknownQuestion { id } => {
            Msg::PUnknownQuestion.fill(lang, &[("id", &printable_id(id))])
        }
        Problem::NotAChoiceOf { choice, question } => Msg::PNotAChoiceOf.fill(
            lang,
            &[
                ("choice", &printable_id(choice)),
                ("question", &printable_id(question)),
            ],
        ),
        Problem::NoneWithOthers { choice } => {
            Msg::PNoneWithOthers.fill(lang, &[("choice", &printable_id(choice))])
        }
        Problem::NotRaci { found } => Msg::PNotRaci.fill(lang, &[("found", &printable_id(found))]),
        Problem::NoOffering { id } => Msg::PNoOffering.fill(lang, &[("id", id)]),
        Problem::NoPhase { id } => Msg::PNoPhase.fill(lang, &[("id", &printable_id(id))]),
        Problem::BadSheetName => Msg::PBadSheetName.text(lang).to_owned(),
        Problem::NotADateCell => Msg::PNotADateCell.text(lang).to_owned(),
        Problem::KeyMismatch { key } => Msg::PKeyMismatch.fill(lang, &[("key", key)]),
        Problem::NotImportId => Msg::PNotImportId.text(lang).to_owned(),
        Problem::BundleGone { index } => Msg::PBundleGone.fill(lang, &[("index", &n(*index))]),
    }
}

/// An id as the English message quotes it (JSON escapes, so that control characters show as
/// `\u0000` rather than vanish), without the surrounding quotes the message adds itself.
fn printable_id(id: &str) -> String {
    let quoted = serde_json::Value::String(id.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

/// Why a risk rule's condition does not parse, in `lang`.
fn condition_error_text(e: &ConditionError, lang: Lang) -> String {
    let p = e.position.to_string();
    match &e.kind {
        ConditionErrorKind::Empty => Msg::CondEmpty.text(lang).to_owned(),
        ConditionErrorKind::TooLong => {
            Msg::CondTooLong.fill(lang, &[("max", &MAX_CONDITION_CHARS.to_string())])
        }
        ConditionErrorKind::TooDeep => {
            Msg::CondTooDeep.fill(lang, &[("max", &MAX_DEPTH.to_string()), ("at", &p)])
        }
        ConditionErrorKind::UnexpectedChar(c @ ('&' | '|')) => {
            let c = c.to_string();
            Msg::CondLone.fill(lang, &[("c", &c), ("at", &p), ("cc", &c.repeat(2))])
        }
        ConditionErrorKind::UnexpectedChar(c) => {
            Msg::CondUnexpected.fill(lang, &[("token", &format!("{c:?}")), ("at", &p)])
        }
        ConditionErrorKind::Unexpected(token) => {
            Msg::CondUnexpected.fill(lang, &[("token", &format!("'{token}'")), ("at", &p)])
        }
        ConditionErrorKind::UnexpectedEnd => Msg::CondEnd.fill(lang, &[("at", &p)]),
        ConditionErrorKind::DefaultInExpression => Msg::CondDefault.fill(lang, &[("at", &p)]),
    }
}

/// An issue (`path: problem`) in `lang`.
pub fn issue_text(issue: &Issue, lang: Lang) -> String {
    format!("{}: {}", issue.path, problem_text(&issue.problem, lang))
}

/// Why a stored record could not be used, in `lang`: up to three issues.
pub fn record_error_text(error: &RecordError, lang: Lang) -> String {
    match error {
        RecordError::Corrupt(issues) => {
            let shown: Vec<String> = issues.iter().take(3).map(|i| issue_text(i, lang)).collect();
            let shown = shown.join("; ");
            if issues.len() > 3 {
                Msg::PMore.fill(
                    lang,
                    &[("shown", &shown), ("more", &(issues.len() - 3).to_string())],
                )
            } else {
                shown
            }
        }
        RecordError::Newer(v) => Msg::PNewer.fill(
            lang,
            &[
                ("found", &v.to_string()),
                ("supported", &crate::domain::storage::SCHEMA.to_string()),
            ],
        ),
    }
}
