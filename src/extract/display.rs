//! Values for people to read: "38,000" for a figure, "2024-03-05" for a date.

use super::Value;

/// Format a figure with thousands separators.
pub fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        let s = format!("{}", v.round().abs() as i64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        format!("{}", (v * 1000.0).round() / 1000.0)
    }
}

/// The normalised value for people to read.
pub fn display_value(v: &Value) -> String {
    super::kind::of(v.kind()).display(v)
}
