//! A small stable sort for the engine's short lists (reasons, criteria, changes: a few
//! dozen items at most). The standard library's sort is far faster on long lists, but it
//! puts a copy of its code into the wasm for every element type it sorts; this one is a
//! few hundred bytes (figures: README.md, "Size"). clippy.toml disallows std's sorts.

/// Sorts `items` by `key`, keeping the order of equal items (insertion sort: O(n²), meant
/// for lists of at most a few hundred items).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for unsorted in 1..items.len() {
        let mut index = unsorted;
        while index > 0 && key(&items[index - 1]) > key(&items[index]) {
            items.swap(index - 1, index);
            index -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |item| item.0);
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |item| *item);
        assert!(empty.is_empty());
    }
}
