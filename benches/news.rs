//! Distinct news-style text for benchmarks: every paragraph a different
//! event, with its own invented names, places, figures, dates, durations,
//! claims and attributions, from a seeded generator (no network, no files).
//! Two reports of one seed family ("a" and "b") tell the same events with
//! some figures and spellings changed, as real pairs do; text never repeats,
//! so no cache or merge of repeated facts flatters the figures.

/// A small deterministic generator (PCG-style LCG, high bits).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st",
    "tr", "sh", "ch", "gr", "pl", "fl",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ei", "ia"];
const CODAS: &[&str] = &["", "", "n", "r", "s", "l", "m", "t", "nd", "rk", "st"];

/// An invented capitalised word of two or three syllables.
fn word(r: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..2 + r.below(2) {
        w.push_str(r.pick(ONSETS));
        w.push_str(r.pick(VOWELS));
    }
    w.push_str(r.pick(CODAS));
    let mut c = w.chars();
    let first = c.next().unwrap().to_ascii_uppercase();
    std::iter::once(first).chain(c).collect()
}

const EVENTS: &[(&str, &str, &str)] = &[
    ("flood", "swept through", "people were killed"),
    ("fire", "tore through", "homes were destroyed"),
    ("storm", "hit", "people were injured"),
    ("strike", "shut down", "workers walked out"),
    ("crash", "happened near", "passengers were aboard"),
    ("outbreak", "spread across", "cases were confirmed"),
    ("protest", "filled", "people were arrested"),
    ("landslide", "buried", "families were evacuated"),
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const HEDGES: &[&str] = &[
    "",
    "",
    "about ",
    "nearly ",
    "at least ",
    "more than ",
    "some ",
];
const ROLES: &[&str] = &["spokesperson", "official", "mayor", "director", "inspector"];
const UNITS: &[&str] = &["days", "weeks", "hours", "months"];
const BODIES: &[&str] = &["Council", "Agency", "Authority", "Service", "Ministry"];

/// A paragraph about event `n` of a family; `variant` (report "b") changes
/// some figures and one spelling, as a second report would.
fn paragraph(family: &mut Rng, variant: bool, out: &mut String) {
    // The event's facts come from the family generator, so both reports
    // draw the same ones; the variant's changes from a second stream.
    let (kind, verb, outcome) = EVENTS[family.below(EVENTS.len() as u64) as usize];
    let place = word(family);
    let first = word(family);
    let last = word(family);
    let body = format!("{} {}", word(family), family.pick(BODIES));
    let role = family.pick(ROLES);
    let count = 2 + family.below(5000);
    let second = 1 + family.below(300);
    let hedge = family.pick(HEDGES);
    let weekday = family.pick(WEEKDAYS);
    let month = family.pick(MONTHS);
    let day = 1 + family.below(28);
    let span = 2 + family.below(10);
    let unit = family.pick(UNITS);
    let cost = 1 + family.below(900);
    let change = family.below(4);
    let (count, last) = if variant {
        match change {
            0 => (count + 1 + count / 10, last),
            1 => (count, format!("{last}e")),
            _ => (count, last),
        }
    } else {
        (count, last)
    };
    let negated = if variant && change == 2 {
        "confirmed"
    } else {
        "did not confirm"
    };
    out.push_str(&format!(
        "A {kind} {verb} {place} on {weekday}, and {hedge}{count} {outcome}, the {body} said. \
         {first} {last}, the {body}'s {role}, said {second} more were still being counted \
         and that the cause {negated} any link to the work done in {month} {day}. \
         Crews expect the clean-up to take {span} {unit} and to cost {cost} million dollars, \
         according to {first} {last}.\n\n"
    ));
}

/// About `size` bytes of report `a` or `b` of the family `seed`.
pub fn report(size: usize, seed: u64, variant: bool) -> String {
    let mut family = Rng::new(seed);
    let mut out = String::with_capacity(size + 1024);
    // Both published the same day, so "on Friday" means one day in both.
    out.push_str("+++\npublished = 2024-05-02\n+++\n");
    while out.len() < size {
        paragraph(&mut family, variant, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn reports_are_distinct_and_deterministic() {
        let a = super::report(50_000, 7, false);
        assert_eq!(a, super::report(50_000, 7, false));
        let paras: std::collections::BTreeSet<&str> = a.split("\n\n").collect();
        assert!(paras.len() > 100);
        assert_ne!(a, super::report(50_000, 7, true));
    }
}
