//! One test per extraction, alignment and comparison mechanism, on sentences
//! written for these tests (never the development articles).

use concur::compare::Verdict;
use concur::extract::{Fact, Value};
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
    let f = concur::facts(std::slice::from_ref(&s), &rules());
    (s, f)
}

fn fact<'a>(s: &Source, fs: &'a [Fact], kind: Kind, text: &str) -> &'a Fact {
    fs.iter()
        .find(|f| f.kind == kind && s.text[f.start..f.end].contains(text))
        .unwrap_or_else(|| panic!("no {kind:?} fact with {text:?} in {:?}", fs.iter().map(|f| &s.text[f.start..f.end]).collect::<Vec<_>>()))
}

fn range(f: &Fact) -> (f64, f64, f64) {
    match &f.value {
        Value::Quantity { value, low, high, .. } => (*value, *low, *high),
        Value::Duration { seconds, low, high } => (*seconds, *low, *high),
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

/// The verdict of the finding that cites `a` in the first text and `b` in the second.
fn verdict(a: (&str, Option<&str>), b: (&str, Option<&str>), qa: &str, qb: &str) -> Option<Verdict> {
    let sources = [src("a", a.0, a.1), src("b", b.0, b.1)];
    let analysis = concur::check(&sources, &rules());
    analysis
        .findings
        .iter()
        .find(|f| f.claims.iter().any(|c| c.source == 0 && c.text.contains(qa)) && f.claims.iter().any(|c| c.source == 1 && c.text.contains(qb)))
        .map(|f| f.verdict)
}

// ---- quantities -------------------------------------------------------------

#[test]
fn numbers_in_news_forms() {
    let (s, f) = facts("Crews cleared a dozen roads. Hundreds of homes flooded. The dam cost 1.2 billion dollars. The fund holds $4.5bn in bonds. About 3,000-plus volunteers came. Turnout was 64 percent.", None);
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "dozen")).0, 12.0);
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "Hundreds")).1, 200.0);
    let dam = fact(&s, &f, Kind::Quantity, "1.2 billion");
    assert_eq!(range(dam).0, 1.2e9);
    assert!(matches!(&dam.value, Value::Quantity { unit: Some(u), .. } if u == "USD"));
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "$4.5bn")).0, 4.5e9);
    let plus = range(fact(&s, &f, Kind::Quantity, "3,000-plus"));
    assert!(plus.1 <= 3000.0 && plus.2 > 3000.0, "{plus:?}");
    assert!(matches!(&fact(&s, &f, Kind::Quantity, "64 percent").value, Value::Quantity { unit: Some(u), .. } if u == "percent"));
}

#[test]
fn ranges_and_earlier_figures() {
    let (s, f) = facts("Between 30 and 40 boats sank. The count rose to 41 boats, up from 12 boats.", None);
    let r = range(fact(&s, &f, Kind::Quantity, "30 and 40"));
    assert_eq!((r.1, r.2), (30.0, 40.0));
    let earlier = fact(&s, &f, Kind::Quantity, "12 boats");
    let now = fact(&s, &f, Kind::Quantity, "41 boats");
    assert_ne!(earlier.topic, now.topic, "the earlier figure is its own topic");
}

#[test]
fn hedges_make_ranges() {
    let (s, f) = facts("Almost 40 stores closed. At least 46 patients were treated. More than $200,000 was raised.", None);
    assert_eq!(range(fact(&s, &f, Kind::Quantity, "Almost 40")), (40.0, 36.0, 40.0));
    let at_least = range(fact(&s, &f, Kind::Quantity, "At least 46"));
    assert!(at_least.1 == 46.0 && at_least.2.is_finite() && at_least.2 < 52.0, "{at_least:?}");
    let more = range(fact(&s, &f, Kind::Quantity, "More than $200,000"));
    assert!(more.2 < 215_000.0, "{more:?}");
}

