//! Reading a lens file: JSON → validated [`Lens`], or every problem by path.

use super::condition::{self, Condition};
use super::{
    Choice, CostClass, Lens, LensFormat, Link, MAX_CHOICES, MAX_PILLARS, MAX_QUESTIONS,
    MAX_RISK_RULES, Pillar, Question, Resource, Risk, RiskRule,
};
use crate::domain::text::Text;
use crate::domain::validate::{Checker, IdChars, Issue, JsonPath, Problem, parse_json};
use serde_json::Value;
use std::collections::HashMap;

// Limits. Where they come from:
// - [spec]: AWS, "Lens format specification", Well-Architected Tool user guide,
//   <https://docs.aws.amazon.com/wellarchitected/latest/userguide/lenses-format-specification.html>.
// - [import]: AWS CLI reference, `wellarchitected import-lens` ("JSONString": up to 500 KB).
// - [api]: the Well-Architected Tool API reference, data types `Choice` (ChoiceId ≤ 64,
//   Description ≤ 1024), `PillarSummary` (PillarId ≤ 64), `QuestionMetric` (QuestionId ≤ 128).
// - [cfn]: CloudFormation, `AWS::WellArchitected::Lens` (LensVersion ≤ 32, JSONString ≤ 500000).
// Counts and ids decide whether a lens can be stored and answered, so exceeding them is an
// error. Text lengths never stop a lens from working, so exceeding them is a warning and the
// text is kept whole.

/// The largest lens file accepted [import, cfn].
pub const MAX_LENS_BYTES: usize = 500_000;

/// The lens name [spec: "up to 128 characters"].
const MAX_NAME: usize = 128;
/// The lens description [spec: 2048].
const MAX_LENS_DESCRIPTION: usize = 2048;
/// Pillar, question and choice titles [spec: 128].
const MAX_TITLE: usize = 128;
/// A question's description [spec: 2048].
const MAX_QUESTION_DESCRIPTION: usize = 2048;
/// A choice's description [api: 1024].
const MAX_CHOICE_DESCRIPTION: usize = 1024;
/// A question's helpful resource text [spec: 2048].
const MAX_QUESTION_RESOURCE: usize = 2048;
/// A choice's helpful resource text [spec: 2048; published lenses run to about 1,500].
const MAX_CHOICE_RESOURCE: usize = 2048;
/// A choice's improvement plan text [spec: 2048; published lenses run to about 1,500].
const MAX_IMPROVEMENT_PLAN: usize = 2048;
/// A URL [spec: 2048].
const MAX_URL: usize = 2048;
/// Pillar and choice ids [api: 64], and a lens id of our format.
const MAX_ID: usize = 64;
/// Question ids [api: 128].
const MAX_QUESTION_ID: usize = 128;
/// A version string of our format [cfn: 32] (AWS lens files carry none).
const MAX_VERSION: usize = 32;
/// The largest effort accepted for one choice, in man-days.
const MAX_EFFORT: f64 = 1000.0;

const RISKS: &[&str] = &["HIGH_RISK", "MEDIUM_RISK", "NO_RISK"];
const COST_CLASSES: &[&str] = &["low", "medium", "high"];

/// A lens file read: the lens, or the errors that make it unusable; and, either way, the
/// warnings, problems the lens works in spite of (an overlong text, a link that is not http(s),
/// an empty description, a question with no `default` rule).
#[derive(Debug)]
pub struct LensReport {
    /// The lens, or every error by path.
    pub lens: Result<Lens, Vec<Issue>>,
    /// Every warning by path, in file order.
    pub warnings: Vec<Issue>,
}

impl Lens {
    /// Parses and validates a lens file in our format or the AWS custom lens format, keeping
    /// the warnings.
    pub fn read(text: &str) -> LensReport {
        let value = match parse_json(text, MAX_LENS_BYTES) {
            Ok(value) => value,
            Err(issue) => {
                return LensReport {
                    lens: Err(vec![issue]),
                    warnings: Vec::new(),
                };
            }
        };
        let mut c = Checker::new();
        let lens = lens(&mut c, &value);
        let (errors, warnings) = c.into_parts();
        LensReport {
            lens: match lens {
                Some(lens) if errors.is_empty() => Ok(lens),
                _ => Err(errors),
            },
            warnings,
        }
    }

