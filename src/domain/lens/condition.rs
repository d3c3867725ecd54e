//! Risk-rule conditions, with the semantics of AWS custom lenses.
//!
//! A condition is either `default` (always true) or an expression over the question's choice ids
//! with `!` (not), `&&` (and), `||` (or) and parentheses; a choice id is true when the choice is
//! selected. Precedence is the usual one: `!` binds tightest, then `&&`, then `||`.
//!
//! The parser takes untrusted text: it never panics, bounds the text's length and the nesting
//! depth (so neither parsing, evaluating nor dropping an expression can exhaust the stack), and
//! reports the character position of the first problem.

pub use crate::domain::validate::{ConditionError, ConditionErrorKind};
use std::fmt;

/// The longest condition accepted, in characters.
pub const MAX_CONDITION_CHARS: usize = 2048;
/// The deepest nesting of `!` and parentheses accepted.
pub const MAX_DEPTH: usize = 32;

/// A boolean expression over leaves of type `L` (choice ids while parsing, choice indices once
/// resolved against a question).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr<L> {
    /// True when the choice is selected.
    Choice(L),
    /// Negation.
    Not(Box<Expr<L>>),
    /// True when every operand is (`a && b && …`, two or more operands).
    All(Vec<Expr<L>>),
    /// True when any operand is (`a || b || …`, two or more operands).
    Any(Vec<Expr<L>>),
}

impl<L> Expr<L> {
    /// Evaluates with `selected` telling whether a leaf is selected.
    pub fn eval(&self, selected: &impl Fn(&L) -> bool) -> bool {
        match self {
            Expr::Choice(leaf) => selected(leaf),
            Expr::Not(inner) => !inner.eval(selected),
            Expr::All(items) => items.iter().all(|e| e.eval(selected)),
            Expr::Any(items) => items.iter().any(|e| e.eval(selected)),
        }
    }

    /// Replaces every leaf through `f`, collecting the leaves `f` refuses.
    pub fn resolve<M, E>(
        &self,
        f: &impl Fn(&L) -> Result<M, E>,
        errors: &mut Vec<E>,
    ) -> Option<Expr<M>> {
        let out = match self {
            Expr::Choice(leaf) => match f(leaf) {
                Ok(m) => Expr::Choice(m),
                Err(e) => {
                    errors.push(e);
                    return None;
                }
            },
            Expr::Not(inner) => Expr::Not(Box::new(inner.resolve(f, errors)?)),
            Expr::All(items) => Expr::All(resolve_all(items, f, errors)?),
            Expr::Any(items) => Expr::Any(resolve_all(items, f, errors)?),
        };
        Some(out)
    }

    /// Every leaf, left to right.
    pub fn leaves(&self) -> Vec<&L> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<&'a L>) {
        match self {
            Expr::Choice(leaf) => out.push(leaf),
            Expr::Not(inner) => inner.collect_leaves(out),
            Expr::All(items) | Expr::Any(items) => {
                for item in items {
                    item.collect_leaves(out);
                }
            }
        }
    }
}

fn resolve_all<L, M, E>(
    items: &[Expr<L>],
    f: &impl Fn(&L) -> Result<M, E>,
    errors: &mut Vec<E>,
) -> Option<Vec<Expr<M>>> {
    // Resolve every operand (not just up to the first failure) so that all unknown ids are reported.
    let resolved: Vec<Option<Expr<M>>> = items.iter().map(|e| e.resolve(f, errors)).collect();
    resolved.into_iter().collect()
}

impl<L: fmt::Display> fmt::Display for Expr<L> {
    /// Prints with parentheses around every compound operand, so that printing and parsing back
    /// gives the same tree.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn operand<L: fmt::Display>(e: &Expr<L>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match e {
                Expr::All(_) | Expr::Any(_) => write!(f, "({e})"),
                _ => write!(f, "{e}"),
            }
        }
        match self {
            Expr::Choice(leaf) => write!(f, "{leaf}"),
            Expr::Not(inner) => {
                f.write_str("!")?;
                operand(inner, f)
            }
            Expr::All(items) | Expr::Any(items) => {
                let op = if matches!(self, Expr::All(_)) {
                    " && "
                } else {
                    " || "
                };
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(op)?;
                    }
                    operand(item, f)?;
                }
                Ok(())
            }
        }
    }
}

/// A parsed condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition<L> {
    /// `default`: always true.
    Default,
    /// An expression over choices.
    Expr(Expr<L>),
}

