//! Figures for people to read: "38,000". Each kind shows its own values
//! (`FactKind::display`); this is what they share.

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
