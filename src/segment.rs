//! Segmentation: a source body becomes sentences of tokens.
//!
//! Tokens keep byte offsets into the source file, so every later stage can
//! point back at exact text. Hyphens and slashes are tokens of their own and
//! adjacency (`glued`) records where no space stood, so "five-week" and
//! "Anna Berg-lund" stay recoverable without the tokenizer deciding what a
//! compound means. Sentence boundaries come from terminal punctuation (not
//! after a known abbreviation or an initial) and from blank lines.

use crate::rules::Lexicon;
use crate::source::Source;
pub use crate::text::{TokKind, Token, tokenize};

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index range into `Segmented::tokens`.
    pub tokens: std::ops::Range<usize>,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

#[derive(Debug, Clone)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }
}

/// The most tokens a sentence may have before it is cut.
pub const MAX_SENTENCE_TOKENS: usize = 160;

fn is_closer(t: &Token, text: &str) -> bool {
    matches!(
        &text[t.start()..t.end()],
        "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]"
    )
}

/// Segment a source body into sentences.
pub fn segment(src: &Source, lex: &Lexicon) -> Segmented {
    segment_range(src, lex, src.body_start..src.text.len())
}

/// Where a large source body is cut to be read a stretch at a time: at
/// blank lines, each stretch (but the last) at least `target` bytes long.
/// A blank line ends a sentence and a paragraph, so the stretches segment
/// into exactly the sentences of the whole body, in order (the suite
/// checks it). A body with no blank line past `target` is one stretch.
pub fn chunks(src: &Source, target: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = src.text.as_bytes();
    let mut out = Vec::new();
    let mut from = src.body_start;
    while bytes.len() - from > target {
        let Some(cut) = (from + target..bytes.len() - 1).find(|&p| {
            bytes[p] == b'\n' && (bytes[p + 1] == b'\n' || bytes[p + 1..].starts_with(b"\r\n"))
        }) else {
            break;
        };
        out.push(from..cut + 1);
        from = cut + 1;
    }
    out.push(from..bytes.len());
    out
}

/// Segment the stretch `range` of a source's body (see [`chunks`]):
/// tokens keep their offsets in the whole file, paragraphs are numbered
/// from the stretch's first.
pub fn segment_range(src: &Source, lex: &Lexicon, range: std::ops::Range<usize>) -> Segmented {
    let text = &src.text;
    let tokens = tokenize(&text[range.clone()], range.start);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut s_start_tok = 0;
    // A "sentence" longer than any real one (a table, a list with no full
    // stops, hostile input) is cut into pieces, preferably after a comma or
    // semicolon: every later stage looks at a sentence as a whole, so this
    // bound is what keeps their cost linear in the size of the source.
    let push = |sentences: &mut Vec<Sentence>, from: usize, to: usize, paragraph: usize| {
        let mut from = from;
        while from < to {
            let mut cut = to;
            if to - from > MAX_SENTENCE_TOKENS {
                let limit = from + MAX_SENTENCE_TOKENS;
                cut = (from + MAX_SENTENCE_TOKENS / 2..limit)
                    .rev()
                    .find(|&k| matches!(tokens[k].lower.as_str(), "," | ";"))
                    .map_or(limit, |k| k + 1);
            }
            sentences.push(Sentence {
                start: tokens[from].start(),
                end: tokens[cut - 1].end(),
                tokens: from..cut,
                paragraph,
            });
            from = cut;
        }
    };
    // A token that opens a line (the body's first does).
    let line_start = |i: usize| {
        i == 0
            || text.as_bytes()[tokens[i - 1].end()..tokens[i].start()]
                .iter()
                .any(|&b| b == b'\n' || b == b'\r')
    };
    // A heading runs to the end of its line, full stop or not.
    let mut heading = false;
    let mut i = 0;
    while i < tokens.len() {
        if line_start(i) {
            if heading {
                push(&mut sentences, s_start_tok, i, paragraph);
                s_start_tok = i;
                heading = false;
            }
            // Markup that opens a line ("# ", "> ", "- ", "1. ") is no word
            // of the sentence after it, which it starts: a list item is a
            // sentence of its own, and "1." counts nothing.
            if let Some(after) = markup_end(&tokens, text, i) {
                push(&mut sentences, s_start_tok, i, paragraph);
                heading = &text[tokens[i].start()..tokens[i].end()] == "#";
                s_start_tok = after;
                i = after;
                continue;
            }
        }
        // Paragraph break: a blank line (two line breaks) between this token and the next.
        let t = &tokens[i];
        let mut boundary_after = false;
        let mut sentence_after = false;
        if t.kind == TokKind::Punct && matches!(&text[t.start()..t.end()], "." | "!" | "?") {
            // Absorb closing quotes / brackets and repeated terminators.
            let mut k = i + 1;
            while k < tokens.len()
                && tokens[k].glued
                && (is_closer(&tokens[k], text)
                    || matches!(&text[tokens[k].start()..tokens[k].end()], "." | "!" | "?"))
            {
                k += 1;
            }
            let prev = if i > 0 { Some(&tokens[i - 1]) } else { None };
            let abbreviation = &text[t.start()..t.end()] == "."
                && t.glued
                && prev.is_some_and(|p| {
                    p.kind == TokKind::Word
                        && (lex.is_abbreviation(p.lower.as_str())
                            || (p.end() - p.start() == 1
                                && text[p.start()..p.end()].chars().all(char::is_uppercase)))
                });
            let next = tokens.get(k);
            let next_starts = next.is_none_or(|n| {
                let first = text[n.start()..].chars().next().unwrap_or(' ');
                first.is_uppercase()
                    || first.is_ascii_digit()
                    || matches!(first, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '[')
            });
            let blank_after =
                next.is_some_and(|n| has_blank_line(&text[tokens[k - 1].end()..n.start()]));
            if (!abbreviation && next_starts) || blank_after {
                push(&mut sentences, s_start_tok, k, paragraph);
                s_start_tok = k;
                if blank_after {
                    paragraph += 1;
                }
                i = k;
                continue;
            }
        }
        if let Some(n) = tokens.get(i + 1) {
            let gap = &text[t.end()..n.start()];
            if has_blank_line(gap) {
                boundary_after = true;
            }
            // "a.m." and "p.m." carry their full stop: they end a sentence
            // when a capitalised word follows ("just before 11 p.m.
            // Witnesses said"), unless it is a day, a month or a time zone
            // ("11 p.m. Friday", "8 a.m. Eastern").
            if t.kind == TokKind::Word
                && t.lower.ends_with('.')
                && matches!(t.lower.as_str().replace('.', "").as_str(), "am" | "pm")
                && n.kind == TokKind::Word
                && !n.glued
                && text[n.start()..].starts_with(char::is_uppercase)
                && !lex.starts_date(n.lower.as_str())
                && !lex.def.dates.zones.contains_key(n.lower.as_str())
            {
                sentence_after = true;
            }
        }
        i += 1;
        if boundary_after || sentence_after {
            push(&mut sentences, s_start_tok, i, paragraph);
            s_start_tok = i;
            if boundary_after {
                paragraph += 1;
            }
        }
    }
    push(&mut sentences, s_start_tok, tokens.len(), paragraph);
    Segmented { tokens, sentences }
}

