//! Text at the bottom of the pipeline: tokens with byte offsets, and words
//! folded for comparison. Every stage above may use it; it uses nothing of
//! the crate.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes), or a dotted abbreviation like `U.S.`.
    Word,
    /// Digits with inner `,` `.` `:` `/` between digits, e.g. `1,900`, `6.1`, `4:30`.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token. Compact (32 bytes): a large source holds millions of them
/// at once, and they were the largest thing in memory while it was read.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offsets in the source file (sources are under 4 GiB: `Source`).
    from: u32,
    to: u32,
    pub kind: TokKind,
    /// True when this token directly follows the previous one with no space.
    pub glued: bool,
    /// True when its first character is an upper-case letter.
    pub caps: bool,
    /// Lower-cased text with curly apostrophes made straight.
    /// Inline up to 15 bytes (nearly every word): no allocation per token.
    pub lower: ecow::EcoString,
}

impl Token {
    /// Byte offset of its first byte in the source file.
    pub fn start(&self) -> usize {
        self.from as usize
    }

    /// Byte offset just past its last byte in the source file.
    pub fn end(&self) -> usize {
        self.to as usize
    }

    /// Its byte span in the source file.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

/// The most bytes a text may have: token offsets are 32-bit.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

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
                // Lower-cased on the stack when short: no allocation.
                let mut buf = [0u8; 15];
                if slice.len() <= buf.len() {
                    let buf = &mut buf[..slice.len()];
                    buf.copy_from_slice(slice.as_bytes());
                    buf.make_ascii_lowercase();
                    ecow::EcoString::from(std::str::from_utf8(buf).unwrap_or_default())
                } else {
                    ecow::EcoString::from(slice.to_ascii_lowercase())
                }
            } else {
                ecow::EcoString::from(slice)
            }
        } else {
            slice
                .chars()
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        // (`Source` refuses texts of more than `MAX_TEXT_BYTES`.)
        out.push(Token {
            from: (base + start) as u32,
            to: (base + j) as u32,
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

/// Fold a word for comparison: strip diacritics, lower-case, drop punctuation.
pub fn fold(w: &str) -> String {
    // ASCII has nothing to decompose: the same result without NFKD.
    if w.is_ascii() {
        return w
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
    }
    w.nfkd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large source holds millions of tokens at once: their size is most
    /// of the memory reading it takes.
    #[test]
    fn a_token_takes_32_bytes() {
        assert!(std::mem::size_of::<Token>() <= 32);
    }

    #[test]
    fn tokens_keep_offsets_and_lower_case_of_any_length() {
        let text = "Said INTERNATIONALISATION-Wide Élan don’t";
        let toks = tokenize(text, 7);
        let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            ["said", "internationalisation", "-", "wide", "élan", "don't"]
        );
        assert_eq!(toks[1].span(), 12..32);
        assert!(toks[2].glued && toks[1].caps && !toks[2].caps);
    }
}