#[test]
fn counted_noun_and_participles() {
    let (s, f) = facts("Some 45,000 spectators watched. A crowd of 45,210 filled the arena. The court heard 11 of 13 fraud and perjury counts.", None);
    assert_eq!(fact(&s, &f, Kind::Quantity, "45,210").rule, fact(&s, &f, Kind::Quantity, "45,000").rule);
    // A part of a total ("11 of 13 counts") is its own slot, beside the total.
    assert_eq!(fact(&s, &f, Kind::Quantity, "11 of 13").head.as_deref(), Some("part count"));
}

#[test]
fn ordinals_of_titles_are_not_counts() {
    let (s, f) = facts("It was their second World Cup and the 52nd minute of play.", None);
    assert!(f.iter().all(|x| !s.text[x.start..x.end].contains("second")));
    fact(&s, &f, Kind::Quantity, "52nd minute");
}

#[test]
fn units_convert_and_stay_out_of_topic_rules() {
    let (s, f) = facts("The survey put the magnitude at 5.9, at a depth of 12 kilometres, some 200 miles from the coast.", None);
    let depth = fact(&s, &f, Kind::Quantity, "12 kilometres");
    assert_eq!(range(depth).0, 12_000.0);
    assert_ne!(concur::rules::RuleSet::builtin().unwrap().rules[depth.rule].id, "magnitude");
    assert!((range(fact(&s, &f, Kind::Quantity, "200 miles")).0 - 321_868.8).abs() < 1.0);
}

#[test]
fn event_words_follow_clauses() {
    let (s, f) = facts("The agency said 1,200 people had been injured, nine remained missing and 40,000 had been evacuated.", None);
    let rs = rules();
    let id = |t: &str| rs.rules[fact(&s, &f, Kind::Quantity, t).rule].id.clone();
    assert_eq!(id("1,200"), "people-injured");
    assert_eq!(id("nine"), "people-missing");
    assert_eq!(id("40,000"), "people-evacuated");
}

#[test]
fn repeated_figures_are_one_fact_citing_each_mention() {
    let (s, f) = facts("Storm kills at least 27 in the valley\n\nThe storm killed at least 27 people in the valley on Monday.", None);
    let toll: Vec<_> = f.iter().filter(|x| x.kind == Kind::Quantity).collect();
    assert_eq!(toll.len(), 1, "{:?}", toll.iter().map(|x| &s.text[x.start..x.end]).collect::<Vec<_>>());
    assert_eq!(toll[0].also.len(), 1);
}

// ---- durations --------------------------------------------------------------

#[test]
fn durations_round_to_half_a_unit() {
    let (s, f) = facts("After a five-week strike and two to three weeks of talks, the plant reopened. The 30-year-old driver was fined.", None);
    let strike = fact(&s, &f, Kind::Duration, "five-week");
    assert_eq!(strike.head.as_deref(), Some("strik"));
    let talks = range(fact(&s, &f, Kind::Duration, "two to three weeks"));
    assert!(talks.1 < 2.0 * 604_800.0 && talks.2 > 3.0 * 604_800.0);
    assert!(f.iter().all(|x| x.kind != Kind::Duration || !s.text[x.start..x.end].contains("30-year")), "an age is not a duration");
}

// ---- dates ------------------------------------------------------------------

#[test]
fn relative_dates_resolve_against_publication() {
    // 2025-11-05 is a Wednesday.
    let (s, f) = facts("The council voted on Tuesday. A ruling could come as soon as Friday. Talks began earlier this week. A report last week said so. The bridge closed on March 3; it reopened the following day.", Some("2025-11-05"));
    assert_eq!(day(fact(&s, &f, Kind::Date, "Tuesday")), "2025-11-04");
    let friday = fact(&s, &f, Kind::Date, "as soon as Friday");
    assert!(matches!(&friday.value, Value::Date { start, end, .. } if start.to_string() == "2025-11-07" && *end == jiff::civil::Date::MAX));
    assert_eq!(day(fact(&s, &f, Kind::Date, "earlier this week")), "2025-11-03..2025-11-05");
    assert_eq!(day(fact(&s, &f, Kind::Date, "last week")), "2025-10-27..2025-11-02");
    assert_eq!(day(fact(&s, &f, Kind::Date, "March 3")), "2025-03-03");
    assert_eq!(day(fact(&s, &f, Kind::Date, "the following day")), "2025-03-04");
}

