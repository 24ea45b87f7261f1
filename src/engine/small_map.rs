//! A map for the few entries the engine keys by id: a `Vec` kept sorted by key.
//!
//! It iterates in key order like `BTreeMap`, so problems and views list entries the same
//! way, but costs far less wasm: `BTreeMap` brings its tree code for every key and value
//! type it is used with (figures: README.md, "Size"; clippy.toml disallows it). Lookups
//! are binary searches and inserts shift a few entries; no map here holds more than a
//! dataset's questions.

use std::borrow::Borrow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmallMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SmallMap<K, V> {
    pub fn new() -> Self {
        SmallMap::default()
    }

    /// Where `key` is (`Ok`), or where it would go to keep the keys sorted (`Err`).
    fn search<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries
            .binary_search_by(|(entry, _)| entry.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let index = self.search(key).ok()?;
        Some(&self.entries[index].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.search(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.search(&key) {
            Ok(index) => Some(std::mem::replace(&mut self.entries[index].1, value)),
            Err(index) => {
                self.entries.insert(index, (key, value));
                None
            }
        }
    }

    /// The value of `key`, inserting `value` first when the key is new.
    pub fn get_or_insert(&mut self, key: K, value: V) -> &mut V {
        let index = match self.search(&key) {
            Ok(index) => index,
            Err(index) => {
                self.entries.insert(index, (key, value));
                index
            }
        };
        &mut self.entries[index].1
    }
}

impl<K, V> SmallMap<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries in key order.
    pub fn iter(&self) -> <&Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, value)| value)
    }
}

impl<'a, K, V> IntoIterator for &'a SmallMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(key, value)| (key, value))
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn keeps_keys_sorted_and_unique() {
        let mut map = SmallMap::new();
        assert_eq!(map.insert("b".to_string(), 2), None);
        assert_eq!(map.insert("a".to_string(), 1), None);
        assert_eq!(map.insert("c".to_string(), 3), None);
        assert_eq!(map.insert("b".to_string(), 20), Some(2));
        let entries: Vec<(&str, i32)> = map
            .iter()
            .map(|(key, value)| (key.as_str(), *value))
            .collect();
        assert_eq!(entries, [("a", 1), ("b", 20), ("c", 3)]);
        assert_eq!(map.get("b"), Some(&20));
        assert_eq!(map.get("z"), None);
        assert_eq!(map.len(), 3);
    }

    #[test]
    fn get_or_insert_inserts_once() {
        let mut map: SmallMap<&str, Vec<u8>> = SmallMap::new();
        map.get_or_insert("x", Vec::new()).push(1);
        map.get_or_insert("x", Vec::new()).push(2);
        assert_eq!(map.get("x"), Some(&vec![1, 2]));
        map.clear();
        assert!(map.is_empty());
    }
}
