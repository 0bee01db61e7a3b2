//! One test per extraction, alignment and comparison mechanism, on sentences
//! written for these tests (never the development articles).

use concur::extract::{Fact, Value};
use concur::judge::Verdict;
use concur::rules::{Kind, RuleSet};
use concur::source::Source;

fn rules() -> RuleSet {
    RuleSet::builtin().unwrap()
}

fn src(name: &str, text: &str, published: Option<&str>) -> Source {
    let text = match published {
        Some(p) => format!("+++\npublished = {p}\n+++\n{text}"),
        None => text.to_string(),
    };
    Source::from_text(name, text).unwrap()
}

fn facts(text: &str, published: Option<&str>) -> (Source, Vec<Fact>) {
    let s = src("a", text, published);
    let f = concur::facts(std::slice::from_ref(&s), &rules())
        .into_iter()
        .collect();
    (s, f)
}

fn fact<'a>(s: &Source, fs: &'a [Fact], kind: Kind, text: &str) -> &'a Fact {
    fs.iter()
        .find(|f| f.kind == kind && s.text[f.start..f.end].contains(text))
        .unwrap_or_else(|| {
            panic!(
                "no {kind:?} fact with {text:?} in {:?}",
                fs.iter()
                    .map(|f| &s.text[f.start..f.end])
                    .collect::<Vec<_>>()
            )
        })
}

/// The id of the rule that chose the fact of this kind with `text`.
fn rule_of(s: &Source, fs: &[Fact], kind: Kind, text: &str) -> String {
    rules().rules[fact(s, fs, kind, text).rule].id.to_string()
}

fn range(f: &Fact) -> (f64, f64, f64) {
    match &f.value {
        Value::Quantity {
            value, low, high, ..
        } => (*value, *low, *high),
        Value::Duration { seconds, low, high } => (*seconds, *low, *high),
        Value::Age { value, low, high } => (*value, *low, *high),
        v => panic!("not a figure: {v:?}"),
    }
}

fn day(f: &Fact) -> String {
    match &f.value {
        Value::Date { start, end, .. } if start == end => start.to_string(),
        Value::Date { start, end, .. } => format!("{start}..{end}"),
        v => panic!("not a date: {v:?}"),
    }
}

/// Each figure's text and counted noun, in order.
fn quantity_heads<'s>(s: &'s Source, fs: &[Fact]) -> Vec<(&'s str, Option<String>)> {
    fs.iter()
        .filter(|x| x.kind == Kind::Quantity)
        .map(|x| (&s.text[x.start..x.end], x.head.as_deref().map(String::from)))
        .collect()
}

/// The text of each fact that `keep` accepts, in order.
fn texts<'s>(s: &'s Source, fs: &[Fact], keep: impl Fn(&Fact) -> bool) -> Vec<&'s str> {
    fs.iter()
        .filter(|x| keep(x))
        .map(|x| &s.text[x.start..x.end])
        .collect()
}

/// The verdict of the finding that cites `a` in the first text and `b` in the second.
/// The texts of the claims read from one source with no publication date.
fn claim_texts(text: &str) -> Vec<String> {
    let (s, f) = facts(text, None);
    texts(&s, &f, |x| x.kind == Kind::Claim)
        .into_iter()
        .map(String::from)
        .collect()
}

fn verdict(
    a: (&str, Option<&str>),
    b: (&str, Option<&str>),
    qa: &str,
    qb: &str,
) -> Option<Verdict> {
    let sources = [src("a", a.0, a.1), src("b", b.0, b.1)];
    let analysis = concur::check(&sources, &rules());
    analysis
        .findings
        .iter()
        .find(|f| {
            f.claims
                .iter()
                .any(|c| c.source == 0 && c.text.contains(qa))
                && f.claims
                    .iter()
                    .any(|c| c.source == 1 && c.text.contains(qb))
        })
        .map(|f| f.verdict)
}

/// The verdict on `a` and `b` written into the same sentence of two reports.
fn one_sentence_verdict(sentence: impl Fn(&str) -> String, a: &str, b: &str) -> Option<Verdict> {
    verdict((&sentence(a), None), (&sentence(b), None), a, b)
}

/// The second report written with `same` and then with `changed` where `b`
/// puts its value: the finding citing `qa` in the first report and the value
/// in the second agrees the first time and conflicts the second (what
/// alignment found must hold when a value changes).
fn agrees_then_conflicts(
    a: (&str, Option<&str>),
    b: impl Fn(&str) -> String,
    published: Option<&str>,
    qa: &str,
    (same, changed): (&str, &str),
) {
    assert_eq!(
        verdict(a, (&b(same), published), qa, same),
        Some(Verdict::Agree),
        "with {same:?}"
    );
    assert_eq!(
        verdict(a, (&b(changed), published), qa, changed),
        Some(Verdict::Conflict),
        "with {changed:?}"
    );
}

// ---- quantities -------------------------------------------------------------

#[test]
fn speeds_small_lengths_and_areas_are_measures() {
    let (s, f) = facts(
        "The storm hit with winds of 120 mph. Up to 18 inches of rain fell. The fire burned 4,000 acres.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, value, .. } => (unit.clone().unwrap_or_default(), *value),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("120 mph").0, "speed");
    assert!((unit("18 inches").1 - 0.4572).abs() < 1e-9);
    assert_eq!(unit("4,000 acres").0, "area");
    // Shown in the unit of their size, not in base units.
    let shown = |t: &str| concur::display_value(&fact(&s, &f, Kind::Quantity, t).value);
    assert_eq!(shown("120 mph"), "193.121 km/h");
    assert_eq!(shown("18 inches"), "up to 0.457 m");
    // "120 mph" meets "193 kilometres per hour"; "115 mph winds" differs.
    let a = (
        "Hurricane Talia came ashore with winds of 120 mph, the hurricane center said.",
        None,
    );
    assert_eq!(
        verdict(
            a,
            (
                "Talia came ashore with winds of 193 kilometres per hour, the hurricane center said.",
                None
            ),
            "120 mph",
            "193"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            a,
            (
                "Talia came ashore with 115 mph winds, the hurricane center said.",
                None
            ),
            "120 mph",
            "115 mph"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_month_written_out_ends_before_the_full_stop() {
    let (s, f) = facts(
        "She will begin her third term in January. The fair opens Sept. 14 this year.",
        Some("2026-11-05"),
    );
    let dates = texts(&s, &f, |x| x.kind == Kind::Date);
    assert!(dates.contains(&"January"), "{dates:?}");
    assert!(dates.iter().any(|d| d.starts_with("Sept. 14")), "{dates:?}");
}

/// A day right after a verb of saying in the past is when it was said:
/// "said Wednesday it would recall" is last Wednesday, though the words it
/// reports look forward; "will be announced on Friday" is still to come.
/// "Next year", "next month", "next week" are the periods after the
/// report's own; "the next year" of a story is not.
#[test]
fn next_year_month_and_week_are_after_the_report() {
    let (s, f) = facts(
        "The firm plans to seek approval next year. Talks resume next week. \
         The next year was hard for the family.",
        Some("2031-09-03"),
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "next year")),
        "2032-01-01..2032-12-31"
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Date),
        ["next year", "next week"]
    );
    agrees_then_conflicts(
        (
            "The firm plans to seek approval in Europe next year.",
            Some("2031-09-03"),
        ),
        |y| format!("The firm intends to apply for European approval in {y}."),
        Some("2031-09-04"),
        "next year",
        ("2032", "2033"),
    );
}

#[test]
fn the_day_something_was_said_is_past() {
    let thursday = Some("2025-10-02");
    let (s, f) = facts(
        "Pellam Foods said Wednesday it would recall 9,000 jars of sauce.",
        thursday,
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Wednesday")), "2025-10-01");
    let (s, f) = facts(
        "The board announced late on Monday that it will close the mill.",
        thursday,
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Monday")), "2025-09-29");
    let (s, f) = facts("The winners will be announced on Friday.", thursday);
    assert_eq!(day(fact(&s, &f, Kind::Date, "Friday")), "2025-10-03");
    // Two reports of one statement do not disagree on its day.
    assert_ne!(
        verdict(
            (
                "Pellam Foods said on Wednesday it was recalling 9,000 jars.",
                thursday
            ),
            (
                "Pellam Foods said Wednesday it would recall 9,000 jars.",
                thursday
            ),
            "Wednesday",
            "Wednesday"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn what_a_later_report_looks_forward_to_is_not_what_an_earlier_one_told() {
    let a = (
        "Mayor Elena Marsh won a third term on Tuesday, beating Tom Braddock.",
        Some("2026-11-04"),
    );
    let b = (
        "Mayor Elena Marsh, who beat Tom Braddock, will begin her third term in January.",
        Some("2026-11-05"),
    );
    assert_eq!(verdict(a, b, "Tuesday", "January"), None);
    // Told as done in both, the two days are one slot.
    let b = (
        "Mayor Elena Marsh won a third term on Nov. 3, beating Tom Braddock.",
        Some("2026-11-05"),
    );
    assert_eq!(verdict(a, b, "Tuesday", "Nov. 3"), Some(Verdict::Agree));
    // The month in "since May 7" is no "may": the date looks back.
    let (s, f) = facts(
        "Commuters have queued at the ferry landing since May 7 as engineers assess the damage.",
        Some("2024-05-13"),
    );
    assert_eq!(
        fact(&s, &f, Kind::Date, "May 7").modality,
        concur::extract::Modality::Asserted
    );
    // A day over before its report was written is not looked forward to
    // there, whatever verb of intent stands before it.
    let text = "Prosecutors said the man planned the June 3 break-in at the Dunmore depot.";
    let (s, f) = facts(text, Some("2026-06-05"));
    assert_eq!(
        fact(&s, &f, Kind::Date, "June 3").modality,
        concur::extract::Modality::Asserted
    );
    let (s, f) = facts(text, Some("2026-05-20"));
    assert_eq!(
        fact(&s, &f, Kind::Date, "June 3").modality,
        concur::extract::Modality::Hedged
    );
    let a = (
        "Thieves broke into the Dunmore depot on Wednesday night and took 40 laptops.",
        Some("2026-06-04"),
    );
    let b = (
        "Prosecutors said the man planned the June 3 break-in at the Dunmore depot, where \
         40 laptops were taken.",
        Some("2026-06-05"),
    );
    assert_eq!(verdict(a, b, "Wednesday", "June 3"), Some(Verdict::Agree));
}

#[test]
fn a_hyphenated_prefix_makes_another_word() {
    let (s, f) = facts(
        "Marsh was first elected in 2016 and re-elected in 2022.",
        None,
    );
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let d2022 = fact(&s, &f, Kind::Date, "2022");
    assert_eq!(d2022.events[0].as_str(), lemma("re-elected"));
    assert_ne!(lemma("re-elected"), lemma("elected"));
    // "first elected" meets "first elected", not "re-elected".
    assert_eq!(
        verdict(
            (
                "Marsh, a former school principal, was first elected in 2018.",
                None
            ),
            (
                "Marsh was first elected in 2016 and re-elected in 2022.",
                None
            ),
            "2018",
            "2016"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_second_day_is_no_duration_and_a_part_may_name_its_total_with_digits() {
    let (s, f) = facts(
        "Drivers walked out for a second day on Tuesday. The operator cancelled 1,850 of its roughly 2,400 daily trains. He paused for a second before he spoke.",
        Some("2026-02-11"),
    );
    let durations = texts(&s, &f, |x| x.kind == Kind::Duration);
    assert_eq!(durations, ["a second"], "{durations:?}");
    let part = fact(&s, &f, Kind::Quantity, "1,850");
    assert_eq!(
        part.head.as_deref(),
        Some(format!("part {}", rules().lexicon.lemma("trains")).as_str())
    );
}

#[test]
fn a_hedge_is_no_event_word() {
    // "roughly" stands nearest the day, but the day is the landfall's.
    let (s, f) = facts(
        "The storm made landfall at roughly 5 a.m. on Monday near the port.",
        Some("2026-09-16"),
    );
    let monday = fact(&s, &f, Kind::Date, "Monday");
    assert!(
        monday.events.iter().all(|e| e.as_str() != "roughly"),
        "{:?}",
        monday.events
    );
}

/// "within eight hours" is at most eight hours: six hours agrees with it,
/// ten do not ("within 50 metres of the shore" likewise).
#[test]
fn within_a_figure_is_at_most_it() {
    let (s, f) = facts("Crews restored power within eight hours.", None);
    assert_eq!(
        range(fact(&s, &f, Kind::Duration, "eight hours")).1,
        0.0,
        "{:?}",
        fact(&s, &f, Kind::Duration, "eight hours").value
    );
    agrees_then_conflicts(
        (
            "A storm cut power to the valley on Monday. Crews restored power \
             within eight hours, the utility said.",
            Some("2025-03-04"),
        ),
        |h| {
            format!(
                "A storm cut power to the valley on Monday. Power was restored \
                 after {h} hours, the utility said."
            )
        },
        Some("2025-03-04"),
        "eight hours",
        ("six", "ten"),
    );
}

#[test]
fn numbers_in_news_forms() {
    let (s, f) = facts(
        "Crews cleared a dozen roads. Hundreds of homes flooded. The dam cost 1.2 billion dollars. The fund holds $4.5bn in bonds. About 3,000-plus volunteers came. Turnout was 64 percent.",
        None,
    );
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "dozen")).0, 12.0);
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "Hundreds")).1, 200.0);
    let dam = fact(&s, &f, Kind::Quantity, "1.2 billion");
    assert_eq!(range(dam).0, 1.2e9);
    assert!(matches!(&dam.value, Value::Quantity { unit: Some(u), .. } if u == "USD"));
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "$4.5bn")).0, 4.5e9);
    let plus = range(fact(&s, &f, Kind::Quantity, "3,000-plus"));
    assert!(plus.1 <= 3000.0 && plus.2 > 3000.0, "{plus:?}");
    assert!(
        matches!(&fact(&s, &f, Kind::Quantity, "64 percent").value, Value::Quantity { unit: Some(u), .. } if u == "percent")
    );
}

#[test]
fn ranges_and_earlier_figures() {
    let (s, f) = facts(
        "Between 30 and 40 boats sank. The count rose to 41 boats, up from 12 boats.",
        None,
    );
    let r = range(fact(&s, &f, Kind::Quantity, "30 and 40"));
    assert_eq!((r.1, r.2), (30.0, 40.0));
    let earlier = fact(&s, &f, Kind::Quantity, "12 boats");
    let now = fact(&s, &f, Kind::Quantity, "41 boats");
    assert_ne!(
        earlier.topic, now.topic,
        "the earlier figure is its own topic"
    );
    // After "a figure from", a count of something the sentence has not
    // named is where the first came from, not its earlier value; a count
    // of what it has named is.
    let a = (
        "Auditors said the treasurer took $9,000 in cash from two charities.",
        None,
    );
    let b = (
        "The treasurer took $9,000 from three charities, the auditors said.",
        None,
    );
    assert_eq!(
        verdict(a, b, "two charities", "three charities"),
        Some(Verdict::Conflict)
    );
    let (s, f) = facts(
        "Flu cases climbed to 41 from 12 cases, and prices rose to $5.2 billion from $4.8 billion.",
        None,
    );
    for (now, earlier) in [("41", "12 cases"), ("$5.2 billion", "$4.8 billion")] {
        assert_ne!(
            fact(&s, &f, Kind::Quantity, now).topic,
            fact(&s, &f, Kind::Quantity, earlier).topic,
            "{earlier} is the earlier figure"
        );
    }
}

#[test]
fn hedges_make_ranges() {
    let (s, f) = facts(
        "Almost 40 stores closed. At least 46 patients were treated. More than $200,000 was raised. \
         More than $165,000 was spent.",
        None,
    );
    assert_eq!(
        range(fact(&s, &f, Kind::Quantity, "Almost 40")),
        (40.0, 36.0, 40.0)
    );
    let at_least = range(fact(&s, &f, Kind::Quantity, "At least 46"));
    assert!(
        at_least.1 == 46.0 && at_least.2.is_finite() && at_least.2 < 52.0,
        "{at_least:?}"
    );
    // A round figure reaches half a unit of its last non-zero digit above it:
    // "more than $200,000" is said of $240,000, never of $260,000.
    let more = range(fact(&s, &f, Kind::Quantity, "More than $200,000"));
    assert_eq!(more.2, 250_000.0, "{more:?}");
    // News rounds down: "more than $165,000" is not $177,000.
    let more = range(fact(&s, &f, Kind::Quantity, "More than $165,000"));
    assert!(more.2 < 175_000.0, "{more:?}");
}

#[test]
fn counted_noun_and_participles() {
    let (s, f) = facts(
        "Some 45,000 spectators watched. A crowd of 45,210 filled the arena. The court heard 11 of 13 fraud and perjury counts.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "45,210").rule,
        fact(&s, &f, Kind::Quantity, "45,000").rule
    );
    // An irregular past form is the verb too, not the thing counted.
    let (s2, f2) = facts(
        "The town said the $3 million spent on the dam was wasted, and 12 held by police were freed.",
        None,
    );
    for text in ["$3 million", "12"] {
        let q = fact(&s2, &f2, Kind::Quantity, text);
        assert!(
            !s2.text[q.start..q.end].contains("spent") && !s2.text[q.start..q.end].contains("held"),
            "{:?} counts a verb",
            &s2.text[q.start..q.end]
        );
        assert_eq!(q.head, None, "{text}");
    }
    // A part of a total ("11 of 13 counts") is its own slot, beside the total.
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "11 of 13").head.as_deref(),
        Some("part count")
    );
}

#[test]
fn ordinals_of_titles_are_not_counts() {
    let (s, f) = facts(
        "It was their second Grand Prix and the 37th lap of the race.",
        None,
    );
    assert!(f.iter().all(|x| !s.text[x.start..x.end].contains("second")));
    fact(&s, &f, Kind::Quantity, "37th lap");
}

#[test]
fn units_convert_and_stay_out_of_topic_rules() {
    let (s, f) = facts(
        "The survey put the magnitude at 5.9, at a depth of 12 kilometres, some 200 miles from the coast.",
        None,
    );
    let depth = fact(&s, &f, Kind::Quantity, "12 kilometres");
    assert_eq!(range(depth).0, 12_000.0);
    assert_ne!(
        concur::rules::RuleSet::builtin().unwrap().rules[depth.rule].id,
        "magnitude"
    );
    assert!((range(fact(&s, &f, Kind::Quantity, "200 miles")).0 - 321_868.8).abs() < 1.0);
}

#[test]
fn event_words_follow_clauses() {
    let (s, f) = facts(
        "The agency said 1,200 people had been injured, eight remained missing and 40,000 had been evacuated.",
        None,
    );
    let rs = rules();
    let id = |t: &str| rs.rules[fact(&s, &f, Kind::Quantity, t).rule].id.clone();
    assert_eq!(id("1,200"), "people-injured");
    assert_eq!(id("eight"), "people-missing");
    assert_eq!(id("40,000"), "people-evacuated");
}

#[test]
fn repeated_figures_are_one_fact_citing_each_mention() {
    let (s, f) = facts(
        "Storm kills at least 27 in the valley\n\nThe storm killed at least 27 people in the valley on Monday.",
        None,
    );
    let toll: Vec<_> = f.iter().filter(|x| x.kind == Kind::Quantity).collect();
    assert_eq!(
        toll.len(),
        1,
        "{:?}",
        texts(&s, &f, |x| x.kind == Kind::Quantity)
    );
    assert_eq!(toll[0].also.len(), 1);
}

#[test]
fn a_headline_figure_takes_its_event_words_from_the_body() {
    // The headline's "as orders slow" stands nearer "14%" than "profit"
    // does, and the other report's first figure is a share of its staff;
    // the body's sentence says what the figure is.
    let a = "Halden profit falls 14% as orders slow\n\nHalden Foods said on Monday that its \
             net profit fell 14 percent to $80 million.";
    agrees_then_conflicts(
        (a, None),
        |p| {
            format!(
                "Halden Foods will cut 300 jobs, about 5% of its staff, the company said on \
                 Monday. Its net income dropped {p} to $80 million in the quarter."
            )
        },
        None,
        "14%",
        ("14%", "19%"),
    );
}

#[test]
fn a_body_figure_no_rule_knows_joins_the_headline_figure_a_rule_knows() {
    // "flee" names the topic in the headline; the body's "residents were
    // told to leave" names none, and is the same figure.
    let a = "Floods force 3,000 to flee\n\nAbout 3,000 residents were told to leave \
             their homes along the river on Sunday.";
    let (s, f) = facts(a, None);
    let head = fact(&s, &f, Kind::Quantity, "3,000");
    assert_eq!(rules().rules[head.rule].id.as_str(), "people-evacuated");
    assert_eq!(
        head.also.len(),
        1,
        "the body's mention joins the headline's"
    );
    // So the body's figure meets the other report's evacuees.
    agrees_then_conflicts(
        (a, None),
        |n| format!("Some {n} people were evacuated from the river towns."),
        None,
        "About 3,000",
        ("3,000", "4,200"),
    );
    // A body figure of things is not a headline's count of people.
    let (s, f) = facts(
        "Quake kills 12 in mountain region\n\nThe quake flattened 12 villages \
         near the border.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Quantity),
        ["12", "12 villages"]
    );
}

#[test]
fn a_figure_in_an_aside_meets_the_only_one_of_its_slot() {
    // One report tells the clinics in its main clause, the other in passing;
    // each tells no other count of clinics, and the staff count nearby is
    // another slot.
    agrees_then_conflicts(
        (
            "Norvik said on Monday it had sold its lab unit. The company runs 640 clinics \
             in 12 countries and employs about 30,000 people.",
            None,
        ),
        |n| {
            format!(
                "Norvik, which operates {n} clinics in 12 countries, has sold its lab unit, \
                 it said on Monday."
            )
        },
        None,
        "640",
        ("640", "810"),
    );
}

#[test]
fn a_hedge_reaches_one_unit_of_the_last_digit_written() {
    let said = |n: &str| format!("The hackers took the records of {n} customers, the bank said.");
    let v = |a: &str, b: &str| verdict((&said(a), None), (&said(b), None), a, b);
    // "Nearly 4.5 million" is rounded up to its last digit: 4.4 million or more.
    assert_eq!(
        v("nearly 4.5 million", "4.46 million"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        v("nearly 4.5 million", "4.2 million"),
        Some(Verdict::Conflict)
    );
    // "About 38" is 37 to 39; "about 40" still reaches 38.
    assert_eq!(v("about 38", "40"), Some(Verdict::Conflict));
    assert_eq!(v("about 40", "39"), Some(Verdict::Agree));
    // "Nearly 40" reaches 36, as before.
    assert_eq!(v("nearly 40", "36"), Some(Verdict::Agree));
}

#[test]
fn a_number_word_that_is_a_clause_subject_is_a_count() {
    // "three were taken" counts people the clause leaves unnamed.
    let (s, f) = facts(
        "Nine people were hurt and three were taken to hospital. Two died later.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Quantity),
        ["Nine people", "three", "Two died"]
    );
    // So the other report's "five were taken" is a different figure.
    agrees_then_conflicts(
        (
            "Nine people were hurt in the crash and three were taken to hospital.",
            None,
        ),
        |n| format!("Nine people were hurt in the crash and {n} were taken to hospital."),
        None,
        "three",
        ("three", "five"),
    );
    // A number word inside a phrase is no subject: "the two were married".
    let (s, f) = facts("The two were married in June.", None);
    assert!(texts(&s, &f, |x| x.kind == Kind::Quantity).is_empty());
}

#[test]
fn a_year_in_an_aside_is_not_the_year_of_the_clause() {
    // The founding years differ, but the countries are counted today in both.
    agrees_then_conflicts(
        (
            "Kelden, founded in 1971 in Lyon, sells its tools in 30 countries.",
            None,
        ),
        |n| format!("Kelden, which was founded in Lyon in 1973, sells tools in {n} countries."),
        None,
        "30 countries",
        ("30", "55"),
    );
}

#[test]
fn last_year_is_an_earlier_year_as_its_number_is() {
    // "last year" in June 2026 is 2025: both figures are of that year.
    agrees_then_conflicts(
        (
            "Last year Brannock had sales of $900 million, the company said.",
            Some("2026-06-02"),
        ),
        |n| format!("In 2025 Brannock had sales of {n}, the company said."),
        Some("2026-06-01"),
        "$900 million",
        ("$900 million", "$1.2 billion"),
    );
}

#[test]
fn a_count_of_places_after_a_figure_takes_that_figures_event() {
    // "in 9 states" says where the 48 were sickened, not what the officials
    // after it did.
    let (s, f) = facts(
        "A listeria outbreak traced to cheese from a Vermont dairy has sickened 48 people \
         in 9 states, federal health officials said on Monday.",
        None,
    );
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let people = fact(&s, &f, Kind::Quantity, "48");
    let states = fact(&s, &f, Kind::Quantity, "9 states");
    assert_eq!(states.events, people.events);
    // What another figure counts is none of a figure's event words: "the
    // 355" did not "county".
    let (s, f) = facts(
        "The number of people sickened by the flour rose to 355 in 12 counties.",
        None,
    );
    let total = fact(&s, &f, Kind::Quantity, "355");
    assert!(
        total.events.iter().all(|e| e.as_str() != lemma("counties")),
        "{:?}",
        total.events
    );
}

#[test]
fn a_part_told_with_a_topic_verb_is_that_topics_count() {
    // "11 of them were hospitalized" counts the hospitalized.
    let a = "Chemical fumes at the plant sickened 40 workers, and 11 of them were \
             hospitalized, the company said.";
    let (s, f) = facts(a, None);
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "11 of them"),
        "people-hospitalized"
    );
    agrees_then_conflicts(
        (a, None),
        |n| format!("Fumes sickened 40 workers at the plant. {n} people were hospitalized."),
        None,
        "11 of them",
        ("11", "15"),
    );
    // A part told with no topic's verb stays a part: "12 of them were
    // children".
    let (s, f) = facts(
        "The fire injured 30 people, and 12 of them were children.",
        None,
    );
    assert_ne!(
        rule_of(&s, &f, Kind::Quantity, "12 of them"),
        "people-injured"
    );
}

#[test]
fn what_add_takes_is_an_increment() {
    // "adds 60 nurses" and "60 new nurses" are one slot.
    agrees_then_conflicts(
        (
            "The hospital budget adds 60 nurses and two clinics, officials said.",
            None,
        ),
        |n| format!("The hospital budget pays for {n} new nurses, officials said."),
        None,
        "60 nurses",
        ("60", "45"),
    );
}

#[test]
fn a_rate_of_a_change_is_a_rate() {
    // "$90 more a year" is a yearly sum, as "$90 a year" is.
    agrees_then_conflicts(
        (
            "The new fee will cost the typical household about $90 a year.",
            None,
        ),
        |n| format!("The typical household will pay {n} more each year under the new fee."),
        None,
        "$90 a year",
        ("$90", "$150"),
    );
}

#[test]
fn a_gap_to_the_top_is_a_margin() {
    // "three points off the top" is how far behind, not the points they have.
    let (s, f) = facts(
        "The Wrens, who have 29 points after 15 games, are second, three points off the top.",
        None,
    );
    let heads = quantity_heads(&s, &f);
    assert_eq!(heads[2], ("three points off", Some("margin".to_string())));
    assert_ne!(heads[0].1.as_deref(), Some("margin"));
    let (s, f) = facts("Rovers are now five points clear at the top.", None);
    assert_eq!(
        quantity_heads(&s, &f),
        [("five points clear", Some("margin".to_string()))]
    );
}

#[test]
fn a_day_told_with_a_clock_time_is_one_moment() {
    // The day takes the clock time beside it, before or after it, past
    // "on", "at", brackets and the same moment in another zone; a clock
    // time in another clause is no day's.
    let (s, f) = facts(
        "The alarm sounded at 11:20 a.m. Sunday. Crews arrived on Monday at 10:05 a.m. \
         (8:05 GMT). The blaze, at 18:40 local time (16:40 GMT) on Tuesday, spread. \
         On Wednesday the mayor said that by 3 p.m. the roads had reopened.",
        Some("2031-05-08"),
    );
    let clock = |t: &str| {
        let d = fact(&s, &f, Kind::Date, t);
        d.clock.map(|b| &s.text[b..b + 4])
    };
    assert_eq!(clock("Sunday"), Some("11:2"));
    assert_eq!(clock("Monday"), Some("10:0"));
    assert_eq!(clock("Tuesday"), Some("16:4"));
    assert_eq!(clock("Wednesday"), None);
    // Two reports that tell one moment in other words: the clock times
    // meet, and so do their days, whatever day the second one names.
    agrees_then_conflicts(
        (
            "A warehouse fire broke out at 2:10 p.m. local time Monday (9:10 a.m. EDT), \
             officials said. Inspectors had passed the building on March 28.",
            Some("2031-04-09"),
        ),
        |y| {
            format!(
                "The depot blaze, which started at 14:10 local time (13:10 GMT) on {y}, \
                 has been blamed on a faulty heater. The owner had bought it on 2 February."
            )
        },
        Some("2031-04-10"),
        "Monday",
        ("7 April", "8 April"),
    );
}

#[test]
fn a_clause_told_of_the_counted_noun_is_not_what_the_figure_did() {
    // "he faced" tells which counts, not what the seven did: the verb of
    // the figure's own clause comes before it; "they lost" likewise.
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let (s, f) = facts(
        "A jury convicted the ex-treasurer on 7 of the 9 counts he faced. \
         The 40 homes they lost in the mudslide were rebuilt by volunteers.",
        None,
    );
    let seven = fact(&s, &f, Kind::Quantity, "7 of the 9 counts");
    assert!(
        seven
            .events
            .iter()
            .any(|e| e.as_str() == lemma("convicted"))
            && seven.events[0].as_str() != lemma("faced"),
        "{:?}",
        seven.events
    );
    let homes = fact(&s, &f, Kind::Quantity, "40 homes");
    assert!(
        homes.events.iter().any(|e| e.as_str() == lemma("rebuilt"))
            && homes.events[0].as_str() != lemma("lost"),
        "{:?}",
        homes.events
    );
    // After a date, the clause is the main one: Monday is when he resigned.
    let (s, f) = facts("On Monday he resigned from the board.", Some("2031-05-08"));
    assert_eq!(
        fact(&s, &f, Kind::Date, "Monday").events[0].as_str(),
        lemma("resigned")
    );
}

