//! The risk chart: horizontal stacked bars, one per pillar, as inline SVG (no chart script).
//!
//! Geometry is a pure function of the counts so it is tested natively; the view only draws it.
//! Coordinates are whole numbers in a 10× finer grid than the layout (so no float formatting
//! code is linked into the wasm build).
//! Each bar spans the pillar's questions: high, medium, no risk, not applicable, unanswered,
//! left to right. A label sits above each bar so the chart scales down to a phone's width
//! without shrinking text beside the bars.

use crate::domain::assessment::Counts;

/// The drawing's width in SVG units.
pub const WIDTH: u32 = 4000;
/// Height of one pillar's row (label and bar).
pub const ROW: u32 = 460;
/// Height of a bar.
pub const BAR: u32 = 180;
/// Offset of the bar below the row's top (room for the label).
pub const BAR_TOP: u32 = 200;
/// Baseline of a row's label below the row's top.
pub const LABEL: u32 = 140;

/// One kind of question state, with its CSS class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// High risk.
    High,
    /// Medium risk.
    Medium,
    /// No risk.
    None,
    /// Not applicable.
    Na,
    /// Unanswered.
    Unanswered,
}

impl Kind {
    /// Every kind, in bar order.
    pub const ALL: [Kind; 5] = [
        Kind::High,
        Kind::Medium,
        Kind::None,
        Kind::Na,
        Kind::Unanswered,
    ];

    /// The fill colour (≥ 3:1 against white, as graphics must be, except the unanswered rest).
    pub fn fill(self) -> &'static str {
        match self {
            Kind::High => "#b42318",
            Kind::Medium => "#c77700",
            Kind::None => "#1e7b34",
            Kind::Na => "#6b7686",
            Kind::Unanswered => "#d5dbe3",
        }
    }

    /// How many questions of `counts` are of this kind.
    pub fn count(self, counts: &Counts) -> u32 {
        match self {
            Kind::High => counts.high,
            Kind::Medium => counts.medium,
            Kind::None => counts.none,
            Kind::Na => counts.not_applicable,
            Kind::Unanswered => counts.unanswered,
        }
    }
}

/// A drawn segment of a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Its kind.
    pub kind: Kind,
    /// How many questions it stands for.
    pub count: u32,
    /// Left edge.
    pub x: u32,
    /// Width (never zero: empty kinds are not drawn).
    pub width: u32,
}

/// The segments of one bar, left to right, filling [`WIDTH`] exactly.
pub fn segments(counts: &Counts) -> Vec<Segment> {
    let total = counts.total();
    if total == 0 {
        return Vec::new();
    }
    // Edges from the running count, so rounding never leaves a gap or overshoots the width.
    let mut before = 0;
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let count = kind.count(counts);
        if count == 0 {
            continue;
        }
        let x = WIDTH * before / total;
        before += count;
        let width = WIDTH * before / total - x;
        out.push(Segment {
            kind,
            count,
            x,
            width,
        });
    }
    out
}

/// The drawing's height for `rows` pillars.
pub fn height(rows: usize) -> u32 {
    ROW * u32::try_from(rows).unwrap_or(u32::MAX / ROW)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_proportional_and_fill_the_width() {
        let counts = Counts {
            high: 1,
            medium: 2,
            none: 3,
            not_applicable: 0,
            unanswered: 2,
        };
        let s = segments(&counts);
        let kinds: Vec<Kind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [Kind::High, Kind::Medium, Kind::None, Kind::Unanswered]
        );
        assert_eq!(s[0].width, 500);
        assert_eq!(s[1].x, 500);
        assert_eq!(s[2].width, 1500);
        let end = s.last().map(|l| l.x + l.width).unwrap();
        assert_eq!(end, WIDTH);
    }

    #[test]
    fn thirds_leave_no_gap() {
        let s = segments(&Counts {
            high: 1,
            medium: 1,
            none: 1,
            ..Counts::default()
        });
        assert_eq!(s.iter().map(|s| s.width).sum::<u32>(), WIDTH);
        assert_eq!(s[1].x, s[0].x + s[0].width);
    }

    #[test]
    fn an_empty_pillar_draws_nothing() {
        assert!(segments(&Counts::default()).is_empty());
    }
}
