//! A list that grows a fixed-size chunk at a time, and [`Facts`], the
//! facts of a check held that way.
//!
//! A large source's facts are the largest list of a check. A `Vec` that
//! doubles holds up to twice their room (three times while it moves them),
//! and one contiguous list of every source's facts must be allocated whole
//! while the lists it is made from still hold them. Chunks hold at most one
//! chunk more than their items and are never moved, and a list made from
//! another grows a chunk at a time while the other's chunks are freed.

use super::Fact;

/// Items in fixed-size chunks, indexed as one list.
#[derive(Debug, Clone)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

/// The facts of a check, every source's in turn, each in text order.
pub type Facts = Chunked<Fact>;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    /// Items per chunk (a power of two: indexing is a shift and a mask).
    pub const CHUNK: usize = 1024;

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < Self::CHUNK => last.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(Self::CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    /// The `i`th item pushed.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / Self::CHUNK)?.get(i % Self::CHUNK)
    }

    /// The items in the order pushed (of known length: a list collected
    /// from them is allocated once).
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            items: self.chunks.iter().flatten(),
            left: self.len,
        }
    }

    /// The items in the order pushed.
    pub fn iter_mut(&mut self) -> std::iter::Flatten<std::slice::IterMut<'_, Vec<T>>> {
        self.chunks.iter_mut().flatten()
    }

    /// Free the `c`th chunk once every item of it has been taken out: the
    /// items after it keep their places, and reading one of its own again
    /// panics.
    pub(crate) fn free_chunk(&mut self, c: usize) {
        self.chunks[c] = Vec::new();
    }
}

/// How many uses each chunk of a list has left, so that a pass reading the
/// items in its own order frees each chunk after its last use (chunks
/// with none are freed at once).
pub(crate) struct Uses {
    left: Vec<u32>,
}

impl Uses {
    /// The uses `items` (indices into `list`, each once per use) will make.
    pub(crate) fn new<T>(list: &mut Chunked<T>, items: impl Iterator<Item = usize>) -> Uses {
        let mut left = vec![0u32; list.len().div_ceil(Chunked::<T>::CHUNK)];
        for i in items {
            left[i / Chunked::<T>::CHUNK] += 1;
        }
        for (c, _) in left.iter().enumerate().filter(|&(_, &n)| n == 0) {
            list.free_chunk(c);
        }
        Uses { left }
    }

    /// Item `i` has been used once more: its chunk is freed after its last use.
    pub(crate) fn used<T>(&mut self, list: &mut Chunked<T>, i: usize) {
        let c = i / Chunked::<T>::CHUNK;
        self.left[c] -= 1;
        if self.left[c] == 0 {
            list.free_chunk(c);
        }
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.chunks[i / Self::CHUNK][i % Self::CHUNK]
    }
}

impl<T> std::ops::IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.chunks[i / Self::CHUNK][i % Self::CHUNK]
    }
}

/// The items of a [`Chunked`] list in order.
#[derive(Clone)]
pub struct Iter<'a, T> {
    items: std::iter::Flatten<std::slice::Iter<'a, Vec<T>>>,
    left: usize,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let item = self.items.next()?;
        self.left -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let item = self.items.next_back()?;
        self.left -= 1;
        Some(item)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<'a, T> IntoIterator for &'a Chunked<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> IntoIterator for Chunked<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.into_iter().flatten()
    }
}

impl<T> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut out = Chunked::default();
        for item in items {
            out.push(item);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_across_chunks_as_one_list() {
        let n = 3 * Chunked::<usize>::CHUNK + 5;
        let mut list: Chunked<usize> = (0..n).collect();
        assert_eq!(list.len(), n);
        assert!((0..n).all(|i| list[i] == i && list.get(i) == Some(&i)));
        assert_eq!(list.get(n), None);
        assert!(list.iter().copied().eq(0..n));
        assert_eq!(list.iter().len(), n);
        assert_eq!(list.iter().skip(5).size_hint(), (n - 5, Some(n - 5)));
        assert!(list.iter().rev().copied().eq((0..n).rev()));
        list[n - 1] = 7;
        list.free_chunk(0);
        assert_eq!(list.get(0), None);
        assert_eq!(list[Chunked::<usize>::CHUNK], Chunked::<usize>::CHUNK);
        assert_eq!(list.into_iter().last(), Some(7));
    }

    #[test]
    fn a_chunk_is_freed_after_its_last_use() {
        let n = 2 * Chunked::<usize>::CHUNK;
        let mut list: Chunked<usize> = (0..n).collect();
        // Only the second chunk is used, item `n - 1` twice.
        let mut uses = Uses::new(&mut list, (n / 2..n).chain([n - 1]));
        assert_eq!(list.get(0), None);
        for i in n / 2..n {
            uses.used(&mut list, i);
        }
        assert_eq!(list.get(n - 1), Some(&(n - 1)));
        uses.used(&mut list, n - 1);
        assert_eq!(list.get(n - 1), None);
    }
}
