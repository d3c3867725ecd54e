//! Properties of the risk-rule condition language.
//!
//! The reference here is deliberately separate from the implementation: its own tree type, its
//! own evaluator and two printers (fully parenthesised, and minimal parentheses relying on the
//! precedence `!` > `&&` > `||`). The real parser must read both printings and the real evaluator
//! must agree with the reference on every assignment of the choices.

use preflight::domain::lens::condition::{Condition, parse};
use proptest::prelude::*;

const IDS: [&str; 4] = ["alpha", "b_2", "choice_3", "d"];

#[derive(Clone, Debug)]
enum Ref {
    Leaf(usize),
    Not(Box<Ref>),
    And(Box<Ref>, Box<Ref>),
    Or(Box<Ref>, Box<Ref>),
}

impl Ref {
    fn eval(&self, bits: u8) -> bool {
        match self {
            Ref::Leaf(i) => bits & (1 << i) != 0,
            Ref::Not(e) => !e.eval(bits),
            Ref::And(a, b) => a.eval(bits) && b.eval(bits),
            Ref::Or(a, b) => a.eval(bits) || b.eval(bits),
        }
    }

    fn full(&self, sp: &str) -> String {
        match self {
            Ref::Leaf(i) => IDS[*i].to_owned(),
            Ref::Not(e) => format!("!{sp}({})", e.full(sp)),
            Ref::And(a, b) => format!("({}){sp}&&{sp}({})", a.full(sp), b.full(sp)),
            Ref::Or(a, b) => format!("({}){sp}||{sp}({})", a.full(sp), b.full(sp)),
        }
    }

    /// Minimal parentheses: precedence levels Or = 0, And = 1, Not/Leaf = 2.
    fn minimal(&self) -> String {
        fn level(e: &Ref) -> u8 {
            match e {
                Ref::Or(..) => 0,
                Ref::And(..) => 1,
                _ => 2,
            }
        }
        fn wrap(e: &Ref, min: u8) -> String {
            if level(e) < min {
                format!("({})", e.minimal())
            } else {
                e.minimal()
            }
        }
        match self {
            Ref::Leaf(i) => IDS[*i].to_owned(),
            Ref::Not(e) => format!("!{}", wrap(e, 2)),
            // Left operands may be flat (left associativity); right operands of the same level
            // are wrapped, which is harmless for && and || (associative) and keeps the tree.
            Ref::And(a, b) => format!("{} && {}", wrap(a, 1), wrap(b, 2)),
            Ref::Or(a, b) => format!("{} || {}", wrap(a, 0), wrap(b, 1)),
        }
    }
}

fn expr() -> impl Strategy<Value = Ref> {
    let leaf = (0..IDS.len()).prop_map(Ref::Leaf);
    leaf.prop_recursive(6, 48, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Ref::Not(Box::new(e))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Ref::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| Ref::Or(Box::new(a), Box::new(b))),
        ]
    })
}

fn check_agrees(src: &str, reference: &Ref) -> Result<(), TestCaseError> {
    let parsed = parse(src).map_err(|e| TestCaseError::fail(format!("{src}: {e:?}")))?;
    let Condition::Expr(e) = parsed else {
        return Err(TestCaseError::fail("parsed as default"));
    };
    for bits in 0..16u8 {
        let selected = |id: &String| {
            let i = IDS.iter().position(|k| k == id).expect("only known ids");
            bits & (1 << i) != 0
        };
        prop_assert_eq!(
            e.eval(&selected),
            reference.eval(bits),
            "{} with bits {:04b}",
            src,
            bits
        );
    }
    Ok(())
}

/// Inputs made of the language's own pieces (and a few strangers): far more likely than random
/// text to reach deep into the parser.
fn tokens() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a"),
        Just("b_1"),
        Just("&&"),
        Just("||"),
        Just("!"),
        Just("("),
        Just(")"),
        Just(" "),
        Just("&"),
        Just("|"),
        Just("default"),
        Just("é"),
        Just("\u{0}"),
        Just("\n"),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parser_never_panics_on_any_text(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn parser_never_panics_on_token_soup(s in tokens()) {
        if let Err(e) = parse(&s) {
            // Positions point into the text (or one past its end).
            prop_assert!(e.position >= 1 && e.position <= s.chars().count() + 1, "{e:?} for {s:?}");
        }
    }

    #[test]
    fn fully_parenthesised_expressions_agree_with_the_reference(e in expr(), spaced in any::<bool>()) {
        check_agrees(&e.full(if spaced { " " } else { "" }), &e)?;
    }

    #[test]
    fn precedence_minimal_expressions_agree_with_the_reference(e in expr()) {
        check_agrees(&e.minimal(), &e)?;
    }
}
