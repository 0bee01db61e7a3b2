//! Values for people to read: "38,000" for a figure, "2024-03-05" for a date.

use super::{Modality, Value};

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

fn fmt_secs(s: f64) -> String {
    for (unit, len) in [
        ("years", 31_556_952.0),
        ("months", 2_629_746.0),
        ("weeks", 604_800.0),
        ("days", 86_400.0),
        ("hours", 3600.0),
        ("minutes", 60.0),
    ] {
        if s.abs() >= len {
            return format!("{} {unit}", fmt_num((s / len * 10.0).round() / 10.0));
        }
    }
    format!("{} seconds", fmt_num(s))
}

/// The normalised value for people to read.
pub fn display_value(v: &Value) -> String {
    match v {
        Value::Quantity {
            value,
            low,
            high,
            unit,
            second,
            ..
        } => {
            if unit.as_deref() == Some(super::quantity::AGE) {
                return if low == high {
                    format!("aged {}", fmt_num(*value))
                } else {
                    format!("aged {}–{}", fmt_num(*low), fmt_num(*high))
                };
            }
            let u = unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
            if let Some(s) = second {
                return format!("{}-{}", fmt_num(*value), fmt_num(*s));
            }
            if low == high && low == value {
                format!("{}{u}", fmt_num(*value))
            } else if *low == *value && high.is_infinite() {
                format!("{} or more{u}", fmt_num(*value))
            } else if *high == *value && *low <= 0.0 {
                format!("up to {}{u}", fmt_num(*value))
            } else {
                format!(
                    "{}{u} ({}–{})",
                    fmt_num(*value),
                    fmt_num(*low),
                    fmt_num(*high)
                )
            }
        }
        Value::Duration { seconds, low, high } => format!(
            "{} ({}–{})",
            fmt_secs(*seconds),
            fmt_secs(*low),
            fmt_secs(*high)
        ),
        Value::Date {
            start,
            end,
            year_known,
            weekday,
            time,
            zone,
            ..
        } => {
            if let Some(t) = time {
                let z = match zone {
                    Some(z) if z % 60 == 0 => format!(" UTC{:+}", z / 60),
                    Some(z) => format!(" UTC{:+}:{:02}", z / 60, (z % 60).abs()),
                    None => String::new(),
                };
                return format!("{:02}:{:02}{z}", t / 60, t % 60);
            }
            if let Some(w) = weekday {
                return [
                    "",
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                ][*w as usize % 8]
                    .to_string();
            }
            let f = |d: &jiff::civil::Date| {
                if *d == jiff::civil::Date::MIN || *d == jiff::civil::Date::MAX {
                    "…".to_string()
                } else if *year_known {
                    d.to_string()
                } else {
                    format!("{:02}-{:02}", d.month(), d.day())
                }
            };
            if start == end {
                f(start)
            } else {
                format!("{} – {}", f(start), f(end))
            }
        }
        Value::Name { written, .. } => written.clone(),
        Value::Claim {
            predicate,
            negated,
            modality,
        } => {
            let m = if *modality == Modality::Hedged {
                " (hedged)"
            } else {
                ""
            };
            format!("{}{predicate}{m}", if *negated { "not " } else { "" })
        }
    }
}