    /// Reads a lens file that is known by `id` (in `config.json`, a bundle, storage): an AWS
    /// custom lens file has no id of its own and takes this one; a Preflight lens file must hold
    /// it. The lens and its warnings, or every error.
    pub fn read_as(text: &str, id: &str) -> Result<(Lens, Vec<Issue>), Vec<Issue>> {
        let report = Lens::read(text);
        let mut lens = report.lens?;
        if lens.format == LensFormat::Preflight && lens.id != id {
            return Err(vec![Issue {
                path: JsonPath::root().key("id"),
                problem: Problem::LensIdMismatch {
                    found: lens.id,
                    expected: id.to_owned(),
                },
            }]);
        }
        lens.id = id.to_owned();
        Ok((lens, report.warnings))
    }

    /// Parses and validates a lens file; the warnings are dropped (see [`Lens::read`]).
    pub fn from_json(text: &str) -> Result<Lens, Vec<Issue>> {
        Lens::read(text).lens
    }
}

/// An identifier derived from a display name: lowercase ASCII letters and digits joined by `_`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out.truncate(MAX_ID);
    out
}

fn lens(c: &mut Checker, value: &Value) -> Option<Lens> {
    let root = JsonPath::root();
    let obj = c.object(value, &root)?;
    if let Some(v) = c.required(obj, "schemaVersion", &root) {
        c.string(v, &root.key("schemaVersion"), MAX_NAME);
    }
    let name = c
        .required(obj, "name", &root)
        .and_then(|v| text(c, v, &root.key("name"), MAX_NAME));
    let description = Checker::optional(obj, "description")
        .and_then(|v| optional_text(c, v, &root.key("description"), MAX_LENS_DESCRIPTION));
    let explicit_id = Checker::optional(obj, "id").and_then(|v| id(c, v, &root.key("id"), MAX_ID));
    let version = match Checker::optional(obj, "version") {
        Some(v) => c.string(v, &root.key("version"), MAX_VERSION),
        None => Some("1".to_owned()),
    };
    let format = if obj.contains_key("id") {
        LensFormat::Preflight
    } else {
        LensFormat::Aws
    };

    let pillars_path = root.key("pillars");
    let mut pillars = Vec::new();
    let mut pillar_ids = Ids::default();
    let mut question_ids = Ids::default();
    if let Some(items) = c
        .required(obj, "pillars", &root)
        .and_then(|v| c.array(v, &pillars_path))
    {
        c.count(items.len(), &pillars_path, 1, MAX_PILLARS);
        for (i, item) in items.iter().enumerate() {
            let path = pillars_path.index(i);
            if let Some(p) = pillar(c, item, &path, &mut question_ids)
                && pillar_ids.check(c, &p.id, &path.key("id"))
            {
                pillars.push(p);
            }
        }
    }

    let name = name?;
    let id = explicit_id.or_else(|| {
        let derived = slug(name.get(crate::domain::text::Lang::En));
        Some(if derived.is_empty() {
            "custom_lens".to_owned()
        } else {
            derived
        })
    })?;
    Some(Lens {
        id,
        version: version?,
        name,
        description,
        pillars,
        format,
    })
}

