//! [`Word`]: a lemma as stored in event lists and lemma tables, and its
//! [`key`], as stored in contexts.
//!
//! Contexts are sorted word lists that alignment merges and intersects for
//! every candidate pair, so comparing two words is the hot operation; a
//! fact's context keeps only each word's key (a large source holds millions
//! of context entries), which orders as the words do. A word
//! carries a 64-bit FNV-1a hash of its text, computed once when it is made,
//! and orders by that hash first: nearly every comparison is one integer
//! compare, and the text decides only between equal hashes, so the order is
//! total, exact and the same on every machine. The text is shared: copying a
//! word costs a reference count, not an allocation.

use arcstr::ArcStr;
use std::cmp::Ordering;

#[derive(Clone)]
pub struct Word {
    key: u64,
    text: ArcStr,
}

/// FNV-1a, 64 bits: fixed constants, no seed, so keys never vary by run or machine.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Word {
    pub fn new(text: &str) -> Word {
        Word {
            key: fnv1a(text),
            text: ArcStr::from(text),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The word's 64-bit key ([`key`] of its text): how a context holds it.
    pub fn key(&self) -> u64 {
        self.key
    }
}

/// The key of a word's text: a context stores its words as keys (8 bytes,
/// no reference count), which order as [`Word`]s do.
pub fn key(text: &str) -> u64 {
    fnv1a(text)
}

/// The key of a word of a name, its possessive dropped: "Acme's" is
/// "Acme". Names a figure's or a claim's sentence states are held so.
pub fn name_key(lower: &str) -> u64 {
    key(lower.strip_suffix("'s").unwrap_or(lower))
}

impl From<&str> for Word {
    fn from(s: &str) -> Word {
        Word::new(s)
    }
}

impl From<String> for Word {
    fn from(s: String) -> Word {
        Word {
            key: fnv1a(&s),
            text: ArcStr::from(s),
        }
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        self.key == other.key
            && (ArcStr::ptr_eq(&self.text, &other.text) || self.text == other.text)
    }
}

impl Eq for Word {}

impl Ord for Word {
    fn cmp(&self, other: &Word) -> Ordering {
        self.key.cmp(&other.key).then_with(|| {
            if ArcStr::ptr_eq(&self.text, &other.text) {
                Ordering::Equal
            } else {
                self.text.cmp(&other.text)
            }
        })
    }
}

impl PartialOrd for Word {
    fn partial_cmp(&self, other: &Word) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.key);
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.text, f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Sort a context by word and keep one entry per word, with its largest weight.
pub fn normalize<K: Ord>(context: &mut Vec<(K, f32)>) {
    normalize_by(context, |e| (&e.0, e.1));
}

/// [`normalize`] for entries that hold more than a word and its weight:
/// `entry` gives those two.
pub fn normalize_by<T, K: Ord>(context: &mut Vec<T>, entry: impl Fn(&T) -> (&K, f32)) {
    context.sort_unstable_by(|a, b| {
        let ((ka, xa), (kb, xb)) = (entry(a), entry(b));
        ka.cmp(kb).then(xb.total_cmp(&xa))
    });
    context.dedup_by(|later, first| entry(later).0 == entry(first).0);
}

/// Keep the `n` heaviest entries of a normalized context (ties: the first
/// words in order), still sorted by word.
pub fn keep_strongest<K: Ord>(context: &mut Vec<(K, f32)>, n: usize) {
    if context.len() <= n {
        return;
    }
    let mut order: Vec<usize> = (0..context.len()).collect();
    order.select_nth_unstable_by(n, |&a, &b| {
        context[b].1.total_cmp(&context[a].1).then(a.cmp(&b))
    });
    let mut keep = vec![false; context.len()];
    for &i in &order[..n] {
        keep[i] = true;
    }
    let mut k = 0;
    context.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Merge `more` into `context`, both normalized: one entry per word, with
/// its largest weight. Linear in their lengths.
pub fn merge<K: Ord>(context: &mut Vec<(K, f32)>, more: Vec<(K, f32)>) {
    // Mostly `more` repeats words already there (a fact stated again): then
    // only weights change, in place.
    let mut at = 0;
    let subset = more.iter().all(|(w, x)| {
        while at < context.len() && context[at].0 < *w {
            at += 1;
        }
        let found = at < context.len() && context[at].0 == *w;
        if found {
            context[at].1 = context[at].1.max(*x);
        }
        found
    });
    if subset {
        return;
    }
    let mine = std::mem::take(context);
    let mut out = Vec::with_capacity(mine.len() + more.len());
    let (mut a, mut b) = (mine.into_iter().peekable(), more.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.0.cmp(&y.0) {
                Ordering::Less => a.next(),
                Ordering::Greater => b.next(),
                Ordering::Equal => {
                    let (w, x) = a.next().expect("peeked");
                    let y = b.next().expect("peeked").1;
                    Some((w, x.max(y)))
                }
            },
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    *context = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_total_and_equality_is_by_text() {
        let (a, b, a2) = (
            Word::new("quake"),
            Word::new("killed"),
            Word::from("quake".to_string()),
        );
        assert_eq!(a, a2);
        assert_ne!(a, b);
        assert_eq!(a.cmp(&a2), Ordering::Equal);
        assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        // Fixed keys: the same on every run and machine.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn normalize_keeps_the_largest_weight() {
        let mut c = vec![
            (Word::new("b"), 0.2),
            (Word::new("a"), 0.5),
            (Word::new("b"), 0.9),
            (Word::new("a"), 0.1),
        ];
        normalize(&mut c);
        let mut got: Vec<(String, f32)> = c.iter().map(|(w, x)| (w.to_string(), *x)).collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(got, [("a".to_string(), 0.5), ("b".to_string(), 0.9)]);
        assert!(c.windows(2).all(|p| p[0].0 < p[1].0));
    }

    #[test]
    fn merge_equals_normalize_of_both() {
        let words = ["quake", "killed", "toll", "rose", "county", "dead"];
        let list = |picks: &[(usize, f32)]| {
            let mut v: Vec<(Word, f32)> = picks
                .iter()
                .map(|&(i, x)| (Word::new(words[i]), x))
                .collect();
            normalize(&mut v);
            v
        };
        let (a, b) = (
            list(&[(0, 0.5), (1, 0.2), (3, 0.9)]),
            list(&[(1, 0.7), (2, 0.1), (5, 0.3), (0, 0.4)]),
        );
        let mut merged = a.clone();
        merge(&mut merged, b.clone());
        let mut both = [a, b].concat();
        normalize(&mut both);
        assert_eq!(merged, both);
    }
}