impl<L> Condition<L> {
    /// Evaluates with `selected` telling whether a leaf is selected.
    pub fn eval(&self, selected: &impl Fn(&L) -> bool) -> bool {
        match self {
            Condition::Default => true,
            Condition::Expr(e) => e.eval(selected),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    And,
    Or,
    Not,
    Open,
    Close,
}

impl Tok<'_> {
    fn text(&self) -> &str {
        match self {
            Tok::Ident(s) => s,
            Tok::And => "&&",
            Tok::Or => "||",
            Tok::Not => "!",
            Tok::Open => "(",
            Tok::Close => ")",
        }
    }
}

/// Parses a condition. Choice ids are returned as written; see [`Expr::resolve`].
pub fn parse(src: &str) -> Result<Condition<String>, ConditionError> {
    let chars = src.chars().count();
    if chars > MAX_CONDITION_CHARS {
        return Err(ConditionError {
            position: MAX_CONDITION_CHARS + 1,
            kind: ConditionErrorKind::TooLong,
        });
    }
    if src.trim() == "default" {
        return Ok(Condition::Default);
    }
    let tokens = tokenize(src)?;
    if tokens.is_empty() {
        return Err(ConditionError {
            position: 1,
            kind: ConditionErrorKind::Empty,
        });
    }
    let mut parser = Parser {
        tokens,
        next: 0,
        end: chars + 1,
    };
    let expr = parser.or(0)?;
    match parser.tokens.get(parser.next) {
        None => Ok(Condition::Expr(expr)),
        Some((position, tok)) => Err(ConditionError {
            position: *position,
            kind: ConditionErrorKind::Unexpected(tok.text().to_owned()),
        }),
    }
}

/// Tokens with their 1-based character positions.
fn tokenize(src: &str) -> Result<Vec<(usize, Tok<'_>)>, ConditionError> {
    let mut out = Vec::new();
    let mut iter = src.char_indices().enumerate().peekable();
    while let Some((ci, (bi, c))) = iter.next() {
        let position = ci + 1;
        let tok = match c {
            c if c.is_whitespace() => continue,
            '(' => Tok::Open,
            ')' => Tok::Close,
            '!' => Tok::Not,
            '&' | '|' => {
                if iter.peek().map(|(_, (_, n))| *n) == Some(c) {
                    iter.next();
                    if c == '&' { Tok::And } else { Tok::Or }
                } else {
                    return Err(ConditionError {
                        position,
                        kind: ConditionErrorKind::UnexpectedChar(c),
                    });
                }
            }
            c if is_id_char(c) => {
                let mut end = bi + c.len_utf8();
                while let Some((_, (nb, n))) = iter.peek() {
                    if !is_id_char(*n) {
                        break;
                    }
                    end = nb + n.len_utf8();
                    iter.next();
                }
                Tok::Ident(&src[bi..end])
            }
            c => {
                return Err(ConditionError {
                    position,
                    kind: ConditionErrorKind::UnexpectedChar(c),
                });
            }
        };
        out.push((position, tok));
    }
    Ok(out)
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

struct Parser<'a> {
    tokens: Vec<(usize, Tok<'a>)>,
    next: usize,
    end: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok<'_>> {
        self.tokens.get(self.next).map(|(_, t)| t)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(p, _)| *p)
    }

    fn or(&mut self, depth: usize) -> Result<Expr<String>, ConditionError> {
        let mut items = vec![self.and(depth)?];
        while self.peek() == Some(&Tok::Or) {
            self.next += 1;
            items.push(self.and(depth)?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::Any(items)
        })
    }

    fn and(&mut self, depth: usize) -> Result<Expr<String>, ConditionError> {
        let mut items = vec![self.unary(depth)?];
        while self.peek() == Some(&Tok::And) {
            self.next += 1;
            items.push(self.unary(depth)?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::All(items)
        })
    }