/// Where the markup opening a line at token `i` ends: a heading's "#"s, a
/// quote's ">"s, a bullet ("-", "*", "+", "•") or a list number ("1.",
/// "12)") followed by a space and more of the line.
fn markup_end(tokens: &[Token], text: &str, i: usize) -> Option<usize> {
    let sym = |k: usize| tokens.get(k).map(|t| &text[t.start()..t.end()]);
    let end = match sym(i)? {
        m @ ("#" | ">") => (i..tokens.len())
            .find(|&k| sym(k) != Some(m))
            .unwrap_or(tokens.len()),
        "-" | "*" | "+" | "\u{2022}" => i + 1,
        n if tokens[i].kind == TokKind::Number
            && n.len() <= 3
            && n.bytes().all(|b| b.is_ascii_digit())
            && matches!(sym(i + 1), Some("." | ")"))
            && tokens[i + 1].glued =>
        {
            i + 2
        }
        _ => return None,
    };
    // Something follows on the same line, after a space.
    tokens
        .get(end)
        .filter(|t| !t.glued && !text[tokens[end - 1].end()..t.start()].contains(['\n', '\r']))
        .map(|_| end)
}

fn has_blank_line(gap: &str) -> bool {
    // Nearly every gap is one space: no line break, no blank line.
    if !gap.bytes().any(|b| b == b'\n' || b == b'\r') {
        return false;
    }
    gap.matches('\n').count() >= 2
        || gap.matches('\r').count() - gap.matches("\r\n").count() + gap.matches('\n').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> (Source, Segmented) {
        let src = Source::from_text("t", text.to_string()).unwrap();
        let lex = crate::rules::RuleSet::builtin().unwrap().lexicon;
        let s = segment(&src, &lex);
        (src, s)
    }

    #[test]
    fn tokens_keep_offsets() {
        let toks = tokenize("Almost 2,300 U.S. boxes\u{a0}— Anna Berg-lund’s", 10);
        let texts: Vec<_> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            texts,
            [
                "almost", "2,300", "u.s.", "boxes", "—", "anna", "berg", "-", "lund's"
            ]
        );
        assert_eq!(toks[1].start(), 17);
        assert!(toks[7].glued && toks[8].glued && !toks[5].glued);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let (src, s) = seg(
            "The ship docked Oct. 3. Judge Ana M. Ruiz spoke. \"Go.\" Then\n\nTitle line\n\nNext one.",
        );
        let got: Vec<_> = s
            .sentences
            .iter()
            .map(|x| &src.text[x.start..x.end])
            .collect();
        assert_eq!(
            got,
            [
                "The ship docked Oct. 3.",
                "Judge Ana M. Ruiz spoke.",
                "\"Go.\"",
                "Then",
                "Title line",
                "Next one."
            ]
        );
    }
}