#[test]
fn two_hedged_figures_a_step_apart_each_way_do_not_meet() {
    // "about 4,600" reaches 4,500 to 4,700 and "some 4,400" 4,300 to 4,500:
    // they only touch, two figures two steps apart. A plain figure where
    // a hedge reaches to still meets it, and so do hedges that overlap.
    let sentence = |v: &str| format!("{v} nurses joined the walkout at the clinics on Monday.");
    assert_eq!(
        one_sentence_verdict(sentence, "About 4,600", "Some 4,400"),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "About 4,600", "4,500"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "About 4,600", "Roughly 4,500"),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_closed_compound_of_a_person_noun_counts_that_noun() {
    // "farmworkers" are "farm workers": one slot, whose figures conflict.
    agrees_then_conflicts(
        (
            "About 900 farm workers at the Velden estates stopped picking on Monday \
             to demand shade breaks.",
            Some("2031-07-09"),
        ),
        |v| {
            format!(
                "Some {v} farmworkers walked out of the Velden orchards this week \
                 over the heat."
            )
        },
        Some("2031-07-10"),
        "900",
        ("900", "600"),
    );
}

#[test]
fn a_slash_makes_a_rate_and_km_h_a_speed() {
    // "175 km/h" and "100 kmh" are speeds, "$5/month" a rate per month.
    let (s, f) = facts(
        "Gusts reached 175 km/h and the ferry held 100 kmh. Tickets cost $5/month.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, .. } => unit.clone().unwrap_or_default(),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("175 km/h"), "speed");
    assert_eq!(unit("100 kmh"), "speed");
    assert_eq!(unit("$5/month"), "USD per month");
    // A speed told in miles an hour meets one told in km/h.
    let sentence = |v: &str| format!("The storm came ashore with gusts of {v} on Sunday.");
    assert_eq!(
        one_sentence_verdict(sentence, "110 mph", "177 km/h"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "110 mph", "150 km/h"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_reports_only_figure_of_a_year_meets_the_others_only_one_of_that_year() {
    // Each report counts passengers twice: the stranded today, and last
    // year's total, told of the year with different verbs. The year is
    // what the totals are about: the only one of it in each meets.
    agrees_then_conflicts(
        (
            "A ticketing fault stranded about 900 passengers at Orlen harbour on Friday. \
             The ferry line served 2.3 million passengers last year.",
            Some("2031-04-12"),
        ),
        |v| {
            format!(
                "Around 950 passengers were stuck at Orlen on Friday after the fault. \
                 The operator carried {v} passengers in 2030."
            )
        },
        Some("2031-04-12"),
        "2.3 million",
        ("2.3m", "6.9m"),
    );
}

#[test]
fn more_parts_of_a_day_say_when_not_what() {
    // "midmorning", "lunchtime", "nightfall" say when, like "morning": never
    // what happened on the day.
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let (s, f) = facts(
        "The shelter had filled by midmorning Sunday. Crews reached \
         the ridge at nightfall Monday. The talks resumed at lunchtime Tuesday.",
        Some("2031-05-08"),
    );
    for (day, part) in [
        ("Sunday", "midmorning"),
        ("Monday", "nightfall"),
        ("Tuesday", "lunchtime"),
    ] {
        let d = fact(&s, &f, Kind::Date, day);
        assert!(
            d.events.iter().all(|e| e.as_str() != lemma(part)),
            "{day}: {:?}",
            d.events
        );
    }
}

/// The verb a date's clause tells before it is what the date dates, past
/// what the verb acts on: "had checked into the 12-storey hotel on Tuesday"
/// and "checked into a corner suite on 9 March" date one checking in,
/// though the hotel and the suite are different words.
#[test]
fn a_date_dates_its_clause_verb_past_what_it_acts_on() {
    let a = (
        "The singer had checked into the 12-storey hotel on Tuesday, her manager said. \
         A concert at the arena was cancelled on Wednesday.",
        Some("2031-03-13"),
    );
    let b = |day: &str| {
        format!(
            "She checked into a corner suite on {day} with two assistants. \
             Her agent confirmed the cancellation late on 12 March."
        )
    };
    agrees_then_conflicts(a, b, Some("2031-03-14"), "Tuesday", ("11 March", "9 March"));
    // Its object is a noun phrase of any length: "cleaned the pool area on
    // Tuesday" dates the cleaning, not the area.
    let (s, f) = facts(
        "Guests crowded the lobby. Staff cleaned the pool area on Tuesday.",
        Some("2031-03-13"),
    );
    let d = fact(&s, &f, Kind::Date, "Tuesday");
    assert_eq!(
        d.events.first().map(|e| e.as_str()),
        Some(rules().lexicon.lemma("cleaned").as_str()),
        "{:?}",
        d.events
    );
}

/// A name the currency table does not hold, before a word that ends
/// currency names ("Fijian dollars", "Sudanese pounds"), names a currency
/// of its own: never the one the word alone names, so a sum in it is never
/// set against a sum in pounds sterling.
#[test]
fn an_unlisted_national_currency_is_its_own_unit() {
    let (s, f) = facts(
        "The council set aside 500 million Sudanese pounds, about $830,000, for repairs.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "500 million Sudanese pounds");
    assert!(
        matches!(&q.value, Value::Quantity { unit: Some(u), .. } if u.as_str() != "GBP"),
        "{:?}",
        q.value
    );
    assert_eq!(
        one_sentence_verdict(
            |sum| format!("The council set aside {sum} for repairs to the bridge."),
            "500 million Sudanese pounds",
            "£5 million",
        ),
        None
    );
    // A name the table holds is its currency, and "pounds" alone stays
    // sterling.
    for (text, code) in [
        ("It paid 4 million British pounds.", "GBP"),
        ("It paid 4 million pounds.", "GBP"),
        ("It paid 4 million Canadian dollars.", "CAD"),
    ] {
        let (s, f) = facts(text, None);
        let q = fact(&s, &f, Kind::Quantity, "4 million");
        assert!(
            matches!(&q.value, Value::Quantity { unit: Some(u), .. } if u.as_str() == code),
            "{text}: {:?}",
            q.value
        );
    }
}

/// A figure's verb past a relative clause told of what it counts ("80
/// percent of those who cast a ballot rejected the plan": the rejecting,
/// not the casting), and past a "that" opening its clause ("returns
/// showed that …": the showing is another clause's).
#[test]
fn a_figure_verb_passes_a_relative_clause_of_its_noun() {
    let (s, f) = facts(
        "Early returns showed that nearly 80 percent of those who cast a ballot rejected the plan.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "nearly 80 percent");
    let lemma = |w: &str| rules().lexicon.lemma(w);
    assert_eq!(
        q.events.first().map(|e| e.as_str()),
        Some(lemma("rejected").as_str()),
        "{:?}",
        q.events
    );
    let (s, f) = facts(
        "Nearly 80 percent of the members who took part rejected the plan.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "Nearly 80 percent");
    assert_eq!(
        q.events.first().map(|e| e.as_str()),
        Some(lemma("rejected").as_str()),
        "{:?}",
        q.events
    );
    let a = (
        "Early returns showed that nearly 80 percent of those who cast a ballot \
         rejected the plan. Turnout was 31 percent, the board said.",
        None,
    );
    let b = |share: &str| {
        format!(
            "The board said {share} of voters rejected the plan. \
             Some 33 percent of members took part."
        )
    };
    agrees_then_conflicts(
        a,
        b,
        None,
        "nearly 80 percent",
        ("79.4 percent", "61.2 percent"),
    );
}

/// A plural noun ends a counted noun phrase: "and" after it joins a clause
/// ("employs about 140 people and makes paint"), while after a modifier it
/// joins one noun phrase ("12 fraud and bribery charges").
#[test]
fn and_after_a_plural_noun_ends_what_a_figure_counts() {
    let (s, f) = facts(
        "The works employs about 140 people and makes paint for ships.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "140");
    assert_eq!(&s.text[q.start..q.end], "about 140 people");
    assert_eq!(q.head.as_deref(), Some("person"));
    let (s, f) = facts(
        "The yard has 60 welders and builds two ferries a year.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "60");
    assert_eq!(&s.text[q.start..q.end], "60 welders");
    let (s, f) = facts("He faces 12 fraud and bribery charges.", None);
    let q = fact(&s, &f, Kind::Quantity, "12");
    assert_eq!(&s.text[q.start..q.end], "12 fraud and bribery charges");
}

/// A count of "other" things is a group besides one told already: "three
/// other crew were rescued" never restates "three crew drowned", though
/// the two are one value of one noun.
#[test]
fn a_count_of_other_things_is_no_restatement() {
    let (s, f) = facts(
        "The storm sank a trawler off the cape, and three crew drowned. \
         Three other crew were rescued by a passing tanker.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "Three other crew");
    assert!(q.also.is_empty(), "{:?}", q.also);
    let drowned = fact(&s, &f, Kind::Quantity, "three crew");
    assert!(drowned.also.is_empty(), "{:?}", drowned.also);
    // Restated without the word, a count still joins its first mention.
    let (s, f) = facts(
        "Three crew were rescued on Friday. The three crew were flown to the mainland.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "Three crew");
    assert_eq!(q.also.len(), 1, "{:?}", q.also);
}

/// A bare figure's verb right after it is what the figure did: "12 swam
/// ashore" swam. (A word after another figure is that figure's noun,
/// not this one's event.)
#[test]
fn a_bare_figure_did_what_its_next_verb_says() {
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let (s, f) = facts(
        "Of the 30 hikers on the trail, 12 swam across the flooded creek.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "12");
    assert_eq!(
        q.events.first().map(|e| e.as_str()),
        Some(lemma("swam").as_str()),
        "{:?}",
        q.events
    );
    agrees_then_conflicts(
        (
            "Rangers said 30 hikers were caught by the flood and 12 swam across the creek.",
            None,
        ),
        |v| format!("Of the 30 hikers on the trail, {v} swam to safety across the creek."),
        None,
        "12",
        ("12", "15"),
    );
}

/// A verb's irregular forms are the verb: "did not know" is denied by
/// "knew", "has not found" by "found".
#[test]
fn irregular_forms_of_a_verb_meet_its_denial() {
    let lemma = |w: &str| rules().lexicon.lemma(w);
    assert_eq!(lemma("knew"), lemma("know"));
    assert_eq!(lemma("known"), lemma("know"));
    assert_eq!(lemma("fled"), lemma("flee"));
    // A form in use as a noun keeps its own sense: "ground" is no "grind".
    assert_ne!(lemma("ground"), lemma("grind"));
    assert_eq!(
        verdict(
            (
                "The council said it did not know the bridge was unsafe.",
                None
            ),
            (
                "The council knew the bridge was unsafe, an engineer said.",
                None
            ),
            "not know",
            "knew",
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            ("Divers have not found the missing barge.", None),
            ("Divers found the missing barge late on Sunday.", None),
            "not found",
            "found",
        ),
        Some(Verdict::Conflict)
    );
}

/// Two sentences that name one earlier year tell of one time, though one
/// tells it as an event of its own ("in June 2029, when …") and the other
/// as a month's year: their figures may be one slot.
#[test]
fn figures_told_of_one_earlier_year_may_meet() {
    agrees_then_conflicts(
        (
            "The fraud came to light in June 2029, when an auditor flagged 88 payments with no receipts.",
            Some("2031-05-02"),
        ),
        |v| {
            format!(
                "An auditor uncovered the fraud in June 2029 after finding {v} payments without receipts."
            )
        },
        Some("2031-05-01"),
        "88 payments",
        ("88", "96"),
    );
}

/// "The number of licensed vendors" counts vendors: a participle before
/// the noun after "number of" is no noun of its own.
#[test]
fn a_number_of_participle_and_noun_counts_the_noun() {
    let (s, f) = facts(
        "The board cut the number of licensed vendors at the market from 120 to 90.",
        None,
    );
    let q = fact(&s, &f, Kind::Quantity, "90");
    assert_eq!(
        q.head.as_deref(),
        Some(rules().lexicon.lemma("vendors").as_str())
    );
    agrees_then_conflicts(
        (
            "The board cut the number of vendors at the market from 120 to 90.",
            None,
        ),
        |v| format!("The board cut the number of licensed vendors at the market from 120 to {v}."),
        None,
        "90",
        ("90", "75"),
    );
}

/// "Workers" and "staff" count the people at work wherever they are, so
/// any noun for a person may count the same people: "40 workers were in
/// the yard" / "40 welders were in the yard".
#[test]
fn people_at_work_may_be_counted_by_their_trade() {
    let lex = &rules().lexicon;
    let kin = |a: &str, b: &str| lex.same_kind_of_thing(&lex.lemma(a), &lex.lemma(b));
    assert!(kin("workers", "welders"));
    assert!(kin("nurses", "staff"));
    // Not what is no person: "40 workers" / "40 barges".
    assert!(!kin("workers", "barges"));
    agrees_then_conflicts(
        (
            "Forty workers were inside the dry dock when the gate burst, the yard said.",
            None,
        ),
        |v| format!("{v} welders were inside the dry dock when its gate gave way."),
        None,
        "Forty workers",
        ("40", "46"),
    );
}

/// Weights, volumes and power written in abbreviations are measures, and a
/// measure after "a" qualifies the noun after it, hyphen or not.
#[test]
fn abbreviated_units_measure_and_qualify_their_noun() {
    let (s, f) = facts(
        "The crate held 40 lbs of nails and 12 oz. of glue. They built a 500 MW plant.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, value, .. } => (unit.clone(), *value),
        v => panic!("{v:?}"),
    };
    let (u, v) = unit("40 lbs");
    assert_eq!(u.as_deref(), Some("mass"));
    assert!((v - 18.14).abs() < 0.01, "{v}");
    assert_eq!(unit("12 oz").0.as_deref(), Some("mass"));
    assert_eq!(unit("500 MW").0.as_deref(), Some("power"));
    assert_eq!(
        &*fact(&s, &f, Kind::Quantity, "500 MW").topic,
        "plant (power)"
    );
    // "a 16 oz. jar" is "a 16-ounce jar": one measure of one noun.
    agrees_then_conflicts(
        (
            "The jam is sold in a 16-ounce glass jar at farm stands.",
            None,
        ),
        |v| format!("The jam comes in a {v} oz. glass jar sold at farm stands."),
        None,
        "16-ounce",
        ("16", "12"),
    );
}

/// "Nine crew members" counts the crew, as "nine crew" does; a bare
/// "members" stays a count of members.
#[test]
fn members_of_a_group_count_the_group() {
    let (s, f) = facts(
        "The ferry had 212 passengers and nine crew members aboard. The club has 900 members.",
        None,
    );
    let topic = |t: &str| {
        f.iter()
            .find(|x| &s.text[x.start..x.end] == t)
            .map(|x| x.topic.to_string())
    };
    assert_eq!(topic("nine crew members").as_deref(), Some("crew"));
    assert_eq!(topic("900 members").as_deref(), Some("members"));
    agrees_then_conflicts(
        (
            "The ferry, with 212 passengers and nine crew members, left at noon.",
            None,
        ),
        |v| format!("The ferry left at noon carrying 212 passengers and {v} crew."),
        None,
        "nine crew",
        ("nine", "eight"),
    );
}

/// A topic rule's noun right before a figure names what the figure is:
/// "the magnitude 6.2 tremor" is "a 6.2-magnitude tremor".
#[test]
fn a_rule_noun_right_before_a_figure_names_it() {
    let (s, f) = facts("The magnitude 6.2 tremor shook the coastal towns.", None);
    assert_eq!(&*fact(&s, &f, Kind::Quantity, "6.2").topic, "magnitude");
    agrees_then_conflicts(
        ("A 5.8-magnitude tremor shook the coastal towns.", None),
        |v| format!("The magnitude {v} tremor shook the coastal towns."),
        None,
        "5.8-magnitude",
        ("5.8", "6.3"),
    );
}

/// The magnitude rule reads magnitudes, not every figure near a word that
/// shares a stem with one of its events: "rates" is no "rated".
#[test]
fn a_figure_near_rates_is_no_magnitude() {
    let (s, f) = facts(
        "Five of the seven directors backed the rise, while two wanted to keep \
         rates where they were.",
        None,
    );
    assert_ne!(&*fact(&s, &f, Kind::Quantity, "two").topic, "magnitude");
}

/// A share's change is told over a stretch, and the stretch tells two
/// changes in one sentence apart: "0.4 percent from June" is a month's,
/// "3.1 percent from a year earlier" and "3.1% over the year" a year's.
#[test]
fn a_change_over_a_year_is_not_a_change_over_a_month() {
    let a = "Consumer prices rose 0.4 percent from June and 3.1 percent from a year \
             earlier, the statistics office said on Tuesday.";
    agrees_then_conflicts(
        (a, Some("2030-07-16")),
        |v| {
            format!(
                "Consumer prices rose {v}% from a year earlier, the statistics office \
                 said on Tuesday."
            )
        },
        Some("2030-07-16"),
        "3.1 percent",
        ("3.1", "3.6"),
    );
    assert_eq!(
        verdict(
            (a, Some("2030-07-16")),
            (
                "Consumer prices were 3.6% higher than a year earlier, the statistics \
                 office said on Tuesday.",
                Some("2030-07-16")
            ),
            "0.4 percent",
            "3.6%"
        ),
        None
    );
}

/// The total a share is taken of ("12 percent of the company's 40,000
/// customers") is told in passing: the other report's "5,000 of its
/// customers" counts those the share counts, and is no contradiction of
/// the total.
#[test]
fn the_total_of_a_share_is_told_in_passing() {
    let a = (
        "About 12 percent of the company's 40,000 business customers were affected, \
         Norvik said.",
        None,
    );
    let b = (
        "Norvik said roughly 5,000 of its business customers were hit by the outage.",
        None,
    );
    assert_eq!(verdict(a, b, "40,000", "5,000"), None);
    // Two shares of one total still meet.
    let b = (
        "About 15 percent of the company's 40,000 business customers were affected, \
         Norvik said.",
        None,
    );
    assert_eq!(
        verdict(a, b, "12 percent", "15 percent"),
        Some(Verdict::Conflict)
    );
}

/// "Up from €2.9bn a year ago": the time after an earlier figure is when
/// that figure stood, even when the figure ends in a scale or a currency.
/// It is no date of the report, and it does not make the rest of its
/// sentence background of an earlier year.
#[test]
fn the_time_of_an_earlier_figure_dates_nothing_else() {
    let text = |n: &str| {
        format!(
            "The group had revenue of €3.1bn, up from €2.9bn a year ago, and employs \
             950 staff across {n} countries."
        )
    };
    let (s, f) = facts(&text("14"), Some("2029-07-26"));
    assert!(
        !f.iter()
            .any(|x| x.kind == Kind::Date && s.text[x.start..x.end].contains("year ago")),
        "{:?}",
        f.iter()
            .map(|x| &s.text[x.start..x.end])
            .collect::<Vec<_>>()
    );
    let a = (
        "Tarn Foods, which employs about 900 people in 14 countries, kept its forecast.",
        Some("2029-07-26"),
    );
    agrees_then_conflicts(
        a,
        |n| text(n.trim_end_matches(" countries")),
        Some("2029-07-26"),
        "14 countries",
        ("14 countries", "16 countries"),
    );
}

/// "Rose to 3.1 billion euros from 2.9 billion": the earlier figure is told
/// in the money of the one it changed to, and meets the other report's
/// "up from €2.9bn".
#[test]
fn an_earlier_figure_takes_the_money_of_the_figure_it_changed_to() {
    let a = (
        "Tarn Foods said revenue rose to 3.1 billion euros from 2.9 billion a year earlier.",
        Some("2029-07-26"),
    );
    let b = |n: &str| format!("Tarn Foods had revenue of €3.1bn, up from €{n}bn a year ago.");
    agrees_then_conflicts(a, b, Some("2029-07-26"), "2.9 billion", ("2.9", "2.6"));
}

// ---- durations --------------------------------------------------------------

/// A length told in two units is one length: "4 hours and 35 minutes",
/// "2 hours 10 minutes", told to the smaller unit. After a verb, "an hour
/// and 20 minutes" is a length, not a rate.
#[test]
fn a_length_told_in_two_units_is_one_length() {
    for (text, span, secs) in [
        (
            "The pumps ran for 4 hours and 35 minutes before the leak was sealed.",
            "4 hours and 35 minutes",
            16_500.0,
        ),
        (
            "The climb took 2 hours 10 minutes.",
            "2 hours 10 minutes",
            7_800.0,
        ),
        (
            "The crossing took an hour and 20 minutes.",
            "an hour and 20 minutes",
            4_800.0,
        ),
    ] {
        let (s, f) = facts(text, None);
        let d = fact(&s, &f, Kind::Duration, span);
        assert_eq!(&s.text[d.start..d.end], span);
        assert!(
            matches!(d.value, Value::Duration { seconds, .. } if seconds == secs),
            "{:?}",
            d.value
        );
    }
    // A point in time stays one: "two years and three months ago".
    let (_, f) = facts("They met two years and three months ago.", None);
    assert!(f.iter().all(|x| x.kind != Kind::Duration));
    agrees_then_conflicts(
        (
            "The pumps ran for 4 hours and 35 minutes before the leak was sealed.",
            None,
        ),
        |v| format!("The pumps ran for {v} before crews sealed the leak."),
        None,
        "4 hours",
        (
            "about four and a half hours",
            "about three and a half hours",
        ),
    );
}

#[test]
fn a_headline_figure_takes_the_topic_the_body_gives_it() {
    // "gets eight years" names no prison; the body's sentence does.
    let text = "Former clerk gets eight years for payroll fraud\n\nA former town clerk was \
                sentenced on Monday to eight years in prison. She had kept the books for \
                nearly a decade.";
    let (s, f) = facts(text, None);
    let head = fact(&s, &f, Kind::Duration, "eight years");
    assert_eq!(rules().rules[head.rule].id.as_str(), "prison-term");
    assert_eq!(
        head.also.len(),
        1,
        "the body's mention joins the headline's"
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Duration),
        ["eight years", "nearly a decade"]
    );
    // So the headline meets the other report's prison term, not its decade.
    let other = "The clerk, who kept the books for ten years, was jailed for nine years on \
                 Monday.";
    assert_eq!(
        verdict((text, None), (other, None), "eight years", "nine years"),
        Some(Verdict::Conflict)
    );
}

/// A headline's length of time is the body's length of that value, whatever
/// verb stands next to each: one fact, so each report tells one length.
#[test]
fn a_headline_length_is_the_body_length_of_its_value() {
    let text = "Ferry crossing took under 40 minutes\n\nThe new ferry made the \
                crossing to the island on Friday in less than 40 minutes, the operator said.";
    let (s, f) = facts(text, None);
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Duration),
        ["under 40 minutes"],
        "the body's mention joins the headline's"
    );
    agrees_then_conflicts(
        (
            "The operator said the ferry reached the island in about 35 minutes \
             on Friday.",
            None,
        ),
        |n| {
            format!(
                "Ferry crossing took under {n} minutes\n\nThe new ferry made the \
                 crossing to the island on Friday in less than {n} minutes, the operator said."
            )
        },
        None,
        "about 35 minutes",
        ("40", "20"),
    );
}

/// A headline's figure that counts nothing it names ("leaves 40,000
/// without water") is the body's figure of that value that does ("40,000
/// homes"): one fact, counting homes.
#[test]
fn a_bare_headline_figure_counts_what_the_body_counts() {
    let text = "Burst main leaves 40,000 without water\n\nAbout 40,000 homes in the valley \
                lost their water supply on Tuesday after a main burst under the ring road.";
    let (s, f) = facts(text, None);
    let counts = texts(&s, &f, |x| x.kind == Kind::Quantity);
    assert_eq!(
        counts,
        ["40,000"],
        "the body's mention joins the headline's"
    );
    let head = fact(&s, &f, Kind::Quantity, "40,000");
    assert_eq!(&*head.topic, "homes");
    assert_eq!(head.also.len(), 1);
    // So the other report's count of homes meets it.
    let other = "The burst left 45,000 homes in the valley without water on Tuesday, \
                 the utility said.";
    assert_eq!(
        verdict((text, None), (other, None), "40,000", "45,000"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn durations_round_to_half_a_unit() {
    let (s, f) = facts(
        "After a five-week strike and two to three weeks of talks, the plant reopened. The 30-year-old driver was fined.",
        None,
    );
    let strike = fact(&s, &f, Kind::Duration, "five-week");
    assert_eq!(strike.head.as_deref(), Some("strik"));
    let talks = range(fact(&s, &f, Kind::Duration, "two to three weeks"));
    assert!(talks.1 < 2.0 * 604_800.0 && talks.2 > 3.0 * 604_800.0);
    assert!(
        f.iter()
            .all(|x| x.kind != Kind::Duration || !s.text[x.start..x.end].contains("30-year")),
        "an age is not a duration"
    );
    // A unit after a word in "-ing" is still a length of time: "12,000
    // flying hours" meets "had logged more than 11,000 hours".
    let a = (
        "The barge skipper had 9,000 sailing hours, the operator said.",
        None,
    );
    let b = ("The skipper had logged more than 8,000 hours.", None);
    assert_eq!(
        verdict(a, b, "9,000 sailing hours", "8,000 hours"),
        Some(Verdict::Conflict)
    );
}

/// "Two and a half million" is 2.5 million: half a unit more before a scale.
#[test]
fn a_number_and_a_half_before_a_scale() {
    let sentence = |t: &str| format!("The firm said it would cut {t} jobs by next year.");
    assert_eq!(
        one_sentence_verdict(sentence, "two and a half million", "2.5 million"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "two and a half million", "2 million"),
        Some(Verdict::Conflict)
    );
}

/// "A day and a half" is 36 hours, "two and a half years" 30 months: half
/// a unit more, told to the half.
#[test]
fn a_count_and_a_half() {
    for (text, hours) in [
        ("The search went on for a day and a half.", 36.0),
        ("The search went on for two and a half days.", 60.0),
        ("The search went on for an hour and a half.", 1.5),
    ] {
        let (s, f) = facts(text, None);
        let (value, low, high) = range(fact(&s, &f, Kind::Duration, "half"));
        assert_eq!(value, hours * 3600.0, "{text}");
        assert!(low < value && high > value, "{text}");
    }
    let sentence = |t: &str| format!("Rescue teams searched for {t} before finding the climbers.");
    assert_eq!(
        one_sentence_verdict(sentence, "36 hours", "a day and a half"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "48 hours", "a day and a half"),
        Some(Verdict::Conflict)
    );
}

/// After a word of what may be, the verb is what a length measures: "are
/// expected to run for 80 years" is how long they run (for a count, "expected
/// to rise" is not what the figure did).
#[test]
fn a_length_after_expected_to_measures_the_verb() {
    let (s, f) = facts("The new pumps are expected to run for 80 years.", None);
    assert_eq!(
        &*fact(&s, &f, Kind::Duration, "80 years").topic,
        "length of run"
    );
}

// ---- dates ------------------------------------------------------------------

#[test]
fn relative_dates_resolve_against_publication() {
    // 2025-11-05 is a Wednesday.
    let (s, f) = facts(
        "The council voted on Tuesday. A ruling could come as soon as Friday. Talks began earlier this week. A report last week said so. The bridge closed on March 3; it reopened the following day.",
        Some("2025-11-05"),
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Tuesday")), "2025-11-04");
    let friday = fact(&s, &f, Kind::Date, "as soon as Friday");
    assert!(
        matches!(&friday.value, Value::Date { start, end, .. } if start.to_string() == "2025-11-07" && *end == jiff::civil::Date::MAX)
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "earlier this week")),
        "2025-11-03..2025-11-05"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "last week")),
        "2025-10-27..2025-11-02"
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "March 3")), "2025-03-03");
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "the following day")),
        "2025-03-04"
    );
    // Counted back from publication: the year, the month, the day.
    let (s, f) = facts(
        "The dam was built six years ago. Its gate failed two months ago. It was shut 3 days ago.",
        Some("2025-11-05"),
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "six years ago")),
        "2019-01-01..2019-12-31"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "two months ago")),
        "2025-09-01..2025-09-30"
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "3 days ago")), "2025-11-02");
}

/// "Up 18% from a year earlier" measures a change from a point in time: no
/// length of time, so it never meets "in the three months to June".
#[test]
fn a_year_earlier_is_no_length_of_time() {
    let a = (
        "Orvane said net income rose 18% from a year earlier, to $2.1 billion.",
        None,
    );
    let b = (
        "Orvane said net income rose 18 percent to $2.1 billion in the three months to June.",
        None,
    );
    let (s, f) = facts(a.0, None);
    assert!(
        !f.iter().any(|x| x.kind == Kind::Duration),
        "{:?}",
        texts(&s, &f, |_| true)
    );
    assert_eq!(verdict(a, b, "a year", "three months"), None);
    // A length stays one: "for a year" is a year long.
    let (s, f) = facts("The plant was closed for a year.", None);
    fact(&s, &f, Kind::Duration, "a year");
}

#[test]
fn month_year_and_holiday_dates() {
    let (s, f) = facts(
        "The fire started in mid-March of last year and spread in 2019. Since the 1990s it has burned on New Year's Day. Crews met at 5:45 p.m. local time.",
        Some("2021-06-01"),
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "mid-March")),
        "2020-03-11..2020-03-20"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "2019")),
        "2019-01-01..2019-12-31"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "1990s")),
        "1990-01-01..1999-12-31"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "New Year's Day")),
        "2021-01-01"
    );
    let t = fact(&s, &f, Kind::Date, "5:45 p.m. local time");
    assert!(matches!(
        t.value,
        Value::Date {
            time: Some(1065),
            ..
        }
    ));
}

#[test]
fn dates_without_an_anchor_compare_month_and_day() {
    assert_eq!(
        verdict(
            ("The museum reopens on Dec. 24.", None),
            ("The museum reopens on Christmas Eve.", None),
            "Dec. 24",
            "Christmas Eve"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn dates_of_sentences_that_share_a_fact_are_likelier_one_slot() {
    // The sentences share "212 passengers" and "nine people" died; the dates
    // of the two sentences have little else in common.
    let a = (
        "Officials met on Tuesday to plan the inquiry. A ferry carrying 212 passengers \
         in the bay capsized on Sunday, killing nine people.",
        Some("2031-03-05"),
    );
    let b = |day: &str| {
        format!(
            "Officials met on 4 March to plan the inquiry. Nine people died when the ferry, \
             with 212 passengers aboard, sank in the bay on {day}."
        )
    };
    agrees_then_conflicts(a, b, Some("2031-03-07"), "Sunday", ("2 March", "5 March"));
}

#[test]
fn a_dates_nearest_event_word_is_what_it_dates() {
    // Both reports date an arrest and a hearing; the hearings' dates share
    // little but the word "hearing" right beside each.
    let a = (
        "Officers stopped the clerk at the border on Sunday. A judge refused to free him \
         and scheduled a review hearing for Tuesday. His union made no statement.",
        Some("2031-02-28"),
    );
    let b = |day: &str| {
        format!(
            "The clerk was stopped at the border on Feb. 23. He stays in jail until a \
             hearing on {day}, prosecutors said."
        )
    };
    agrees_then_conflicts(a, b, Some("2031-03-01"), "Tuesday", ("March 4", "March 6"));
    // A name is who or where, never the event: the ferry sank, not "Ruritania".
    let (s, f) = facts(
        "The ferry sank off Ruritania on Monday, officials said.",
        Some("2031-03-05"),
    );
    assert_eq!(
        fact(&s, &f, Kind::Date, "Monday")
            .events
            .first()
            .map(|w| w.as_str()),
        Some(rules().lexicon.lemma("sank").as_str())
    );
}

#[test]
fn each_reports_own_news_day_is_not_a_conflict() {
    let a = (
        "The agency said Friday that 12 wells were dry.",
        Some("2025-05-02"),
    );
    let b = (
        "The agency said Wednesday that 19 wells were dry.",
        Some("2025-05-07"),
    );
    assert_ne!(
        verdict(a, b, "Friday", "Wednesday"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_noun_of_an_event_dates_what_its_verb_dates() {
    // "The explosion on Tuesday" and "exploded on Aug. 4" tell one event,
    // one with the noun and one with the verb it is made from.
    assert_eq!(
        rules().lexicon.root("explosions"),
        Some(rules().lexicon.lemma("exploded"))
    );
    // What a figure counts stays the noun.
    assert_eq!(rules().lexicon.root("voters"), None);
    agrees_then_conflicts(
        (
            "The explosion at the refinery on Tuesday was heard 20 miles away. The company \
             said on Wednesday that production would resume within a month.",
            Some("2026-08-05"),
        ),
        |d| {
            format!(
                "A storage tank exploded on {d}, sending a column of smoke over the bay. The \
                 owner said on Wednesday that it expected to restart production within a month."
            )
        },
        Some("2026-08-06"),
        "Tuesday",
        ("Aug. 4", "Aug. 3"),
    );
}

#[test]
fn a_season_is_read_with_its_year_or_from_publication() {
    let (s, f) = facts(
        "Work on the first school will begin next spring. The roof was fixed last \
         winter. The fair returns in the fall of 2028 and in summer 2029. A hot spring \
         feeds the pool.",
        Some("2027-05-19"),
    );
    let span = |t: &str| day(fact(&s, &f, Kind::Date, t));
    // Published in spring 2027: the next one is 2028's.
    assert_eq!(span("next spring"), "2028-03-01..2028-05-31");
    assert_eq!(span("last winter"), "2026-12-01..2027-02-28");
    assert_eq!(span("fall of 2028"), "2028-09-01..2028-11-30");
    assert_eq!(span("summer 2029"), "2029-06-01..2029-08-31");
    assert!(
        texts(&s, &f, |x| x.kind == Kind::Date)
            .iter()
            .all(|t| !t.contains("hot"))
    );
    // "next spring" meets "the spring of 2028" and differs from 2029's.
    agrees_then_conflicts(
        (
            "The superintendent said construction of the first school would begin next spring.",
            Some("2027-05-19"),
        ),
        |y| {
            format!(
                "The superintendent said work on the first school would start in the spring of {y}."
            )
        },
        Some("2027-05-20"),
        "next spring",
        ("2028", "2029"),
    );
}

#[test]
fn a_date_told_closely_is_met_by_one_told_as_closely_before_a_season() {
    // "mid-April" meets "on April 14" before "this spring", which holds it
    // too but says less, though the season's sentence shares a little more.
    let a = (
        "Crews found that the gas leak started in mid-April near the old mill.",
        Some("2029-05-20"),
    );
    let b = (
        "The new pipe was fitted on May 14. Crews found that the gas leak started on \
         April 14. Crews found that the gas leak started this spring, by all accounts, \
         near the old mill.",
        Some("2029-05-21"),
    );
    assert_eq!(verdict(a, b, "mid-April", "April 14"), Some(Verdict::Agree));
    assert_eq!(verdict(a, b, "mid-April", "this spring"), None);
}

#[test]
fn days_told_as_a_span_meet_a_span_before_one_of_their_days() {
    // Two days of voting meet the other report's two days of voting, not
    // the one day a voter is told to have voted on, though that sentence
    // shares more of its words.
    let a = (
        "Only 31 percent of eligible members returned ballots on Saturday and Sunday, \
         the board said.",
        Some("2031-05-12"),
    );
    let b = (
        "In all, 4,120 members voted on May 10 and 11, the board said, equal to 31.2 \
         percent of eligible members. Lena Vask, the union leader, returned her ballot \
         Sunday evening, the board said.",
        Some("2031-05-13"),
    );
    assert_eq!(
        verdict(a, b, "Saturday and Sunday", "May 10 and 11"),
        Some(Verdict::Agree)
    );
    assert_eq!(verdict(a, b, "Saturday and Sunday", "Sunday"), None);
}

/// A year told after a range's end is the end's, and the start's when the
/// start tells none: no year is left over as a date of its own.
#[test]
fn a_year_after_a_range_belongs_to_the_range() {
    let (s, f) = facts(
        "The cheese was sold from March 2, 2027 through May 30, 2027 in shops. \
         It was sold between June 4 and July 9, 2027 online. \
         The market runs from Dec. 20 to Jan. 5, 2027.",
        None,
    );
    let dates = texts(&s, &f, |x| x.kind == Kind::Date);
    assert_eq!(
        dates,
        [
            "March 2, 2027 through May 30, 2027",
            "June 4 and July 9, 2027",
            "Dec. 20 to Jan. 5, 2027"
        ]
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "June 4")),
        "2027-06-04..2027-07-09"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "Dec. 20")),
        "2026-12-20..2027-01-05"
    );
}

/// "We plan to open …" looks forward as "will open" does: an earlier
/// report's plan meets a later report's "would open" of the same thing.
#[test]
fn a_plan_looks_forward() {
    agrees_then_conflicts(
        (
            "+++\npublished = 2027-03-02\n+++\nThe council said on Monday that it would open two new libraries in 2028.",
            None,
        ),
        |v| {
            format!(
                "+++\npublished = 2027-03-01\n+++\n\"We plan to open two new libraries in {v},\" the mayor said."
            )
        },
        None,
        "2028",
        ("2028", "2029"),
    );
}

/// A date after "since" is when a state began, not when the verb after it
/// was said; after a superlative it is the last such thing, no event of the
/// report; and "is to" before a verb looks forward.
#[test]
fn since_a_date_and_is_to_a_verb() {
    agrees_then_conflicts(
        (
            "Ruth Okafor, who has led the union since 2019, conceded the vote on Friday.",
            None,
        ),
        |v| {
            format!(
                "Okafor, union leader since {v}, said she accepted the result of Friday's vote."
            )
        },
        None,
        "2019",
        ("2019", "2017"),
    );
    let (s, f) = facts(
        "Turnout was the highest since 2009. The new council is to meet on June 3.",
        Some("2027-05-10"),
    );
    assert!(fact(&s, &f, Kind::Date, "2009").block.ends_with("/since"));
    assert_eq!(
        fact(&s, &f, Kind::Date, "June 3").modality,
        concur::extract::Modality::Hedged
    );
}

/// A press release's "today announced a merger agreement" dates the deal,
/// as a news report's "agreed on Monday to merge" does: a verb of telling
/// that takes a thing, not a clause, tells an event, and the verb right
/// after the date is what the clause tells, whatever it looks forward to.
#[test]
fn a_release_that_announces_a_thing_dates_it() {
    let release = |day: &str| {
        format!(
            "+++\npublished = 2027-03-{day}\n+++\nHALDEN, March {day}, 2027 — Brightwell Foods \
             and Kestor Mills today announced a definitive agreement under which Brightwell will \
             acquire Kestor for $12.50 per share in cash."
        )
    };
    let (s, f) = facts(&release("08"), None);
    let today = fact(&s, &f, Kind::Date, "today");
    assert_eq!(today.modality, concur::extract::Modality::Asserted);
    assert!(!today.block.ends_with("/said"), "{}", today.block);
    let news = |day: &str| {
        format!(
            "+++\npublished = 2027-03-09\n+++\nBrightwell Foods agreed on {day} to acquire \
             Kestor Mills for $12.50 a share in cash, the companies said."
        )
    };
    agrees_then_conflicts(
        (&release("08"), None),
        news,
        None,
        "today",
        ("Monday", "Tuesday"),
    );
}

#[test]
fn a_since_date_dates_a_start() {
    // What a "since" date dates first is a start, as "began" does; and two
    // background dates whose nearest event is the same one are one slot.
    agrees_then_conflicts(
        (
            "Since 4 May the survey has questioned 12,800 households in nine \
             provinces, and most of them answered online.",
            Some("2029-11-20"),
        ),
        |day| {
            format!(
                "The survey, which began {day}, has reached more than 12,000 \
                 households in the nine provinces."
            )
        },
        Some("2029-11-22"),
        "4 May",
        ("May 4", "May 14"),
    );
}

/// A length after a superlative tells when the last such thing was, as a
/// year since does: "the first strike in 11 years" is "the first since
/// 2017" in a report of 2028. Without a publication day it stays a length.
#[test]
fn the_first_in_n_years_is_the_first_since_a_year() {
    agrees_then_conflicts(
        (
            "Dock workers walked out on Monday, the first national port strike \
             in 11 years.",
            Some("2028-03-07"),
        ),
        |y| format!("The strike, the first at the nation's ports since {y}, began on Monday."),
        Some("2028-03-07"),
        "11 years",
        ("2017", "2021"),
    );
    // "A 24-year low" is the low of 24 years, give or take the year.
    let (s, f) = facts(
        "The currency fell to a 24-year low against the dollar.",
        Some("2031-05-02"),
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "24-year")),
        "2006-01-01..2008-12-31"
    );
    let (s, f) = facts(
        "Dock workers walked out, the first national port strike in 11 years.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Duration, "11 years").kind,
        Kind::Duration
    );
}

/// A day a report counted by ("15 percent contained by Tuesday evening")
/// and then names again for an event ("declared an emergency on Tuesday")
/// dates that event too: the next day's report of the event meets it.
#[test]
fn a_day_counted_by_and_told_again_dates_the_event_too() {
    let a = (
        "The Dunmore fire was 15 percent contained by Tuesday evening, the forestry agency said. \
         The governor declared a state of emergency for Vell County on Tuesday.",
        Some("2027-08-17"),
    );
    let b = |day: &str| {
        format!(
            "Crews gained ground on the Dunmore fire. \
             The governor declared a state of emergency in Vell County on {day}."
        )
    };
    agrees_then_conflicts(a, b, Some("2027-08-18"), "Tuesday", ("Tuesday", "Monday"));
}

/// "the largest since the 2019 fire" tells when the last such thing was,
/// as "the largest since 2019" does: the article between is no other event.
#[test]
fn the_last_such_year_may_follow_an_article() {
    let a = (
        "It is the largest fire in Vell County since 2019, when the Pinecrest fire burned 30,000 acres.",
        Some("2027-08-17"),
    );
    let b = |year: &str| {
        format!(
            "The blaze is the county's largest since the {year} Pinecrest fire, which burned 31,000 acres."
        )
    };
    agrees_then_conflicts(a, b, Some("2027-08-18"), "2019", ("2019", "2016"));
}

/// "a price last seen in 2016" and "a price not seen since 2016" tell when
/// the last such thing was, as "an 11-year low" does: not an event of the
/// news, whatever the verb.
#[test]
fn last_seen_in_a_year_is_the_last_such_year() {
    let a = (
        "Norvik shares fell 9 percent on Monday, hitting an 11-year low.",
        Some("2027-03-02"),
    );
    for form in ["last seen in", "not seen since"] {
        let b =
            |year: &str| format!("Norvik stock fell 9 percent on Monday to a price {form} {year}.");
        agrees_then_conflicts(a, b, Some("2027-03-02"), "11-year low", ("2016", "2009"));
    }
}

// ---- names ------------------------------------------------------------------

#[test]
fn an_uncommon_word_opening_a_sentence_before_a_title_and_a_name_is_a_name() {
    let (s, f) = facts(
        "Vexco spokesman Lee Park said the plant would reopen. \
         Police spokesman Ann Ruiz said the road was shut.",
        None,
    );
    // Whom the title serves is named; a common word before a title is not.
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Name),
        ["Vexco", "Lee Park", "Ann Ruiz"]
    );
    assert_eq!(
        verdict(
            (
                "The plant, owned by Vexko, will reopen on Monday, a spokesman said.",
                None
            ),
            (
                "Vexco spokesman Lee Park said the plant would reopen on Monday.",
                None
            ),
            "Vexko",
            "Vexco"
        ),
        Some(Verdict::Variant)
    );
}

#[test]
fn a_shorter_form_both_write_does_not_hide_a_misspelt_full_name() {
    assert_eq!(
        verdict(
            (
                "The Harbor Port Authority reopened the channel on Monday. \
                 Divers from Harbor Port cleared the wreck.",
                None
            ),
            (
                "The Harbor Port Authorty reopened the channel on Monday, after \
                 divers from Harbor Port worked overnight.",
                None
            ),
            "Harbor Port Authority",
            "Harbor Port Authorty"
        ),
        Some(Verdict::Variant)
    );
}