    fn unary(&mut self, depth: usize) -> Result<Expr<String>, ConditionError> {
        let position = self.position();
        if depth >= MAX_DEPTH {
            return Err(ConditionError {
                position,
                kind: ConditionErrorKind::TooDeep,
            });
        }
        let Some((_, tok)) = self.tokens.get(self.next).cloned() else {
            return Err(ConditionError {
                position,
                kind: ConditionErrorKind::UnexpectedEnd,
            });
        };
        self.next += 1;
        match tok {
            Tok::Not => Ok(Expr::Not(Box::new(self.unary(depth + 1)?))),
            Tok::Open => {
                let inner = self.or(depth + 1)?;
                match self.peek() {
                    Some(Tok::Close) => {
                        self.next += 1;
                        Ok(inner)
                    }
                    Some(other) => Err(ConditionError {
                        position: self.position(),
                        kind: ConditionErrorKind::Unexpected(other.text().to_owned()),
                    }),
                    None => Err(ConditionError {
                        position: self.end,
                        kind: ConditionErrorKind::UnexpectedEnd,
                    }),
                }
            }
            Tok::Ident("default") => Err(ConditionError {
                position,
                kind: ConditionErrorKind::DefaultInExpression,
            }),
            Tok::Ident(id) => Ok(Expr::Choice(id.to_owned())),
            other => Err(ConditionError {
                position,
                kind: ConditionErrorKind::Unexpected(other.text().to_owned()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(src: &str, selected: &[&str]) -> bool {
        parse(src)
            .unwrap()
            .eval(&|id: &String| selected.contains(&id.as_str()))
    }

    #[test]
    fn default_is_always_true() {
        assert_eq!(parse(" default ").unwrap(), Condition::Default);
        assert!(eval("default", &[]));
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        // a || b && c  ==  a || (b && c)
        assert!(eval("a || b && c", &["a"]));
        assert!(!eval("a || b && c", &["b"]));
        // !a && b  ==  (!a) && b
        assert!(eval("!a && b", &["b"]));
        assert!(!eval("!a && b", &["a", "b"]));
        assert!(eval("!(a && b)", &["a"]));
        assert!(eval("(a || b) && !c", &["b"]));
        assert!(!eval("(a || b) && !c", &["b", "c"]));
    }

    #[test]
    fn aws_style_rules() {
        let src = "choice1 && choice2 && choice3";
        assert!(eval(src, &["choice1", "choice2", "choice3"]));
        assert!(!eval(src, &["choice1", "choice2"]));
    }

    fn error(src: &str) -> ConditionError {
        parse(src).unwrap_err()
    }

    #[test]
    fn errors_name_the_position() {
        assert_eq!(
            error("a & b"),
            ConditionError {
                position: 3,
                kind: ConditionErrorKind::UnexpectedChar('&')
            }
        );
        assert_eq!(error("a &&").kind, ConditionErrorKind::UnexpectedEnd);
        assert_eq!(error("a &&").position, 5);
        assert_eq!(error("(a || b").kind, ConditionErrorKind::UnexpectedEnd);
        assert_eq!(
            error("a b").kind,
            ConditionErrorKind::Unexpected("b".into())
        );
        assert_eq!(
            error("a || default").kind,
            ConditionErrorKind::DefaultInExpression
        );
        assert_eq!(error("   ").kind, ConditionErrorKind::Empty);
        assert_eq!(error("a$").kind, ConditionErrorKind::UnexpectedChar('$'));
        assert_eq!(error("é || a").position, 1);
        assert_eq!(error(")").kind, ConditionErrorKind::Unexpected(")".into()));
    }

    #[test]
    fn nesting_and_length_are_bounded() {
        let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert_eq!(error(&deep).kind, ConditionErrorKind::TooDeep);
        assert_eq!(error(&"!".repeat(100)).kind, ConditionErrorKind::TooDeep);
        let long = vec!["a"; 1100].join("&&");
        assert_eq!(error(&long).kind, ConditionErrorKind::TooLong);
        // A long flat chain is fine: it is one level deep.
        assert!(eval(&vec!["a"; 400].join(" && "), &["a"]));
    }

    #[test]
    fn resolve_reports_every_unknown_leaf() {
        let Condition::Expr(e) = parse("a && (x || b) && y").unwrap() else {
            panic!()
        };
        let mut errors = Vec::new();
        let known = ["a", "b"];
        let resolved = e.resolve(
            &|id: &String| known.iter().position(|k| k == id).ok_or(id.clone()),
            &mut errors,
        );
        assert!(resolved.is_none());
        assert_eq!(errors, ["x", "y"]);
    }

    #[test]
    fn display_round_trips() {
        for src in ["a && (b || !c)", "!(a || b) && c", "a || b || c", "!!a"] {
            let Condition::Expr(e) = parse(src).unwrap() else {
                panic!()
            };
            assert_eq!(parse(&e.to_string()).unwrap(), Condition::Expr(e));
        }
    }
}
