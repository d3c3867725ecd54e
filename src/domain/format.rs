//! Numbers as the interface shows them. Integer arithmetic only: formatting floats with `{}`
//! would link Rust's float-printing code into the wasm build for two simple formats.

use crate::domain::catalogue::ManDays;

/// Man-days with at most one decimal: `2`, `0.5`, `12.5` (the domain's [`ManDays`] format).
pub fn days(value: f64) -> String {
    ManDays::from_days(value).to_string()
}

/// A whole amount with thousands separators and its currency: `CNY 72,000`.
pub fn money(value: f64, currency: &str) -> String {
    let n = value.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if n < 0 { "-" } else { "" };
    format!("{currency} {sign}{grouped}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_money() {
        assert_eq!(days(2.0), "2");
        assert_eq!(days(0.5), "0.5");
        assert_eq!(days(12.25), "12.3");
        assert_eq!(days(0.0), "0");
        assert_eq!(money(72_000.0, "CNY"), "CNY 72,000");
        assert_eq!(money(1_234_567.6, "USD"), "USD 1,234,568");
        assert_eq!(money(999.0, "EUR"), "EUR 999");
        assert_eq!(money(0.0, "CNY"), "CNY 0");
    }
}