#[test]
fn names_lose_titles_and_possessives_keep_initials() {
    let (s, f) = facts(
        "Prosecutors met Gov. Ana M. Ruiz at the Harbor Trust. Ruiz's office said the Federal Bureau of Investigation (FBI) was told. The FBI declined comment.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(
        names.contains(&"Ana M. Ruiz")
            && names.contains(&"Harbor Trust")
            && names.contains(&"Federal Bureau of Investigation"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Prosecutors") && !names.contains(&"Ruiz") && !names.contains(&"FBI"),
        "{names:?}"
    );
}

#[test]
fn a_common_word_before_a_title_and_a_name_is_part_of_the_title() {
    let (s, f) = facts(
        "The blaze was out by dawn, Fire Chief Dana Kesler told reporters. Officials said the Coastal Chief was carrying 240 passengers.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(names.contains(&"Dana Kesler"), "{names:?}");
    assert!(!names.contains(&"Fire"), "{names:?}");
    // With no name after it, the title word is part of a name.
    assert!(names.iter().any(|n| n.starts_with("Coastal")), "{names:?}");
    // Common words between two titles are a title too.
    let (s, f) = facts(
        "\"We will grow again,\" said Ines Marek, President and Chief Operating Officer.",
        None,
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Name), ["Ines Marek"]);
}

#[test]
fn name_variants_and_non_variants() {
    let v = |a: &str, b: &str| {
        one_sentence_verdict(|x| format!("The deal was signed by {x} on the pier."), a, b)
    };
    assert_eq!(v("Robert Ortega", "Bob Ortega"), Some(Verdict::Variant));
    assert_eq!(v("Lena Sørensen", "Lena Sorensen"), Some(Verdict::Variant));
    assert_eq!(
        v("Marta Kowalczyk", "Marta Kowalczik"),
        Some(Verdict::Variant)
    );
    assert_eq!(
        v("Marta Kowalczyk", "Marta Kowalczyk"),
        Some(Verdict::Agree)
    );
    assert_eq!(v("West Ruritania", "East Ruritania"), None);
    // Case inside a word is spelling; a word's first letter is not.
    assert_eq!(v("KLM Harbour", "Klm Harbour"), Some(Verdict::Variant));
    // A designation in capitals before the name: the same name, shorter;
    // misspelt after it, a variant.
    let ship = |a: &str, b: &str| {
        one_sentence_verdict(
            |x| format!("The ferry, the {x}, struck rocks near the pier."),
            a,
            b,
        )
    };
    assert_eq!(ship("MV Sea Lark", "Sea Lark"), Some(Verdict::Agree));
    assert_eq!(ship("MV Sea Lark", "Sea Lurk"), Some(Verdict::Variant));
    // The one person of a family in each report, with another first name.
    assert_eq!(v("Marko Vukic", "Petar Vukić"), Some(Verdict::Conflict));
    // Two of one family in both reports: each meets its own.
    let two = |x: &str, y: &str| {
        format!("The deal was signed by {x} on the pier, and {y} was a witness.")
    };
    let (a, b) = (two("Anna Berg", "Tom Berg"), two("Anna Berg", "Tom Berg"));
    assert_eq!(
        verdict((&a, None), (&b, None), "Anna Berg", "Tom Berg"),
        None
    );
    assert_eq!(
        verdict((&a, None), (&b, None), "Anna Berg", "Anna Berg"),
        Some(Verdict::Agree)
    );
}

#[test]
fn designations_are_names_whose_number_is_their_value() {
    let v = |a: &str, b: &str| {
        one_sentence_verdict(|x| format!("The ferry, {x}, sank in the strait."), a, b)
    };
    assert_eq!(v("Service 4417", "Service 4417"), Some(Verdict::Agree));
    // The one designation of its kind in each report: another number conflicts.
    assert_eq!(v("Service 4417", "Service 4471"), Some(Verdict::Conflict));
    // A code before the number is a variant, as a middle initial is.
    assert_eq!(v("Service 7K 4417", "Service 4417"), Some(Verdict::Variant));
    // A name goes on after its number.
    let (s, f) = facts("Crowds filled the Route 12 Night Market on Friday.", None);
    assert!(fact(&s, &f, Kind::Name, "Route 12 Night Market").end > 0);
    // Two of a kind in each report: no guessing which meets which.
    let two = |x: &str| format!("Buses ran on Route 12 and Route {x} all day.");
    assert_eq!(
        verdict(
            (&two("40"), None),
            (&two("41"), None),
            "Route 40",
            "Route 41"
        ),
        None
    );
}

#[test]
fn acronyms_align_with_the_full_name() {
    assert_eq!(
        verdict(
            ("The Coastal Safety Board (CSB) closed the pier.", None),
            ("The CSB closed the pier after the storm.", None),
            "Coastal Safety Board",
            "CSB"
        ),
        Some(Verdict::Agree)
    );
}

// ---- claims -----------------------------------------------------------------

#[test]
fn negation_scope_modality_and_attribution() {
    let (s, f) = facts(
        "The jury did not convict on the fraud counts, court officials said. The mayor could be charged next year.",
        None,
    );
    let convict = fact(&s, &f, Kind::Claim, "convict");
    assert!(matches!(convict.value, Value::Claim { negated: true, .. }));
    assert_eq!(convict.attribution.as_deref(), Some("court officials"));
    let charge = f.iter().find(|x| {
        x.kind == Kind::Claim
            && s.text[x.start..x.end].contains("charge")
            && x.start < convict.end + 40
    });
    assert!(
        charge.is_none_or(|c| !matches!(c.value, Value::Claim { negated: true, .. })),
        "the negation belongs to `convict`"
    );
    let hedged = fact(&s, &f, Kind::Claim, "charged");
    assert!(matches!(
        hedged.value,
        Value::Claim {
            modality: concur::extract::Modality::Hedged,
            ..
        }
    ));
}

#[test]
fn antonyms_and_predictions() {
    assert_eq!(
        verdict(
            ("The clerk was found not guilty of theft.", None),
            ("The clerk was acquitted of theft.", None),
            "not guilty",
            "acquitted"
        ),
        Some(Verdict::Agree)
    );
    assert_ne!(
        verdict(
            ("The clerk could be charged with theft.", None),
            ("Police did not charge the clerk with theft.", None),
            "charged",
            "charge"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_negation_meets_the_positive_verb_in_another_source() {
    assert_eq!(
        verdict(
            (
                "The council did not approve the budget for the library.",
                None
            ),
            ("The council approved the budget for the library.", None),
            "approve",
            "approved"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_thing_said_to_be_none_meets_the_thing_said_to_be_there() {
    let v = |a: &str, b: &str, qa: &str, qb: &str| verdict((a, None), (b, None), qa, qb);
    assert_eq!(
        v(
            "The bridge has no railings, the council said.",
            "The bridge has railings on both sides, the council said.",
            "no railings",
            "has railings"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        v(
            "Inspectors found no cracks in the dam.",
            "Inspectors found cracks in the dam wall.",
            "no cracks",
            "found cracks"
        ),
        Some(Verdict::Conflict)
    );
    // Nor a noun that only modifies another.
    assert_eq!(
        v(
            "The train came with no warning, the driver said.",
            "The train came with warning lights flashing, the driver said.",
            "no warning",
            "warning"
        ),
        None
    );
    // Only a word that says it is there makes the claim: a noun in passing does not.
    assert_eq!(
        v(
            "The mayor had no comment on the plan.",
            "The mayor did not answer a request for comment.",
            "no comment",
            "comment"
        ),
        None
    );
}

/// "No" opens the subject of its own clause only: in "no one was hurt and
/// the roof was damaged" the damage is asserted, not denied.
#[test]
fn a_no_subject_ends_at_its_clause() {
    let (s, f) = facts(
        "No one was hurt and the depot was flooded, the council said.",
        None,
    );
    assert!(
        f.iter()
            .all(|x| !s.text[x.start..x.end].contains("flooded")),
        "{:?}",
        texts(&s, &f, |x| x.kind == Kind::Claim)
    );
    assert_eq!(
        verdict(
            (
                "No one was hurt and the depot was flooded, the council said.",
                None
            ),
            ("The depot was not flooded, the council said.", None),
            "flooded",
            "not flooded",
        ),
        Some(Verdict::Conflict)
    );
}

/// A verb done to each other acts on the people its subject names, however
/// each report names them: "did not know each other" meets "knew each
/// other" and conflicts with it.
#[test]
fn a_verb_done_to_each_other_is_one_claim() {
    assert_eq!(
        verdict(
            (
                "Neighbours said the two women did not know each other.",
                None
            ),
            (
                "Neighbours said the tenant and the landlord knew each other.",
                None
            ),
            "not know",
            "knew",
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            (
                "The two ministers did not speak to one another at the summit.",
                None
            ),
            (
                "At the summit the finance and trade ministers spoke to each other.",
                None
            ),
            "not speak",
            "spoke",
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn figures_told_of_different_names_are_different_slots() {
    // The first report's second figure shares more words with the second
    // report's first ("was approved by the board on"), but its clause
    // names someone the other's does not: the two are told of different
    // people, and each report's figure of that person is the other's.
    let a = (
        "The board approved the former mayor on six of the eight bids he filed. \
         Lena Vask was approved by the board on three of the eight bids.",
        None,
    );
    let b = |n: &str| {
        format!(
            "The board in Dunmore approved the Democrat on {n} of eight bids. \
             His wife, Lena Vask, was approved on three bids."
        )
    };
    agrees_then_conflicts(a, b, None, "six of the eight", ("six", "seven"));
    assert_eq!(
        verdict(a, (&b("six"), None), "three of the eight", "three bids"),
        Some(Verdict::Agree)
    );
}

/// A claim of what someone named did ("Tarn Foods recalled its salads") is
/// not a claim that tells no one acting ("so no recall was ordered" of a
/// farm's greens) in a report that never names them; told of them in both,
/// it is one claim, and so it may be when the other tells someone acting
/// ("police did not release" / "the Vell County sheriff's office did not
/// release"). A name that only qualifies a noun ("the Dunmore bakery")
/// names no actor.
#[test]
fn a_claim_of_someone_the_other_report_never_names_is_another_claim() {
    let farm = "The greens came from a farm near Vell County and are already out of date, so no recall was ordered.";
    let b = |who: &str| {
        format!(
            "Earlier, {who} voluntarily recalled 800 pounds of salads after a supplier warned of contamination."
        )
    };
    assert_eq!(
        verdict(
            (farm, None),
            (&b("Tarn Foods of Pinecrest"), None),
            "recall",
            "recalled"
        ),
        None
    );
    let maker = "Tarn Foods has not recalled its salads, a spokeswoman said.";
    assert_eq!(
        verdict(
            (maker, None),
            (&b("Tarn Foods of Pinecrest"), None),
            "recalled",
            "recalled"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            ("The Dunmore bakery has not recalled its rye bread.", None),
            (
                "The bakery recalled the rye bread over allergy fears.",
                None
            ),
            "recalled",
            "recalled"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            (
                "A truck hit a bus near Dunmore on Sunday. Police did not release the name of the driver.",
                None
            ),
            (
                "A truck hit a bus near Dunmore on Sunday. The Vell County Sheriff's Office did not release the driver's name.",
                None
            ),
            "not release",
            "not release"
        ),
        Some(Verdict::Agree)
    );
}

/// A report that tells a verdict both ways ("convicted on 11 of 14 counts
/// and acquitted on three") tells a split: its acquittal is no
/// contradiction of the other report's conviction. A report of an
/// acquittal on every count still contradicts the conviction.
#[test]
fn a_split_verdict_is_no_contradiction_of_its_own_side() {
    let conflicts = |b: &str| {
        let sources = [
            src(
                "a",
                "A jury in Dunmore convicted Lena Vask on 11 of 14 counts of fraud on \
                 Thursday. She was acquitted on three counts of tax evasion.",
                None,
            ),
            src("b", b, None),
        ];
        concur::check(&sources, &rules())
            .findings
            .iter()
            .filter(|f| f.kind == Kind::Claim && f.verdict == Verdict::Conflict)
            .count()
    };
    assert_eq!(
        conflicts(
            "Lena Vask was found guilty on Thursday of taking county funds between 2019 \
             and 2024. The jury convicted her on 11 counts of fraud."
        ),
        0
    );
    assert_eq!(
        conflicts("A jury in Dunmore acquitted Lena Vask of fraud on Thursday."),
        1
    );
}

/// A past form joined by "or" to a negated verb is denied with it ("was not
/// tainted or used"), and "unlikely" denies what it governs ("unlikely to
/// reopen", "unlikely that the water had been used": a report that calls a
/// use unlikely contradicts one that tells it), not the noun after it ("an
/// unlikely ally").
#[test]
fn a_denial_reaches_a_verb_joined_by_or_and_unlikely_denies_what_it_governs() {
    let claims = claim_texts;
    assert_eq!(
        claims("The utility said the water was not tainted or used for drinking."),
        ["not tainted", "not tainted or used"]
    );
    // ("And" may deny the pair, not each.)
    assert_eq!(
        claims("Officers did not stop and searched the van anyway."),
        ["not stop"]
    );
    assert_eq!(
        claims("The plant is unlikely to reopen before spring, Tarn Foods said."),
        ["unlikely to reopen"]
    );
    assert!(claims("Marek Holm found an unlikely ally in the mayor.").is_empty());
    let a = "The utility said the water in Vell County was not tainted or used for drinking \
             after the spill.";
    let b = "It is unlikely that water in Vell County had been used for drinking after the \
             spill, the utility said.";
    assert_eq!(
        verdict((a, None), (b, None), "used", "used"),
        Some(Verdict::Agree)
    );
    let b = "The utility said the water in Vell County had been used for drinking after the \
             spill.";
    assert_eq!(
        verdict((a, None), (b, None), "used", "used"),
        Some(Verdict::Conflict)
    );
    let a = "It is unlikely that water in Vell County had been used for drinking after the \
             spill, the utility said.";
    assert_eq!(
        verdict((a, None), (b, None), "unlikely", "used"),
        Some(Verdict::Conflict)
    );
}

/// A claim told in a relative clause ("an engineer who used the old pumps")
/// is said in passing: it does not make the report's other claim of its
/// verb one of two.
#[test]
fn a_claim_in_a_relative_clause_is_told_in_passing() {
    let a = "Crews restored power in Dunmore on Friday after a storm cut lines across the \
             county.\n\nThe utility said the reserve tanks were not used during the outage. \
             Repairs to the substation will take a week, it said.";
    let b = "Power came back on Friday in Dunmore, three days after the storm.\n\nMarek Holm, \
             an engineer who used the old pumps for years, led the repairs at the substation.\n\n\
             Officials think it unlikely that the reserve tanks had been used during the storm, \
             though tests continue.";
    assert_eq!(
        verdict((a, None), (b, None), "not used", "unlikely"),
        Some(Verdict::Agree)
    );
}

/// Verbs of making a thing known are one predicate when denied: "had not
/// released the driver's name" and "refused to say the driver's name"
/// withhold one name ("say", a function word, is a claim only denied).
/// Two claims that act on two things in common are likelier one.
#[test]
fn withholding_a_thing_is_one_claim_whatever_the_verb_of_telling() {
    let a = "A fire tore through a warehouse in Pinecrest on Tuesday, killing two workers. \
             The company did not comment on the cause.\n\nPolice had not released the \
             driver's name by late Tuesday. Investigators said the truck hit a fuel line \
             before the blaze began.";
    let b = |told: &str| {
        format!(
            "Two workers died when a warehouse in Pinecrest burned on Tuesday.\n\nAt a \
             briefing, the county sheriff {told} the driver's name, citing the family's \
             wishes.\n\nCrews battled the fire for about six hours, officials said."
        )
    };
    assert_eq!(
        verdict(
            (a, None),
            (&b("refused to say"), None),
            "not released",
            "say"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            (a, None),
            (&b("released"), None),
            "not released",
            "released"
        ),
        Some(Verdict::Conflict)
    );
    // Every "said" is no claim of its own.
    let (s, f) = facts("The sheriff said the driver was hurt.", None);
    assert!(texts(&s, &f, |x| x.kind == Kind::Claim).is_empty());
}

/// "Unclear", "unknown" and a denied "known" or "clear" before a question
/// are one claim: the rest of the clause is not known. What is not known is
/// shown whole, and "known for" or "not certain of" say no such thing.
#[test]
fn what_is_not_known_is_one_claim_whatever_the_word() {
    let a = "Crews in Dunmore pumped water from flooded homes on Monday. Officials said it \
             was not known if the new barriers held back the river or only slowed it.";
    let b = "Water was pumped from flooded homes in Dunmore on Monday. It remains unclear how \
             much the new barriers slowed the river, or whether they held it back at all.";
    assert_eq!(
        verdict((a, None), (b, None), "not known", "unclear"),
        Some(Verdict::Agree)
    );
    let (s, f) = facts(b, None);
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Claim),
        ["unclear how much the new barriers slowed the river"]
    );
    let (s, f) = facts(
        "Tarn Foods, known for its salads, was not certain of the count. It is not clear \
         that the barrier worked.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Claim),
        ["not certain", "not clear that the barrier worked"]
    );
}

/// A past form acting on what "no" denies is denied: "paid no ransom" is
/// "had not paid a ransom" (it was a false conflict with "paid"), and a
/// verb of telling meets a claim acting on its word: "have not named any
/// suspects" / "released no name".
#[test]
fn a_past_form_acting_on_what_no_denies_is_denied() {
    let a = "Tarn Foods said on Monday that hackers had stolen customer records. Chief \
             executive Lena Vask said the company had not paid a ransom. Police have not named \
             any suspects.";
    let b = |paid: &str| {
        format!(
            "Hackers stole customer records from Tarn Foods, the company said on Monday. Lena \
             Vask, its chief executive, said the company {paid} ransom. Police said they had \
             a suspect but released no name."
        )
    };
    assert_eq!(
        verdict((a, None), (&b("paid no"), None), "not paid", "paid no"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict((a, None), (&b("paid a"), None), "not paid", "paid"),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict((a, None), (&b("paid no"), None), "not named", "released no"),
        Some(Verdict::Agree)
    );
    // (Not "no longer", "no one".)
    let (s, f) = facts("The plant employed no more than 40 people.", None);
    assert!(texts(&s, &f, |x| x.kind == Kind::Claim).is_empty());
}

/// "Discovered", "detected", "uncovered" and "found" are one event word: the
/// day a leak was discovered is the other report's day it was found, not
/// the day the other report says it was disclosed.
#[test]
fn discovered_and_found_are_one_event() {
    let a = (
        "Pinecrest Water said on Wednesday that a leak had contaminated the supply of about \
         12,000 homes in Vell County, in a fault discovered on May 6.",
        Some("2026-05-13"),
    );
    let b = (
        "Pinecrest Water on Wednesday disclosed a leak that contaminated the supply of some \
         12,000 homes in Vell County. The fault was found on May 6, the company said.",
        Some("2026-05-13"),
    );
    assert_eq!(verdict(a, b, "May 6", "May 6"), Some(Verdict::Agree));
    assert_eq!(verdict(a, b, "May 6", "Wednesday"), None);
}

// ---- alignment --------------------------------------------------------------

#[test]
fn generic_nouns_align_with_specific_ones() {
    assert_eq!(
        verdict(
            (
                "Four people climbed onto the stage during the concert.",
                None
            ),
            (
                "The four protesters climbed onto the stage during the concert.",
                None
            ),
            "Four people",
            "four protesters"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn different_years_are_different_events() {
    assert_eq!(
        verdict(
            ("A 2012 flood in the valley killed 81 people.", None),
            (
                "The 2008 flood in the valley killed more than 8,000 people.",
                None
            ),
            "81 people",
            "8,000 people"
        ),
        None
    );
}

#[test]
fn a_figure_aligns_with_its_nearest_counterpart_not_a_subset() {
    let a = (
        "Health officials said 98 people fell ill in 22 states.",
        None,
    );
    let b = (
        "Health officials said 121 people fell ill in 25 states. In Ohio, three people fell ill.",
        None,
    );
    assert_eq!(verdict(a, b, "98", "121"), Some(Verdict::Conflict));
    assert_eq!(verdict(a, b, "98", "three"), None);
}

#[test]
fn topic_vocabulary_is_shared_evidence() {
    assert_eq!(
        verdict(
            ("At least 41 people are dead after the storm.", None),
            ("The storm killed 38 people.", None),
            "41",
            "38"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_longer_name_that_begins_with_a_nickname_form_is_a_variant() {
    assert_eq!(
        verdict(
            ("Matthew Ortega, a deputy chief, spoke.", None),
            ("Matt Ortega of the Harbor Trust urged calm.", None),
            "Matthew Ortega",
            "Matt Ortega"
        ),
        Some(Verdict::Variant)
    );
}

#[test]
fn a_spelling_variant_among_forms_beats_a_shorter_form() {
    // a: "Ortega Farms of Millbrook" and later "Ortega Farms"; b: "Ortega Farm".
    let a = (
        "The lettuce came from Ortega Farms of Millbrook. Ortega Farms has stopped selling.",
        None,
    );
    let b = (
        "A crop from Ortega Farm in Millbrook was sold to the prison.",
        None,
    );
    assert_eq!(
        verdict(a, b, "Ortega Farms of Millbrook", "Ortega Farm"),
        Some(Verdict::Variant)
    );
    // Written alike, a shorter form agrees.
    let c = ("A crop from Ortega Farms was sold to the prison.", None);
    assert_eq!(
        verdict(a, c, "Ortega Farms of Millbrook", "Ortega Farms"),
        Some(Verdict::Agree)
    );
}

#[test]
fn claims_about_other_years_are_other_facts() {
    let (s, f) = facts(
        "The storm killed 12 people on Monday. Officials confirmed the deaths. A 2011 storm in the valley killed 40 people.",
        None,
    );
    let deaths = texts(&s, &f, |x| {
        x.kind == Kind::Claim && matches!(x.value, Value::Claim { negated: false, .. })
    });
    assert_eq!(
        deaths.len(),
        2,
        "this year's deaths (two mentions, one fact) and 2011's: {deaths:?}"
    );
}

#[test]
fn a_figure_anchored_by_a_shared_figure_needs_no_other_word() {
    // Beside "12 ambulances" in both sentences, the nurses are one count,
    // though each sentence tells it in words of its own; the other count of
    // nurses in each report is another slot.
    let a = (
        "Two nurses were hurt by falling glass. More than 300 nurses, backed by 12 ambulances, were treating the wounded.",
        None,
    );
    agrees_then_conflicts(
        a,
        |n| {
            format!(
                "Four nurses have been injured. Some {n} nurses and 12 ambulances are assigned to the district."
            )
        },
        None,
        "300 nurses",
        ("300", "900"),
    );
}

#[test]
fn dates_each_others_best_candidate_need_less_evidence() {
    // Each report's day of the outbreak, told with other verbs and few words
    // in common, is the other's best candidate: as with two figures, that
    // lowers the gate they must pass.
    let a = (
        "Flames tore through dry brush and pine east of the town on Sunday, destroying \
         12 wooden barns and forcing ranchers to move cattle. Crews said on Monday it was \
         20 percent contained. Roads will stay shut until Friday.",
        Some("2026-06-08"),
    );
    agrees_then_conflicts(
        a,
        |d| {
            format!(
                "The blaze, which broke out on {d} east of town near an old quarry road, had \
                 spread to 900 acres by Tuesday, officials said. Roads will stay shut until Friday."
            )
        },
        Some("2026-06-09"),
        "Sunday",
        ("June 7", "June 6"),
    );
}

#[test]
fn a_shared_fact_beside_them_makes_two_figures_one() {
    // Two counts of officers in each report; the large ones share hardly a
    // word besides "officers", but their sentences both count the dogs.
    agrees_then_conflicts(
        (
            "Some 600 officers and 12 dogs were searching the forest on Friday. \
             Two officers were hurt when a van struck a roadblock.",
            Some("2030-05-11"),
        ),
        |n| {
            format!(
                "Two officers suffered injuries when a van hit a roadblock. \
                 About {n} officers were deployed to the woods, backed by 12 dogs."
            )
        },
        Some("2030-05-11"),
        "Some 600 officers",
        ("620", "950"),
    );
}

/// Two days, each the only one its sentence tells, in sentences that state
/// a figure both reports share, date one event, whatever verb each tells
/// it by: "capsized off Norvik on Monday" / "went down on May 3".
#[test]
fn a_shared_figure_ties_the_lone_days_of_its_sentences() {
    let a = (
        "Ferry sinks off Norvik\n\nA ferry carrying 212 people capsized off Norvik on Monday, \
         the coast guard said. Rescuers pulled survivors from the water through the night.\n",
        Some("2027-05-04"),
    );
    let b = |day: &str| {
        format!(
            "Divers search wreck\n\nThe vessel, with 212 people aboard, went down on {day} near \
             the harbour mouth. Divers resumed the search on Wednesday.\n"
        )
    };
    agrees_then_conflicts(a, b, Some("2027-05-06"), "Monday", ("May 3", "May 1"));
}

/// A figure of what may be ("could bring winds of up to 150 km/h") is not
/// the other report's figure of what is, when its own report states one:
/// the storm's winds of 140 km/h meet the other's gusts of 150 km/h.
#[test]
fn a_forecast_figure_gives_way_to_the_figure_of_what_happened() {
    let a = (
        "Idris made landfall near Norvik on Tuesday night with winds of 140 km/h, killing \
         six people. The weather office had warned that the storm could bring winds of up \
         to 150 km/h and rain.",
        Some("2027-09-15"),
    );
    let b = |speed: &str| {
        format!(
            "The storm came ashore near Norvik late on Tuesday, bringing gusts of {speed} \
             and heavy rain."
        )
    };
    agrees_then_conflicts(
        a,
        b,
        Some("2027-09-16"),
        "140 km/h",
        ("140 km/h", "150 km/h"),
    );
}

// ---- what unseen reports contain (issue: find the conflicts) ---------------
// Every sentence below is invented for these tests.

#[test]
fn shares_per_cent_and_fractions() {
    assert_eq!(
        verdict(
            ("Turnout was 20.4 per cent, the board said.", None),
            ("Turnout was 31 percent, the board said.", None),
            "20.4 per cent",
            "31 percent"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            ("About a third of the ballots were spoiled.", None),
            ("Some 33 percent of the ballots were spoiled.", None),
            "a third",
            "33 percent"
        ),
        Some(Verdict::Agree)
    );
    // "Nine in 10" is a share, as precise as a share of ten: 92 percent
    // rounds to it, 70 percent does not; "two in 10 minutes" is a time.
    let a = (
        "Nine in 10 of the ferry's passengers were tourists, the port said.",
        None,
    );
    for (b, verdict_is) in [
        (
            "Some 92 percent of the ferry's passengers were tourists.",
            Verdict::Agree,
        ),
        (
            "Some 70 percent of the ferry's passengers were tourists.",
            Verdict::Conflict,
        ),
    ] {
        let b = (b, None);
        assert_eq!(verdict(a, b, "Nine in 10", "percent"), Some(verdict_is));
    }
    let (s, f) = facts("The striker scored two in 10 minutes.", None);
    assert!(
        f.iter().all(|x| !matches!(&x.value,
        Value::Quantity { unit: Some(u), .. } if u == "percent")),
        "{:?}",
        s.text
    );
    // A whole figure stands for what rounds to it; 94 and 95 are still two figures.
    assert_eq!(
        verdict(
            ("The plan won 62 percent of the vote.", None),
            ("The plan won 62.3% of the vote.", None),
            "62 percent",
            "62.3%"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("Inspectors found 94 cracked beams.", None),
            ("Inspectors found 95 cracked beams.", None),
            "94",
            "95"
        ),
        Some(Verdict::Conflict)
    );
    // A share has a ceiling: "more than 90%" is anything above 90.
    assert_eq!(
        verdict(
            ("The vaccine was more than 90% effective.", None),
            ("The vaccine was 95% effective.", None),
            "90%",
            "95%"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn ages_of_people_and_of_things() {
    assert_eq!(
        verdict(
            ("The driver, Jane Porter, 41, was unhurt.", None),
            ("Jane Porter, 44, was unhurt, police said.", None),
            "41",
            "44"
        ),
        Some(Verdict::Conflict)
    );
    // After a noun for a person, as after a name: "the suspect, 24, was".
    agrees_then_conflicts(
        ("The suspect, 24, was held on bail overnight.", None),
        |n| format!("The {n}-year-old suspect was held on bail overnight."),
        None,
        "24",
        ("24", "26"),
    );
    // And after such a noun with what it is of: "the driver of the van, 24,".
    agrees_then_conflicts(
        (
            "The driver of the delivery van, 33, was detained at the scene.",
            None,
        ),
        |n| format!("Police said the {n}-year-old van driver was detained at the scene."),
        None,
        "33",
        ("33", "36"),
    );
    // (Not after a thing's: "the price of the shares, 24, rose".)
    let (s, f) = facts("The price of the shares, 24, rose.", None);
    assert!(
        f.iter().all(|x| x.kind != Kind::Age),
        "{:?}",
        texts(&s, &f, |_| true)
    );
    let (s, f) = facts("The budget, 24, was cut.", None);
    assert!(
        f.iter().all(|x| x.kind != Kind::Age),
        "{:?}",
        texts(&s, &f, |_| true)
    );
    assert_eq!(
        verdict(
            ("A 38-year-old man was arrested.", None),
            ("Police arrested a man aged 38.", None),
            "38-year-old",
            "38"
        ),
        Some(Verdict::Agree)
    );
    // Whatever a person's trade, their ages meet: "a 38-year-old welder" is
    // as much a person's age as "Ines Aranda, 41," is.
    assert_eq!(
        verdict(
            (
                "A 38-year-old welder, Ines Aranda, was hurt in the blast.",
                None
            ),
            ("Ines Aranda, 41, a welder, was hurt in the blast.", None),
            "38-year-old",
            "41"
        ),
        Some(Verdict::Conflict)
    );
    // The noun aged is the last of the words that name it: "a 43-year-old
    // former nurse" is a nurse's age (a person's), "the 30-year-old cargo
    // ship" a ship's.
    agrees_then_conflicts(
        (
            "Tove Lindqvist, a 43-year-old former nurse, won the seat.",
            None,
        ),
        |n| format!("Tove Lindqvist, {n}, a former nurse, won the seat."),
        None,
        "43-year-old",
        ("43", "45"),
    );
    let (s, f) = facts("The 30-year-old cargo ship ran aground.", None);
    let ship = fact(&s, &f, Kind::Age, "30-year-old");
    assert_eq!(ship.head.as_deref(), Some("ship"), "{ship:?}");
    // "Children under 10", "adults over 65": a bound on the ages of the
    // people named, never a count of them that meets another count.
    let (s, f) = facts(
        "Most of those infected at the camp are children under 12, and 14 have been hospitalized.",
        None,
    );
    assert_eq!(range(fact(&s, &f, Kind::Age, "under 12")).2, 11.0);
    assert!(
        !f.iter()
            .any(|x| x.kind == Kind::Quantity && s.text[x.start..x.end].contains("12")),
        "12 is no count of the infected"
    );
    let (s, f) = facts("Adults over 65 queued first.", None);
    assert_eq!(range(fact(&s, &f, Kind::Age, "over 65")).1, 66.0);
    // "The 17-year-old appeared in court": an age used as a noun is a person's.
    assert_eq!(
        verdict(
            ("Police arrested a 17-year-old student at the scene.", None),
            ("The 17-year-old appeared in court on Friday.", None),
            "17-year-old",
            "17-year-old"
        ),
        Some(Verdict::Agree)
    );
    // A ferry's age never meets its captain's.
    let (s, f) = facts(
        "The 24-year-old ferry was steered by Ana Ruiz, 51, its captain.",
        None,
    );
    let (a, b) = (
        fact(&s, &f, Kind::Age, "24-year-old"),
        fact(&s, &f, Kind::Age, "51"),
    );
    assert_ne!(a.head, b.head);
    // Ages are their own kind: an age is never also a count.
    assert!(!f.iter().any(|x| x.kind == Kind::Quantity));
    assert_eq!(range(a), (24.0, 24.0, 24.0));
}

#[test]
fn two_clock_times_each_the_others_best_meet() {
    // Reports tell few clock times: the fire's start in one meets the
    // fire's start in the other, each the other's best candidate, though
    // one says "broke out" and the other "started".
    let a = (
        "A power outage left homes without electricity on Wednesday after a \
         substation fire, the utility said.\n\n\
         Power was restored to most customers by 11:30 p.m., about nine hours \
         after the fire broke out at 3:10 p.m. Firefighters fought the blaze.",
        Some("2031-02-08"),
    );
    let b = (
        "The utility said Thursday it was still investigating what caused the \
         substation fire.\n\n\
         The fire started at about 3:10 p.m. and knocked out three transformers.",
        Some("2031-02-09"),
    );
    assert_eq!(verdict(a, b, "3:10", "3:10"), Some(Verdict::Agree));
    // Changed in one, it is a conflict: the pair was not chosen by its value.
    let b = (
        "The utility said Thursday it was still investigating what caused the \
         substation fire.\n\n\
         The fire started at about 4:10 p.m. and knocked out three transformers.",
        Some("2031-02-09"),
    );
    assert_eq!(verdict(a, b, "3:10", "4:10"), Some(Verdict::Conflict));
}

#[test]
fn clock_times_with_time_zones() {
    assert_eq!(
        verdict(
            (
                "The train hit the truck at 9:15 a.m. ET, the railroad said.",
                Some("2023-07-10")
            ),
            (
                "The train hit the truck at 8:15 a.m. Central time, the railroad said.",
                Some("2023-07-10")
            ),
            "9:15",
            "8:15"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("The tower fell at 14:05 GMT.", Some("2023-07-10")),
            ("The tower fell at 10:05 a.m. EDT.", Some("2023-07-10")),
            "14:05",
            "10:05"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("The tower fell at 14:05 GMT.", Some("2023-07-10")),
            ("The tower fell at 11:05 a.m. EDT.", Some("2023-07-10")),
            "14:05",
            "11:05"
        ),
        Some(Verdict::Conflict)
    );
}

/// A report that states one time zone tells all its clock times in it,
/// and a range tells both ends in the zone written after the second.
/// Once a report has stated two zones, or "local time", a time without
/// its own zone stays unknown.
#[test]
fn a_time_without_its_own_zone_is_in_the_zone_its_report_states() {
    let a = (
        "The water main burst at 13:40 UTC on Monday. Supply was cut from 14:20 to 18:05 UTC.",
        Some("2030-07-16"),
    );
    let b = |cut: &str| {
        format!(
            "The main burst at 9:40 a.m. Eastern time on Monday, the utility said. \
             Supply was cut from {cut} to 2:05 p.m."
        )
    };
    agrees_then_conflicts(
        a,
        b,
        Some("2030-07-15"),
        "14:20",
        ("10:20 a.m.", "10:50 a.m."),
    );
    assert_eq!(
        verdict(a, (&b("10:20 a.m."), Some("2030-07-15")), "18:05", "2:05"),
        Some(Verdict::Agree)
    );
    // Two zones stated: the bare time is in neither.
    let (s, f) = facts(
        "The quake struck at 9 a.m. local time (0700 GMT). A second shock came at 11 a.m.",
        Some("2030-07-16"),
    );
    let late = fact(&s, &f, Kind::Date, "11 a.m.");
    assert!(
        matches!(late.value, Value::Date { zone: None, .. }),
        "{:?}",
        late.value
    );
}

#[test]
fn money_with_scales_and_british_dates() {
    assert_eq!(
        verdict(
            ("The club paid £40m for the striker.", None),
            ("The club paid £40 million for the striker.", None),
            "£40m",
            "£40 million"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("The firm raised $2.6bn in the sale.", None),
            ("The firm raised $3.1 billion in the sale.", None),
            "$2.6bn",
            "$3.1 billion"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            ("The mill burned on 14 June 2017 near the river.", None),
            ("The mill burned on June 14, 2017, near the river.", None),
            "14 June 2017",
            "June 14, 2017"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_figure_restated_in_parentheses_is_one_figure() {
    assert_eq!(
        verdict(
            (
                "The camp lies about 50 miles (80 kilometres) north of the city.",
                None
            ),
            ("The camp lies some 62 miles north of the city.", None),
            "50 miles",
            "62 miles"
        ),
        Some(Verdict::Conflict)
    );
    let (s, f) = facts(
        "The fine was €12 million ($13 million), the court said.",
        None,
    );
    assert!(
        f.iter()
            .any(|x| s.text[x.start..x.end].contains("$13 million")),
        "another currency stays a fact of its own"
    );
    // A currency's code is a currency, before or after the figure.
    let (s, f) = facts(
        "The bridge cost EUR 12 million. Its tunnel cost 3bn USD.",
        None,
    );
    for (text, unit, value) in [("EUR 12 million", "EUR", 1.2e7), ("3bn USD", "USD", 3e9)] {
        let q = fact(&s, &f, Kind::Quantity, text);
        assert!(
            matches!(&q.value, Value::Quantity { unit: Some(u), .. } if u == unit),
            "{text}: {:?}",
            q.value
        );
        assert_eq!(range(q).0, value, "{text}");
    }
}

#[test]
fn tolls_stated_as_a_change() {
    assert_eq!(
        verdict(
            (
                "A second patient died, bringing the death toll to four.",
                None
            ),
            ("The death toll from the fire rose to five.", None),
            "four",
            "five"
        ),
        Some(Verdict::Conflict)
    );
    // "number of X": the figure counts X, however far back the total stands in its clause.
    let (s, f) = facts(
        "The number of barges queuing below the old lock near the mill has risen to 212.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "212").head.as_deref(),
        Some(rules().lexicon.lemma("barges").as_str())
    );
    let (s, f) = facts("The death toll rose to 12 from nine overnight.", None);
    assert!(
        fact(&s, &f, Kind::Quantity, "nine")
            .head
            .as_deref()
            .is_some_and(|h| h.starts_with("earlier")),
        "the figure it rose from is an earlier figure"
    );
}

#[test]
fn parts_roles_and_wholes() {
    assert_eq!(
        verdict(
            ("The plane carried 212 passengers and nine crew.", None),
            ("The plane had 221 people on board.", None),
            "212 passengers",
            "221 people"
        ),
        Some(Verdict::Agree)
    );
    // A role is not the whole: no conflict between 212 passengers and 221 people.
    assert_eq!(
        verdict(
            ("The plane carried 212 passengers.", None),
            ("The plane had 221 people on board.", None),
            "212 passengers",
            "221 people"
        ),
        None
    );
    // A part is its own slot: "three of those hurt" is not the number hurt.
    assert_eq!(
        verdict(
            ("Three of those hurt were children.", None),
            ("Twelve people were hurt in the crash.", None),
            "Three",
            "Twelve"
        ),
        None
    );
}

/// A part of a whole its sentence states is one group of the people
/// counted, as a role noun is: "six crew" in "140 passengers and six crew"
/// never meets "146 people", whatever the figures; the whole does. A part
/// still meets a count of its own noun.
#[test]
fn parts_of_a_stated_whole() {
    let a = "The vessel had 140 passengers and six crew on board when it sank.";
    for (total, want) in [("146", Verdict::Agree), ("150", Verdict::Conflict)] {
        let b = format!("The ferry sank with {total} people on board.");
        assert_eq!(
            verdict(
                (a, None),
                (&b, None),
                "140 passengers and six crew",
                "people"
            ),
            Some(want),
            "{b}"
        );
    }
    // Each figure a whole is made of is marked a part; the whole and a
    // figure outside it are not.
    let (s, f) = facts(
        "The vessel had 140 passengers and six crew on board. Four boats came.",
        None,
    );
    let summed = texts(&s, &f, |x| x.summed);
    assert_eq!(summed, ["140 passengers", "six crew"]);
    let a = "The train carried 231 passengers and a dozen crew members when it left.";
    for (crew, want) in [("12", Verdict::Agree), ("15", Verdict::Conflict)] {
        let b = format!("The train left with {crew} crew members and a full load.");
        assert_eq!(
            verdict(
                (a, None),
                (&b, None),
                "a dozen crew members",
                "crew members"
            ),
            Some(want),
            "{b}"
        );
    }
}

/// A figure told just before ", bringing the death toll to four" is what
/// the toll grew by: it never meets the other report's total, which the
/// running total does. A figure of something else stays what it counts.
#[test]
fn a_figure_before_a_running_total_is_an_increment() {
    let a = "The fire killed two people on Monday, bringing the death toll to four.";
    for (total, want) in [("four", Verdict::Agree), ("seven", Verdict::Conflict)] {
        let b = format!("The fire has killed {total} people in all, officials said.");
        assert_eq!(
            verdict((a, None), (&b, None), "four", total),
            Some(want),
            "{b}"
        );
        assert_eq!(verdict((a, None), (&b, None), "two", total), None, "{b}");
    }
    let (s, f) = facts(a, None);
    assert!(
        fact(&s, &f, Kind::Quantity, "two people")
            .head
            .as_deref()
            .is_some_and(|h| h.starts_with("more ")),
        "the figure before the running total is an increment"
    );
    let (s, f) = facts(
        "Flooding destroyed 300 homes on Friday, bringing the death toll to 12.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "300 homes").head.as_deref(),
        Some("hom")
    );
}

/// A possibility leaves room for the other polarity ("may not raise" /
/// "may raise"); two intentions do not ("would not raise" / "would raise"),
/// and an intention is no report of what happened ("did not raise" /
/// "will raise").
#[test]
fn intentions_of_opposite_polarity_conflict() {
    let said = |how: &str| format!("The company said it {how} prices this year.");
    for (a, b, want) in [
        ("would not raise", "would raise", Verdict::Conflict),
        ("will not raise", "will raise", Verdict::Conflict),
        ("may not raise", "may raise", Verdict::Agree),
        ("did not raise", "will raise", Verdict::Agree),
    ] {
        assert_eq!(
            verdict((&said(a), None), (&said(b), None), "raise", "raise"),
            Some(want),
            "{a} / {b}"
        );
    }
}

/// A part named after it ("12 of them children", "three of those hurt were
/// children") counts what it is named: it meets "including 15 children".
/// A participle or an adjective after "were" names nothing.
#[test]
fn a_named_part_counts_its_noun() {
    let a = "The hospital treated 30 patients, 12 of them children.";
    for (n, want) in [("12", Verdict::Agree), ("15", Verdict::Conflict)] {
        let b = format!("The hospital treated 30 patients, including {n} children.");
        assert_eq!(
            verdict((a, None), (&b, None), "12 of them", "children"),
            Some(want),
            "{b}"
        );
    }
    for (text, figure, head) in [
        (
            "Fifteen of the 30 patients were children.",
            "Fifteen",
            "child",
        ),
        ("Three of those hurt were children.", "Three", "child"),
        (
            "Nine of the 12 counts were dismissed.",
            "Nine",
            "part count",
        ),
        ("Two of them were serious.", "Two", "part figure"),
    ] {
        let (s, f) = facts(text, None);
        assert_eq!(
            fact(&s, &f, Kind::Quantity, figure).head.as_deref(),
            Some(head),
            "{text}"
        );
    }
}

/// Short first names spelt with a doubled letter or a silent "h" ("Ana" /
/// "Anna", "Jon" / "John") are one name spelt two ways, a variant; another
/// letter makes another name ("Jon" / "Joan").
#[test]
fn short_names_with_a_doubled_letter_or_silent_h() {
    let sentence = |n: &str| format!("The pilot, {n} Ruiz, had flown the route before.");
    for (a, b) in [("Ana", "Anna"), ("Jon", "John"), ("Tom", "Thom")] {
        assert_eq!(
            one_sentence_verdict(sentence, a, b),
            Some(Verdict::Variant),
            "{a} / {b}"
        );
    }
    assert_ne!(
        one_sentence_verdict(sentence, "Jon", "Joan"),
        Some(Verdict::Variant)
    );
}

/// A title word inside the name of a thing is part of it ("Northfield
/// General Hospital", "General Motors", "Justice Department"); before a
/// person's name it is a title and splits the run.
#[test]
fn a_title_word_inside_a_name_of_a_thing() {
    for (text, names) in [
        (
            "Officials at Northfield General Hospital said 12 patients were treated.",
            vec!["Northfield General Hospital"],
        ),
        (
            "Shares of General Motors fell on Monday.",
            vec!["General Motors"],
        ),
        (
            "Attorney General Dana Park spoke on Monday.",
            vec!["Dana Park"],
        ),
        (
            "Acme Chief Executive Raj Ortega spoke on Monday.",
            vec!["Raj Ortega"],
        ),
    ] {
        let (s, f) = facts(text, None);
        assert_eq!(texts(&s, &f, |x| x.kind == Kind::Name), names, "{text}");
    }
}

/// A verb of denial negates the verb it governs ("declined to name",
/// "denied ever sharing"), not whatever word follows it: "the dam failed
/// late on Monday" denies nothing.
#[test]
fn a_verb_of_denial_negates_only_what_it_governs() {
    let claims = claim_texts;
    assert!(claims("The dam failed late on Monday, flooding the valley.").is_empty());
    assert!(claims("Shares declined sharply in early trading.").is_empty());
    assert_eq!(
        claims("Police declined to name the driver."),
        ["declined to name"]
    );
    assert_eq!(
        claims("The minister denied ever sharing the files."),
        ["denied ever sharing"]
    );
    // A word that may stand between a negation and its verb is no verb.
    assert_eq!(
        claims("The survey has not yet been done, officials said."),
        ["not yet been done"]
    );
}

/// "No" opening the subject of a passive verb denies the verb, however long
/// the subject: "no card numbers or passwords were compromised" conflicts
/// with "card numbers and passwords were compromised".
#[test]
fn no_opening_a_passive_subject_denies_the_verb() {
    let a = "The bank said no card numbers or passwords were compromised in the attack.";
    let b = "The bank said card numbers and passwords were compromised in the attack.";
    assert_eq!(
        verdict((a, None), (b, None), "were compromised", "compromised"),
        Some(Verdict::Conflict)
    );
    let (s, f) = facts(a, None);
    let c = fact(&s, &f, Kind::Claim, "were compromised");
    assert!(matches!(&c.value, Value::Claim { negated: true, .. }));
}

/// So it does with "had been" or "have been" between them, and the verb is
/// said of that subject: "no passengers had been turned away" is what "was
/// not turning passengers away" says, and the opposite of "turned
/// passengers away".
#[test]
fn no_opening_a_perfect_passive_subject_denies_the_verb() {
    let a = "The airline said no passengers had been turned away at the gate.";
    for (b, want) in [
        (
            "The airline said staff were not turning passengers away on Friday.",
            Verdict::Agree,
        ),
        (
            "Staff turned passengers away at the gate, a witness said.",
            Verdict::Conflict,
        ),
    ] {
        assert_eq!(
            verdict((a, None), (b, None), "turned", "turn"),
            Some(want),
            "{b}"
        );
    }
}

/// Not ruling a thing out keeps it possible: "have not ruled out sabotage"
/// conflicts with "ruled out sabotage", in the active and the passive.
#[test]
fn not_ruled_out_is_the_opposite_of_ruled_out() {
    assert_eq!(
        verdict(
            ("Officials have not ruled out sabotage.", None),
            ("Officials ruled out sabotage.", None),
            "ruled out sabotage",
            "ruled out sabotage"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            ("Sabotage has not been ruled out, officials said.", None),
            ("Sabotage has been ruled out, officials said.", None),
            "ruled out",
            "ruled out"
        ),
        Some(Verdict::Conflict)
    );
}

/// A change by a fraction is a share: "cut the risk by about a quarter"
/// is 25 percent, as "by 26 percent" nearly is; "by a quarter of a mile"
/// stays a length.
#[test]
fn a_change_by_a_fraction_is_a_share() {
    agrees_then_conflicts(
        ("The pill reduced the risk of a stroke by 26 percent.", None),
        |v| format!("The tablet lowered the risk of a stroke by about {v}."),
        None,
        "26 percent",
        ("a quarter", "a third"),
    );
    let (s, f) = facts("The favourite won by a quarter of a mile.", None);
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Quantity),
        ["a quarter of a mile"]
    );
}

/// A fraction of a whole counted there is the count it makes: "half of the
/// 40 beds" is 20 of them, and never the 40 itself.
#[test]
fn a_fraction_of_a_counted_whole_is_a_count() {
    let a = "Half of the 40 beds were occupied on Monday.";
    for (n, want) in [("Twenty", Verdict::Agree), ("Thirty", Verdict::Conflict)] {
        let b = format!("{n} of the 40 beds were occupied on Monday.");
        assert_eq!(
            verdict((a, None), (&b, None), "Half of the 40 beds", n),
            Some(want),
            "{b}"
        );
    }
    let (s, f) = facts("Two-thirds of its 300 members voted yes.", None);
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "Two-thirds")).0, 200.0);
    // With no count of the whole it stays a share.
    let (s, f) = facts("Half of the homes lost power.", None);
    let half = fact(&s, &f, Kind::Quantity, "Half");
    assert!(matches!(&half.value, Value::Quantity { unit: Some(u), .. } if &**u == "percent"));
}

/// The figure after "compared with" is the one the news is set against,
/// the slot of "up from" and "from" after a change: the two meet, and
/// neither meets the new figure.
#[test]
fn a_figure_compared_with_is_an_earlier_one() {
    let a = "Profit rose to $3.4 billion, compared with $3.0 billion a year earlier.";
    for (before, want) in [("$3.0", Verdict::Agree), ("$3.1", Verdict::Conflict)] {
        let b = format!("Profit climbed to $3.4 billion from {before} billion a year ago.");
        assert_eq!(
            verdict((a, None), (&b, None), "$3.0 billion", before),
            Some(want),
            "{b}"
        );
        assert_eq!(
            verdict((a, None), (&b, None), "$3.4 billion", "$3.4 billion"),
            Some(Verdict::Agree),
            "{b}"
        );
    }
}

/// "An increase of 1.2 million" is what a figure changed by, as "grew by
/// 1.2 million" is: the two meet, and neither meets the new level.
#[test]
fn a_noun_of_change_before_of_makes_an_increment() {
    let a = "The population grew by 1.2 million to 38 million.";
    for (by, want) in [("1.2", Verdict::Agree), ("1.5", Verdict::Conflict)] {
        let b = format!("The population rose to 38.2 million, an increase of {by} million.");
        assert_eq!(
            verdict((a, None), (&b, None), "1.2 million", "increase of"),
            Some(want),
            "{b}"
        );
    }
}

/// Clock times named by a word or written as a military time: "shortly
/// after noon" is just after 12:00, "1815 GMT" is 18:15 GMT; "midnight blue"
/// is no time.
#[test]
fn clock_words_and_military_times() {
    let at = |t: &str| format!("The blackout began at {t}, the utility said.");
    assert_eq!(
        verdict(
            (
                "The blackout began shortly after noon, the utility said.",
                None
            ),
            (&at("12:10 p.m."), None),
            "shortly after noon",
            "12:10 p.m."
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(at, "noon", "1 p.m."),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        one_sentence_verdict(at, "1815 GMT", "18:15 GMT"),
        Some(Verdict::Agree)
    );
    let (s, f) = facts(
        "Power returned around midnight. She wore midnight blue.",
        None,
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Date), ["around midnight"]);
}

/// A date closing a "when" clause dates that clause's verb, not the main
/// clause's verb of change after it: "killed when a ferry overturned off
/// the coast on Feb. 10 rose to 19" dates the capsizing.
#[test]
fn a_date_closing_a_when_clause() {
    let a = (
        "A ferry capsized in rough seas off the northern coast on Monday evening, the coast guard said.",
        Some("2025-02-11"),
    );
    for (day, want) in [("Feb. 10", Verdict::Agree), ("Feb. 9", Verdict::Conflict)] {
        let b = format!(
            "The number of people killed when a ferry overturned off the northern coast on {day} rose to 19 on Wednesday."
        );
        assert_eq!(
            verdict(a, (&b, Some("2025-02-12")), "Monday", day),
            Some(want),
            "{b}"
        );
    }
}

/// A distance is measured from the place named after "from", not from an
/// adverb after it: "9 kilometres from the harbour shortly before 8 p.m."
#[test]
fn a_distance_from_a_place_ends_at_an_adverb() {
    let (s, f) = facts(
        "It overturned about 9 kilometres from the harbour shortly before 8 p.m.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "9 kilometres").head.as_deref(),
        Some("harbour")
    );
}

/// A passive verb is said of its subject: "the bridge was not damaged"
/// meets "the bridge was damaged in the storm" though only one names what
/// did it; a verb said of another subject does not meet it.
#[test]
fn a_passive_claim_is_said_of_its_subject() {
    for (a, b) in [
        (
            "Officials said the bridge was not damaged.",
            "Officials said the bridge was damaged in the storm.",
        ),
        (
            "The suspect was not armed, police said.",
            "Police said the suspect was armed with a knife.",
        ),
    ] {
        assert_eq!(
            verdict((a, None), (b, None), "not", "armed").or(verdict(
                (a, None),
                (b, None),
                "not",
                "damaged"
            )),
            Some(Verdict::Conflict),
            "{a} / {b}"
        );
    }
    assert_eq!(
        verdict(
            ("Officials said the bridge was not damaged.", None),
            ("Officials said the school was damaged in the storm.", None),
            "not",
            "damaged"
        ),
        None
    );
}

/// A part of a total and a count of the same noun told by the same verb
/// ("convicted on 14 of 16 counts" / "found guilty of 14 counts") are one
/// slot in where they stand, so the count meets the part, not another count
/// of the noun told of something else ("acquitted him on two counts").
#[test]
fn a_part_told_as_a_count_stands_in_one_slot() {
    let a = "Alder was convicted in May on 14 of 16 counts, including bribery. \
             The jury acquitted him on two counts of money laundering.";
    for (n, want) in [("14", Verdict::Agree), ("12", Verdict::Conflict)] {
        let b = format!("A jury found Alder, 62, guilty in May of {n} counts, including bribery.");
        assert_eq!(
            verdict((a, None), (&b, None), "14 of 16 counts", n),
            Some(want),
            "{b}"
        );
        assert_eq!(verdict((a, None), (&b, None), "two counts", n), None, "{b}");
    }
}

/// A verb told of "one child" is that figure's, not a count's in the clause
/// before it: "Eleven patients were admitted to hospital, and one child
/// died" counts no dead patients.
#[test]
fn a_figure_of_one_keeps_its_verb() {
    let (s, f) = facts(
        "Eleven patients have been admitted to hospital, and one child died on Wednesday.",
        None,
    );
    assert_eq!(rule_of(&s, &f, Kind::Quantity, "Eleven"), "quantity-figure");
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "one child"),
        "people-killed"
    );
}

/// When an earlier figure stood ("up from 41 a week ago", "up from 58 the
/// day before") is each report's own choice of comparison, no fact of the
/// event: the two never conflict.
#[test]
fn the_time_of_an_earlier_figure_is_no_fact() {
    let a = (
        "The outbreak has grown to 58 cases, officials said on Thursday, up from 41 a week ago.",
        Some("2025-03-14"),
    );
    let b = (
        "The outbreak reached 61 cases on Friday, up from 58 the day before, officials said.",
        Some("2025-03-15"),
    );
    assert_eq!(verdict(a, b, "a week ago", "the day before"), None);
    let (s, f) = facts(a.0, a.1);
    assert!(texts(&s, &f, |x| x.kind == Kind::Date) == ["Thursday"]);
}

/// One verb of beginning is another ("started" / "began"), and people
/// "under evacuation orders" are people evacuated.
#[test]
fn beginning_and_evacuation_words_are_one() {
    let a = (
        "The Ridge Fire, which started on Tuesday afternoon near a campground, was 10% contained.",
        Some("2025-08-22"),
    );
    for (day, want) in [("Tuesday", Verdict::Agree), ("Monday", Verdict::Conflict)] {
        let b = format!("The fire began {day} afternoon near a campground, investigators said.");
        assert_eq!(
            verdict(a, (&b, Some("2025-08-22")), "Tuesday", day),
            Some(want),
            "{b}"
        );
    }
    let (s, f) = facts("About 15,000 people are now under evacuation orders.", None);
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "15,000"),
        "people-evacuated"
    );
}

/// When a verb acted is no thing it acted on: "Sellers conceded late
/// Tuesday night" is said of Sellers, and meets "Sellers has not conceded".
#[test]
fn a_time_after_a_verb_is_not_what_it_acts_on() {
    assert_eq!(
        verdict(
            (
                "Sellers conceded late Tuesday night, his campaign said.",
                None
            ),
            ("Sellers has not conceded, his campaign said.", None),
            "conceded",
            "not conceded"
        ),
        Some(Verdict::Conflict)
    );
}

/// "Won" and "winning" are one verb, and a name opening a sentence is no
/// event word: "Okafor won 52.4% of the vote to Sellers' 47.6%" meets
/// "winning 53 percent of the vote" on the winner's share.
#[test]
fn the_winners_share_meets_the_winners_share() {
    let a = "Okafor won 52.4% of the vote to Sellers' 47.6%, according to results.";
    let b = "Dana Okafor defeated Richard Sellers on Tuesday, winning 53 percent of the vote.";
    assert_eq!(
        verdict((a, None), (b, None), "52.4%", "53 percent"),
        Some(Verdict::Conflict)
    );
    assert_eq!(verdict((a, None), (b, None), "47.6%", "53 percent"), None);
}

/// A winning margin is how far apart two counts stood, in whatever it is
/// counted: "defeating Sellers by 1,840 votes", "finished about 2,400 votes
/// ahead", "a majority of 1,900" are one slot, and none meets the votes cast.
#[test]
fn a_winning_margin_is_a_slot_of_its_own() {
    let a = "Okafor won on Tuesday, defeating incumbent Rick Sellers by 1,840 votes. \
             About 41,000 ballots were cast.";
    for (b, q) in [
        (
            "Okafor finished about 2,400 votes ahead out of some 40,600 cast.",
            "2,400 votes ahead",
        ),
        ("Okafor won with a majority of 2,400 in the count.", "2,400"),
    ] {
        assert_eq!(
            verdict((a, None), (b, None), "1,840 votes", q),
            Some(Verdict::Conflict),
            "{b}"
        );
        assert_eq!(
            verdict((a, None), (b, None), "41,000 ballots", q),
            None,
            "{b}"
        );
    }
}

#[test]
fn identifiers_are_not_counts() {
    let (s, f) = facts(
        "An Airbus A330 flying as Flight 7K 4410 left Route 66 and the Windows 11 lab.",
        None,
    );
    for id in ["330", "4410", "66", "11"] {
        assert!(
            !f.iter()
                .any(|x| x.kind == Kind::Quantity && s.text[x.start..x.end].contains(id)),
            "{id} is a name's number, not a count"
        );
    }
    // A number glued to a name by a hyphen names a model or a thing, even
    // before a plural noun: the rocket and the samples are not counted.
    let (s, f) = facts(
        "A Corvo-4 rocket carried Mirel-2 samples and 12 satellites; Tarlo-9 tests \
         were run in Mid-2031.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Quantity),
        ["12 satellites"]
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "2031")),
        "2031-01-01..2031-12-31"
    );
    let (s, f) = facts("Voters in Leeds 61.2% backed the plan.", None);
    assert!(
        f.iter()
            .any(|x| x.kind == Kind::Quantity && s.text[x.start..x.end].contains("61.2%")),
        "a share after a place still counts"
    );
}

#[test]
fn one_figure_under_two_verbs_is_one_slot() {
    assert_eq!(
        verdict(
            (
                "The pilot, Dana Reyes, had logged 900 hours on the type.",
                None
            ),
            (
                "The pilot, Dana Reyes, had flown 1,200 hours on the type.",
                None
            ),
            "900 hours",
            "1,200 hours"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_weekday_beside_a_date_is_one_date() {
    let (s, f) = facts("The council met on Tuesday, March 3, to vote.", None);
    assert!(
        f.iter()
            .any(|x| x.kind == Kind::Date && &s.text[x.start..x.end] == "Tuesday, March 3")
    );
    // With no publication date the year is unknown, so March 3 has no weekday: not comparable.
    assert_ne!(
        verdict(
            ("The council met on Tuesday, March 3, to vote.", None),
            ("The council met on Tuesday to vote.", None),
            "March 3",
            "Tuesday"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn names_written_two_ways() {
    let variant = |a: &str, b: &str, qa: &str, qb: &str| verdict((a, None), (b, None), qa, qb);
    assert_eq!(
        variant(
            "Leader Moammar Gaddafi spoke.",
            "Leader Muammar Qadhafi spoke.",
            "Gaddafi",
            "Qadhafi"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(
        variant(
            "Minister Abdul Rahman spoke on Monday.",
            "Minister Abdulrahman spoke on Monday.",
            "Abdul Rahman",
            "Abdulrahman"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(
        variant(
            "The pilot, Robert T. Hale, spoke.",
            "The pilot, Bob Hale, spoke.",
            "Robert T. Hale",
            "Bob Hale"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(
        variant(
            "Coach Emil Okafor resigned.",
            "Coach Emil Okafar resigned.",
            "Okafor",
            "Okafar"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(
        variant(
            "The board, the National Water Resources Board, met.",
            "The NWRB met.",
            "National Water",
            "NWRB"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(
        variant(
            "The treasurer, Anna Louise Berg, left.",
            "The treasurer, Anna Berg, left.",
            "Anna Louise Berg",
            "Anna Berg"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(
        variant(
            "The team thanked Driver Dana Reyes.",
            "The team thanked Dana Reyes.",
            "Dana Reyes",
            "Dana Reyes"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        variant(
            "Officials said Danes voted early.",
            "Officials said a Dane voted early.",
            "Danes",
            "Dane"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn three_spellings_are_one_variant_citing_each() {
    let sources = [
        src("a", "Mayor Katherine Lopez opened the bridge.", None),
        src("b", "Mayor Catherine Lopez opened the bridge.", None),
        src("c", "Mayor Katharine Lopez opened the bridge.", None),
    ];
    let analysis = concur::check(&sources, &rules());
    let f = analysis
        .findings
        .iter()
        .find(|f| f.kind == Kind::Name && f.claims.len() >= 3)
        .expect("one finding for the three spellings");
    assert_eq!(f.verdict, Verdict::Variant);
    for s in 0..3 {
        assert!(
            f.claims.iter().any(|c| c.source == s),
            "source {s} is cited"
        );
    }
    for spelling in ["Katherine", "Catherine", "Katharine"] {
        assert!(
            f.message.contains(spelling),
            "{spelling} in {:?}",
            f.message
        );
    }
}

#[test]
fn noise_that_is_not_a_name() {
    let (s, f) = facts(
        "SPRINGFIELD, Mo. — Cpl. Dana Reyes told station WXYZ7 the road closed at 9:15 a.m. ET.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    for noise in ["Mo", "Cpl", "WXYZ", "ET"] {
        assert!(!names.contains(&noise), "{noise} in {names:?}");
    }
    assert!(names.contains(&"Dana Reyes"), "{names:?}");
    // A letter glued to figures is a model code, not part of a name.
    let (s, f) = facts("An Airbus A330 of Skyway Air landed.", None);
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(
        names.contains(&"Airbus") && !names.iter().any(|n| n.ends_with(" A")),
        "{names:?}"
    );
}

#[test]
fn sentence_openers_are_names_only_by_use() {
    // "Meanwhile" and "Residents" open sentences; "Ortega" does and is capitalised mid-sentence too.
    let (s, f) = facts(
        "Meanwhile the river rose. Residents left. Ortega stayed. The mayor thanked Ortega.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Meanwhile") || n.contains("Residents")),
        "{names:?}"
    );
    assert!(names.contains(&"Ortega"), "{names:?}");
}

#[test]
fn open_vocabulary_claims_with_polarity() {
    assert_eq!(
        verdict(
            ("No major side effects have been reported.", None),
            ("No major side effects were seen in the trial.", None),
            "No major side effects",
            "No major side effects"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("The stairwell had no alarms or signs.", None),
            ("The stairwell has no fence and no smoke alarms.", None),
            "no alarms",
            "no smoke alarms"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("Police declined to name the driver.", None),
            ("Police named the driver on Monday.", None),
            "declined to name",
            "named"
        ),
        Some(Verdict::Conflict)
    );
}

/// A thing said to be there is a claim it exists only when the verb is
/// not negated: "have not found a note" agrees with "no note has been
/// found", and is no claim that a note was found.
#[test]
fn a_negated_verb_says_no_thing_is_there() {
    let a = (
        "Investigators have not found a note, the police said.",
        None,
    );
    let b = ("No note has been found, investigators said.", None);
    assert_eq!(verdict(a, b, "found", "No note"), Some(Verdict::Agree));
    let sources = [src("a", a.0, None), src("b", b.0, None)];
    let analysis = concur::check(&sources, &rules());
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| f.verdict != Verdict::Conflict),
        "a conflict where both deny the note"
    );
}

#[test]
fn a_negated_verb_meets_its_positive_use_on_the_same_object() {
    let a = "The council did not approve a new parking fee. It voted 5-2 to approve the plan.";
    let b = "The council approved a new parking fee. It voted 5-2 to approve the plan.";
    assert_eq!(
        verdict((a, None), (b, None), "not approve", "approved"),
        Some(Verdict::Conflict)
    );
    // The plan named first: two positive uses on two objects stay two claims.
    let a = "The council voted 7-2 to approve the plan. It did not approve a new parking fee.";
    let b = "The council voted 7-2 to approve the plan. It approved a new parking fee.";
    assert_eq!(
        verdict((a, None), (b, None), "not approve", "approved"),
        Some(Verdict::Conflict)
    );
}

/// A verb made passive acts on what stands before it: "no ransom had been
/// paid" is the claim "had not paid a ransom" makes, and "a ransom had been
/// paid" its opposite.
#[test]
fn a_passive_verb_acts_on_its_subject() {
    let a = ("The clinic said it had not paid a ransom.", None);
    assert_eq!(
        verdict(
            a,
            ("The clinic said no ransom had been paid.", None),
            "not paid",
            "paid"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            a,
            ("The clinic said a ransom had been paid.", None),
            "not paid",
            "paid"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn two_periods_written_with_both_ends_agree_only_on_both() {
    let a = ("The apples were picked from April 3 to 19.", None);
    assert_eq!(
        verdict(
            a,
            ("The apples were picked between April 3 and April 19.", None),
            "April 3",
            "April 3"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            a,
            (
                "The apples were picked between April 14 and April 19.",
                None
            ),
            "April 3",
            "April 14"
        ),
        Some(Verdict::Conflict)
    );
    // A single day inside the period agrees with it.
    assert_eq!(
        verdict(
            a,
            ("The apples were picked on April 9.", None),
            "April 3",
            "April 9"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_total_counts_what_it_names() {
    // "the number of dead rose to 12" counts the dead: the death-toll topic.
    assert_eq!(
        verdict(
            (
                "The ministry raised the number of dead to 12 on Sunday.",
                None
            ),
            ("Nine people were killed when the bridge fell.", None),
            "12",
            "Nine"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn topic_words_for_the_counted_are_one_slot() {
    // "people", "toll" and "dead" under one topic are one slot: the later
    // toll meets the first one, not a passing figure of another sentence.
    let a = (
        "The landslide killed at least 57 people in the hill town. \
         Rescuers said the village school was empty.",
        Some("2031-05-02"),
    );
    let b = (
        "The death toll from the landslide rose to 49 on Saturday. \
         Officials said more than 300 people were killed in a 2019 flood in the same valley.",
        Some("2031-05-03"),
    );
    assert_eq!(verdict(a, b, "57", "49"), Some(Verdict::Conflict));
    assert_eq!(verdict(a, b, "57", "300"), None);
}

#[test]
fn figures_of_an_earlier_event_are_background() {
    // A figure told of an earlier year's event is not the news figure, even
    // when the report's own figure names no year.
    let a = (
        "The storm left 14 people dead across the coast, officials said.",
        Some("2031-09-10"),
    );
    let b = (
        "It recalled the 2024 hurricane, which killed more than 200 people along the same coast.",
        Some("2031-09-11"),
    );
    assert_eq!(verdict(a, b, "14", "200"), None);
    let (s, f) = facts(b.0, b.1);
    assert!(fact(&s, &f, Kind::Quantity, "200").past);
    // So is one told of a year counted back: "a storm two years ago".
    let b = (
        "A storm two years ago killed more than 200 people along the same coast.",
        Some("2031-09-11"),
    );
    assert_eq!(verdict(a, b, "14", "200"), None);
    let (s, f) = facts(b.0, b.1);
    assert!(fact(&s, &f, Kind::Quantity, "200").past);
    // A start ("since 2019") and a month's year ("in March 2029") are not.
    let (s, f) = facts(
        "The plant has stored 400 tonnes of fuel since 2019. In March 2029 it shipped 60 tonnes.",
        Some("2031-09-10"),
    );
    assert!(!fact(&s, &f, Kind::Quantity, "400").past);
    assert!(!fact(&s, &f, Kind::Quantity, "60").past);
    // An earlier year told in an aside set off by commas is told in passing:
    // what the sentence says past the aside is the news again, while what
    // the aside itself tells stays background.
    let a = (
        "The barge, built in 1987 for $2 million, sank in 40 metres of water on Monday.",
        Some("2031-09-10"),
    );
    let b = (
        "The barge went down in water 130 feet deep, the harbour master said.",
        Some("2031-09-10"),
    );
    assert_eq!(verdict(a, b, "40 metres", "130 feet"), Some(Verdict::Agree));
    let (s, f) = facts(a.0, a.1);
    assert!(fact(&s, &f, Kind::Quantity, "$2 million").past);
    assert!(!fact(&s, &f, Kind::Quantity, "40 metres").past);
    let (s, f) = facts(
        "Ortiz, who joined the board in 2019, said 35 families had left.",
        Some("2031-09-10"),
    );
    assert!(!fact(&s, &f, Kind::Quantity, "35").past);
}

#[test]
fn square_and_cubic_units_are_areas_and_volumes() {
    let (s, f) = facts(
        "Crews searched some 2,000 square miles and pumped 1,500 cubic metres of water from a mine 3 miles away.",
        None,
    );
    let area = fact(&s, &f, Kind::Quantity, "square miles");
    assert!(matches!(&area.value, Value::Quantity { unit: Some(u), .. } if u == "area"));
    let (v, _, _) = range(area);
    assert!((v - 2000.0 * 1609.344f64.powi(2)).abs() < 1.0);
    let volume = fact(&s, &f, Kind::Quantity, "cubic metres");
    assert!(matches!(&volume.value, Value::Quantity { unit: Some(u), .. } if u == "volume"));
    assert_eq!(range(volume).0, 1_500_000.0, "litres");
    // An area and a length are never one slot; two areas in other units compare.
    assert_eq!(
        verdict(
            ("Crews searched some 2,000 square miles of sea.", None),
            ("Crews searched about 5,200 square kilometres of sea.", None),
            "2,000",
            "5,200"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("Crews searched some 2,000 square miles of sea.", None),
            ("Crews searched the sea for 2,000 miles.", None),
            "2,000",
            "2,000"
        ),
        None
    );
}

#[test]
fn the_only_background_date_of_each_report_is_not_one_thing() {
    // Each report recalls a different earlier flood in passing: two
    // background dates, not one date told two ways.
    let a = (
        "The river rose on Monday. Farmers called it the worst since a 2015 storm that closed the bridge for weeks.",
        Some("2031-04-08"),
    );
    let b = (
        "The river rose on Monday. Residents recalled the 2009 storm, when the old dam gave way.",
        Some("2031-04-08"),
    );
    assert_eq!(verdict(a, b, "2015", "2009"), None);
    assert_eq!(verdict(a, b, "Monday", "Monday"), Some(Verdict::Agree));
}

#[test]
fn ranges_with_currencies_and_one_scale() {
    let (s, f) = facts(
        "Insurers put the damage at $2 billion to $4 billion, others between $6bn and $8bn; \
         repairs may cost 3 to 5 million euros.",
        None,
    );
    assert_eq!(
        range(fact(&s, &f, Kind::Quantity, "$2 billion to $4 billion")),
        (2e9, 2e9, 4e9)
    );
    assert_eq!(
        range(fact(&s, &f, Kind::Quantity, "between $6bn and $8bn")),
        (6e9, 6e9, 8e9)
    );
    assert_eq!(
        range(fact(&s, &f, Kind::Quantity, "3 to 5 million euros")),
        (3e6, 3e6, 5e6)
    );
    // A change and a score are not ranges (the score is one figure, a tally).
    let (s, f) = facts("The toll rose from 12 to 15. The vote was 5 to 4.", None);
    let figures: Vec<_> = f
        .iter()
        .filter(|x| x.kind == Kind::Quantity)
        .map(|x| (&s.text[x.start..x.end], range(x)))
        .collect();
    assert_eq!(
        figures.iter().map(|x| x.0).collect::<Vec<_>>(),
        ["12", "15", "5 to 4"],
        "{figures:?}"
    );
    assert!(
        figures.iter().all(|(_, (v, l, h))| v == l && l == h),
        "{figures:?}"
    );
    assert_eq!(
        verdict(
            ("Insurers put the damage at $2 billion to $4 billion.", None),
            ("Insurers put the damage at between $6bn and $8bn.", None),
            "$2 billion",
            "$6bn"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn rates_are_figures_per_something() {
    let (s, f) = facts(
        "The pipe leaked 2,000 barrels a day. The buyer will pay $80 per share. \
         Some 40 people a year ago signed up.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, .. } => unit.clone(),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("2,000 barrels").as_deref(), Some("volume per day"));
    assert_eq!(unit("$80").as_deref(), Some("USD per share"));
    // Hyphenated into one word before a noun, it is the same rate.
    let (s, f) = facts(
        "The $80-per-share offer came with a $5-a-day parking fee.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, .. } => unit.clone(),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("$80").as_deref(), Some("USD per share"));
    assert_eq!(unit("$5").as_deref(), Some("USD per day"));
    let (s, f) = facts(
        "The pipe leaked 2,000 barrels a day. The buyer will pay $80 per share. \
         Some 40 people a year ago signed up.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, .. } => unit.clone(),
        v => panic!("{v:?}"),
    };
    assert_eq!(
        unit("40 people"),
        None,
        "'a year ago' is a time, not a rate"
    );
    assert!(
        f.iter().all(|x| x.kind != Kind::Duration),
        "'a day' after a figure is the rate's, not a length of time"
    );
    // A rate meets a rate of the same thing, past a restatement in brackets;
    // never the total beside it.
    let a = (
        "The closure holds up about $7.2bn (£5bn) of cargo every day.",
        None,
    );
    let b = (
        "The closure holds up more than $7 billion a day, a total of $40 billion so far.",
        None,
    );
    assert_eq!(verdict(a, b, "$7.2bn", "$7 billion"), Some(Verdict::Agree));
    assert_eq!(verdict(a, b, "$7.2bn", "$40 billion"), None);
}

#[test]
fn clock_times_restated_past_a_weekday_and_written_with_a_point() {
    let (s, f) = facts(
        "The roof fell in at 4:10 p.m. local time Friday (9:10 a.m. EST), and again at 5.25pm.",
        Some("2031-02-08"),
    );
    let times = texts(&s, &f, |x| {
        matches!(x.value, Value::Date { time: Some(_), .. })
    });
    assert_eq!(
        times,
        ["4:10 p.m. local time", "5.25pm"],
        "the EST time restates the first"
    );
    // Each report's clock time of the event meets the other's with the
    // evidence a figure needs, not the more a date needs.
    assert_eq!(
        verdict(
            (
                "The roof fell in at 4:10 p.m. local time Friday (9:10 a.m. EST), officials said.",
                Some("2031-02-08")
            ),
            (
                "Witnesses said the building gave way at 16:25 local time on Friday.",
                Some("2031-02-08")
            ),
            "4:10",
            "16:25"
        ),
        Some(Verdict::Conflict)
    );
}

/// What a length of time is "of" is the noun its phrase ends on, past the
/// words before it: "four days of official mourning" is mourning, as "four
/// days of mourning" is, and it ends where the clause's verb begins.
#[test]
fn a_length_of_time_is_of_the_noun_its_phrase_ends_on() {
    let (s, f) = facts(
        "The mayor declared four days of official mourning for the miners.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Duration, "four days").head.as_deref(),
        Some("mourn")
    );
    let (s, f) = facts(
        "After six weeks of talks failed, the union walked out.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Duration, "six weeks").head.as_deref(),
        Some("talk")
    );
    agrees_then_conflicts(
        (
            "The mayor declared four days of mourning for the miners.",
            None,
        ),
        |d| format!("The city began {d} of official mourning for the miners on Monday."),
        None,
        "four days",
        ("four days", "two days"),
    );
}

/// A noun of action dates what its verb does: "was last inspected in
/// May" and "its last inspection in May" are one date.
#[test]
fn a_noun_of_action_dates_what_its_verb_does() {
    agrees_then_conflicts(
        (
            "The bridge was built in 1971 and was last inspected in May, the county said.",
            Some("2031-09-02"),
        ),
        |d| format!("The bridge, which opened in 1972, passed its last inspection in {d}."),
        Some("2031-09-03"),
        "May",
        ("May", "February"),
    );
}

/// Times of one thing named two ways, one a kind of the other, meet:
/// "months of negotiations" is "a year of bargaining", and never the
/// "three years" a pay rise runs over.
#[test]
fn times_of_one_thing_named_two_ways_meet() {
    agrees_then_conflicts(
        (
            "The talks failed late Monday after 14 months of negotiations. \
             The union wants a 9% raise over three years.",
            Some("2031-05-06"),
        ),
        |d| {
            format!(
                "Talks collapsed on Monday night after {d} of bargaining. \
                 The union is asking for raises of 9 percent over three years."
            )
        },
        Some("2031-05-07"),
        "14 months",
        ("more than a year", "six weeks"),
    );
}

#[test]
fn times_of_two_different_things_never_meet() {
    let a = (
        "The council declared four days of mourning and closed the schools.",
        None,
    );
    let b = (
        "The council declared a three-week state of emergency and closed the schools.",
        None,
    );
    assert_eq!(verdict(a, b, "four days", "three-week"), None);
    let (s, f) = facts(a.0, None);
    assert_eq!(
        fact(&s, &f, Kind::Duration, "four days").head.as_deref(),
        Some("mourn")
    );
    // The same thing, once as a compound and once with "of", meets.
    assert_eq!(
        verdict(
            ("It ends a 30-year membership of the league.", None),
            ("It ends three decades of membership of the league.", None),
            "30-year",
            "three decades"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn vague_counts_name_what_they_count() {
    let (s, f) = facts(
        "Thousands of people fled. The detour adds hundreds of thousands of euros. \
         Tens of thousands of fans were turned away.",
        None,
    );
    let q = |t: &str| fact(&s, &f, Kind::Quantity, t);
    assert_eq!(q("Thousands of people").head.as_deref(), Some("person"));
    assert!(
        matches!(&q("hundreds of thousands of euros").value, Value::Quantity { unit: Some(u), .. } if u == "EUR")
    );
    assert_eq!(range(q("Tens of thousands")), (2e4, 2e4, 1e5));
    // A vague count is told in passing: a headline's "thousands" does not
    // come first of its slot ahead of the figure the text gives.
    let a = "Storm injures thousands as it crosses the coast.\n\n\
             The storm crossed the coast on Monday night, injuring more than 2,300 people, \
             the Red Cross said.";
    let b = "The health ministry said more than 2,900 people were injured when the storm \
             crossed the coast.";
    assert_eq!(
        verdict((a, None), (b, None), "2,300", "2,900"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn counted_nouns_of_one_kind_meet() {
    // "physicians" and "doctors" name one kind of thing (WordNet, rules/noun-kinds.txt).
    let rules = rules();
    assert!(rules.lexicon.same_kind_of_thing(
        &rules.lexicon.lemma("physicians"),
        &rules.lexicon.lemma("doctors")
    ));
    assert!(!rules.lexicon.same_kind_of_thing(
        &rules.lexicon.lemma("physicians"),
        &rules.lexicon.lemma("buses")
    ));
    assert_eq!(
        verdict(
            (
                "Among the volunteers were 12 physicians from a village clinic near the lake.",
                None
            ),
            (
                "The volunteers included 14 doctors from a village clinic near the lake.",
                None
            ),
            "12 physicians",
            "14 doctors"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            (
                "Among the volunteers were 12 physicians from a village clinic near the lake.",
                None
            ),
            (
                "The volunteers included 12 buses from a village clinic near the lake.",
                None
            ),
            "12 physicians",
            "12 buses"
        ),
        None
    );
}

#[test]
fn a_duration_between_two_figures_is_one_range() {
    let (s, f) = facts(
        "The shooting went on for between seven and 12 minutes.",
        None,
    );
    let d = fact(&s, &f, Kind::Duration, "between seven and 12 minutes");
    assert!((range(d).2 - 12.5 * 60.0).abs() < 1.0);
    assert!(f.iter().all(|x| x.kind != Kind::Quantity));
}

#[test]
fn a_glued_m_before_a_measure_is_metres() {
    let (s, f) = facts(
        "The 300m-long barge passed a 12m-high gate. The fund lost $300m.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, value, .. } => (unit.clone(), *value),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("300m"), (Some("length".into()), 300.0));
    assert_eq!(unit("12m"), (Some("length".into()), 12.0));
    assert_eq!(unit("$300m"), (Some("USD".into()), 3e8));
}

#[test]
fn names_in_another_order_and_after_a_glued_modifier() {
    assert_eq!(
        verdict(
            (
                "The suit was filed in the Ontario Court of Appeal on Friday.",
                None
            ),
            (
                "The suit was filed in the Ontario Appeal Court on Friday.",
                None
            ),
            "Ontario Court of Appeal",
            "Ontario Appeal Court"
        ),
        Some(Verdict::Variant)
    );
    let (s, f) = facts(
        "The Panama-flagged Sea Lark sank. The Paris-based Orla Group said so. Ryu Min-ho spoke.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert_eq!(names, ["Sea Lark", "Orla Group", "Ryu Min-ho"]);
}

#[test]
fn temperatures_and_signs() {
    let (s, f) = facts(
        "Store it at around -20C, or minus 4 degrees Fahrenheit. Ranges of 5-7 days and 10-12 weeks stay ranges.",
        None,
    );
    let t = |x: &str| range(fact(&s, &f, Kind::Quantity, x));
    assert_eq!(t("-20C").0, -20.0);
    // The same temperature in the other scale is one fact, mentioned twice.
    let c = fact(&s, &f, Kind::Quantity, "-20C");
    let fahrenheit = s.text.find("minus 4").unwrap();
    assert!(c.also.iter().any(|&(a, _)| a == fahrenheit), "{:?}", c.also);
    let (s, f) = facts("Ship it at minus 4 degrees Fahrenheit.", None);
    let t = |x: &str| range(fact(&s, &f, Kind::Quantity, x));
    assert!((t("minus 4 degrees Fahrenheit").0 + 20.0).abs() < 1e-9);
    assert_eq!(
        verdict(
            ("The vaccine is kept at about -20C in the depot.", None),
            (
                "The vaccine is kept at minus 4 degrees Fahrenheit in the depot.",
                None
            ),
            "-20C",
            "minus 4"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            ("The vaccine is kept at about -20C in the depot.", None),
            ("The vaccine is kept at 20C in the depot.", None),
            "-20C",
            "20C"
        ),
        Some(Verdict::Conflict)
    );
}

#[test]
fn units_and_size_words_are_not_event_words() {
    // What a measure modifies is what it measures; a neighbouring unit or a
    // size adjective says nothing of what happened.
    let (s, f) = facts(
        "The 90m-long, 300-tonne barge, which carries grain, sank near the weir.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "90m")
            .events
            .first()
            .map(|w| w.as_str()),
        Some(rules().lexicon.lemma("barge").as_str())
    );
}

#[test]
fn the_two_nearest_event_words_of_each_may_meet() {
    // "lasted" and "took" differ, but both stand next to "inspection".
    let a = (
        "The bridge had been shut for three days. The inspection lasted eight hours, the \
         mayor said, while crews in orange vests waited by the river gates.",
        None,
    );
    let b = |n: &str| {
        format!(
            "Repairs to the bridge went on for two weeks. According to the engineers' union, \
             the inspection took about {n} hours, and traffic resumed on the northern ramp."
        )
    };
    agrees_then_conflicts(a, b, None, "eight hours", ("eight", "ten"));
}

#[test]
fn a_vague_count_takes_a_partner_only_after_the_precise_ones() {
    // "thousands" stands closest to "injured", but the precise figure is
    // what the other report's figure is to be compared with.
    let a = (
        "A gas blast at the depot injured thousands of people on Monday. Hospitals \
         said more than 2,300 people were treated for wounds overnight.",
        None,
    );
    let b = |n: &str| {
        format!("The depot blast wounded more than {n} people, hospitals said on Tuesday.")
    };
    agrees_then_conflicts(a, b, None, "2,300", ("2,300", "3,300"));
}

#[test]
fn figures_that_are_each_others_best_candidate_need_less_evidence() {
    // Each report's turnout is the other's best candidate, though the two
    // sentences share only "cast" and "bureau".
    let a = (
        "Only 38.2 percent of registered voters cast ballots over the weekend, the \
         electoral bureau said, far short of the 50 percent needed. Pollsters had put \
         support for the measure at 87 percent.",
        None,
    );
    let b = |n: &str| {
        format!(
            "Turnout was {n} percent of the citizens who could cast a vote, according to \
             the bureau, and a referendum needs at least half. Of those who voted, 91 \
             percent approved the change."
        )
    };
    agrees_then_conflicts(a, b, None, "38.2 percent", ("38.2", "39.5"));
}

#[test]
fn a_time_stamp_under_a_byline_is_no_fact() {
    // The line under the byline says when the report was filed: no claim
    // about the event, and no first date of the report either.
    let text = "Ferry crossings to resume\n\nBy a staff reporter\nWednesday 14 May 2031 \
                09.15 BST\n\nThe ferry ran aground on Monday near Portville.\n\nUpdated \
                3 June 2031 \u{2022} 6:50am";
    let (s, f) = facts(text, Some("2031-05-14"));
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Date),
        vec!["Monday"],
        "only the day of the grounding is a date the report tells"
    );
    // A date with words of its own on the line is told.
    let (s, f) = facts("Ferries stopped on\n14 May 2031 in Portville.", None);
    fact(&s, &f, Kind::Date, "14 May 2031");
}

#[test]
fn a_datelines_date_is_the_filing_day_not_a_fact() {
    // Two reports filed on different days: their datelines do not disagree.
    let a = (
        "PORTVILLE, Ruritania, May 3 \u{2014} The ferry company said on Tuesday it would \
         resume crossings.",
        Some("2031-05-03"),
    );
    let b = (
        "PORTVILLE, May 9 (Wire) - Crossings resumed after a week-long halt.",
        Some("2031-05-09"),
    );
    assert_eq!(verdict(a, b, "May 3", "May 9"), None);
    let (s, f) = facts(a.0, a.1);
    assert!(
        !f.iter()
            .any(|f| f.kind == Kind::Date && s.text[f.start..f.end].contains("May 3")),
        "the dateline is no fact"
    );
    // A date after the place in the sentence is the news itself.
    let (s, f) = facts("Ferries stopped in Portville on May 3.", None);
    fact(&s, &f, Kind::Date, "May 3");
}

#[test]
fn a_counted_noun_alone_is_no_evidence_of_one_slot() {
    // Both count people, but one counts those questioned and the other the
    // homeless: sharing "people" (and its kinds) is what every such figure
    // shares. (The hospital figures come first in each, so "first of its
    // slot" does not join the others.)
    let a = (
        "Some 40 people remain in hospital. Prosecutors said 18 people had been \
         questioned, including two port managers.",
        None,
    );
    let b = |rest: &str| format!("Some 45 people remain in hospital. {rest}");
    let homeless = b("The governor said about 120,000 people had lost their homes.");
    assert_eq!(
        verdict(a, (&homeless, None), "18 people", "120,000 people"),
        None
    );
    // The same event beside each: one slot, and the figures differ.
    let questioned = b("By Friday 21 people had been questioned, the governor said.");
    assert_eq!(
        verdict(a, (&questioned, None), "18 people", "21 people"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_word_for_a_total_is_no_event_word() {
    // "A total of" stands nearer than the verb that says what was counted.
    let (s, f) = facts("A total of 4,100 people voted to leave the union.", None);
    let events: Vec<&str> = fact(&s, &f, Kind::Quantity, "4,100")
        .events
        .iter()
        .map(|w| w.as_str())
        .collect();
    assert!(
        !events.contains(&rules().lexicon.lemma("total").as_str()),
        "{events:?}"
    );
}

#[test]
fn a_sum_of_money_counts_money_not_the_noun_after_it() {
    let (s, f) = facts("The council approved a $40 million bridge on Monday.", None);
    let money = fact(&s, &f, Kind::Quantity, "$40 million");
    assert_eq!(&s.text[money.start..money.end], "$40 million");
    assert_eq!(money.head, None);
    // What the sum pays for is told in other words in the other report.
    agrees_then_conflicts(
        (
            "The county council approved a $40 million bridge over the river on Monday.",
            None,
        ),
        |v| format!("The county council approved a {v} repair plan for the river crossing."),
        None,
        "$40 million",
        ("$40 million", "$55 million"),
    );
}

#[test]
fn figures_in_both_headlines_are_each_reports_main_news() {
    let a = "Vantor accepts richer $2.1 billion offer, ending feud\n\nVantor Labs agreed to the takeover on Monday after a week of talks. It owes $300 million to its lenders.";
    let (s, f) = facts(a, None);
    assert!(fact(&s, &f, Kind::Quantity, "$2.1 billion").headline);
    agrees_then_conflicts(
        (a, None),
        |v| {
            format!(
                "Corvel closes {v} purchase after long feud\n\nCorvel said the purchase was complete and its shares rose. It borrowed $900 million from banks."
            )
        },
        None,
        "$2.1 billion",
        ("$2.1 billion", "$2.4 billion"),
    );
}

#[test]
fn a_figure_and_its_hedged_restatement_are_one_fact() {
    let (s, f) = facts(
        "Mill sold for $3 billion\n\nThe mill was sold for about $3 billion on Monday.",
        None,
    );
    let money: Vec<_> = f.iter().filter(|x| x.kind == Kind::Quantity).collect();
    assert_eq!(
        money.len(),
        1,
        "{:?}",
        texts(&s, &f, |x| x.kind == Kind::Quantity)
    );
    assert_eq!(money[0].also.len(), 1);
    // A written range is another figure than its first end.
    let (_, f) = facts(
        "Mill sold for $3 billion\n\nThe mill was sold for $3 billion to $4 billion on Monday.",
        None,
    );
    assert_eq!(f.iter().filter(|x| x.kind == Kind::Quantity).count(), 2);
}

#[test]
fn reports_written_days_apart_each_tell_their_own_news_day() {
    let a = (
        "Brenwick Mills agreed on Thursday to sell its river plant to a rival.",
        Some("2024-03-08"),
    );
    // Seven weeks later: the news is the sale closing, another event.
    let later = (
        "Brenwick Mills completed the sale of its river plant to a rival on Monday.",
        Some("2024-04-30"),
    );
    assert_eq!(verdict(a, later, "Thursday", "Monday"), None);
    // Written the same day, the two days are one slot, and they disagree.
    let same_day = (
        "Brenwick Mills agreed on Wednesday to sell its river plant to a rival.",
        Some("2024-03-08"),
    );
    assert_eq!(
        verdict(a, same_day, "Thursday", "Wednesday"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_topic_claim_stated_in_other_words_is_one_fact() {
    // "has died", "the first fatality" and "confirmed the death" all say
    // that someone died: one claim, citing each place.
    let (s, f) = facts(
        "A woman in the county has died in the outbreak, the first fatality since it began. Doctors at the clinic confirmed the death on Friday.",
        None,
    );
    let died: Vec<_> = f
        .iter()
        .filter(|x| x.kind == Kind::Claim && &*x.topic == "deaths")
        .collect();
    assert_eq!(
        died.len(),
        1,
        "{:?}",
        texts(&s, &f, |x| x.kind == Kind::Claim && &*x.topic == "deaths")
    );
    assert_eq!(died[0].also.len(), 2);
    // A predicate's claims still part by what the verb acts on.
    let (_, f) = facts(
        "The board did not approve the budget plan. Later it did not approve a new parking fee.",
        None,
    );
    assert_eq!(f.iter().filter(|x| x.kind == Kind::Claim).count(), 2);
}

#[test]
fn more_after_a_multiple_is_a_comparative_not_an_increment() {
    let (s, f) = facts("The star is 40 times more luminous than the sun.", None);
    let x = fact(&s, &f, Kind::Quantity, "40 times");
    assert!(
        !x.head.as_deref().unwrap_or("").starts_with("more"),
        "{:?}",
        x.head
    );
    // "23 more" is still an increment.
    let (s, f) = facts("Officials reported 23 more cases on Monday.", None);
    let y = fact(&s, &f, Kind::Quantity, "23 more");
    assert!(
        y.head.as_deref().unwrap_or("").starts_with("more"),
        "{:?}",
        y.head
    );
    agrees_then_conflicts(
        (
            "Astronomers said the star is 40 times more luminous than the sun.",
            None,
        ),
        |v| format!("Astronomers said the star weighs {v} that of the sun."),
        None,
        "40 times",
        ("40 times", "60 times"),
    );
}

#[test]
fn the_word_governing_a_date_says_what_part_of_its_event_it_dates() {
    // Both date the start of a state that lasts; their sentences share little.
    agrees_then_conflicts(
        (
            "The river bridge in the old town has stayed shut since Tuesday, when inspectors found cracks.",
            Some("2024-05-10"),
        ),
        |v| {
            format!(
                "Commuters have queued at the ferry landing since {v} as engineers assess the damage."
            )
        },
        Some("2024-05-13"),
        "Tuesday",
        ("May 7", "May 9"),
    );
    // A deadline, past words for a part of the period.
    agrees_then_conflicts(
        (
            "The contractor will finish boring the tunnel by March, the mayor's office announced.",
            Some("2024-11-20"),
        ),
        |v| format!("Crews are due to hand the works over by the end of {v} next year."),
        Some("2024-11-21"),
        "March",
        ("March", "April"),
    );
}

#[test]
fn the_only_figure_of_its_noun_is_no_evidence_when_another_could_be_it() {
    // Each report's only "employees" count shares nothing but the noun with
    // the other's; the other report's "people" may count employees, and its
    // sentence tells of the same shift.
    let a = r#"Blast at Velmora chemical plant kills 7, injures dozens

HARTWELL, Ohio — An explosion tore through a chemical plant operated by Velmora Industries in Hartwell on Tuesday night, killing seven workers and injuring at least 38 others, fire officials said on Wednesday.

The blast happened at about 9:40 p.m. in a building where solvents were mixed, according to Hartwell Fire Chief Dana Kessler. She said 112 employees were on the night shift when the explosion occurred.

Twelve of the injured were taken to Mercy Regional Hospital, four of them in critical condition. Residents within a one-mile radius were told to stay indoors for six hours while crews monitored the air.

The company said in a statement that it had not yet determined what caused the explosion. Velmora, which employs about 1,400 people at the site, was fined $85,000 by federal safety regulators in 2023 for failing to train workers on hazardous chemicals.

The Chemical Safety Board said it was sending a team of eight investigators to the plant.
"#;
    let b = |v: &str| {
        format!(
            r#"Death toll in Hartwell plant explosion rises to 9

HARTWELL, Ohio (Ledger) — Two more workers have died from injuries suffered in Tuesday's explosion at the Velmora Industries chemical plant, bringing the death toll to nine, the Hamlin County coroner said on Friday.

The explosion, which ripped through a solvent-mixing building at around 9:45 p.m. on March 10, injured 41 people. Of those, five remain in critical condition at Mercy Regional Hospital.

About {v} people were working the overnight shift at the time, Fire Chief Dana Kesler told reporters. A shelter-in-place order for residents within a mile of the plant was lifted after eight hours.

Federal records show Velmora was fined $85,000 in 2023 over hazardous-chemical training. The company, which has roughly 1,400 employees in Hartwell, said the cause of the blast was still under investigation.

A seven-member team from the U.S. Chemical Safety Board arrived at the site on Thursday.
"#
        )
    };
    let (pa, pb) = (Some("2026-03-11"), Some("2026-03-13"));
    for (x, y) in [
        ("112 employees", "1,400 employees"),
        ("1,400 people", "110 people"),
    ] {
        assert_eq!(verdict((a, pa), (&b("110"), pb), x, y), None, "{x} / {y}");
    }
    assert_eq!(
        verdict((a, pa), (&b("110"), pb), "1,400 people", "1,400 employees"),
        Some(Verdict::Agree)
    );
    agrees_then_conflicts((a, pa), b, pb, "112 employees", ("112", "150"));
}

#[test]
fn nouns_of_one_kind_are_no_more_evidence_than_one_noun() {
    // "votes" and "ballots" are of one kind; what the two counts share
    // besides (the race, the margin) decides, not the words for the kind.
    let a = r#"Marsh wins Carver County mayor's race by narrow margin

CARVER FALLS, Minn. — Incumbent Mayor Elena Marsh won a third term on Tuesday, defeating city council member Tom Braddock by 1,214 votes, according to unofficial results released early Wednesday.

Marsh received 52.3 percent of the vote to Braddock's 47.7 percent, with all 38 precincts reporting. Turnout was 61 percent of the county's 84,000 registered voters, the highest for a mayoral election since 2004.

Braddock did not concede on Wednesday and said his campaign would consider requesting a recount. Under state law, a recount is automatic only when the margin is less than 0.5 percentage points.

Voters also approved a $45 million bond measure to rebuild the Carver Falls public library, with 58 percent in favor.

Marsh, 56, a former school principal, was first elected in 2018.
"#;
    let b = |v: &str| {
        format!(
            r#"Braddock concedes Carver County mayoral race to Marsh

CARVER FALLS, Minn. (Valley Herald) — Council member Tom Braddock conceded the Carver County mayor's race on Thursday, two days after incumbent Elena Marsh won re-election by about {v} votes.

Final results certified by the county on Thursday gave Marsh 52.1 percent to Braddock's 47.9 percent. About 51,000 ballots were cast, a turnout of roughly 61 percent.

"The voters have spoken, and I will not seek a recount," Braddock, 49, told supporters at his campaign office.

Marsh, 57, will begin her third term in January. The $45 million library bond passed with 57 percent support.

Marsh was first elected in 2016 and re-elected in 2022.
"#
        )
    };
    let (pa, pb) = (Some("2026-11-04"), Some("2026-11-05"));
    assert_eq!(
        verdict((a, pa), (&b("1,200"), pb), "1,214 votes", "51,000 ballots"),
        None
    );
    agrees_then_conflicts((a, pa), b, pb, "1,214 votes", ("1,200", "2,400"));
}

#[test]
fn a_measure_written_as_a_modifier_measures_its_noun() {
    let (s, f) = facts(
        "The 310m-long, 90,000-tonne tanker ran aground. Crews cut a 12-metre (39-foot) channel. A 180,000-ton bulk carrier waited. The 30-foot wave hit the pier. The hull is 310 metres long.",
        None,
    );
    let head = |t: &str| {
        fact(&s, &f, Kind::Quantity, t)
            .head
            .as_deref()
            .map(String::from)
    };
    let lemma = |w: &str| rules().lexicon.lemma(w);
    assert_eq!(head("310m"), Some(lemma("tanker")));
    assert_eq!(head("90,000-tonne"), Some(lemma("tanker")));
    assert_eq!(head("12-metre"), Some(lemma("channel")));
    // The last word of a compound noun, up to a verb.
    assert_eq!(head("180,000-ton"), Some(lemma("carrier")));
    assert_eq!(head("30-foot"), Some(lemma("wave")));
    // A measure standing alone measures nothing named.
    assert_eq!(head("310 metres"), None);
    // One report's only length of the tanker meets the other's, though each
    // states other lengths too.
    agrees_then_conflicts(
        (
            "The 310m-long tanker ran aground on a sandbank 40 metres wide. Tugs pulled at it.",
            None,
        ),
        |v| format!("Tugs pulled at the {v} tanker, stuck on a bank about 2 km long."),
        None,
        "310m",
        ("310-metre", "330-metre"),
    );
}

#[test]
fn distances_from_different_things_are_different_slots() {
    // No name after "from": the last word of the phrase says from what.
    let (s, f) = facts(
        "The tanker lay some 40 metres from the pier and 2 km from the breakwater.",
        None,
    );
    let head = |t: &str| fact(&s, &f, Kind::Quantity, t).head.clone();
    assert_eq!(head("40 metres").as_deref(), Some("pier"));
    assert_eq!(head("2 km").as_deref(), Some("breakwater"));
    // After a bare "of", what follows is what is measured, no place.
    let (s, f) = facts("Up to 18 inches of rain fell on the town.", None);
    assert_eq!(fact(&s, &f, Kind::Quantity, "18 inches").head, None);
    assert_eq!(
        verdict(
            (
                "The pilot said the tanker was about 40 metres from the pier.",
                None
            ),
            (
                "The tanker now lies some 90 metres from the breakwater.",
                None
            ),
            "40 metres",
            "90 metres"
        ),
        None
    );
    // But from nouns of one kind, from one thing: "from shore" / "from the coast".
    agrees_then_conflicts(
        (
            "The barge ran aground about four kilometres from shore, the harbour master said.",
            None,
        ),
        |v| format!("The barge ran aground roughly {v} from the coast."),
        None,
        "four kilometres",
        ("4 km", "9 km"),
    );
}

#[test]
fn distances_from_different_places_are_different_slots() {
    assert_eq!(
        verdict(
            (
                "The oil slick lies about 30 miles from the Vell Islands, the coast guard said.",
                None
            ),
            (
                "The oil slick lies about 30 miles east of the Orra river delta, the coast guard said.",
                None
            ),
            "30 miles",
            "30 miles"
        ),
        None
    );
    // The same place, named past a compass point and a description.
    agrees_then_conflicts(
        (
            "The ferry sank about 30 miles north of the port city of Kesk on Monday.",
            None,
        ),
        |v| format!("Divers reached the ferry's wreck {v} from Kesk on Tuesday."),
        None,
        "30 miles",
        ("30 miles", "80 miles"),
    );
    // "off" a place is from it; a wave's height is no distance from anywhere.
    let (s, f) = facts("The ship sank some 3 kilometres off Tamar Point.", None);
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "3 kilometres").head.as_deref(),
        Some("point")
    );
    assert_eq!(
        verdict(
            (
                "Forecasters had warned of waves up to 4 meters on Sunday.",
                None
            ),
            (
                "The ferry capsized some 3 kilometres off Tamar Point.",
                None
            ),
            "4 meters",
            "3 kilometres"
        ),
        None
    );
}

#[test]
fn an_event_word_past_a_colon_or_conjunction_tells_of_the_nearer_figure() {
    let (s, f) = facts(
        "The mayor said 40 people remained missing and that up to 9,000 residents had lost power. The ferry had 212 people aboard: 11 are missing. At least 38 people, including two children, were killed.",
        None,
    );
    let rule = |x: &str| fact(&s, &f, Kind::Quantity, x).topic.to_string();
    assert_eq!(rule("40 people"), "people missing");
    assert_ne!(rule("9,000 residents"), "people missing");
    assert_ne!(rule("212 people"), "people missing");
    assert_eq!(rule("11"), "people missing");
    // A comma does not part a figure from its event.
    assert_eq!(rule("38 people"), "people killed");
}

#[test]
fn a_clock_time_can_end_a_sentence_and_its_marks_are_no_event() {
    let rules = rules();
    let s = src(
        "a",
        "The shelling began shortly after 9 p.m. Witnesses fled the square. It stopped at 11 p.m. Friday, or 4 a.m. GMT.",
        None,
    );
    let seg = concur::segment::segment(&s, &rules.lexicon);
    let sentences: Vec<&str> = seg
        .sentences
        .iter()
        .map(|x| s.text[x.start..x.end].trim())
        .collect();
    assert_eq!(
        sentences,
        [
            "The shelling began shortly after 9 p.m.",
            "Witnesses fled the square.",
            "It stopped at 11 p.m. Friday, or 4 a.m. GMT."
        ]
    );
    // "p.m." and "GMT" mark the time; they are not what happened.
    let (s, f) = facts(
        "It stopped at 11 p.m. Friday, or 4 a.m. GMT.",
        Some("2024-03-16"),
    );
    let friday = fact(&s, &f, Kind::Date, "Friday");
    assert!(
        friday
            .events
            .iter()
            .all(|e| !matches!(e.as_str(), "p.m." | "a.m." | "gmt")),
        "{:?}",
        friday.events
    );
}

#[test]
fn a_past_verb_before_a_date_outweighs_a_future_word_after_it() {
    // Friday's report: the board voted on the day before, whatever the
    // "coming" year the budget is for.
    let (s, f) = facts(
        "The board voted 5-2 on Thursday night to approve a budget for the coming year.",
        Some("2026-04-17"),
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Thursday")), "2026-04-16");
    // An infinitive between looks forward still: the vote is to come.
    let (s, f) = facts(
        "Residents voted to hold the parade on Saturday for the coming holiday.",
        Some("2026-04-17"),
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Saturday")), "2026-04-18");
}

#[test]
fn a_name_that_opens_a_sentence_gives_no_event_word() {
    // "Stone" is a common word, but "Stone Bridge" is a name here.
    let (s, f) = facts(
        "Stone Bridge will reopen to traffic on June 2, the council said.",
        None,
    );
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let june = fact(&s, &f, Kind::Date, "June 2");
    assert!(june.events.iter().any(|e| e.as_str() == lemma("reopen")));
    assert!(
        june.events.iter().all(|e| e.as_str() != lemma("stone")),
        "{:?}",
        june.events
    );
}

#[test]
fn an_infinitive_after_a_date_is_what_its_event_was_for() {
    // The board met on Tuesday; the discussion is why.
    let (s, f) = facts(
        "The board met on Tuesday to discuss the merger with its rival.",
        None,
    );
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let tuesday = fact(&s, &f, Kind::Date, "Tuesday");
    assert_eq!(
        tuesday.events[0].as_str(),
        lemma("met"),
        "{:?}",
        tuesday.events
    );
    // "to" and a figure, or a place, is no purpose: "rose on Monday to 5%".
    let (s, f) = facts("Shares rose on Monday to 5 dollars.", None);
    let monday = fact(&s, &f, Kind::Date, "Monday");
    assert_eq!(
        monday.events[0].as_str(),
        lemma("rose"),
        "{:?}",
        monday.events
    );
}

#[test]
fn words_of_an_aside_before_a_fact_come_after_the_clause() {
    // The aside tells of an earlier win; the date is of the final.
    let (s, f) = facts(
        "Carvale will play Dunmore, 2-1 winners over Kelso, in the final on June 6.",
        None,
    );
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let june = fact(&s, &f, Kind::Date, "June 6");
    assert_eq!(june.events[0].as_str(), lemma("play"), "{:?}", june.events);
    assert!(june.events.iter().all(|e| e.as_str() != lemma("winners")));
    // "which opened a plant on May 3" is not where the hiring was.
    let (s, f) = facts(
        "The firm, which opened a plant on May 3, hired 40 workers on May 20.",
        None,
    );
    let hired = fact(&s, &f, Kind::Quantity, "40");
    assert!(
        hired.events.iter().all(|e| e.as_str() != lemma("plant")),
        "{:?}",
        hired.events
    );
}

#[test]
fn an_earlier_year_told_in_a_when_clause_is_background() {
    // "since 2019, when …" tells the earlier event; its toll is not today's.
    let a = (
        "A bus plunged into a gorge on Monday, killing 23 people. It was the worst crash since 2019, when 31 people died near the capital.",
        Some("2025-02-11"),
    );
    let b = (
        "Twenty-three people were killed when a bus fell into a ravine. The crash is the worst since 2019, when 31 people were killed near the capital.",
        Some("2025-02-11"),
    );
    assert_eq!(verdict(a, b, "31", "31"), Some(Verdict::Agree));
    let (s, f) = facts(a.0, a.1);
    assert!(fact(&s, &f, Kind::Quantity, "31").past);
    assert!(!fact(&s, &f, Kind::Quantity, "23").past);
}

#[test]
fn a_hedged_figure_repeats_the_figure_it_hedges() {
    let (s, f) = facts(
        "Crash kills 23 in the hills\n\nThe crash killed at least 23 people on Monday.",
        None,
    );
    let toll: Vec<_> = f.iter().filter(|x| x.kind == Kind::Quantity).collect();
    assert_eq!(
        toll.len(),
        1,
        "{:?}",
        texts(&s, &f, |x| x.kind == Kind::Quantity)
    );
}

#[test]
fn only_the_dates_own_clause_says_whether_it_looks_forward() {
    let pub_day = Some("2025-06-04"); // a Wednesday
    let (s, f) = facts(
        "Tamsin Mills said on Tuesday it had agreed to buy a bakery chain, a deal that would create 300 jobs.",
        pub_day,
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Tuesday")), "2025-06-03");
    let (s, f) = facts(
        "The board will meet on Tuesday to vote on the plan.",
        pub_day,
    );
    assert_eq!(day(fact(&s, &f, Kind::Date, "Tuesday")), "2025-06-10");
    // "should" and "must" look forward too.
    let (s, f) = facts(
        "Officials said a new director should be in post by March.",
        Some("2025-11-20"),
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "March")),
        "2026-03-01..2026-03-31"
    );
}

#[test]
fn what_a_measure_is_per_is_no_event() {
    // "per cent" tells how a change is measured, not what happened: the
    // price both reports close on meets, though only one writes "per cent".
    let a = (
        "Shares of the bakery chain jumped 24 per cent to $39.80 in early trading.",
        None,
    );
    let b = ("The bakery chain's stock rose 22% to $39.80.", None);
    assert_eq!(verdict(a, b, "$39.80", "$39.80"), Some(Verdict::Agree));
    let (s, f) = facts(a.0, a.1);
    let price = fact(&s, &f, Kind::Quantity, "$39.80");
    assert!(
        !price.events.iter().any(|e| e.as_str() == "cent"),
        "{:?}",
        price.events
    );
}

#[test]
fn a_rate_may_follow_what_a_sum_is_paid_in() {
    let (s, f) = facts(
        "Shareholders will receive $32 in cash for each share they own.",
        None,
    );
    let x = fact(&s, &f, Kind::Quantity, "$32");
    assert!(
        matches!(&x.value, Value::Quantity { unit: Some(u), .. } if u == "USD per share"),
        "{:?}",
        x.value
    );
    agrees_then_conflicts(
        ("The buyer will pay $31 a share, the companies said.", None),
        |v| format!("Holders will get {v} in cash for each share, the companies said."),
        None,
        "$31",
        ("$31", "$33"),
    );
}

#[test]
fn a_sentence_opening_noun_before_of_starts_a_name_only_if_written_so_mid_sentence() {
    let (s, f) = facts(
        "Shares of Tamsin rose 4% on Monday. Analysts said Tamsin had beaten forecasts.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(!names.iter().any(|n| n.starts_with("Shares")), "{names:?}");
    // Written so mid-sentence, it is the name's first word.
    let (s, f) = facts(
        "Friends of the Valley sued the county. The county said Friends of the Valley had no standing.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(names.contains(&"Friends of the Valley"), "{names:?}");
}

#[test]
fn one_reading_per_span() {
    // "No deaths" is both a denied noun and the deaths topic's noun: one
    // claim. (The verb it denies, "have been reported", is a claim of its
    // own, as "were reported" is.)
    for text in [
        "No deaths have been recorded in the outbreak.",
        "No deaths were recorded in the outbreak.",
    ] {
        let (s, f) = facts(text, None);
        let spans = texts(&s, &f, |x| x.kind == Kind::Claim);
        assert_eq!(
            spans.iter().filter(|t| **t == "No deaths").count(),
            1,
            "{spans:?}"
        );
        assert!(f.iter().all(|x| x.also.is_empty()), "cited twice");
    }
}

#[test]
fn what_a_possessive_owns_is_counted_not_named() {
    // A figure after a capitalised word names something ("Route 9"), but
    // not after a possessive: the figure counts what the name owns.
    let (s, f) = facts(
        "The race ends at Lisbon's 50,000-seat arena. Buses run on Route 9 all night.",
        None,
    );
    let q = texts(&s, &f, |x| x.kind == Kind::Quantity);
    assert_eq!(q, ["50,000-seat"]);
}

#[test]
fn a_noun_phrase_ruled_out_is_denied() {
    let (s, f) = facts(
        "Engineers ruled out a gas leak. Sabotage has been ruled out as well. \
         The yard had no lights or warning signs. Officials ruled out structural or water damage.",
        None,
    );
    let claims = texts(&s, &f, |x| x.kind == Kind::Claim);
    assert_eq!(
        claims,
        [
            "ruled out a gas leak",
            "Sabotage has been ruled out",
            "no lights",
            "ruled out structural or water damage",
        ]
    );
    // What each denies: the noun of its phrase (of the first phrase, when
    // two are joined; a lone word before "or" shares the last one's noun).
    let denied: Vec<_> = f
        .iter()
        .filter_map(|x| match &x.value {
            Value::Claim {
                predicate,
                negated: true,
                ..
            } => Some(predicate.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(denied, ["leak", "sabotage", "lights", "damage"]);
    // The active and the passive deny one thing.
    assert_eq!(
        verdict(
            ("Investigators ruled out engine failure in the crash.", None),
            ("Engine failure was ruled out, investigators said.", None),
            "ruled out",
            "ruled out",
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_part_of_the_day_is_no_event() {
    // "morning" beside two dates says when, not what happened: two events
    // each told "on … morning" are not one date.
    let a = (
        "The storm hit the coast on Tuesday, flooding hundreds of homes.\n\n\
         The governor will tour the damaged towns on Friday morning, her office said.",
        Some("2021-03-12"),
    );
    let b = (
        "A storm struck the coast on Tuesday, flooding hundreds of homes.\n\n\
         Cleanup crews began clearing roads on Thursday morning.",
        Some("2021-03-12"),
    );
    assert_eq!(verdict(a, b, "Friday", "Thursday"), None);
    assert_eq!(verdict(a, b, "Tuesday", "Tuesday"), Some(Verdict::Agree));
    let (s, f) = facts(
        "Rescuers reached the village late Sunday.",
        Some("2021-03-12"),
    );
    let sunday = fact(&s, &f, Kind::Date, "Sunday");
    assert!(!sunday.events.iter().any(|e| e.as_str() == "late"));
}

#[test]
fn a_distance_set_beside_a_place_is_that_places_distance() {
    let (s, f) = facts(
        "The tremor was felt in Valdoria, about 90 miles away. \
         Aid reached Port Esk, some 40km to the south-east, on foot.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "90 miles").head.as_deref(),
        Some("valdoria")
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "40km").head.as_deref(),
        Some("esk")
    );
    // The place's distance meets the other report's distance to the same
    // place, not a radius told in the same sentence.
    let a = (
        "The tremor shook the capital on Sunday. It was felt in Valdoria, about 60 miles away across the bay.",
        None,
    );
    let b = (
        "The quake shook windows up to 8km away and was heard in Valdoria, some 140km to the west.",
        None,
    );
    assert_eq!(verdict(a, b, "60 miles", "140km"), Some(Verdict::Conflict));
    assert_eq!(verdict(a, b, "60 miles", "8km"), None);
    // Measured from no name ("from the crash site"), the distance is the
    // place's beside it; from a name, it is from that name.
    let (s, f) = facts(
        "The injured were flown to Port Esk, about 90km from the crash site. \
         Marden lies in Ostrava, 40km from Valdoria.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "90km").head.as_deref(),
        Some("esk")
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "40km").head.as_deref(),
        Some("valdoria")
    );
    agrees_then_conflicts(
        (
            "The injured were taken to a hospital in Port Esk, 90 kilometers away.",
            None,
        ),
        |d| format!("Survivors are being treated in Port Esk, about {d} from the crash site."),
        None,
        "90 kilometers",
        ("90km", "150km"),
    );
}

#[test]
fn a_bare_figure_counts_only_what_its_sentence_names() {
    let a = (
        "The study enrolled 30,000 volunteers across five regions of the country.",
        None,
    );
    let b = (
        "The study enrolled some 30,000 volunteers. Of those, 120 were among volunteers given the placebo.",
        None,
    );
    assert_eq!(verdict(a, b, "five regions", "120"), None);
    // A bare figure still meets a count of what its own sentence names.
    let c = (
        "Officials said the flood destroyed 300 homes in the valley.",
        None,
    );
    let d = (
        "The flood destroyed 900 in the valley, counting homes and barns.",
        None,
    );
    assert_eq!(verdict(c, d, "300 homes", "900"), Some(Verdict::Conflict));
}

#[test]
fn a_verb_after_a_word_of_what_may_be_is_not_what_the_figure_did() {
    // People eligible to vote are not people who voted.
    let a = (
        "An estimated 2.1 million residents were eligible to vote. \
         Only 790,000 residents voted, officials said.",
        None,
    );
    let b = (
        "A total of 812,400 residents voted on Sunday, the commission said.",
        None,
    );
    assert_eq!(verdict(a, b, "2.1 million", "812,400"), None);
    assert_eq!(verdict(a, b, "790,000", "812,400"), Some(Verdict::Conflict));
    let (s, f) = facts("Some 4,000 workers are expected to strike next week.", None);
    let workers = fact(&s, &f, Kind::Quantity, "4,000");
    // (Event words are stemmed: "strike" is "strik".)
    assert!(
        workers
            .events
            .iter()
            .all(|e| !e.as_str().starts_with("strik"))
    );
    assert!(!workers.events.is_empty());
}

#[test]
fn an_earlier_sum_of_money_is_its_own_topic() {
    let (s, f) = facts(
        "Profit rose to $41 million, up from $12 million. The company expects \
         sales of $900 million, down from an earlier forecast of $1 billion.",
        None,
    );
    let earlier = texts(&s, &f, |x| x.topic.starts_with("earlier"));
    assert_eq!(earlier, ["$12 million", "$1 billion"]);
    let a = (
        "Profit rose to $41 million, up from $12 million, the company said.",
        None,
    );
    let b = (
        "Profit climbed to $44 million, up from $12 million a year earlier.",
        None,
    );
    assert_eq!(
        verdict(a, b, "$41 million", "$44 million"),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(a, b, "$12 million", "$12 million"),
        Some(Verdict::Agree)
    );
    assert_eq!(verdict(a, b, "$41 million", "$12 million"), None);
}

#[test]
fn a_figure_set_against_the_news_is_an_earlier_one() {
    // The 400 tonnes is the figure the new one replaces: its own topic, so
    // the 900 is the only current figure and meets the other report's.
    let b = "Engineers now put the spill at 900 tonnes a week, against an estimate \
             of 400 tonnes a week given by the port on Monday.";
    let (s, f) = facts(b, None);
    assert_eq!(
        texts(&s, &f, |x| x.topic.starts_with("earlier")),
        ["400 tonnes a week"]
    );
    let a = "The port said the tank was losing up to 400 tonnes a week into the bay.";
    assert_eq!(
        verdict((a, None), (b, None), "400 tonnes", "900 tonnes"),
        Some(Verdict::Conflict)
    );
}

/// A word of forecast after a figure is a noun when a word before it
/// qualifies it: "$12 billion for rail projects" is no forecast, while "the
/// two-thirds majority required" is still what is needed.
#[test]
fn a_forecast_word_qualified_after_a_figure_is_a_noun() {
    let (s, f) = facts(
        "The bill sets aside $12 billion for rail projects. \
         The motion fell short of the two-thirds majority required to pass.",
        None,
    );
    assert!(texts(&s, &f, |x| x.topic.starts_with("expected")).is_empty());
    assert_eq!(
        texts(&s, &f, |x| x.topic.starts_with("required")),
        ["two-thirds"]
    );
    agrees_then_conflicts(
        ("The bill sets aside $12 billion for rail projects.", None),
        |v| format!("The plan earmarks {v} for rail, officials said."),
        None,
        "$12 billion",
        ("$12 billion", "$15 billion"),
    );
}

#[test]
fn what_was_expected_or_needed_is_not_what_came() {
    let (s, f) = facts(
        "Revenue rose 5 percent to $8.4 billion. Analysts had expected revenue of $8.1 billion. \
         Turnout reached 24 percent, short of the 40 percent needed. \
         The deal is valid only if 60 percent of holders agree.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.topic.starts_with("expected")),
        ["$8.1 billion"]
    );
    assert_eq!(
        texts(&s, &f, |x| x.topic.starts_with("required")),
        ["40 percent", "60 percent"]
    );
    // The forecast meets the other report's forecast, the result its result.
    let a = (
        "Revenue rose 5 percent to $8.4 billion. Analysts had expected revenue of $8.1 billion.",
        None,
    );
    let b = (
        "Quarterly revenue climbed 5% to $8.4 billion, beating the $8.2 billion analysts had forecast.",
        None,
    );
    assert_eq!(
        verdict(a, b, "$8.4 billion", "$8.4 billion"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(a, b, "$8.1 billion", "$8.2 billion"),
        Some(Verdict::Conflict)
    );
    assert_eq!(verdict(a, b, "$8.1 billion", "$8.4 billion"), None);
}

#[test]
fn a_verb_whose_object_is_another_figure_tells_of_that_one() {
    let (s, f) = facts(
        "A bus carrying 212 people overturned on a mountain road on Monday, \
         killing at least 23 people, police said.",
        None,
    );
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "23 people"),
        "people-killed"
    );
    assert_ne!(
        rule_of(&s, &f, Kind::Quantity, "212 people"),
        "people-killed"
    );
    // Not past a conjunction: "unaccounted for and 400 residents" leaves
    // "unaccounted" to the figure before it.
    let (s, f) = facts(
        "Officials said 90 people had been injured, six people were still unaccounted for \
         and 400 residents had been moved.",
        None,
    );
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "six people"),
        "people-missing"
    );
}

#[test]
fn a_part_and_a_count_of_the_same_noun_by_the_same_verb_are_one_figure() {
    let a = (
        "A jury in Denver convicted the developer on nine of the 12 fraud counts on Tuesday.",
        None,
    );
    agrees_then_conflicts(
        a,
        |n| {
            format!(
                "The developer was convicted on {n} counts of fraud by a Denver jury on Tuesday."
            )
        },
        None,
        "nine of the 12",
        ("nine", "seven"),
    );
    // Not a count of other things by the same verb (see the operator's trains).
    assert_eq!(
        verdict(
            a,
            (
                "The developer was convicted on nine charges by a Denver jury on Tuesday.",
                None
            ),
            "nine of the 12",
            "nine charges"
        ),
        None
    );
}

#[test]
fn a_verb_across_a_clause_break_tells_of_the_figure_in_its_own_clause() {
    // "arrested" stands nearer the 12 than the 30, but the 30 were arrested;
    // the 12 were charged, in a clause of their own.
    let a = "Police said 30 people were arrested, and 12 have been charged with arson.";
    let (s, f) = facts(a, None);
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "30 people"),
        "people-arrested"
    );
    assert_ne!(rule_of(&s, &f, Kind::Quantity, "12"), "people-arrested");
    // So the 12 meets the part charged in another report, not the arrests.
    let b = "Thirty people were detained, and 15 of them have been charged with arson.";
    assert_eq!(
        verdict((a, None), (b, None), "12", "15 of them"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn distances_hold_past_the_first_65536_tokens_of_a_source() {
    // Token distances are differences of 16-bit prefix counts: a sentence
    // after 65,536 words reads as it does at the start, even where the count
    // of words before it passes 65,536 inside it (5,957 sentences of 11
    // words, then "Police said 30 people were arrested, and 12" is 7 more).
    let filler = "The river ran past the old mill under a grey sky.\n\n".repeat(5_957);
    let text = format!(
        "{filler}Police said 30 people were arrested, and 12 have been charged with arson."
    );
    let (s, f) = facts(&text, None);
    assert!(s.text.split_whitespace().count() > 65_536);
    assert_eq!(5_957 * 11 + 7, 65_534);
    assert_eq!(
        rule_of(&s, &f, Kind::Quantity, "30 people"),
        "people-arrested"
    );
    assert_ne!(rule_of(&s, &f, Kind::Quantity, "12"), "people-arrested");
}

#[test]
fn the_first_of_a_count_is_a_part_of_it_not_the_count() {
    // "the first 40 entries" is a stretch of the entries; the other
    // report's 300 is their count. Two such stretches still meet.
    let a = "Judges have read the first 40 entries to the poetry contest.";
    let b = "The poetry contest drew 300 entries this year.";
    assert_eq!(
        verdict((a, None), (b, None), "40 entries", "300 entries"),
        None
    );
    let c = "Judges have read the first 45 entries to the poetry contest.";
    assert_eq!(
        verdict((a, None), (c, None), "40 entries", "45 entries"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn next_is_never_what_a_figure_counts() {
    // "up to 2.1 billion next year" counts nothing named: "next" says when.
    let (s, f) = facts(
        "The plant can fill up to 90 million bottles this year and up to 2.1 billion next year.",
        None,
    );
    let heads = quantity_heads(&s, &f);
    assert_eq!(heads[1].0, "up to 2.1 billion");
    assert_ne!(heads[1].1.as_deref(), Some("next"));
}

/// A hyphenated compound modifies the noun after it: "six water-bombing
/// aircraft" counts aircraft, and meets "eight aircraft" as a conflict.
#[test]
fn a_hyphenated_modifier_is_not_what_a_figure_counts() {
    let (s, f) = facts(
        "Six water-bombing aircraft and three well-known guides joined the search.",
        None,
    );
    let heads = quantity_heads(&s, &f);
    assert_eq!(heads[0].0, "Six water-bombing aircraft");
    assert_eq!(heads[0].1.as_deref(), Some("aircraft"));
    assert!(
        heads[1].1.as_deref().is_some_and(|h| h.starts_with("guid")),
        "{heads:?}"
    );
    agrees_then_conflicts(
        (
            "Crews backed by six water-bombing aircraft fought the fire.",
            None,
        ),
        |n| format!("Crews backed by {n} aircraft fought the fire."),
        None,
        "six water-bombing aircraft",
        ("six", "eight"),
    );
}

#[test]
fn of_plural_looking_words_in_a_row_the_last_is_counted() {
    let (s, f) = facts(
        "Officials confirmed 154 mumps cases and sent 30 fire trucks.",
        None,
    );
    let heads = quantity_heads(&s, &f);
    // "cases" is counted: the figure reads as far, and is a case count.
    assert_eq!(heads[0].0, "154 mumps cases");
    assert_eq!(&*f[0].topic, "people sickened");
    assert!(
        heads[1]
            .1
            .as_deref()
            .is_some_and(|h| h.starts_with("truck"))
    );
}

#[test]
fn a_second_before_a_noun_ranks_it() {
    let (s, f) = facts(
        "A second unvaccinated child has died. It happened a second time. \
         The lights flickered for a second.",
        None,
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Duration), ["a second"]);
    let flicker = fact(&s, &f, Kind::Duration, "a second");
    assert!(s.text[..flicker.start].contains("flickered"));
}

#[test]
fn a_forecast_cue_reaches_across_its_clause() {
    let (s, f) = facts(
        "Officials expect the number of cases to rise to more than 200 by April.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.topic.starts_with("expected")),
        ["more than 200"]
    );
}

#[test]
fn a_silent_final_e_is_a_spelling_not_another_name() {
    let a = ("Dana Whitcombe, 61, pleaded guilty in May.", None);
    let b = ("Dana Whitcomb, the former treasurer, was sentenced.", None);
    assert_eq!(
        verdict(a, b, "Whitcombe", "Whitcomb"),
        Some(Verdict::Variant)
    );
    // A word and its derivative stay apart.
    let lex = &rules().lexicon;
    assert!(!concur::extract::name::token_match(lex, "korea", "korean"));
    assert!(concur::extract::name::token_match(lex, "browne", "brown"));
}

/// A plural on "-ies" is the word on "-y": "Harbor Ferries" and
/// "Harbor Ferry Co." are one company written two ways.
#[test]
fn a_plural_on_ies_is_a_spelling_of_the_word_on_y() {
    let a = (
        "The boat was run by Harbor Ferries, the inspectors said.",
        None,
    );
    let b = ("On Monday, Harbor Ferry Co. withdrew the boat.", None);
    assert_eq!(
        verdict(a, b, "Harbor Ferries", "Harbor Ferry"),
        Some(Verdict::Variant)
    );
    let lex = &rules().lexicon;
    assert!(concur::extract::name::token_match(lex, "ferries", "ferry"));
    assert!(!concur::extract::name::token_match(lex, "ties", "ty"));
}

/// A title before a given name says a person, whatever the surname: "Dr.
/// Ada Field of Brookvale University" names a person and a university,
/// though "field" is a common word.
#[test]
fn a_titled_person_of_a_place_is_two_names() {
    for text in [
        "Dr. Ada Field of Brookvale University led the trial.",
        "Professor Ada Field of the University of Brookvale led the trial.",
    ] {
        let (s, f) = facts(text, None);
        let names = texts(&s, &f, |x| x.kind == Kind::Name);
        assert_eq!(names.first(), Some(&"Ada Field"), "{names:?}");
        assert_eq!(names.len(), 2, "{names:?}");
    }
}

#[test]
fn what_is_left_of_a_name_must_still_be_one() {
    let (s, f) = facts(
        "Ex-treasurer jailed for fraud in Merrill Falls\n\n\
         The ex-treasurer was sentenced on Friday. Superior Court Judge Harold Ames ordered her to pay.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Name),
        ["Merrill Falls", "Harold Ames"]
    );
}

/// An article is no figure a word could be told of: "asked for a sentence
/// of nine years" tells the nine years' sentence, a prison term as "a
/// nine-year term" is.
#[test]
fn an_article_is_no_other_figure() {
    let (s, f) = facts("Prosecutors had asked for a sentence of nine years.", None);
    assert_eq!(rule_of(&s, &f, Kind::Duration, "nine years"), "prison-term");
    agrees_then_conflicts(
        ("Prosecutors had asked for a sentence of nine years.", None),
        |d| format!("The government had sought a {d} term for the former clerk."),
        None,
        "nine years",
        ("nine-year", "seven-year"),
    );
}

/// "Four of the victims" counts a part of a group the sentence names but
/// does not count: a figure all the same, a part as "four of them" is; and
/// "one of the region's busiest ports" counts nothing.
#[test]
fn a_part_of_an_uncounted_group_is_a_figure() {
    agrees_then_conflicts(
        ("Police said four of the victims died at the scene.", None),
        |n| format!("{n} of the victims died at the scene, police said on Monday."),
        None,
        "four of the victims",
        ("Four", "Three"),
    );
    let (s, f) = facts("The harbor is one of the region's busiest ports.", None);
    assert!(texts(&s, &f, |x| x.kind == Kind::Quantity).is_empty());
}

/// A word of how sure the teller is ("believed") is no event of a figure:
/// "believed 40 cabins had lost their roofs" lost the roofs, as "40 cabins
/// were left without a roof" did.
#[test]
fn a_word_of_belief_is_no_event() {
    agrees_then_conflicts(
        (
            "The ranger said she believed between 30 and 40 cabins had lost their roofs.",
            None,
        ),
        |v| format!("As many as {v} cabins were left without a roof, the ranger said."),
        None,
        "40 cabins",
        ("40", "20"),
    );
}

/// Last year is no earlier year early in this one: "revenue for the final
/// quarter of 2030" is the news of a report written in January 2031, and its
/// figures meet the other report's figures of the quarter.
#[test]
fn last_year_is_news_early_in_this_one() {
    agrees_then_conflicts(
        (
            "Acme said on Monday that fourth-quarter revenue fell 23% to $2.1 billion.",
            Some("2031-01-20"),
        ),
        |v| format!("Acme revenue for the final quarter of 2030 dropped {v} to $2.1 billion."),
        Some("2031-01-21"),
        "23%",
        ("23%", "31%"),
    );
    // Later in the year, last year's figures are background again.
    assert_eq!(
        verdict(
            (
                "Acme said on Monday that quarterly revenue fell 23% to $2.1 billion.",
                Some("2031-08-04"),
            ),
            (
                "Acme revenue for the final quarter of 2030 dropped 31% to $1.4 billion.",
                Some("2031-08-05"),
            ),
            "23%",
            "31%"
        ),
        None
    );
}

/// A phrase opening a sentence with a past form tells its subject in
/// passing: "Founded in 1994, Acme has 15,000 employees" counts today's
/// staff, not a figure of 1994, as "Acme, founded in 1994, employs" does.
#[test]
fn an_opening_past_form_phrase_is_an_aside() {
    agrees_then_conflicts(
        (
            "The firm, founded in 1994, employs roughly 15,000 people worldwide.",
            Some("2031-06-02"),
        ),
        |v| format!("Founded in 1994, the firm has about {v} employees."),
        Some("2031-06-03"),
        "15,000 people",
        ("15,000", "25,000"),
    );
}

/// Two bounds on one side, stated in other units, are one length when the
/// units make it: "within 30 days" is "within a month"; "up to three
/// weeks" is not "up to a month".
#[test]
fn bounds_in_other_units_are_one_length() {
    let a = |d: &str| format!("The inquiry will report within {d}, officials said.");
    let b = |d: &str| format!("Investigators are due to report within {d}.");
    assert_eq!(
        verdict(
            (&a("30 days"), None),
            (&b("a month"), None),
            "30 days",
            "a month"
        ),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(
            (&a("three weeks"), None),
            (&b("a month"), None),
            "three weeks",
            "a month"
        ),
        Some(Verdict::Conflict)
    );
}

/// A margin is one slot by how it is told, not by the noun it counts: each
/// report's only margin meets the other's, though nothing else in their
/// sentences is alike and both reports count votes and people elsewhere.
#[test]
fn each_reports_only_margin_is_the_others() {
    let a = "Okoro wins Harlow mayoral race by narrow margin\n\nHARLOW (Wire) - City councillor Grace Okoro was elected mayor of Harlow on Tuesday, defeating two-term incumbent Dale Pruitt by 1,214 votes, according to unofficial results.\n\nOkoro took 50.8 percent of the vote to Pruitt's 48.9 percent, with all 64 precincts reporting. Turnout was 41 percent, up from 36 percent four years ago.\n\nPruitt conceded shortly before midnight. Okoro, 52, will be sworn in on Jan. 2 and becomes the first woman to lead the city of 210,000 people.\n\nShe has promised to hire 150 more police officers and to freeze property taxes for two years.";
    let b = |v: &str| {
        format!(
            "Harlow elects Okoro as first female mayor\n\nGrace Okoro narrowly unseated Mayor Dale Pruitt in Tuesday's election, winning 50.6% of ballots cast against 49.1% for the incumbent, who had held the office since 2028.\n\nThe margin was {v} votes out of about 80,000 cast. Turnout reached 41%, according to the county elections office.\n\nOkoro, 51, a three-term city councillor, takes office on January 2. Pruitt called her just after 11:30 p.m. to concede.\n\nHer platform included adding 150 officers to the police force and a two-year freeze on property taxes in the city of roughly 210,000 residents."
        )
    };
    agrees_then_conflicts(
        (a, Some("2036-11-05")),
        b,
        Some("2036-11-05"),
        "1,214 votes",
        ("1,214", "1,124"),
    );
}

#[test]
fn a_term_has_one_length() {
    let (s, f) = facts(
        "The clerk was sentenced to seven years in prison for thefts from the council over nearly a decade.",
        None,
    );
    assert_eq!(
        rule_of(&s, &f, Kind::Duration, "seven years"),
        "prison-term"
    );
    assert_eq!(
        rule_of(&s, &f, Kind::Duration, "nearly a decade"),
        "duration"
    );
}

#[test]
fn a_stock_is_its_shares() {
    let a = (
        "Profit fell 38% in the quarter. Tamsin shares fell 6% to $41.20 in after-hours trading.",
        None,
    );
    let b = (
        "Quarterly profit dropped 36%. The stock slid 7% in extended trading, to $40.80.",
        None,
    );
    assert_eq!(verdict(a, b, "6%", "7%"), Some(Verdict::Conflict));
}

#[test]
fn a_score_after_a_team_is_a_score_and_an_attendance_a_crowd() {
    let (s, f) = facts(
        "Branston Rovers beat Kellford Athletic 3-1 on Sunday. The attendance was 41,212. \
         The airline flies the Boeing 737-8 on the route.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Quantity),
        ["3-1", "41,212"]
    );
    assert_eq!(rule_of(&s, &f, Kind::Quantity, "41,212"), "crowd-size");
    let a = (
        "Branston Rovers beat Kellford Athletic 3-1 on Sunday.",
        None,
    );
    let b = (
        "Branston Rovers beat Kellford Athletic 3-2 in Sunday's semi-final.",
        None,
    );
    assert_eq!(verdict(a, b, "3-1", "3-2"), Some(Verdict::Conflict));
}

#[test]
fn one_score_named_twice_is_one_fact() {
    let (s, f) = facts(
        "Rovers stun Athletic 3-1 to reach final\n\nBranston Rovers beat Kellford Athletic 3-1 on Sunday.",
        None,
    );
    let scores: Vec<&Fact> = f.iter().filter(|x| x.kind == Kind::Quantity).collect();
    assert_eq!(
        scores.len(),
        1,
        "{:?}",
        texts(&s, &f, |x| x.kind == Kind::Quantity)
    );
    assert_eq!(scores[0].also.len(), 1);
}

#[test]
fn a_count_of_its_customers_counts_customers() {
    let (s, f) = facts(
        "The outage disrupted services for some 14,000 of its customers. CTO Priya Raman apologized.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Quantity, "14,000").head.as_deref(),
        Some(
            concur::rules::RuleSet::builtin()
                .unwrap()
                .lexicon
                .lemma("customers")
                .as_str()
        )
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Name), ["Priya Raman"]);
}

#[test]
fn a_zone_spelt_out_closing_its_clause_is_a_zone() {
    let (s, f) = facts(
        "Systems were restored at 2:45 p.m. Eastern. Crews met at 4 p.m. Central Park was shut.",
        Some("2025-07-09"),
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Date),
        ["2:45 p.m. Eastern", "4 p.m."]
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Name), ["Central Park"]);
}

#[test]
fn figures_of_sentences_that_share_a_figure_are_likelier_one_slot() {
    // "nurses" twice in each report: the ward's staff and those hurt. The
    // staff counts share only their sentences' other figure, the ambulances
    // (aligned on their own); each sentence counts nurses once.
    let a = (
        "More than 300 nurses were assigned to the district, along with 12 ambulances and \
         two field kitchens. Four nurses suffered burns, and no patients were hurt.",
        Some("2031-05-12"),
    );
    let b = |n: &str| {
        format!(
            "Nearly {n} nurses are now working there, supported by 14 ambulances. \
             Five nurses have been treated for burns. No patients were hurt."
        )
    };
    agrees_then_conflicts(a, b, Some("2031-05-14"), "300 nurses", ("310", "500"));
}

#[test]
fn a_day_named_twice_dates_each_event_told_of_it() {
    // The first "Sunday" dates a meeting, the second the levee's failure:
    // one fact (one day), and the other report's date of the levee meets it
    // through the second mention's event word.
    let a = (
        "The county council met on Sunday to discuss the school budget and the new \
         library. Hours later the swollen river broke through the levee on Sunday, \
         forcing 40 families from their homes.",
        Some("2031-06-10"),
    );
    let b = |day: &str| {
        format!(
            "Repairs are under way after water poured over the levee on {day}, engineers \
             said. Crews will work through the week."
        )
    };
    agrees_then_conflicts(a, b, Some("2031-06-12"), "Sunday", ("June 8", "June 9"));
}

#[test]
fn a_verb_of_change_says_a_figure_moved_not_what_moved() {
    // "profit jumped 12 percent" shares "jumped" with "subscriptions …
    // jumped 40%", and nothing else: the profit's change is the "up 12%"
    // beside the profit.
    let a = (
        "Tolvane profit jumps 12%\n\nTolvane said on Tuesday that its quarterly profit \
         jumped 12 percent, helped by its streaming arm. Revenue climbed 5 percent to \
         $3.2 billion.",
        None,
    );
    let b = |share: &str| {
        format!(
            "Tolvane posts higher earnings\n\nTolvane reported quarterly profit of $410 \
             million, up {share}, as subscriptions to its streaming service jumped 40%. \
             Total revenue rose 5% to $3.2 billion, while its shares climbed 3% in late \
             trading."
        )
    };
    agrees_then_conflicts(a, b, None, "12 percent", ("12%", "15%"));
}

#[test]
fn a_verb_that_acts_on_nothing_is_said_of_its_subject() {
    // "have not slowed" acts on nothing: what has not slowed is the orders
    // for the tractor, and the other report's claim about the tractor meets it.
    let a = (
        "Orders for the tractor have not slowed, the company said on Monday. The plant \
         will add a second shift in March.",
        None,
    );
    let b = |claim: &str| {
        format!(
            "The company said that demand for its tractor {claim}. A second shift starts \
             at the plant in March."
        )
    };
    assert_eq!(
        verdict(a, (&b("has not slowed"), None), "not slowed", "not slowed"),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict(a, (&b("has slowed"), None), "not slowed", "slowed"),
        Some(Verdict::Conflict)
    );
}

#[test]
fn a_last_letter_is_spelt_as_any_other() {
    // "Salas" is no plural of "Sala": one letter apart from "Salaz", as
    // "Samos" is from "Sames". A people's name is another word ("Chilean").
    let pair = |a: &str, b: &str| {
        one_sentence_verdict(
            |x| format!("Defender {x} equalized late in the match."),
            a,
            b,
        )
    };
    assert_eq!(pair("Ruben Salas", "Ruben Salaz"), Some(Verdict::Variant));
    assert_eq!(pair("Dana Kesler", "Dana Kesles"), Some(Verdict::Variant));
    assert_eq!(pair("Ruben Salas", "Ruben Salas"), Some(Verdict::Agree));
    assert_eq!(
        verdict(
            ("The ferry reached Samos at dawn.", None),
            ("The ferry reached Sames at dawn.", None),
            "Samos",
            "Sames"
        ),
        Some(Verdict::Variant)
    );
    assert_eq!(pair("Ana Chile", "Ana Chilean"), None);
    // A last letter doubled is a spelling too, in short names as well.
    assert_eq!(pair("Tobias Wren", "Tobias Wrenn"), Some(Verdict::Variant));
    assert_eq!(pair("Lena Dun", "Lena Dunn"), Some(Verdict::Variant));
    assert_eq!(pair("Ana Korea", "Ana Korean"), None);
}

#[test]
fn a_span_of_years_is_one_date() {
    let (s, f) = facts(
        "The treasurer took the money between 2013 and 2022. The mill ran from 1950 to 1988, \
         and the line in 1990-1994.",
        None,
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "2013")),
        "2013-01-01..2022-12-31"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "1950")),
        "1950-01-01..1988-12-31"
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "1990")),
        "1990-01-01..1994-12-31"
    );
    // Two spans that start in different years differ, though both end in one.
    let a = (
        "Auditors said the treasurer took county money between 2013 and 2022.",
        None,
    );
    let b = |span: &str| format!("Auditors said the treasurer took county money from {span}.");
    agrees_then_conflicts(a, b, None, "2013", ("2013 to 2022", "2014 to 2022"));
}

#[test]
fn an_event_after_after_is_when_not_what() {
    // The release comes after the prison term: "prison term" there says
    // when, and the three years are no prison term.
    let (s, f) = facts(
        "She must spend three years on supervised release after her prison term. \
         She was sentenced to five years in prison.",
        None,
    );
    assert_eq!(rule_of(&s, &f, Kind::Duration, "three years"), "duration");
    assert_eq!(rule_of(&s, &f, Kind::Duration, "five years"), "prison-term");
}

#[test]
fn a_part_told_by_the_same_verb_as_a_count_may_be_it() {
    // "of them" names no noun: the verb after it is the clause's ("died"),
    // and the count the other report tells with that verb may be the part.
    let a = (
        "The researchers followed 9,400 nurses for 12 years. During that time, 310 \
         participants died of lung disease.",
        None,
    );
    let b = |n: &str| {
        format!(
            "The team tracked about 9,000 nurses for more than a decade. Some {n} of them \
             died of lung conditions over that period."
        )
    };
    agrees_then_conflicts(a, b, None, "310 participants", ("310", "130"));
    // A part of a total it names is not the total's count: "cancelled 1,850
    // of its 2,400 trains" never meets "its 2,400 daily services".
    assert_eq!(
        verdict(
            (
                "The operator cancelled about 80 percent of its 2,400 daily services.",
                None
            ),
            (
                "The operator cancelled 1,850 of its roughly 2,400 daily trains.",
                None
            ),
            "2,400 daily services",
            "1,850"
        ),
        None
    );
}

#[test]
fn an_adverb_of_a_rate_makes_a_rate() {
    let (s, f) = facts(
        "Members who swim 40 lengths daily or 3 hours weekly did best. The club has 900 members.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, .. } => unit.clone(),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("40 lengths").as_deref(), Some("per day"));
    assert_eq!(unit("900 members"), None);
    // Before the noun it qualifies, the word is no rate: "8% of its
    // weekly sales" is a share of sales.
    let (s, f) = facts("The chain gave 8% of its weekly sales to the fund.", None);
    assert!(matches!(
        &fact(&s, &f, Kind::Quantity, "8%").value,
        Value::Quantity { unit: Some(u), .. } if u == "percent"
    ));
    // An adjective before what a sum measures makes it a rate too: "annual
    // savings of $90 million" is "$90 million a year".
    agrees_then_conflicts(
        (
            "The merger will bring annual savings of $90 million, the lender said.",
            None,
        ),
        |v| format!("The merger will bring savings of {v} a year, the lender said."),
        None,
        "$90 million",
        ("$90 million", "$95 million"),
    );
    // A participle between the rate word and its noun qualifies the noun:
    // "per diluted share" is per share.
    let (s, f) = facts(
        "It earned $1.84 per diluted share and paid $9 per hour worked.",
        None,
    );
    let unit = |t: &str| match &fact(&s, &f, Kind::Quantity, t).value {
        Value::Quantity { unit, .. } => unit.clone(),
        v => panic!("{v:?}"),
    };
    assert_eq!(unit("$1.84").as_deref(), Some("USD per share"));
    assert_eq!(unit("$9").as_deref(), Some("USD per hour"));
    // "40 lengths daily" meets "40 lengths a day", not a total of lengths.
    assert_eq!(
        verdict(
            (
                "Members who swim 40 lengths daily did best, the club said.",
                None
            ),
            (
                "Members who swim 40 lengths a day did best, the club said.",
                None
            ),
            "40 lengths",
            "40 lengths"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_tally_is_one_figure_of_two() {
    // "by 212 votes to 187" is a tally, as "voted 212-185" is; "shortly"
    // after it counts nothing.
    let a = (
        "The council approved the budget early on Thursday by 212 votes to 187 after a \
         long debate.",
        None,
    );
    let b = |t: &str| format!("The council voted {t} shortly after midnight to pass the budget.");
    agrees_then_conflicts(a, b, None, "212 votes to 187", ("212-187", "212-185"));
    // "fell from 20 cases to 15" is a change, not a tally.
    let (s, f) = facts(
        "Weekly infections fell from 20 cases to 15 in the district.",
        None,
    );
    assert!(matches!(
        fact(&s, &f, Kind::Quantity, "20 cases").value,
        Value::Quantity { second: None, .. }
    ));
}

#[test]
fn the_word_after_a_dateline_opens_the_sentence() {
    // "Officials" after the dateline is a common word opening its sentence,
    // no name; a name there stays one.
    let (s, f) = facts(
        "PORTVILLE, Ruritania (Wire) — Officials said the pier would reopen on Friday.\n\n\
         CALDER — Mayor Ines Oduya opened the pier. Officials thanked her.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(!names.contains(&"Officials"), "{names:?}");
    assert!(names.contains(&"Ines Oduya"), "{names:?}");
}

#[test]
fn a_topic_claim_on_the_same_thing_is_one_claim() {
    // Two claims of one topic rule ("link established") that act on the same
    // thing ("barn") are one claim even when little else of their sentences
    // is shared, and each report has another claim of the rule.
    let (a, b) = (
        "Inspectors traced most of the illnesses at the county show to a petting barn. \
         Two children who fell sick after a school trip are not tied to the barn or the \
         show, the agency said.",
        "Genetic testing linked the petting barn to the outbreak. Health officials said \
         on Tuesday that a pair of siblings have not been linked to the barn.",
    );
    assert_eq!(
        verdict((a, None), (b, None), "not tied", "not been linked"),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_day_counted_from_another_dates_the_event_after_it() {
    // "on Wednesday, two days after the strike began": the strike began two
    // days before Wednesday.
    let a = (
        "The dock workers' strike began on Monday, the union said.",
        Some("2026-03-02"),
    );
    let b = |t: &str| format!("Ships queued off the port on Wednesday, {t} the strike began.");
    agrees_then_conflicts(
        a,
        b,
        Some("2026-03-05"),
        "Monday",
        ("two days after", "a day after"),
    );
    let (s, f) = facts(&b("a week before"), Some("2026-03-05"));
    assert_eq!(day(fact(&s, &f, Kind::Date, "a week before")), "2026-03-11");
    // Closing its clause, it dates nothing.
    let (s, f) = facts(
        "The storm passed on Monday. Two days after, the roads opened.",
        Some("2026-03-05"),
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Date), ["Monday"]);
}

#[test]
fn and_joins_a_name_of_common_words() {
    // "and" between capitalised common words is inside one name; between
    // names it joins two.
    let (s, f) = facts(
        "The Bureau of Rivers and Coastal Waters issued a warning. Officials from \
         Ruritania and Freedonia met, and Ana Ruiz and Tomas Berg spoke.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert!(
        names.contains(&"Bureau of Rivers and Coastal Waters"),
        "{names:?}"
    );
    for two in ["Ruritania", "Freedonia", "Ana Ruiz", "Tomas Berg"] {
        assert!(names.contains(&two), "{names:?}");
    }
    // Written without its "and" in another report, the name is a variant.
    assert_eq!(
        verdict(
            (
                "The Bureau of Rivers and Coastal Waters issued a flood warning.",
                None
            ),
            (
                "A flood warning came from the Bureau of Rivers Coastal Waters.",
                None
            ),
            "Bureau",
            "Bureau"
        ),
        Some(Verdict::Variant)
    );
}

#[test]
fn a_word_of_what_is_to_come_is_no_event_of_a_date() {
    // "due" and "scheduled" say when, not what: the vote is what both dates
    // date ("due to vote on May 20" / "a vote is scheduled for May 21").
    let a = (
        "Lawmakers are due to vote on the housing bill on May 20, the speaker said.",
        Some("2026-05-03"),
    );
    let b = |t: &str| format!("A parliamentary vote on the housing bill is scheduled for {t}.");
    agrees_then_conflicts(a, b, Some("2026-05-04"), "May 20", ("May 20", "May 21"));
    // Nor is a number word ("billion") or a conjunction ("unless") what
    // happened on a day.
    let (s, f) = facts(
        "The plan will save 4 billion euros by 2030. The union will strike on May 12 \
         unless the bill is withdrawn.",
        Some("2026-05-03"),
    );
    assert_eq!(&*fact(&s, &f, Kind::Date, "2030").topic, "date of save");
    assert_eq!(&*fact(&s, &f, Kind::Date, "May 12").topic, "date of strike");
}

#[test]
fn from_one_figure_to_another_after_a_verb_of_change() {
    // "raise the age from 62 to 65": 62 is what was, a topic of its own
    // beside what will be; "to 65 from 62" says the same.
    let a = (
        "The reform would raise the retirement age from 62 to 65 by 2030.",
        None,
    );
    let b = |t: &str| format!("The bill lifts the retirement age to {t} from 62 by 2030.");
    agrees_then_conflicts(a, b, None, "65", ("65", "67"));
    assert_eq!(
        verdict(a, (&b("67"), None), "62", "62"),
        Some(Verdict::Agree)
    );
    // Without a verb of change "from 5 to 10" is no earlier figure.
    let (s, f) = facts("Ticket prices go from 5 to 10 euros.", None);
    assert!(!fact(&s, &f, Kind::Quantity, "5").topic.contains("earlier"));
}

#[test]
fn markup_opening_a_line_is_no_part_of_its_sentence() {
    // A Markdown heading's first word opens its sentence ("Ferry" is a
    // common word the text writes in lower case too); a list number counts
    // nothing; each list item is a sentence of its own; a heading ends with
    // its line.
    let (s, f) = facts(
        "# Ferry sinks off Calder\n\
         Officials said the ferry sank on Friday.\n\n\
         ## Timeline\n\n\
         1. Rescuers reached the ferry on Saturday.\n\
         2. Officials said 40 people were saved\n\
         - Divers searched the hull\n\
         > Officials thanked the crews.\n",
        Some("2026-03-08"),
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert_eq!(names, ["Calder"]);
    let figures = texts(&s, &f, |x| x.kind == Kind::Quantity);
    assert_eq!(figures, ["40 people"]);
    let sentences = concur::segment::segment(&s, &rules().lexicon).sentences;
    let texts: Vec<&str> = sentences.iter().map(|x| &s.text[x.start..x.end]).collect();
    assert!(texts.contains(&"Ferry sinks off Calder"), "{texts:?}");
    assert!(
        texts.contains(&"Officials said 40 people were saved"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Divers searched the hull"), "{texts:?}");
}

#[test]
fn a_list_of_shares_meets_share_by_share() {
    // Several shares in one report: each meets the other report's share of
    // the same thing. "from 3.1 percent" after a verb of change is an
    // earlier figure; an aside between commas ("which leaves out fuel and
    // rent") stands neither between a share and its subject nor for it; "stood
    // at" and "lower" say where a figure stands, not what it is.
    let a = (
        "Prices in Calder rose 4.2 percent in May. Fuel prices climbed 6.1 percent, \
         while rent costs fell 1.3 percent. Underlying inflation, which leaves out fuel \
         and rent, slowed to 2.9 percent from 3.4 percent.",
        None,
    );
    let b = |fuel: &str, rent: &str, core: &str| {
        format!(
            "Inflation in Calder was 4.2% in May. Fuel inflation stood at {fuel}, and rent \
             prices were {rent} lower than a year ago. Underlying inflation, excluding \
             fuel and rent, fell to {core} from 3.4%."
        )
    };
    let same = b("6.1%", "1.3%", "2.9%");
    for (qa, qb) in [
        ("6.1 percent", "6.1%"),
        ("1.3 percent", "1.3%"),
        ("2.9 percent", "2.9%"),
        ("3.4 percent", "3.4%"),
    ] {
        assert_eq!(
            verdict(a, (&same, None), qa, qb),
            Some(Verdict::Agree),
            "{qa}"
        );
    }
    let changed = b("6.5%", "1.0%", "2.7%");
    for (qa, qb) in [
        ("6.1 percent", "6.5%"),
        ("1.3 percent", "1.0%"),
        ("2.9 percent", "2.7%"),
    ] {
        assert_eq!(
            verdict(a, (&changed, None), qa, qb),
            Some(Verdict::Conflict),
            "{qa}"
        );
    }
}

#[test]
fn an_uncommon_word_that_opens_sentences_again_and_again_is_a_name() {
    // "Velltra" only ever opens sentences, but it is no common English word
    // and the source writes it twice: a name. "Forecasters" once, or a
    // dateline in capitals, is not.
    let (s, f) = facts(
        "CALDER — Velltra sold 61 million phones last year. Forecasters expect \
         more. Velltra stock fell 2% on Tuesday.",
        None,
    );
    let names = texts(&s, &f, |x| x.kind == Kind::Name);
    assert_eq!(names, ["Velltra"]);
}

#[test]
fn data_sizes_as_much_as_and_a_move_by_an_amount() {
    // "256GB" is "256 gigabytes"; "as much as 28 hours" is a bound, as "up
    // to 30 hours" is, so the two bounds conflict.
    let a = (
        "The tablet ships with 256 gigabytes of storage and a battery that lasts up \
         to 30 hours.",
        None,
    );
    let b = |t: &str| {
        format!("Storage starts at {t}, and the battery is rated for as much as 28 hours.")
    };
    agrees_then_conflicts(a, b, None, "256 gigabytes", ("256GB", "512GB"));
    assert_eq!(
        verdict(a, (&b("256GB"), None), "up to 30 hours", "28 hours"),
        Some(Verdict::Conflict)
    );
    // "raised the price by $100 to $899": $100 is how much it moved, never
    // a range "$100 to $899" nor a price to meet the other report's.
    let a = ("The maker raised the tablet's price by $100 to $899.", None);
    let b = |t: &str| format!("The tablet now costs {t}, up from $799.");
    agrees_then_conflicts(a, b, None, "$899", ("$899", "$949"));
    let (s, f) = facts(a.0, None);
    assert_eq!(&*fact(&s, &f, Kind::Quantity, "$100").topic, "more USD");
}

#[test]
fn a_whole_made_of_parts_does_not_make_a_total_less_alone() {
    // "The 204 passengers and eight crew" is also 212 people, but it restates
    // its parts: the report's "212 people" is still its only count of people,
    // and meets the other report's.
    let a = (
        "A ferry carrying 212 people ran aground near Calder harbour on Friday after \
         its steering failed in a storm.",
        None,
    );
    let b = |t: &str| {
        format!(
            "Investigators on Saturday began examining the hull of the ferry, which had \
             turned back with {t} people on board. The 204 passengers and eight crew waded \
             ashore."
        )
    };
    agrees_then_conflicts(a, b, None, "212 people", ("212", "230"));
}

/// But a whole made of parts that its report states no other count of is
/// that report's count: "141 passengers and seven crew on board" meets
/// "carrying 148 people".
#[test]
fn a_whole_made_of_parts_is_its_reports_only_count() {
    let a = (
        "A passenger jet carrying 148 people skidded off a wet runway on Monday.",
        None,
    );
    let b = |t: &str| {
        format!(
            "The plane, with 141 passengers and {t} crew on board, skidded off the runway on Monday."
        )
    };
    agrees_then_conflicts(a, b, None, "148 people", ("seven", "nine"));
}

/// An age written in words is an age ("a six-year-old ferry"), and "N years
/// old" after a verb is the age of the subject before it: "the ferry, which
/// is seven years old" is the ferry's.
#[test]
fn an_age_in_words_and_after_its_subject() {
    let (s, f) = facts(
        "The ferry, which is seven years old, passed an inspection.",
        None,
    );
    assert_eq!(
        fact(&s, &f, Kind::Age, "seven years old").head.as_deref(),
        Some("ferry")
    );
    agrees_then_conflicts(
        (
            "The ferry, which is seven years old, passed an inspection in April.",
            None,
        ),
        |a| format!("The {a}-year-old ferry had passed an inspection in April."),
        None,
        "seven years old",
        ("seven", "six"),
    );
}

/// "Aged 60 and over", "adults 65 and older", "12 and under": an open bound
/// on the ages of those named, which agrees with "over 60" and not with
/// "under 50".
#[test]
fn an_age_and_over_is_an_open_bound() {
    let (s, f) = facts("The trial enrolled adults 65 and older.", None);
    assert_eq!(
        range(fact(&s, &f, Kind::Age, "65 and older")),
        (65.0, 65.0, 120.0)
    );
    let a = ("The study followed patients over 60 for five years.", None);
    for (b, want) in [
        ("Patients aged 60 and over were followed.", Verdict::Agree),
        (
            "Patients aged 50 and under were followed.",
            Verdict::Conflict,
        ),
    ] {
        assert_eq!(verdict(a, (b, None), "over 60", "and"), Some(want), "{b}");
    }
}

#[test]
fn died_at_and_she_was_give_an_age() {
    // "dies at 84" and "She was 84." closing its sentence are ages (of a
    // person), as "aged 85" is; "the number of dead at 37" is a count and
    // "died at 5 p.m." a time.
    let a = (
        "Ana Vell, singer, dies at 84\n\nAna Vell died on Tuesday in Calder. She was 84.",
        Some("2026-02-12"),
    );
    let b = |t: &str| format!("Ana Vell, who sang for six decades, has died aged {t}.");
    agrees_then_conflicts(a, b, Some("2026-02-13"), "84", ("84", "85"));
    let (s, f) = facts(
        "Officials put the number of dead at 37. The singer died at 5 p.m.",
        None,
    );
    assert!(
        f.iter().all(|x| x.kind != Kind::Age),
        "{:?}",
        texts(&s, &f, |_| true)
    );
}

/// Names are read over the whole source and finished a stretch of sentences
/// at a time (to bound memory): across many stretches, each name named twice
/// far apart is still one fact, at its first mention, none lost or doubled,
/// and the facts stay in text order.
#[test]
fn a_name_named_again_far_on_in_a_long_source_is_one_fact() {
    let first = ["Vor", "Kel", "Bran", "Tes", "Mol", "Dar", "Quin", "Fen"];
    let second = ["na", "ro", "sa", "vi", "lo", "de"];
    let last = ["brit", "vane", "hollow", "marsh", "stead", "combe"];
    let mut names = Vec::new();
    for a in first {
        for b in second {
            for c in last {
                for d in ["Ash", "Oak", "Elm", "Yew", "Fir"] {
                    names.push(format!("{a}{b} {d}{c}"));
                }
            }
        }
    }
    assert!(names.len() > 1400);
    let mut text = String::new();
    for n in &names {
        text.push_str(&format!("The council heard from {n} about the plan.\n\n"));
    }
    for n in &names {
        text.push_str(&format!("The board later thanked {n} for the work.\n\n"));
    }
    let again = text.find("The board").unwrap();
    let (s, fs) = facts(&text, None);
    let read: Vec<&Fact> = fs.iter().filter(|f| f.kind == Kind::Name).collect();
    assert_eq!(read.len(), names.len());
    for (f, n) in read.iter().zip(&names) {
        assert_eq!(&s.text[f.start..f.end], n.as_str());
        assert!(f.start < again, "{n} at its first mention");
    }
    assert!(fs.windows(2).all(|w| w[0].start <= w[1].start));
}

/// A common noun that names a person, before a given name or a word that is
/// no common word, is a title and no part of the name: "Councilwoman Rita
/// Hale" is "Rita Hale", as "Executive Dana Moss" is "Dana Moss". Closed
/// compounds of a common word and a person noun ("councilwoman",
/// "assemblyman") name persons too. A name of common words keeps its first
/// word ("Pilgrim Baptist Church").
#[test]
fn a_person_noun_before_a_name_is_a_title() {
    let a = (
        "Councilwoman Rita Hale won the race for mayor of Dunvale on Tuesday.",
        Some("2026-11-04"),
    );
    let b = |n: &str| format!("{n} was elected mayor of Dunvale on Tuesday.");
    assert_eq!(
        verdict(
            a,
            (&b("Rita Hale"), Some("2026-11-05")),
            "Rita Hale",
            "Rita Hale"
        ),
        Some(Verdict::Agree)
    );
    let (s, f) = facts(
        "Assemblyman Oskar Brandvik spoke. Executive Dana Moss left. Pastor Nkem Adeyemi prayed. \
         They met at Pilgrim Baptist Church.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Name),
        [
            "Oskar Brandvik",
            "Dana Moss",
            "Nkem Adeyemi",
            "Pilgrim Baptist Church"
        ]
    );
}

/// An age's noun is the first of the words after it that names a person,
/// not the last: a verb and its object may follow ("the 47-year-old
/// councilwoman takes office"), and "Hale, 47," is the same person's age.
#[test]
fn an_age_belongs_to_the_person_noun_after_it() {
    let a = (
        "Rita Hale, 47, won the race for mayor of Dunvale.",
        Some("2026-11-04"),
    );
    let b = |t: &str| {
        format!(
            "The {t}-year-old councilwoman takes office in Dunvale in January, after winning the race for mayor."
        )
    };
    agrees_then_conflicts(a, b, Some("2026-11-05"), "47", ("47", "52"));
    let (_, f) = facts(
        "The 47-year-old councilwoman takes office in January.",
        None,
    );
    let age = f.iter().find(|x| x.kind == Kind::Age).expect("an age");
    assert_eq!(age.head.as_deref(), Some("councilwoman"));
}

/// Ages told beside names are those people's: each meets the age of the
/// same surname in the other report, never another person's.
#[test]
fn an_age_beside_a_name_is_that_persons() {
    let a = (
        "Ines Marek, 41, and her passenger, Tomas Reyes, 38, were hurt when the van left the road.",
        None,
    );
    let b = |t: &str| {
        format!(
            "Mr Reyes, {t}, and the driver, Ms Marek, 41, were hurt when the van left the road."
        )
    };
    agrees_then_conflicts(a, b, None, "38", ("38", "39"));
    assert_eq!(
        verdict(a, (&b("39"), None), "41", "41"),
        Some(Verdict::Agree)
    );
    // However each report describes the person: "Okafor, a 52-year-old
    // former nurse" and "Okafor, 52,".
    agrees_then_conflicts(
        (
            "Ruth Okafor, a 52-year-old former school principal, won 51 percent of the vote on Sunday.",
            None,
        ),
        |v| format!("Okafor, {v}, finished about 900 votes ahead of the mayor."),
        None,
        "52-year-old",
        ("52", "53"),
    );
}

/// A figure whose own word is its topic's ("37 missing") is as much about
/// the topic as one with the word beside it ("29 people remain missing"):
/// the two are one slot, and a changed count is a conflict (with a vague
/// count of the topic in the first report's headline, so the figure is not
/// the only one of it the second's could be).
#[test]
fn a_figure_whose_own_word_is_the_topic_meets_one_beside_it() {
    let a = (
        "Floods kill 14 in hill towns; dozens missing\n\n\
         Flash floods tore through three hill towns overnight Monday, killing at least 14 people \
         and leaving 37 missing, the regional agency said on Tuesday.",
        Some("2026-07-08"),
    );
    let b = |t: &str| {
        format!(
            "The number of people killed by flash floods in the hills rose to 19 on Wednesday, \
             officials said, as searchers found more bodies downstream. {t} people remain missing."
        )
    };
    agrees_then_conflicts(a, b, Some("2026-07-09"), "37", ("37", "29"));
}

/// "Mayor Ana Ruiz of Dunvale" names a person and a town: a connector after a
/// person's name (a given name, then a last word that is no common word)
/// joins nothing, while "Friends of the Earth" stays one name.
#[test]
fn of_after_a_persons_name_joins_no_place_to_it() {
    let (s, f) = facts(
        "The plan was backed by Mayor Lucia Ferrand of Dunvale and by Friends of the Earth.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Name),
        ["Lucia Ferrand", "Dunvale", "Friends of the Earth"]
    );
}

/// A date right after a verb of change ("the toll rose to 19 on Wednesday")
/// dates the change of a figure, a slot of its own as "said Wednesday" is:
/// it never meets the date of the event itself in another report (two
/// reports' "the river rose on Monday" still meet).
#[test]
fn a_date_of_a_change_is_not_the_date_of_the_event() {
    let a = (
        "Floods swept through three valley towns overnight Monday, killing at least 14 people.",
        Some("2026-07-08"),
    );
    let b = (
        "The number of people killed by floods in three valley towns rose to 19 on Wednesday.",
        Some("2026-07-09"),
    );
    assert_eq!(verdict(a, b, "Monday", "Wednesday"), None);
    // An adverb between the verb and the figure changes nothing.
    let b = (
        "The number of people killed by floods in three valley towns rose steeply to 19 on \
         Wednesday.",
        Some("2026-07-09"),
    );
    assert_eq!(verdict(a, b, "Monday", "Wednesday"), None);
    // A date right after a verb of its own dates that verb, though a verb
    // of change follows: "the quarter ended May 31 dropped 6%".
    let a = "Revenue for the quarter ended May 31 was $2.31 billion, down 6%.";
    for (day, want) in [("May 31", Verdict::Agree), ("June 30", Verdict::Conflict)] {
        let b = format!("Revenue for the quarter ended {day} dropped 6% to $2.31 billion.");
        assert_eq!(
            verdict((a, None), (&b, None), "May 31", day),
            Some(want),
            "{b}"
        );
    }
}

/// A comparative or superlative before a counted noun describes it: "12
/// older aircraft" counts aircraft, "the five largest banks" banks, "4
/// bigger trucks" trucks.
#[test]
fn a_graded_adjective_is_not_the_counted_noun() {
    let (s, f) = facts(
        "The airline will retire 12 older aircraft. The five largest banks agreed. They bought 4 bigger trucks.",
        None,
    );
    assert_eq!(
        quantity_heads(&s, &f),
        [
            ("12 older aircraft", Some("aircraft".to_string())),
            ("five largest banks", Some("bank".to_string())),
            ("4 bigger trucks", Some("truck".to_string())),
        ]
    );
}

/// "lost $212 million" and "a net loss of $212 million" tell one loss: the
/// verb and the noun are one word to alignment, so a changed figure is a
/// conflict.
#[test]
fn a_loss_and_lost_are_one_word() {
    let a = (
        "Northgate Rail cuts jobs after loss\n\n\
         The operator lost $212 million in the three months to December, compared with a profit \
         of $45 million a year earlier.",
        Some("2026-02-18"),
    );
    let b = |t: &str| {
        format!(
            "Northgate Rail plans layoffs\n\nNorthgate Rail will cut staff, the company said, as it \
             swung to a fourth-quarter net loss of ${t} million."
        )
    };
    agrees_then_conflicts(a, b, Some("2026-02-17"), "$212 million", ("212", "251"));
}

/// A range never runs downwards: "voted 27 to 12" is a tally, as "voting
/// 27-12" is, and the two meet; "27 to 30 homes" stays a range.
#[test]
fn a_figure_to_a_smaller_one_is_a_tally() {
    let a = (
        "The state Senate on Wednesday approved the water plan, voting 27-12 after a long debate.",
        Some("2026-05-14"),
    );
    let b = |t: &str| format!("Senators voted {t} on Wednesday to pass the water plan.");
    agrees_then_conflicts(a, b, Some("2026-05-13"), "27-12", ("27 to 12", "26 to 13"));
    let (s, f) = facts("Crews saved 27 to 30 homes. The board voted 5 to 4.", None);
    let read: Vec<(&str, Option<f64>)> = f
        .iter()
        .filter(|x| x.kind == Kind::Quantity)
        .map(|x| match &x.value {
            Value::Quantity { second, .. } => (&s.text[x.start..x.end], *second),
            v => panic!("not a figure: {v:?}"),
        })
        .collect();
    assert_eq!(read, [("27 to 30 homes", None), ("5 to 4", Some(4.0))]);
}

/// A part of one unit is a measure: "half a mile" is about 805 metres, "a
/// quarter of a mile" a length, not a share of 25 percent, and "half an
/// hour" a length of time, not a rate as "$2 an hour" is.
#[test]
fn half_a_unit_is_a_measure() {
    let a = (
        "The ferry struck rocks in thick fog about 800 metres from the harbour.",
        None,
    );
    let b = |t: &str| format!("The ferry struck rocks in thick fog roughly {t} from the harbour.");
    agrees_then_conflicts(a, b, None, "800 metres", ("half a mile", "two miles"));
    let (s, f) = facts(
        "It sank a quarter of a mile away. He waited half an hour. It costs $2 an hour.",
        None,
    );
    let quarter = fact(&s, &f, Kind::Quantity, "a quarter of a mile");
    assert!(
        matches!(&quarter.value, Value::Quantity { unit: Some(u), .. } if u == "length"),
        "{:?}",
        quarter.value
    );
    assert_eq!(
        range(fact(&s, &f, Kind::Duration, "half an hour")).0,
        1800.0
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Duration),
        ["half an hour"]
    );
}

/// "By Tuesday evening" after a count is when the report counted, not when
/// something happened: two reports written a day apart count by different
/// days, and those days do not conflict. Written the same day, they are
/// one time and still meet; a thing done by a day, with no count, is an
/// event's day; a day after "by" still to come is a deadline, and two
/// deadlines still conflict.
#[test]
fn a_count_by_its_report_day_is_no_event_date() {
    let count = |n: &str, day: &str| {
        format!("The flood had cut power to {n} homes in Ardley by {day}, the utility said.")
    };
    let done = "The utility had restored power in Ardley by Tuesday evening.";
    let deadline =
        |day: &str| format!("Residents of Ardley must leave their homes by {day}, the mayor said.");
    // (first report and its day, second report and its day, the days' words, verdict)
    let cases = [
        (
            (count("9,000", "Tuesday evening"), "2031-03-12"),
            (count("12,000", "Wednesday morning"), "2031-03-13"),
            ("Tuesday", "Wednesday"),
            None,
        ),
        (
            (count("9,000", "Tuesday evening"), "2031-03-12"),
            (count("12,000", "Tuesday night"), "2031-03-12"),
            ("Tuesday", "Tuesday"),
            Some(Verdict::Agree),
        ),
        // Done by a day is no count: two reports of different days still meet.
        (
            (done.to_string(), "2031-03-12"),
            (done.to_string(), "2031-03-11"),
            ("Tuesday", "Tuesday"),
            Some(Verdict::Agree),
        ),
        (
            (deadline("Friday"), "2031-03-12"),
            (deadline("Saturday"), "2031-03-13"),
            ("Friday", "Saturday"),
            Some(Verdict::Conflict),
        ),
    ];
    for ((a, pa), (b, pb), (qa, qb), expected) in cases {
        assert_eq!(
            verdict((&a, Some(pa)), (&b, Some(pb)), qa, qb),
            expected,
            "{a} / {b}"
        );
    }
}

/// A part of one unit is told as precisely as the part: "half an hour" is
/// 30 minutes give or take a few, so it meets "30 minutes" and "35 minutes"
/// but not "20 minutes"; "an hour" still stands for 45 to 75 minutes.
#[test]
fn half_an_hour_is_about_thirty_minutes() {
    let a = (
        "The parade was held up by half an hour because of a burst pipe.",
        None,
    );
    let b = |t: &str| format!("A burst pipe held up the parade by {t}.");
    agrees_then_conflicts(a, b, None, "half an hour", ("30 minutes", "20 minutes"));
    agrees_then_conflicts(a, b, None, "half an hour", ("35 minutes", "45 minutes"));
    let (s, f) = facts("The vote was held up for an hour.", None);
    let (_, low, high) = range(fact(&s, &f, Kind::Duration, "an hour"));
    assert_eq!((low, high), (2700.0, 4500.0));
    let (s, f) = facts("The vote was held up for half an hour.", None);
    let (_, low, high) = range(fact(&s, &f, Kind::Duration, "half an hour"));
    assert!(low > 1200.0 && high < 2400.0, "{low}..{high}");
}

/// "212 passengers and crew" counts everyone aboard, as "212 people" does:
/// one count of a role and the rest is of people in all, while "188
/// passengers and 24 crew" stays two counts and their whole.
#[test]
fn a_role_and_the_rest_in_one_count_is_everyone() {
    let a = (
        "A ferry carrying 212 people ran aground off the island early on Sunday.",
        Some("2026-09-21"),
    );
    let b = |t: &str| {
        format!("The ferry hit rocks near the island with {t} passengers and crew on board.")
    };
    agrees_then_conflicts(a, b, Some("2026-09-22"), "212 people", ("212", "221"));
    let (s, f) = facts("It carried 188 passengers and 24 crew.", None);
    assert_eq!(
        quantity_heads(&s, &f),
        [
            ("188 passengers", Some("passenger".to_string())),
            ("188 passengers and 24 crew", Some("person".to_string())),
            ("24 crew", Some("crew".to_string())),
        ]
    );
}

/// A whole number of three or more significant digits ending in zeros is
/// rounded to its last one: "31,400 fans" agrees with "a crowd of 31,402",
/// while "31,500" does not; "1,200" and "1,250" say too little to round.
#[test]
fn a_figure_ending_in_zeros_stands_for_what_rounds_to_it() {
    let a = ("A crowd of 31,402 watched the final at Quayside.", None);
    let b = |t: &str| format!("The final at Quayside was watched by {t} fans.");
    agrees_then_conflicts(a, b, None, "31,402", ("31,400", "31,500"));
    assert_eq!(
        one_sentence_verdict(|t| format!("The firm will cut {t} jobs."), "1,200", "1,250"),
        Some(Verdict::Conflict)
    );
}

/// A score counts no noun: "a 2-1 home win" and "beat them 2-1" are one
/// score, and "a 27-12 vote" is a score too.
#[test]
fn the_word_after_a_score_is_not_what_it_counts() {
    let a = (
        "Harbour City beat Ashford Rovers 2-1 on Saturday with a late goal.",
        Some("2026-04-12"),
    );
    let b = |t: &str| {
        format!("A late goal gave Harbour City a {t} home win over Ashford Rovers on Saturday.")
    };
    agrees_then_conflicts(a, b, Some("2026-04-12"), "2-1", ("2-1", "3-1"));
}

/// A range of ages is one age fact: "aged 40 to 79" and "between 40 and 79
/// years old" agree, and neither end is read alone (as "aged 40", or "79" a
/// count of the countries after it).
#[test]
fn a_range_of_ages_is_one_age() {
    let a = (
        "Researchers followed 38,214 adults aged 40 to 79 in three countries.",
        None,
    );
    let b = |t: &str| format!("The study tracked adults between {t} years old in three countries.");
    agrees_then_conflicts(a, b, None, "40 to 79", ("40 and 79", "18 and 35"));
    let (s, f) = facts("Patients aged 18-65 took part.", None);
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Age), ["18-65"]);
    assert_eq!(range(fact(&s, &f, Kind::Age, "18-65")), (18.0, 18.0, 65.0));
}

/// Two uncommon words in mixed case before "of" are a person's name too:
/// "led by Nkem Adeyemi of Linden University" names a person and a
/// university, while "Linden University of Ohio" stays one name.
#[test]
fn of_after_two_uncommon_words_joins_no_place() {
    let (s, f) = facts(
        "The research was led by Nkem Adeyemi of Linden University. Staff at Kessler University of Ohio agreed.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Name),
        [
            "Nkem Adeyemi",
            "Linden University",
            "Kessler University of Ohio"
        ]
    );
}

/// A company's legal form is no part of its name: "Brightmart Inc." and
/// "Brightmart" agree (one name, no variant), as "Brightmart Corp." and
/// "Brightmart Corporation" do.
#[test]
fn a_legal_form_is_no_part_of_a_name() {
    let b = (
        "Discount chain Brightmart disclosed the breach on Tuesday.",
        Some("2026-06-09"),
    );
    let a = |n: &str| {
        (
            format!("{n} said on Tuesday that hackers had accessed customer data."),
            Some("2026-06-10"),
        )
    };
    let inc = a("Brightmart Inc.");
    assert_eq!(
        verdict((&inc.0, inc.1), b, "Brightmart", "Brightmart"),
        Some(Verdict::Agree)
    );
    let corp = a("Brightmart Corp.");
    let b = (
        "Discount chain Brightmart Corporation disclosed the breach on Tuesday.",
        Some("2026-06-09"),
    );
    assert_eq!(
        verdict((&corp.0, corp.1), b, "Brightmart", "Brightmart"),
        Some(Verdict::Agree)
    );
}

/// A sentence (or headline) opening with a noun for a person that is no
/// given name, before a name, gives the name's role: "Retailer Brightmart
/// says" names Brightmart, while "Matt Ortega said" keeps its given name.
#[test]
fn an_opening_noun_for_a_person_is_a_role_not_a_name() {
    let (s, f) = facts(
        "Retailer Brightmart said hackers took the data.\n\nMatt Ortega said the data was safe.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Name),
        ["Brightmart", "Matt Ortega"]
    );
}

/// A date that closes an aside ("Cato, who had declared an emergency on
/// Saturday, said …") dates the aside, not the saying: it meets "declared a
/// state of emergency on Saturday" in another report.
#[test]
fn a_date_closing_an_aside_is_not_when_something_was_said() {
    let a = (
        "Governor Ellen Cato declared a state of emergency on Saturday and ordered evacuations.",
        Some("2026-09-15"),
    );
    let b = (
        "Gov. Ellen Cato, who had declared an emergency on Saturday, said 16 parishes had been evacuated.",
        Some("2026-09-16"),
    );
    assert_eq!(verdict(a, b, "Saturday", "Saturday"), Some(Verdict::Agree));
}

/// A one-word name that is no common word is the longer name with a common
/// word before it ("Hurricane Dalia" / "Dalia"), but not a place after a
/// connector ("University of Oregon" is not "Oregon").
#[test]
fn a_common_word_before_a_one_word_name_is_its_kind() {
    let a = (
        "Hurricane Dalia made landfall near Port Lavelle on Monday, officials said.",
        Some("2026-09-15"),
    );
    let b = (
        "Forecasters said Dalia came ashore near Port Lavelle before dawn on Monday.",
        Some("2026-09-16"),
    );
    assert_eq!(verdict(a, b, "Dalia", "Dalia"), Some(Verdict::Agree));
    let a = (
        "Researchers at the University of Oregon led the work, officials said.",
        None,
    );
    let b = ("Researchers in Oregon led the work, officials said.", None);
    assert_eq!(verdict(a, b, "University of Oregon", "Oregon"), None);
}

/// A figure in a relative clause set off by commas ("Velmar, which employs
/// 350 people, said") is told in passing: it is no report's only or first
/// count of its kind, so the evacuation counts meet ("about 2,000 residents"
/// / "some 1,800 people"), not the staff count and the evacuees.
#[test]
fn a_figure_in_a_relative_aside_is_told_in_passing() {
    let a = (
        "A fire at the Velmar plant forced about 2,000 residents from their homes on Tuesday night.\n\n\
         Velmar, which employs 350 people at the site, said it was investigating.",
        Some("2026-03-04"),
    );
    let b = (
        "A fire at the Velmar plant late Tuesday forced some 1,800 people to leave their homes.",
        Some("2026-03-04"),
    );
    assert_eq!(verdict(a, b, "350", "1,800"), None);
    assert_eq!(verdict(a, b, "2,000", "1,800"), Some(Verdict::Conflict));
}

#[test]
fn a_date_closing_a_relative_clause_dates_its_verb() {
    // "rose" after the date is the main clause's verb: the date is the
    // flood's, not the day the toll rose.
    let a = (
        "Floodwater swept through the Tarn valley on May 3, destroying two bridges.",
        Some("2031-05-09"),
    );
    let b = |day: &str| {
        (
            format!(
                "The toll from the flood that swept through the Tarn valley on {day} rose to 40 \
                 on Friday, officials said."
            ),
            Some("2031-05-10"),
        )
    };
    let (text, published) = b("May 3");
    assert_eq!(
        verdict(a, (&text, published), "May 3", "May 3"),
        Some(Verdict::Agree)
    );
    let (text, published) = b("May 4");
    assert_eq!(
        verdict(a, (&text, published), "May 3", "May 4"),
        Some(Verdict::Conflict)
    );
    // A relative clause that ended before the date leaves it to the main verb.
    let (s, f) = facts(
        "The comedy, about friends who run a bakery, was scheduled for a May 20 release.",
        None,
    );
    assert!(
        fact(&s, &f, Kind::Date, "May 20")
            .events
            .iter()
            .any(|e| e.as_str() == "releas")
    );
}

#[test]
fn two_weekdays_joined_are_one_stretch_of_days() {
    // Published on a Monday: the weekend's two days, one date; "over" is
    // during, not "more than"; "according to" names whose word it is, not
    // when it was given.
    let (s, f) = facts(
        "Union members voted over Saturday and Sunday, according to the union.",
        Some("2031-05-12"),
    );
    let d = fact(&s, &f, Kind::Date, "Saturday and Sunday");
    assert_eq!(day(d), "2031-05-10..2031-05-11");
    assert_eq!(d.hedge, None);
    assert!(!d.peg && !d.block.ends_with("/said"), "{}", d.block);
    // "Monday to Wednesday" spans three days; two days apart joined by "and"
    // are two days, not the days between.
    let (s, f) = facts(
        "The strike ran from Monday to Wednesday.",
        Some("2031-05-16"),
    );
    assert_eq!(
        day(fact(&s, &f, Kind::Date, "Monday to Wednesday")),
        "2031-05-12..2031-05-14"
    );
    let (s, f) = facts("Talks were held Tuesday and Thursday.", Some("2031-05-16"));
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Date),
        vec!["Tuesday", "Thursday"]
    );
    // Each day of the weekend agrees with the stretch, another day does not.
    agrees_then_conflicts(
        (
            "Union members voted over Saturday and Sunday on the offer.",
            Some("2031-05-12"),
        ),
        |v: &str| format!("Union members voted on May {v} on the offer."),
        Some("2031-05-12"),
        "Saturday and Sunday",
        ("10 and 11", "17 and 18"),
    );
}

#[test]
fn a_time_of_day_given_about_or_shortly_after_is_a_stretch() {
    // "about 4:20" is 4:16 to 4:24, "shortly before 4:30" 4:15 to 4:30: they
    // meet; "shortly after 11 p.m." holds 11:06 but not 11:40.
    let sentence = |t: &str| format!("The dam gave way at {t} on Monday, officials said.");
    assert_eq!(
        one_sentence_verdict(sentence, "about 4:20 a.m.", "shortly before 4:30 a.m."),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "about 4:20 a.m.", "shortly before 4:50 a.m."),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "shortly after 11 p.m.", "11:06 p.m."),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "shortly after 11 p.m.", "11:40 p.m."),
        Some(Verdict::Conflict)
    );
    // Written without a hedge, a time is the minute it names.
    assert_eq!(
        one_sentence_verdict(sentence, "4:20 a.m.", "4:25 a.m."),
        Some(Verdict::Conflict)
    );
    // "About" reaches short of the next mark of the step the time is
    // written to: "about 4:20" is not 4:25 (which one would have
    // written), "about 4:30" a quarter hour either side, "about 4:17" a
    // minute.
    assert_eq!(
        one_sentence_verdict(sentence, "about 4:20 a.m.", "4:23 a.m."),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "about 4:20 a.m.", "4:25 a.m."),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "about 4:30 a.m.", "4:41 a.m."),
        Some(Verdict::Agree)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "about 4:17 a.m.", "4:19 a.m."),
        Some(Verdict::Conflict)
    );
    // Zones still count: "about 9:15 a.m. ET" meets "8:12 a.m. Central time".
    assert_eq!(
        one_sentence_verdict(sentence, "about 9:15 a.m. ET", "8:12 a.m. Central time"),
        Some(Verdict::Agree)
    );
}

#[test]
fn a_figure_meets_the_figure_told_of_the_same_name() {
    // Two share moves in each sentence: each meets the one of its company.
    let a = (
        "Halvern agreed to buy Stoa Labs. Stoa shares jumped 24% to $39.70 in early trading, \
         while Halvern stock slipped 1.5%.",
        None,
    );
    let b = (
        "Halvern agreed to buy Stoa Labs. Halvern fell 3 per cent by midday; Stoa's stock rose \
         22 per cent to $39.40.",
        None,
    );
    assert_eq!(verdict(a, b, "24%", "22 per cent"), Some(Verdict::Conflict));
    assert_eq!(verdict(a, b, "1.5%", "3 per cent"), Some(Verdict::Conflict));
    // A speaker's name is not whom the figure is about.
    let (_, f) = facts("Halvern said Stoa shares rose 24%.", None);
    let (_, g) = facts("In early trading Stoa shares rose 24%, Halvern said.", None);
    let about = |f: &[concur::extract::Fact]| {
        f.iter()
            .find(|x| x.kind == Kind::Quantity)
            .and_then(|x| x.about)
    };
    assert!(about(&f).is_some());
    assert_eq!(about(&f), about(&g));
}

#[test]
fn a_span_after_a_superlative_is_the_time_since_not_a_length() {
    // "its largest deal in a decade" tells how long since the last such deal:
    // it never meets how long something takes.
    let a = (
        "Halvern agreed to buy Stoa Labs, its largest acquisition in a decade.",
        None,
    );
    let b = (
        "Halvern agreed to buy Stoa Labs and expects the savings within two years.",
        None,
    );
    assert_eq!(verdict(a, b, "a decade", "two years"), None);
    // Two such spans meet each other, "the strongest storm to hit the coast in
    // 12 years" / "the most powerful storm on the coast in 15 years".
    agrees_then_conflicts(
        (
            "It was the strongest storm to hit the Varna coast in 12 years, forecasters said.",
            None,
        ),
        |v: &str| {
            format!(
                "Forecasters called it the most powerful storm on the Varna coast in {v} years."
            )
        },
        None,
        "12 years",
        ("12", "15"),
    );
    // Without a superlative a span is a length: "closed in 12 years" is not
    // set apart.
    let (s, f) = facts(
        "The mine closed in 12 years, the deadliest of them in 1998.",
        None,
    );
    assert!(
        !fact(&s, &f, Kind::Duration, "12 years")
            .block
            .ends_with("/since")
    );
}

#[test]
fn a_name_ends_at_the_end_of_its_line() {
    // The byline's place and the time stamp under it: "Port Edda", not
    // "Port Edda Wednesday".
    let (s, f) = facts(
        "By a correspondent in Port Edda\nWednesday 14 May 2031 08.20 BST\n\nThe ferry sailed \
         from Port Edda at dawn.",
        Some("2031-05-14"),
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Name), ["Port Edda"]);
}

#[test]
fn two_names_that_share_their_first_words_and_then_part_are_two_things() {
    // Each report also writes "Port Edda" alone: the harbour and the bridge
    // named after the town are still two things.
    let a = (
        "Ferries left Port Edda at dawn. The crowd gathered at Port Edda Harbour.",
        None,
    );
    let b = (
        "Ferries left Port Edda at dawn. The crowd gathered at Port Edda Bridge.",
        None,
    );
    assert_eq!(verdict(a, b, "Port Edda Harbour", "Port Edda Bridge"), None);
    // A middle initial, or a word spelt another way, is no other thing.
    let sentence = |n: &str| format!("The plan was backed by {n} on Monday.");
    assert_eq!(
        one_sentence_verdict(sentence, "Marta K. Oyelaran", "Marta Oyelaran"),
        Some(Verdict::Variant)
    );
    assert_eq!(
        one_sentence_verdict(sentence, "Route 9 Lantern Fair", "Route 9 Lantren Fair"),
        Some(Verdict::Variant)
    );
}

/// Alignment keeps each context word's weight times its IDF in the fact
/// (where padding stood): aligning the same facts again finds the same
/// groups and sets the same weights.
#[test]
fn aligning_twice_finds_the_same_groups() {
    let text = |t: &str| t.to_string();
    let sources = [
        Source::from_text("a.md", text("A ferry carrying 212 people sank off the coast on Tuesday. Coast guard crews rescued 180 passengers.")).unwrap(),
        Source::from_text("b.md", text("The ferry, which had 214 people aboard, sank on Tuesday. Rescuers pulled 180 passengers from the water.")).unwrap(),
    ];
    let rules = rules();
    let mut facts = concur::facts(&sources, &rules);
    let first = concur::align::align(&mut facts, &rules);
    assert!(first.iter().any(|g| g.len() == 2), "{first:?}");
    let weights: Vec<Vec<(f32, f32)>> = facts
        .iter()
        .map(|f| f.context.iter().map(|&(_, x, w)| (x, w)).collect())
        .collect();
    assert!(
        weights
            .iter()
            .flatten()
            .all(|&(x, w)| (x > 0.0) == (w > 0.0))
    );
    assert!(weights.iter().flatten().any(|&(x, w)| w != x));
    assert_eq!(concur::align::align(&mut facts, &rules), first);
    let again: Vec<Vec<(f32, f32)>> = facts
        .iter()
        .map(|f| f.context.iter().map(|&(_, x, w)| (x, w)).collect())
        .collect();
    assert_eq!(again, weights);
}

/// A figure a topic rule chose by its word ("evacuees") meets a count of
/// people in a report that never uses the word ("shelters housing 6,000
/// people"), when that report states no figure of the topic at all; where
/// it does, the topic's own figure is the counterpart.
#[test]
fn a_topic_figure_meets_one_told_without_its_word() {
    let a = "Heavy rain flooded the valley on Sunday. Officials said 31 shelters were housing roughly 6,000 people.";
    agrees_then_conflicts(
        (a, None),
        |n| {
            format!(
                "The valley flooded on Sunday. Officials said 31 shelters were housing about {n} evacuees."
            )
        },
        None,
        "6,000 people",
        ("6,000", "9,000"),
    );
    // The other report counts evacuees itself: the people in shelters are
    // not said to be them.
    let b = "Officials said 9,000 evacuees had left the valley. Shelters were housing about 5,000 people.";
    assert_ne!(
        verdict((a, None), (b, None), "6,000 people", "9,000"),
        Some(Verdict::Conflict)
    );
}

/// A count whose clause leaves its noun to the reader ("three were treated
/// in hospital") counts people as "three people" would: it meets a figure a
/// topic rule chose in a report that states no such count of its own.
#[test]
fn a_count_of_no_noun_meets_a_topic_figure() {
    agrees_then_conflicts(
        (
            "Fire swept through the depot on Tuesday. Nine workers got out, and \
             two were taken to hospital with minor injuries.",
            None,
        ),
        |n| {
            format!(
                "The depot caught fire on Tuesday. The staff escaped, and {n} were \
                 treated in hospital."
            )
        },
        None,
        "two",
        ("two", "five"),
    );
}

/// An ordinal ranks the thing its phrase names last, past the words that
/// describe it: "the second major outage" and "the third significant
/// outage" rank outages.
#[test]
fn an_ordinal_ranks_the_last_noun_of_its_phrase() {
    agrees_then_conflicts(
        (
            "The storage failure was the company's second major outage this year.",
            None,
        ),
        |n| format!("It was the firm's {n} significant outage this year, the company said."),
        None,
        "second",
        ("second", "third"),
    );
    // What a name describes is no rank: "a second Ruritanian official" is
    // another official.
    let (s, fs) = facts(
        "A second Ruritanian official said talks would resume.",
        None,
    );
    assert!(texts(&s, &fs, |f| f.kind == Kind::Quantity).is_empty());
}

/// Two asides counting one noun ("Acme, which has 900 stores in 12
/// countries, said"), each its report's only figure of that noun, are the
/// same passing remark, though nothing else in their sentences is shared.
#[test]
fn two_asides_of_one_noun_are_one_remark() {
    agrees_then_conflicts(
        (
            "Acme Retail, which has 900 stores in 12 countries, said sales rose in the spring.",
            None,
        ),
        |n| {
            format!(
                "The chain, which runs 880 shops across {n} countries, raised its dividend on Tuesday."
            )
        },
        None,
        "12 countries",
        ("12", "14"),
    );
}

/// A number word capitalised after a capitalised word in running text is
/// part of a name ("Channel Four viewers"), no count; at a sentence's start,
/// or in a title-case headline, it still counts.
#[test]
fn a_number_word_inside_a_name_counts_nothing() {
    let (s, fs) = facts(
        "Storm Leaves Three Dead\n\nMore than a million Channel Four viewers watched the debate. Three people were hurt.",
        None,
    );
    let counts = texts(&s, &fs, |f| f.kind == Kind::Quantity);
    assert!(!counts.iter().any(|t| t.contains("Four")), "{counts:?}");
    assert!(
        counts.iter().any(|t| t.contains("Three Dead")),
        "{counts:?}"
    );
    assert!(
        counts.iter().any(|t| t.contains("Three people")),
        "{counts:?}"
    );
}

/// What remains ("with six minutes left", "with two days to go") is a
/// countdown, a slot of its own beside how long things took.
#[test]
fn a_countdown_is_no_length_of_time() {
    agrees_then_conflicts(
        (
            "Mills opened the scoring after 24 minutes. Ortega scored the winner with six minutes left.",
            None,
        ),
        |n| {
            format!(
                "Ortega struck the winner with {n} minutes remaining. Mills had scored after 20 minutes."
            )
        },
        None,
        "six minutes",
        ("six", "four"),
    );
    assert_ne!(
        verdict(
            ("Ortega scored the winner with six minutes left.", None),
            ("Mills had scored after 24 minutes.", None),
            "six minutes",
            "24 minutes"
        ),
        Some(Verdict::Conflict)
    );
}

/// A common word that is no given name, opening a sentence before a name
/// the source writes again, opens the sentence, not the name: "Late
/// Ortega goal sinks Rovers" names Ortega.
#[test]
fn a_common_word_before_a_name_written_again_is_no_part_of_it() {
    let (s, fs) = facts(
        "Late Ortega goal sinks Rovers\n\nMateo Ortega struck in the 88th minute as United won.",
        None,
    );
    let names = texts(&s, &fs, |f| f.kind == Kind::Name);
    assert!(!names.iter().any(|n| n.contains("Late")), "{names:?}");
    assert!(names.contains(&"Mateo Ortega"), "{names:?}");
}

/// A year before 1900 is a year where a year's preposition opens it and no
/// noun follows ("built in 1885,"), and a count where a noun does.
#[test]
fn an_older_year_after_its_preposition_is_a_year() {
    agrees_then_conflicts(
        ("The mill, built in 1885, closed last spring.", None),
        |y| format!("The mill, which was built in {y}, had stood empty."),
        None,
        "1885",
        ("1885", "1887"),
    );
    let (s, fs) = facts("Surveyors counted 1850 homes in the valley.", None);
    assert_eq!(texts(&s, &fs, |f| f.kind == Kind::Date), Vec::<&str>::new());
}

/// "No one else was hurt": "else" is no noun (no count of "one else", no
/// denial of an "else"), and a participle that is its verb's base ("hurt")
/// is denied as "injured" is.
#[test]
fn no_one_else_was_hurt_denies_the_hurt() {
    let (s, fs) = facts(
        "One firefighter suffered burns. No one else was hurt.",
        None,
    );
    assert!(
        !texts(&s, &fs, |f| f.kind == Kind::Quantity).contains(&"one else"),
        "{:?}",
        texts(&s, &fs, |_| true)
    );
    let denied = texts(
        &s,
        &fs,
        |f| matches!(&f.value, Value::Claim { negated: true, predicate, .. } if predicate == "hurt"),
    );
    assert_eq!(denied, vec!["No one else was hurt"]);
}

/// Two claims of one verb said of one name meet though what each verb acts
/// on differs or lies past a figure: "Hale did not testify during the
/// two-week trial" / "Hale testified in his own defence during the 10-day
/// trial".
#[test]
fn claims_of_one_verb_said_of_one_name_meet() {
    let a = "A jury convicted former mayor Tom Hale on Tuesday. Hale did not testify during the two-week trial.";
    let b = "Jurors found former mayor Tom Hale guilty on Tuesday. Hale testified in his own defence during the 10-day trial.";
    assert_eq!(
        verdict((a, None), (b, None), "not testify", "testified"),
        Some(Verdict::Conflict)
    );
}

/// What "no longer" is so has stopped being so: it meets what another
/// report says "remains" so ("is no longer treated as a suspect" / "remains
/// a suspect"), and agrees with another "no longer".
#[test]
fn no_longer_denies_what_remains() {
    let a = "Police said the driver, Marek Holm, is no longer treated as a suspect in the Dunmore crash.";
    let b = "The sheriff said the driver, Marek Holm, remains a suspect in the crash.";
    assert_eq!(
        verdict((a, None), (b, None), "no longer treated", "remains"),
        Some(Verdict::Conflict)
    );
    let c = "The driver, Marek Holm, was no longer a suspect in the crash, the sheriff said.";
    assert_eq!(
        verdict((a, None), (c, None), "no longer treated", "no longer"),
        Some(Verdict::Agree)
    );
    let a = "The bridge at Norvik is no longer closed to traffic.";
    let b = "The bridge at Norvik remains closed to traffic, officials said.";
    assert_eq!(
        verdict((a, None), (b, None), "no longer", "remains"),
        Some(Verdict::Conflict)
    );
    // "Still" says it too, but only where some report says "no longer":
    // "Still, the ferry sailed" says nothing of the kind.
    let a = "The coast guard said the Halvard ferry was no longer leaking fuel.";
    let b = "Still, the Halvard ferry was still leaking a little fuel on Monday, officials said.";
    assert_eq!(
        verdict((a, None), (b, None), "no longer leaking", "still leaking"),
        Some(Verdict::Conflict)
    );
    // (Read with the "no longer" report beside it, where "still" can be a
    // claim at all.)
    let sources = [src("a", a, None), src("b", b, None)];
    let facts = concur::facts(&sources, &rules());
    let told: Vec<&str> = facts
        .iter()
        .filter(|f| f.kind == Kind::Claim && f.source == 1)
        .map(|f| &sources[1].text[f.start..f.end])
        .collect();
    assert_eq!(told, ["still leaking"]);
    // What stopped or goes on is the verb after the cue: two verbs, two things.
    let a = "Tarn Foods no longer offers a full-year forecast, Lena Vask said.";
    let b = "Tarn Foods still expects full-year profit to grow, Lena Vask said.";
    assert_eq!(verdict((a, None), (b, None), "no longer", "still"), None);
}

/// A claim whose verb acts on nothing it names meets one of the same verb
/// that does: "his lawyer said he would not appeal" / "his lawyer said he
/// would appeal the verdict".
#[test]
fn a_claim_acting_on_nothing_named_meets_one_that_does() {
    let a = "Tom Hale was convicted on Tuesday. His lawyer said he would appeal the verdict.";
    let b = "Tom Hale was found guilty on Tuesday. His attorney said he would not appeal.";
    assert_eq!(
        verdict((a, None), (b, None), "appeal", "not appeal"),
        Some(Verdict::Conflict)
    );
}

/// "Today" capitalised inside a sentence belongs to a name ("the journal
/// Surgery Today"): no date, so reports written on different days do not
/// disagree about it.
#[test]
fn today_inside_a_name_is_no_date() {
    let a = "The study appeared in the journal Surgery Today on Monday.";
    let b = "The study, published in Surgery Today, drew wide notice.";
    let (s, fs) = facts(a, Some("2025-06-02"));
    assert_eq!(texts(&s, &fs, |f| f.kind == Kind::Date), vec!["Monday"]);
    assert_ne!(
        verdict(
            (a, Some("2025-06-02")),
            (b, Some("2025-06-03")),
            "Monday",
            "Today"
        ),
        Some(Verdict::Conflict)
    );
}

/// A figure keeps a third event word from its own clause: "ran onto the
/// field in the 64th minute dressed as stewards" meets "raced
/// across the field in the 65th minute" on "field", though each report
/// names another minute too.
#[test]
fn a_third_event_word_from_the_figures_clause_counts() {
    agrees_then_conflicts(
        (
            "Mills scored in the 12th minute. Three protesters ran onto the field in the 64th minute dressed as stewards.",
            None,
        ),
        |n| {
            format!(
                "Ortega equalised in the 30th minute. Play stopped when protesters raced across the field in the {n} minute."
            )
        },
        None,
        "64th minute",
        ("64th", "65th"),
    );
    // Past a clause break it is no event word of the figure: "for 12
    // years and had clocked 9,000 road hours" is not what the years did.
    let (s, fs) = facts(
        "She had driven for the firm for 12 years and had clocked 9,000 road hours.",
        None,
    );
    let years = fs
        .iter()
        .find(|f| s.text[f.start..f.end].contains("12 years"))
        .unwrap();
    assert!(
        !years.events.iter().any(|e| e.starts_with("clock")),
        "{:?}",
        years.events
    );
}

/// An ordinal's noun ends at a verb in "-ing" ("the 42nd minute wearing
/// stewards' vests" ranks minutes), and its ending ("nd") is no event word.
#[test]
fn an_ordinal_ends_at_a_verb_in_ing_and_its_ending_is_no_event() {
    let (s, fs) = facts(
        "Three protesters ran onto the field in the 42nd minute wearing stewards' vests.",
        None,
    );
    let heads = quantity_heads(&s, &fs);
    assert!(heads.iter().any(|(t, _)| *t == "42nd minute"), "{heads:?}");
    assert!(
        fs.iter()
            .all(|f| !f.events.iter().any(|e| e.as_str() == "nd")),
        "{:?}",
        fs.iter().map(|f| &f.events).collect::<Vec<_>>()
    );
}

/// A distance's place may follow a possessive or "a": "about 300 metres
/// from its berth" and "some 250 metres from the berth" measure from one
/// place.
#[test]
fn a_distance_from_its_place_is_from_that_place() {
    agrees_then_conflicts(
        (
            "The tanker ran aground on Monday about 300 metres from its berth. Tugs freed it later.",
            None,
        ),
        |n| {
            format!(
                "Ferries sailed past. The tanker grounded on Monday some {n} metres from the berth, officials said."
            )
        },
        None,
        "300 metres",
        ("300", "250"),
    );
    let (s, fs) = facts("It ran aground about 300 metres from its berth.", None);
    let heads = quantity_heads(&s, &fs);
    assert!(
        heads
            .iter()
            .any(|(t, h)| t.contains("300") && h.as_deref().is_some_and(|h| h.contains("berth"))),
        "{heads:?}"
    );
}

/// A verb of intention with "to" stands between a negation and the verb it
/// governs, as "would" does: "does not plan to close any depots" conflicts
/// with "would close some depots", and "does not intend to strike" with
/// "intends to strike next week" ("next week" is when, not what).
#[test]
fn not_planning_to_do_a_thing_denies_the_thing() {
    assert_eq!(
        verdict(
            (
                "Halvard Freight does not plan to close any depots after the merger.",
                None
            ),
            (
                "Halvard Freight said it would close some depots after the merger.",
                None
            ),
            "not plan to close",
            "close"
        ),
        Some(Verdict::Conflict)
    );
    assert_eq!(
        verdict(
            ("The drivers' union does not intend to strike.", None),
            ("The drivers' union intends to strike next week.", None),
            "strike",
            "strike"
        ),
        Some(Verdict::Conflict)
    );
}

/// A number word right after a topic's verb counts its people, though no
/// noun follows: "killing three and injuring 12".
#[test]
fn a_number_word_after_a_topic_verb_counts() {
    assert_eq!(
        verdict(
            (
                "Two people died and 14 were injured when the bus overturned.",
                None
            ),
            (
                "The bus overturned on the bridge, killing three and injuring 12.",
                None
            ),
            "Two people",
            "three"
        ),
        Some(Verdict::Conflict)
    );
}

/// Two dates with two event words in common date one event, though a
/// place named between comes nearer to each than what happened.
#[test]
fn two_event_words_in_common_date_one_event() {
    agrees_then_conflicts(
        (
            "Twister kills nine in Harlan county\n\nThe twister hit at 6:10 p.m. on Sunday in Harlan county, a farming district west of the capital, flattening barns, silos and homes along a 20-mile path. Forecasters had issued a twister warning on Saturday.\n\nThe governor declared an emergency on Monday and said crews would search through the night.\n",
            Some("2025-05-12"),
        ),
        |d| {
            format!(
                "Harlan tornado toll rises to 12\n\nThe number of people confirmed dead after the twister that struck Merrit's prairie on {d} rose to 12 on Wednesday, the sheriff said, as searchers reached outlying ranches. Schools across the region reopened on Tuesday.\n\nInsurers said twister claims would be paid by June 30.\n"
            )
        },
        Some("2025-05-14"),
        "Sunday",
        ("May 11", "May 2"),
    );
}

/// A phrase of place between a date and what happened says where, not
/// what: the date's event words pass over it ("capsized in rough seas off
/// the northern coast of Velmar on Monday" dates the capsizing), so two
/// reports that place the same event differently still meet on it.
#[test]
fn a_date_dates_what_happened_past_a_phrase_of_place() {
    let (s, f) = facts(
        "A train crashed into a dump truck at a rural crossing in northern Velmar on Monday and left the rails.",
        Some("2024-09-10"),
    );
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let d = fact(&s, &f, Kind::Date, "Monday");
    // (The clause's verb first, then what it acts on: see
    // `a_date_dates_its_clause_verb_past_what_it_acts_on`.)
    assert_eq!(
        d.events
            .iter()
            .take(2)
            .map(|e| e.as_str())
            .collect::<Vec<_>>(),
        [lemma("crashed").as_str(), "truck"],
        "{:?}",
        d.events
    );
    assert_eq!(&*d.topic, "date of crashed");
    // A compass point and "of" open one too.
    let (s, f) = facts(
        "Flames swept the ridge north-west of Velmar on Monday.",
        Some("2024-09-10"),
    );
    let d = fact(&s, &f, Kind::Date, "Monday");
    assert_eq!(
        d.events.get(1).map(|e| e.as_str()),
        Some(rules().lexicon.lemma("ridge").as_str()),
        "{:?}",
        d.events
    );
    // After the date too: "on Sunday in Brill county".
    let (s, f) = facts(
        "The fire broke out on Sunday in Brill county, near the old mill.",
        Some("2024-09-10"),
    );
    let d = fact(&s, &f, Kind::Date, "Sunday");
    assert_eq!(
        d.events.first().map(|e| e.as_str()),
        Some(rules().lexicon.lemma("broke").as_str()),
        "{:?}",
        d.events
    );
    agrees_then_conflicts(
        (
            "Ferry capsizes, 12 missing\n\nA passenger ferry capsized in rough seas off the northern coast of Velmar on Monday, leaving 12 people missing, the coast guard said. Rescuers pulled 40 survivors from the water.\n",
            Some("2024-09-10"),
        ),
        |d| {
            format!(
                "Divers reach sunken ferry\n\nThe ferry capsized at the mouth of the Orrin estuary on {d}, the coast guard said, and the vessel had been overloaded. Divers reached the hull on Wednesday.\n"
            )
        },
        Some("2024-09-12"),
        "Monday",
        ("Sept. 9", "Sept. 2"),
    );
}

/// "The fire of 2019" names an earlier year's event as "the 2019 fire"
/// does: a figure told of it is background, a slot apart from the news.
/// "March of 2019" is a month's year, not an event.
#[test]
fn a_thing_of_an_earlier_year_is_background() {
    agrees_then_conflicts(
        (
            "Brush fire doubles in size\n\nThe Dunmore fire had burned 12,400 acres by Tuesday morning, the forestry agency said. It is the largest in the county since the 2019 Pinecrest fire, which burned 31,000 acres over three weeks.\n",
            Some("2027-08-17"),
        ),
        |n| {
            format!(
                "Crews gain on Dunmore fire\n\nThe Dunmore fire has scorched 15,000 acres in the hills, the forestry agency said on Wednesday. It is the county's largest since the Pinecrest fire of 2019, which burned about {n} in three weeks.\n"
            )
        },
        Some("2027-08-18"),
        "31,000 acres",
        ("31,000 acres", "38,000 acres"),
    );
    let (s, f) = facts(
        "Rainfall in March of 2019 reached 40 inches, the agency said.",
        Some("2027-08-18"),
    );
    let x = fact(&s, &f, Kind::Quantity, "40 inches");
    assert!(!x.past, "a month's year is no event of its own");
}

/// A count "by Tuesday morning" is when its report counted; the next
/// day's report tells its own day's news ("on Wednesday crews battled"):
/// two moments, each its report's own, not one date told two ways.
#[test]
fn a_count_by_a_day_is_not_the_next_reports_news_day() {
    let a = (
        "The Dunmore fire started near a campground and had burned 12,400 acres by Tuesday morning, according to the forestry agency.",
        Some("2027-08-17"),
    );
    let b = (
        "Firefighters on Wednesday battled the Dunmore fire, which has scorched 15,000 acres near the campground, the forestry agency said.",
        Some("2027-08-18"),
    );
    assert_eq!(verdict(a, b, "Tuesday", "Wednesday"), None);
}

/// A passive verb in a relative clause is said of the noun the pronoun
/// stands for: "the manager, who has not been named," denies nothing of
/// "the victims were named on Friday".
#[test]
fn a_relative_clause_is_said_of_its_antecedent() {
    let a = (
        "The victims were named on Friday as Ada Kerr and Tom Sills.",
        Some("2028-03-17"),
    );
    let b = (
        "The 47-year-old foreman, who has not been named, was released on bail.",
        Some("2028-03-18"),
    );
    assert_eq!(verdict(a, b, "named", "not been named"), None);
    // The same verb said of the same noun still meets.
    let b = (
        "The victims, who have not been named, worked at the depot.",
        Some("2028-03-18"),
    );
    assert_eq!(
        verdict(a, b, "named", "not been named"),
        Some(Verdict::Conflict)
    );
}

/// ISO 4217 codes are currencies before or after the figure ("NOK 412m",
/// "412 million NOK"); codes that are English words are not.
#[test]
fn currency_codes_are_money() {
    agrees_then_conflicts(
        (
            "Halden Systems said net profit fell to NOK 412m in the first quarter.",
            None,
        ),
        |n| format!("Halden Systems said first-quarter net profit fell to {n} NOK."),
        None,
        "NOK 412m",
        ("412 million", "430 million"),
    );
    // A name two words long says whose crowns or dollars they are.
    agrees_then_conflicts(
        (
            "Halden Systems said net profit fell to NOK 412m in the first quarter.",
            None,
        ),
        |n| format!("Halden Systems said first-quarter net profit fell to {n} Norwegian crowns."),
        None,
        "NOK 412m",
        ("412 million", "430 million"),
    );
    let (s, f) = facts("The deal is worth 3 million Canadian dollars.", None);
    let x = fact(&s, &f, Kind::Quantity, "3 million Canadian dollars");
    assert!(
        matches!(&x.value, Value::Quantity { unit: Some(u), .. } if u == "CAD"),
        "{:?}",
        x.value
    );
    let (s, f) = facts("Try 40 samples, then all 12 others.", None);
    assert!(
        f.iter().all(|x| !matches!(&x.value, Value::Quantity { unit: Some(u), .. } if u == "TRY" || u == "ALL")),
        "{:?}",
        f.iter().map(|x| &s.text[x.start..x.end]).collect::<Vec<_>>()
    );
}

/// A short aside between commas does not hide whom a figure is about:
/// "Lena Marsh, an independent, received about 3 percent" and "A third
/// candidate, Lena Marsh, won 2.6 percent" are both Marsh's share, not the
/// winner's "winning 52 percent".
#[test]
fn an_aside_between_commas_keeps_whom_a_figure_is_about() {
    let a = (
        "Okafor wins Dunmere mayoral race by 4,100 votes\n\nDUNMERE — City council member Grace Okafor was elected mayor of Dunmere on Tuesday, defeating two-term incumbent Paul Venner by about 4,100 votes, according to unofficial results.\n\nOkafor, 46, took 52.3 percent of the vote to Venner's 45.1 percent, with all 112 precincts reporting. A third candidate, Lena Marsh, won 2.6 percent.\n\nTurnout was 38 percent of the city's 141,000 registered voters, up from 31 percent four years ago, the county clerk said.\n\nVenner, 61, conceded shortly before 11 p.m. and said he would not seek a recount. He had led in early returns.\n\nVoters also approved a $220 million bond for road repairs, 58 percent to 42 percent, and rejected a proposed sales tax increase.\n\nOkafor will be sworn in on Jan. 2. She will be the city's first Black mayor.\n",
        Some("2030-11-06"),
    );
    let b = |n: &str| {
        format!(
            "Grace Okafor ousts Venner in Dunmere\n\nGrace Okafor unseated Mayor Paul Venner in Tuesday's election, winning 52 percent of the vote in a three-way race, final unofficial returns showed on Wednesday.\n\nVenner, who was seeking a third term, finished with 45 percent. Lena Marsh, an independent, received {n}. The margin was 4,312 votes.\n\nAbout 54,000 ballots were cast, a turnout of 38.2 percent, the Dunmere County elections office said. That compares with 33 percent in 2026.\n\nVenner, 62, conceded around 10:45 p.m. on Tuesday and said he would ask for a recount only if the margin narrowed.\n\nA $220 million road bond passed with 57 percent support, while a half-cent sales tax increase failed.\n\nOkafor, a 46-year-old former teacher, takes office Jan. 2.\n"
        )
    };
    agrees_then_conflicts(
        a,
        b,
        Some("2030-11-07"),
        "2.6 percent",
        ("about 3 percent", "about 8 percent"),
    );
    assert_eq!(
        verdict(
            a,
            (&b("about 3 percent"), Some("2030-11-07")),
            "2.6 percent",
            "52 percent"
        ),
        None
    );
}

/// A winning margin is one however it is told: "defeated three-term
/// incumbent Abel Crane by about 2,300 votes" (a name and a hedge between
/// the verb and the figure) and "the margin was 2,312 votes".
#[test]
fn a_margin_told_by_a_name_and_a_hedge_or_as_was() {
    let a = (
        "Mira Holt defeated three-term incumbent Abel Crane by about 2,300 votes on Tuesday. About 41,000 ballots were cast.",
        Some("2030-11-06"),
    );
    let b = |n: &str| {
        format!(
            "Holt beat Crane in Tuesday's race for mayor. The margin was {n} votes, and about 40,800 ballots were cast."
        )
    };
    agrees_then_conflicts(
        a,
        b,
        Some("2030-11-07"),
        "about 2,300 votes",
        ("2,312", "2,900"),
    );
    assert_ne!(
        verdict(
            a,
            (&b("2,312"), Some("2030-11-07")),
            "about 2,300 votes",
            "40,800 ballots"
        ),
        Some(Verdict::Conflict)
    );
}

/// "Several" is a vague count, more than two and fewer than ten, and
/// before a scale word counts in that scale ("several thousand").
#[test]
fn several_is_a_vague_count() {
    let (s, f) = facts(
        "The blast at the Pinecrest plant left several workers injured. Police \
         bought several thousand bags of rice.",
        None,
    );
    let several = fact(&s, &f, Kind::Quantity, "several workers");
    assert_eq!(range(several), (3.0, 3.0, 10.0));
    let bags = fact(&s, &f, Kind::Quantity, "several thousand bags");
    assert_eq!(range(bags), (3000.0, 3000.0, 10000.0));
    let a = (
        "The blast at the Pinecrest plant left several workers injured, officials said.",
        None,
    );
    let b = (
        "Two workers were injured in the blast at the Pinecrest plant, officials said.",
        None,
    );
    assert_eq!(
        verdict(a, b, "several workers", "Two workers"),
        Some(Verdict::Conflict)
    );
}

/// A topic's only figure, vague or not, meets the other report's only
/// count of people told with one of the topic's own event words ("several
/// others injured" / "two nurses were hurt"), in a report that
/// states no figure of the topic: each report tells that count once.
#[test]
fn a_topics_only_figure_meets_the_only_count_told_with_its_event_word() {
    let a = (
        "A gunman killed four people at the Dunmore office on Monday and left several \
         others critically injured, police said.",
        None,
    );
    let b = (
        "Four staff members were killed in the shooting at the Dunmore office on Monday. \
         Two nurses were hurt; both have since gone home.",
        None,
    );
    assert_eq!(
        verdict(a, b, "several others", "Two nurses"),
        Some(Verdict::Conflict)
    );
}

/// A plural noun ends the counted noun unless another plural follows it:
/// "11,200 people cast ballots" counts people ("cast" is their verb), "154
/// measles cases" counts cases, and "80,000 linked bank accounts" accounts.
#[test]
fn a_plural_noun_ends_what_a_figure_counts() {
    let (s, f) = facts(
        "About 11,200 people cast ballots in Dunmore. Some 500 children attend classes \
         there. Officials found 154 measles cases and 80,000 linked bank accounts.",
        None,
    );
    let heads = quantity_heads(&s, &f);
    assert_eq!(
        heads,
        [
            ("About 11,200 people", Some("person".to_string())),
            ("Some 500 children", Some("child".to_string())),
            ("154 measles cases", Some("cas".to_string())),
            ("80,000 linked bank accounts", Some("account".to_string())),
        ]
    );
}

/// A sentence that shares a share with another does not anchor the total
/// the share is taken of in one to a figure told without one in the
/// other: there the one is the whole and the other its part.
#[test]
fn a_shares_total_is_not_anchored_to_a_figure_without_one() {
    let a = (
        "About 11,200 people cast ballots, or 38 percent of the 29,500 registered voters.",
        Some("2031-06-02"),
    );
    let b = (
        "A total of 11,184 voters took part, a turnout of 37.9 percent.",
        Some("2031-06-03"),
    );
    assert_eq!(
        verdict(a, b, "38 percent", "37.9 percent"),
        Some(Verdict::Agree)
    );
    assert_eq!(verdict(a, b, "29,500", "11,184"), None);
}

/// A pair across blocks (a topic's figure and a figure under the fallback
/// rule) scores the same whichever source comes first.
#[test]
fn a_pair_across_blocks_scores_the_same_in_either_order() {
    let a = ("Nine were injured; 20 more were hurt later.", None);
    let b = ("A dozen were convicted, and the rest were freed.", None);
    let one = verdict(a, b, "20", "dozen");
    assert_eq!(one, verdict(b, a, "dozen", "20"));
    for (a, b, qa, qb) in [
        (
            "injured guilty almost; 20 ",
            "guilty dozen guilty the ",
            "20",
            "dozen",
        ),
        (
            "at 41, acquitted at injured the people people ",
            "the the the the acquitted 41 guilty the ",
            "41",
            "41",
        ),
        (
            "20 Federal injured people ",
            "hundreds, injured the ",
            "20",
            "hundreds",
        ),
    ] {
        let (a, b) = ((a, None), (b, None));
        assert_eq!(
            verdict(a, b, qa, qb),
            verdict(b, a, qb, qa),
            "{a:?} / {b:?}"
        );
    }
}

/// The event words of the fact of `kind` whose text holds `text`.
fn events_of(text: &str, kind: Kind, at: &str) -> Vec<String> {
    let (s, f) = facts(text, Some("2025-03-10"));
    fact(&s, &f, kind, at)
        .events
        .iter()
        .map(|w| w.as_str().to_string())
        .collect()
}

#[test]
fn an_aside_after_a_figure_stands_aside_from_its_verb() {
    let lemma = |w: &str| rules().lexicon.lemma(w);
    // "including …" between the figure and its verb.
    let killed = events_of(
        "At least 38 people, including two children, were killed in the blast.",
        Kind::Quantity,
        "38 people",
    );
    assert_eq!(killed.first(), Some(&lemma("killed")), "{killed:?}");
    // A count set off after the noun says what the figure is made of.
    let rescued = events_of(
        "The five climbers, three students and two guides, were rescued from the ridge.",
        Kind::Quantity,
        "five climbers",
    );
    assert_eq!(rescued.first(), Some(&lemma("rescued")), "{rescued:?}");
    assert!(!rescued.contains(&lemma("guides")), "{rescued:?}");
    // Not an article and adjectives: "a quiet, leafy suburb" is no count.
    let hit = events_of(
        "The storm hit at noon on Sunday in Brill county, a quiet, leafy suburb of the port.",
        Kind::Date,
        "Sunday",
    );
    assert_eq!(hit.first(), Some(&lemma("hit")), "{hit:?}");
}

#[test]
fn a_conjunction_opening_a_clause_ends_the_figure_clause() {
    // "before bringing it under control" is another clause: what the four
    // hours were spent on is the fire before it.
    let fire = events_of(
        "Crews fought the fire for nearly four hours before bringing it under control.",
        Kind::Duration,
        "four hours",
    );
    assert_eq!(
        fire.first(),
        Some(&rules().lexicon.lemma("fire")),
        "{fire:?}"
    );
    let strike = events_of(
        "Drivers stayed off the job for nine days after they rejected the offer.",
        Kind::Duration,
        "nine days",
    );
    assert_eq!(
        strike.first(),
        Some(&rules().lexicon.lemma("job")),
        "{strike:?}"
    );
}

#[test]
fn a_hedged_length_of_time_is_the_length_it_hedges() {
    let (s, f) = facts(
        "Crews free divers trapped for 30 hours\n\nRescuers on Monday freed four divers who had been trapped for about 30 hours in a flooded cave.\n",
        Some("2025-03-10"),
    );
    let lengths = texts(&s, &f, |x| x.kind == Kind::Duration);
    assert_eq!(lengths, ["30 hours"], "{lengths:?}");
    assert_eq!(fact(&s, &f, Kind::Duration, "30 hours").also.len(), 1);
    // A range written out is a length of its own.
    let (s, f) = facts(
        "Crews free divers trapped for two days\n\nThe divers had been trapped for two to three days in a flooded cave.\n",
        Some("2025-03-10"),
    );
    assert_eq!(texts(&s, &f, |x| x.kind == Kind::Duration).len(), 2);
}

#[test]
fn percentage_points_and_basis_points_are_one_unit() {
    let (s, f) = facts(
        "The bank raised its main rate by half a percentage point to 4.75%.",
        None,
    );
    let change = fact(&s, &f, Kind::Quantity, "half a percentage point");
    assert_eq!(&s.text[change.start..change.end], "half a percentage point");
    assert_eq!(range(change), (0.5, 0.5, 0.5));
    let level = fact(&s, &f, Kind::Quantity, "4.75%");
    assert_eq!(range(level), (4.75, 4.75, 4.75));
    // "by 50 basis points to 4.75 per cent" is a change and a level, no
    // tally of 50 to 4.75.
    let (s, f) = facts(
        "The bank lifted its main rate by 50 basis points to 4.75 per cent.",
        None,
    );
    assert_eq!(
        texts(&s, &f, |x| x.kind == Kind::Quantity),
        ["50 basis points", "4.75 per cent"]
    );
    agrees_then_conflicts(
        (
            "The bank raised its main rate by half a percentage point to 4.75% on Wednesday.",
            Some("2025-06-11"),
        ),
        |d| format!("The central bank lifted its main rate by {d} to 4.75 per cent yesterday."),
        Some("2025-06-12"),
        "half a percentage point",
        ("50 basis points", "75 basis points"),
    );
    // A part of one unit is exact to a fifth of itself, not to the unit.
    assert_eq!(
        verdict(
            ("The queue stretched for half a mile.", None),
            ("The queue stretched for 800 metres.", None),
            "half a mile",
            "800 metres"
        ),
        Some(Verdict::Agree)
    );
}

#[test]
fn an_of_phrase_after_a_count_says_whose_not_what_happened() {
    let lemma = |w: &str| rules().lexicon.lemma(w);
    let voted = events_of(
        "Seven members of the rate-setting committee voted for the increase.",
        Kind::Quantity,
        "Seven members",
    );
    assert_eq!(voted.first(), Some(&lemma("voted")), "{voted:?}");
    let hurt = events_of(
        "Five members of the mountain rescue team were injured in the fall.",
        Kind::Quantity,
        "Five members",
    );
    assert_eq!(hurt.first(), Some(&lemma("injured")), "{hurt:?}");
}

/// A length of time a topic rule chose ("up to eight years in prison") meets
/// one told without the topic's word in a report that states no term of its
/// own ("a maximum of eight years on each count"), as a count of people does.
#[test]
fn a_topic_length_of_time_meets_one_told_without_its_word() {
    let a =
        "Holm, 44, faces up to eight years in prison on each count. He will be sentenced on May 3.";
    agrees_then_conflicts(
        (a, None),
        |n| {
            format!(
                "Holm, 44, faces a maximum of {n} years on each count and is to be sentenced on May 3."
            )
        },
        None,
        "eight years",
        ("eight", "twelve"),
    );
}

/// Two figures whose nearest words name one kind of thing ("profit fell" /
/// "earnings dropped") share their event as if the word were the same.
#[test]
fn figures_told_of_two_words_for_one_thing_share_their_event() {
    let a = "Pinecrest Bank said on Thursday it would cut about 1,200 jobs, or 8% of its \
             workforce, after first-quarter profit fell 23% to $410 million.\n\n\
             Revenue slipped 3% to $2.1 billion, below analysts' expectations of $2.2 billion.";
    agrees_then_conflicts(
        (a, None),
        |n| {
            format!(
                "Pinecrest Bank will eliminate roughly 1,500 positions, about 10 percent of \
                 its staff, the lender said Thursday, as its quarterly earnings dropped {n} \
                 percent to $410 million.\n\nRevenue fell 3 percent to $2.1 billion."
            )
        },
        None,
        "23%",
        ("23", "21"),
    );
}