#[test]
fn month_year_and_holiday_dates() {
    let (s, f) = facts("The fire started in mid-March of last year and spread in 2019. Since the 1990s it has burned on New Year's Day. Crews met at 4:30 p.m. local time.", Some("2021-06-01"));
    assert_eq!(day(fact(&s, &f, Kind::Date, "mid-March")), "2020-03-11..2020-03-20");
    assert_eq!(day(fact(&s, &f, Kind::Date, "2019")), "2019-01-01..2019-12-31");
    assert_eq!(day(fact(&s, &f, Kind::Date, "1990s")), "1990-01-01..1999-12-31");
    assert_eq!(day(fact(&s, &f, Kind::Date, "New Year's Day")), "2021-01-01");
    let t = fact(&s, &f, Kind::Date, "4:30 p.m. local time");
    assert!(matches!(t.value, Value::Date { time: Some(990), .. }));
}

#[test]
fn dates_without_an_anchor_compare_month_and_day() {
    assert_eq!(verdict(("The museum reopens on Dec. 24.", None), ("The museum reopens on Christmas Eve.", None), "Dec. 24", "Christmas Eve"), Some(Verdict::Agree));
}

#[test]
fn each_reports_own_news_day_is_not_a_conflict() {
    let a = ("The agency said Friday that 12 wells were dry.", Some("2025-05-02"));
    let b = ("The agency said Wednesday that 19 wells were dry.", Some("2025-05-07"));
    assert_ne!(verdict(a, b, "Friday", "Wednesday"), Some(Verdict::Conflict));
}

// ---- names ------------------------------------------------------------------

#[test]
fn names_lose_titles_and_possessives_keep_initials() {
    let (s, f) = facts("Prosecutors met Gov. Ana M. Ruiz at the Harbor Trust. Ruiz's office said the Federal Bureau of Investigation (FBI) was told. The FBI declined comment.", None);
    let names: Vec<&str> = f.iter().filter(|x| x.kind == Kind::Name).map(|x| &s.text[x.start..x.end]).collect();
    assert!(names.contains(&"Ana M. Ruiz") && names.contains(&"Harbor Trust") && names.contains(&"Federal Bureau of Investigation"), "{names:?}");
    assert!(!names.contains(&"Prosecutors") && !names.contains(&"Ruiz") && !names.contains(&"FBI"), "{names:?}");
}

#[test]
fn name_variants_and_non_variants() {
    let v = |a: &str, b: &str| verdict((&format!("The deal was signed by {a} on the pier."), None), (&format!("The deal was signed by {b} on the pier."), None), a, b);
    assert_eq!(v("Robert Ortega", "Bob Ortega"), Some(Verdict::Variant));
    assert_eq!(v("Lena Sørensen", "Lena Sorensen"), Some(Verdict::Variant));
    assert_eq!(v("Marta Kowalczyk", "Marta Kowalczik"), Some(Verdict::Variant));
    assert_eq!(v("Marta Kowalczyk", "Marta Kowalczyk"), Some(Verdict::Agree));
    assert_eq!(v("West Ruritania", "East Ruritania"), None);
}

#[test]
fn acronyms_align_with_the_full_name() {
    assert_eq!(
        verdict(("The Coastal Safety Board (CSB) closed the pier.", None), ("The CSB closed the pier after the storm.", None), "Coastal Safety Board", "CSB"),
        Some(Verdict::Agree)
    );
}

// ---- claims -----------------------------------------------------------------

#[test]
fn negation_scope_modality_and_attribution() {
    let (s, f) = facts("The jury did not convict on every charge, court officials said. The mayor could be charged next year.", None);
    let convict = fact(&s, &f, Kind::Claim, "convict");
    assert!(matches!(convict.value, Value::Claim { negated: true, .. }));
    assert_eq!(convict.attribution.as_deref(), Some("court officials"));
    let charge = f.iter().find(|x| x.kind == Kind::Claim && s.text[x.start..x.end].contains("charge") && x.start < convict.end + 40);
    assert!(charge.is_none_or(|c| !matches!(c.value, Value::Claim { negated: true, .. })), "the negation belongs to `convict`");
    let hedged = fact(&s, &f, Kind::Claim, "charged");
    assert!(matches!(hedged.value, Value::Claim { modality: concur::extract::Modality::Hedged, .. }));
}