fn pillar(
    c: &mut Checker,
    value: &Value,
    path: &JsonPath,
    question_ids: &mut Ids,
) -> Option<Pillar> {
    let obj = c.object(value, path)?;
    let id = c
        .required(obj, "id", path)
        .and_then(|v| id(c, v, &path.key("id"), MAX_ID));
    let name = c
        .required(obj, "name", path)
        .and_then(|v| text(c, v, &path.key("name"), MAX_NAME));
    let questions_path = path.key("questions");
    let mut questions = Vec::new();
    let mut complete = true;
    if let Some(items) = c
        .required(obj, "questions", path)
        .and_then(|v| c.array(v, &questions_path))
    {
        c.count(items.len(), &questions_path, 1, MAX_QUESTIONS);
        for (i, item) in items.iter().enumerate() {
            let qpath = questions_path.index(i);
            match question(c, item, &qpath) {
                Some(q) => {
                    complete &= question_ids.check(c, &q.id, &qpath.key("id"));
                    questions.push(q);
                }
                None => complete = false,
            }
        }
    } else {
        complete = false;
    }
    complete.then_some(())?;
    Some(Pillar {
        id: id?,
        name: name?,
        questions,
    })
}

fn question(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Question> {
    let obj = c.object(value, path)?;
    let id = c
        .required(obj, "id", path)
        .and_then(|v| id(c, v, &path.key("id"), MAX_QUESTION_ID));
    let title = c
        .required(obj, "title", path)
        .and_then(|v| text(c, v, &path.key("title"), MAX_TITLE));
    let description = Checker::optional(obj, "description")
        .and_then(|v| optional_text(c, v, &path.key("description"), MAX_QUESTION_DESCRIPTION));
    let helpful_resource = match Checker::optional(obj, "helpfulResource") {
        Some(v) => resource(c, v, &path.key("helpfulResource"), MAX_QUESTION_RESOURCE),
        None => Some(None),
    };

    let choices_path = path.key("choices");
    let mut choices = Vec::new();
    let mut choices_ok = false;
    if let Some(items) = c
        .required(obj, "choices", path)
        .and_then(|v| c.array(v, &choices_path))
    {
        choices_ok = c.count(items.len(), &choices_path, 1, MAX_CHOICES);
        let mut ids = Ids::default();
        let mut first_none: Option<JsonPath> = None;
        for (i, item) in items.iter().enumerate() {
            let cpath = choices_path.index(i);
            match choice(c, item, &cpath) {
                Some(ch) => {
                    // A duplicate makes the choice list ambiguous: do not resolve conditions
                    // against it (they would only repeat the problem).
                    choices_ok &= ids.check(c, &ch.id, &cpath.key("id"));
                    if ch.is_none_of_these() {
                        if first_none.is_some() {
                            c.report(&cpath.key("id"), Problem::SeveralNoneChoices);
                            choices_ok = false;
                        }
                        first_none.get_or_insert(cpath);
                    }
                    choices.push(ch);
                }
                None => choices_ok = false,
            }
        }
    }

    let rules_path = path.key("riskRules");
    let mut risk_rules = Vec::new();
    let mut rules_ok = false;
    if let Some(items) = c
        .required(obj, "riskRules", path)
        .and_then(|v| c.array(v, &rules_path))
    {
        rules_ok = c.count(items.len(), &rules_path, 1, MAX_RISK_RULES);
        for (i, item) in items.iter().enumerate() {
            match risk_rule(
                c,
                item,
                &rules_path.index(i),
                choices_ok.then_some(&choices),
            ) {
                Some(rule) => risk_rules.push(rule),
                None => rules_ok = false,
            }
        }
        if rules_ok
            && !risk_rules
                .iter()
                .any(|r| matches!(r.condition, Condition::Default))
        {
            // The lens still works: a selection that no rule matches has `Question::UNMATCHED`.
            c.warn(&rules_path, Problem::NoDefaultRule);
        }
    }

    (choices_ok && rules_ok).then_some(())?;
    Some(Question {
        id: id?,
        title: title?,
        description,
        helpful_resource: helpful_resource?,
        choices,
        risk_rules,
    })
}

fn choice(c: &mut Checker, value: &Value, path: &JsonPath) -> Option<Choice> {
    let obj = c.object(value, path)?;
    let id = c
        .required(obj, "id", path)
        .and_then(|v| id(c, v, &path.key("id"), MAX_ID));
    let title = c
        .required(obj, "title", path)
        .and_then(|v| text(c, v, &path.key("title"), MAX_TITLE));
    let description = Checker::optional(obj, "description")
        .and_then(|v| optional_text(c, v, &path.key("description"), MAX_CHOICE_DESCRIPTION));
    let helpful_resource = match Checker::optional(obj, "helpfulResource") {
        Some(v) => resource(c, v, &path.key("helpfulResource"), MAX_CHOICE_RESOURCE),
        None => Some(None),
    };
    let is_none = id.as_deref().is_some_and(|id| id.ends_with("_no"));
    let improvement_plan = match Checker::optional(obj, "improvementPlan") {
        Some(v) => resource(c, v, &path.key("improvementPlan"), MAX_IMPROVEMENT_PLAN),
        None if is_none || id.is_none() => Some(None),
        None => {
            // AWS's template asks for one per choice; without it the plan has only the title.
            c.warn(&path.key("improvementPlan"), Problem::NoImprovementPlan);
            Some(None)
        }
    };
    let effort = Checker::optional(obj, "effort")
        .and_then(|v| c.number(v, &path.key("effort"), 0.0, MAX_EFFORT));
    let cost_class = Checker::optional(obj, "cost_class").and_then(|v| {
        let path = path.key("cost_class");
        let s = c.string(v, &path, 16)?;
        match s.as_str() {
            "low" => Some(CostClass::Low),
            "medium" => Some(CostClass::Medium),
            "high" => Some(CostClass::High),
            _ => {
                c.report(
                    &path,
                    Problem::NotOneOf {
                        found: s,
                        allowed: COST_CLASSES,
                    },
                );
                None
            }
        }
    });
    Some(Choice {
        id: id?,
        title: title?,
        description,
        helpful_resource: helpful_resource?,
        improvement_plan: improvement_plan?,
        effort,
        cost_class,
    })
}

fn risk_rule(
    c: &mut Checker,
    value: &Value,
    path: &JsonPath,
    choices: Option<&Vec<Choice>>,
) -> Option<RiskRule> {
    let obj = c.object(value, path)?;
    let risk = c.required(obj, "risk", path).and_then(|v| {
        let path = path.key("risk");
        let s = c.string(v, &path, 32)?;
        match s.as_str() {
            "HIGH_RISK" => Some(Risk::High),
            "MEDIUM_RISK" => Some(Risk::Medium),
            "NO_RISK" => Some(Risk::None),
            _ => {
                c.report(
                    &path,
                    Problem::NotOneOf {
                        found: s,
                        allowed: RISKS,
                    },
                );
                None
            }
        }
    });
    let cond_path = path.key("condition");
    let source = c
        .required(obj, "condition", path)
        .and_then(|v| c.string(v, &cond_path, condition::MAX_CONDITION_CHARS))?;
    let parsed = match condition::parse(&source) {
        Ok(parsed) => parsed,
        Err(e) => {
            c.report(&cond_path, Problem::Condition(e));
            return None;
        }
    };
    let condition = match parsed {
        Condition::Default => Condition::Default,
        Condition::Expr(expr) => {
            // Without valid choices there is nothing to resolve against; the choices' own
            // problems are reported already.
            let choices = choices?;
            let mut unknown = Vec::new();
            let resolved = expr.resolve(
                &|id: &String| choices.iter().position(|ch| &ch.id == id).ok_or(id.clone()),
                &mut unknown,
            );
            for id in unknown {
                c.report(&cond_path, Problem::UnknownChoice { id });
            }
            Condition::Expr(resolved?)
        }
    };
    Some(RiskRule {
        condition,
        risk: risk?,
    })
}

fn id(c: &mut Checker, value: &Value, path: &JsonPath, max: usize) -> Option<String> {
    c.id(value, path, max, IdChars::Word)
}

/// A text the lens cannot do without (a name, a title): missing or blank is an error; longer
/// than `max` is a warning, and the text is kept whole.
fn text(c: &mut Checker, value: &Value, path: &JsonPath, max: usize) -> Option<Text> {
    let text = c.text(value, path, usize::MAX)?;
    match &text {
        Text::Plain(s) => warn_long(c, s, path, max),
        Text::Localized { en, zh_cn } => {
            for (key, s) in [("en", en), ("zh-CN", zh_cn)] {
                if let Some(s) = s {
                    warn_long(c, s, &path.key(key), max);
                }
            }
        }
    }
    Some(text)
}

/// A text the lens can do without (a description, a resource's words): blank is a warning, and
/// the text (or that language of it) is absent. A placeholder with no letter or digit, such as
/// the `"-"` some published lenses put beside an empty URL, counts as blank.
fn optional_text(c: &mut Checker, value: &Value, path: &JsonPath, max: usize) -> Option<Text> {
    let blank = |v: &Value| {
        v.as_str()
            .is_some_and(|s| !s.chars().any(char::is_alphanumeric))
    };
    match value {
        v if blank(v) => {
            c.warn(path, Problem::EmptyLeftOut);
            None
        }
        Value::Object(obj) if obj.values().any(blank) => {
            let mut kept = obj.clone();
            for (key, v) in obj {
                if blank(v) {
                    c.warn(&path.key(key), Problem::EmptyLeftOut);
                    kept.remove(key);
                }
            }
            if kept.values().all(Value::is_null) {
                return None;
            }
            text(c, &Value::Object(kept), path, max)
        }
        v => text(c, v, path, max),
    }
}

fn warn_long(c: &mut Checker, s: &str, path: &JsonPath, max: usize) {
    let len = s.chars().count();
    if len > max {
        c.warn(path, Problem::LongerThanAws { len, max });
    }
}

/// A helpful resource or an improvement plan: `None` on an error; `Some(None)` when there is
/// nothing to show (a blank text without a URL, reported as a warning).
fn resource(
    c: &mut Checker,
    value: &Value,
    path: &JsonPath,
    max: usize,
) -> Option<Option<Resource>> {
    let obj = c.object(value, path)?;
    let tpath = path.key("displayText");
    let display = c.required(obj, "displayText", path);
    let text = display.map(|v| optional_text(c, v, &tpath, max));
    let link = match Checker::optional(obj, "url") {
        None => Some(None),
        Some(v) => {
            let upath = path.key("url");
            match v.as_str() {
                None => {
                    c.string(v, &upath, MAX_URL);
                    None
                }
                Some(u) if u.trim().is_empty() => {
                    c.warn(&upath, Problem::EmptyLeftOut);
                    Some(None)
                }
                Some(u) => {
                    warn_long(c, u, &upath, MAX_URL);
                    if is_http_url(u) {
                        Some(Some(Link::Web(u.to_owned())))
                    } else {
                        c.warn(&upath, Problem::BadUrl);
                        Some(Some(Link::Text(u.to_owned())))
                    }
                }
            }
        }
    };
    let (text, link) = (text?, link?);
    Some(match (text, link) {
        (Some(text), link) => Some(Resource { text, link }),
        // A link without words: its URL is the text.
        (None, Some(link)) => {
            let (Link::Web(u) | Link::Text(u)) = &link;
            Some(Resource {
                text: Text::Plain(u.clone()),
                link: Some(link),
            })
        }
        (None, None) => None,
    })
}

/// An absolute http(s) URL with a host and no spaces or control characters.
fn is_http_url(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !u.chars().any(|ch| ch.is_whitespace() || ch.is_control())
        }
        None => false,
    }
}

/// Tracks identifiers that must be unique, reporting a duplicate with where it was first used.
#[derive(Default)]
struct Ids(HashMap<String, JsonPath>);

impl Ids {
    /// Records `id`; false (with a problem reported) when it was seen before.
    fn check(&mut self, c: &mut Checker, id: &str, path: &JsonPath) -> bool {
        match self.0.get(id) {
            Some(first) => {
                c.report(
                    path,
                    Problem::Duplicate {
                        id: id.to_owned(),
                        first: first.clone(),
                    },
                );
                false
            }
            None => {
                self.0.insert(id.to_owned(), path.clone());
                true
            }
        }
    }
}
