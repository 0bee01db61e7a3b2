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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes), or a dotted abbreviation like `U.S.`.
    Word,
    /// Digits with inner `,` `.` `:` `/` between digits, e.g. `1,900`, `6.1`, `4:30`.
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// True when this token directly follows the previous one with no space.
    pub glued: bool,
    /// True when its first character is an upper-case letter.
    pub caps: bool,
    /// Lower-cased text with curly apostrophes made straight.
    /// Inline up to 24 bytes (nearly every word): no allocation per token.
    pub lower: compact_str::CompactString,
}

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The most tokens a sentence may have before it is cut.
pub const MAX_SENTENCE_TOKENS: usize = 160;

/// Split a text into tokens, with offsets relative to `base`.
///
/// Works on byte offsets and decodes characters as it goes (no per-character
/// table), so its memory is the tokens alone.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    let at = |p: usize| -> Option<char> {
        match bytes.get(p) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => text.get(p..).and_then(|s| s.chars().next()),
            None => None,
        }
    };
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut prev_end: Option<usize> = None;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + c.len_utf8();
        let kind = if c.is_alphabetic() {
            // Dotted abbreviation: single letters each followed by '.', e.g. U.S. / D.C.
            let mut k = i;
            let mut dotted = 0;
            while let Some(ck) = at(k).filter(|ck| ck.is_alphabetic()) {
                let after = k + ck.len_utf8();
                if at(after) != Some('.') {
                    break;
                }
                dotted += 1;
                k = after + 1;
            }
            if dotted >= 2 && !at(k).is_some_and(char::is_alphabetic) {
                j = k;
            } else {
                loop {
                    // ASCII letters, the common case, a byte at a time.
                    while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
                        j += 1;
                    }
                    let Some(cj) = at(j) else { break };
                    if cj.is_alphabetic() {
                        j += cj.len_utf8();
                    } else if is_apostrophe(cj)
                        && at(j + cj.len_utf8()).is_some_and(char::is_alphabetic)
                    {
                        let next = at(j + cj.len_utf8()).map_or(0, char::len_utf8);
                        j += cj.len_utf8() + next;
                    } else {
                        break;
                    }
                }
            }
            TokKind::Word
        } else if c.is_ascii_digit() {
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    j += 1;
                } else if matches!(b, b',' | b'.' | b':' | b'/')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            TokKind::Number
        } else {
            TokKind::Punct
        };
        let slice = &text[start..j];
        let lower = if slice.is_ascii() {
            if slice.bytes().any(|b| b.is_ascii_uppercase()) {
                let mut l = compact_str::CompactString::from(slice);
                l.make_ascii_lowercase();
                l
            } else {
                compact_str::CompactString::from(slice)
            }
        } else {
            slice
                .chars()
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        out.push(Token {
            start: base + start,
            end: base + j,
            kind,
            glued: prev_end == Some(base + start),
            caps: c.is_uppercase(),
            lower,
        });
        prev_end = Some(base + j);
        i = j;
    }
    out
}

fn is_closer(t: &Token, text: &str) -> bool {
    matches!(
        &text[t.start..t.end],
        "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]"
    )
}

/// Segment a source body into sentences.
pub fn segment(src: &Source, lex: &Lexicon) -> Segmented {
    let text = &src.text;
    let tokens = tokenize(src.body(), src.body_start);
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
                start: tokens[from].start,
                end: tokens[cut - 1].end,
                tokens: from..cut,
                paragraph,
            });
            from = cut;
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        // Paragraph break: a blank line (two line breaks) between this token and the next.
        let t = &tokens[i];
        let mut boundary_after = false;
        if t.kind == TokKind::Punct && matches!(&text[t.start..t.end], "." | "!" | "?") {
            // Absorb closing quotes / brackets and repeated terminators.
            let mut k = i + 1;
            while k < tokens.len()
                && tokens[k].glued
                && (is_closer(&tokens[k], text)
                    || matches!(&text[tokens[k].start..tokens[k].end], "." | "!" | "?"))
            {
                k += 1;
            }
            let prev = if i > 0 { Some(&tokens[i - 1]) } else { None };
            let abbreviation = &text[t.start..t.end] == "."
                && t.glued
                && prev.is_some_and(|p| {
                    p.kind == TokKind::Word
                        && (lex.is_abbreviation(p.lower.as_str())
                            || (p.end - p.start == 1
                                && text[p.start..p.end].chars().all(char::is_uppercase)))
                });
            let next = tokens.get(k);
            let next_starts = next.is_none_or(|n| {
                let first = text[n.start..].chars().next().unwrap_or(' ');
                first.is_uppercase()
                    || first.is_ascii_digit()
                    || matches!(first, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '[')
            });
            let blank_after =
                next.is_some_and(|n| has_blank_line(&text[tokens[k - 1].end..n.start]));
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
            let gap = &text[t.end..n.start];
            if has_blank_line(gap) {
                boundary_after = true;
            }
        }
        i += 1;
        if boundary_after {
            push(&mut sentences, s_start_tok, i, paragraph);
            s_start_tok = i;
            paragraph += 1;
        }
    }
    push(&mut sentences, s_start_tok, tokens.len(), paragraph);
    Segmented { tokens, sentences }
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
        assert_eq!(toks[1].start, 17);
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