#[test]
fn antonyms_and_predictions() {
    assert_eq!(verdict(("The clerk was found not guilty of theft.", None), ("The clerk was acquitted of theft.", None), "not guilty", "acquitted"), Some(Verdict::Agree));
    assert_ne!(verdict(("The clerk could be charged with theft.", None), ("Police did not charge the clerk with theft.", None), "charged", "charge"), Some(Verdict::Conflict));
}

#[test]
fn a_negation_meets_the_positive_verb_in_another_source() {
    assert_eq!(
        verdict(("The council did not approve the budget for the library.", None), ("The council approved the budget for the library.", None), "approve", "approved"),
        Some(Verdict::Conflict)
    );
}

// ---- alignment --------------------------------------------------------------

#[test]
fn generic_nouns_align_with_specific_ones() {
    assert_eq!(
        verdict(("Four people climbed onto the stage during the concert.", None), ("The four protesters climbed onto the stage during the concert.", None), "Four people", "four protesters"),
        Some(Verdict::Agree)
    );
}

#[test]
fn different_years_are_different_events() {
    assert_eq!(
        verdict(("A 2012 flood in the valley killed 81 people.", None), ("The 2008 flood in the valley killed more than 8,000 people.", None), "81 people", "8,000 people"),
        None
    );
}

#[test]
fn a_figure_aligns_with_its_nearest_counterpart_not_a_subset() {
    let a = ("Health officials said 98 people fell ill in 22 states.", None);
    let b = ("Health officials said 121 people fell ill in 25 states. In Ohio, three people fell ill.", None);
    assert_eq!(verdict(a, b, "98", "121"), Some(Verdict::Conflict));
    assert_eq!(verdict(a, b, "98", "three"), None);
}

#[test]
fn topic_vocabulary_is_shared_evidence() {
    assert_eq!(verdict(("At least 41 people are dead after the storm.", None), ("The storm killed 38 people.", None), "41", "38"), Some(Verdict::Conflict));
}

#[test]
fn a_longer_name_that_begins_with_a_nickname_form_is_a_variant() {
    assert_eq!(
        verdict(("Matthew Ortega, a deputy chief, spoke.", None), ("Matt Ortega of the Harbor Trust urged calm.", None), "Matthew Ortega", "Matt Ortega"),
        Some(Verdict::Variant)
    );
}

#[test]
fn a_spelling_variant_among_forms_beats_a_shorter_form() {
    // a: "Ortega Farms of Millbrook" and later "Ortega Farms"; b: "Ortega Farm".
    let a = ("The lettuce came from Ortega Farms of Millbrook. Ortega Farms has stopped selling.", None);
    let b = ("A crop from Ortega Farm in Millbrook was sold to the prison.", None);
    assert_eq!(verdict(a, b, "Ortega Farms of Millbrook", "Ortega Farm"), Some(Verdict::Variant));
    // Written alike, a shorter form agrees.
    let c = ("A crop from Ortega Farms was sold to the prison.", None);
    assert_eq!(verdict(a, c, "Ortega Farms of Millbrook", "Ortega Farms"), Some(Verdict::Agree));
}

#[test]
fn claims_about_other_years_are_other_facts() {
    let (s, f) = facts("The storm killed 12 people on Monday. Officials confirmed the deaths. A 2011 storm in the valley killed 40 people.", None);
    let deaths: Vec<&str> = f.iter().filter(|x| x.kind == Kind::Claim && matches!(x.value, Value::Claim { negated: false, .. })).map(|x| &s.text[x.start..x.end]).collect();
    assert_eq!(deaths.len(), 2, "this year's deaths (two mentions, one fact) and 2011's: {deaths:?}");
}
