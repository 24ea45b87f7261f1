//! The wasm's memory allocator: power-of-two size classes with a free list each.
//!
//! Rust's default allocator on `wasm32-unknown-unknown` is dlmalloc, about 7 KB of wasm
//! (3 KB brotli) for coalescing, splitting and trimming that a widget does not need. This
//! one rounds every request up to a power of two (16 bytes at least), hands out a freed
//! block of that size when there is one, and otherwise takes fresh memory from the end of
//! the heap, growing the wasm memory a page run at a time. Blocks are never split or
//! merged, so a block freed at one size is reused at that size: memory use is bounded by
//! the most ever live in each size class, at most twice what was asked for.
//!
//! Every block is aligned to its own size (up to a page), so any request whose alignment
//! is at most its rounded size fits any block of its class. Requests aligned to more than
//! a wasm page (64 KiB) fail, as no Rust type here asks for that.
//!
//! The logic is plain Rust over addresses, tested natively on a buffer that stands in for
//! the wasm memory; `lib.rs` installs it as the global allocator on wasm32 only.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ptr::null_mut;

/// A wasm memory page.
pub const PAGE: usize = 65536;
/// The smallest block, 16 bytes (`1 << MIN_SHIFT`): room for the free list's link.
const MIN_SHIFT: u32 = 4;
/// Classes of 16 B up to 2 GiB, more than a 32-bit `Layout` can ask for.
const CLASSES: usize = 28;
/// Fresh memory is taken at least this many pages at a time.
const MIN_GROW_PAGES: usize = 16;

/// The allocator. `grow` adds `pages` pages of zeroed memory and returns the address of the
/// first, or `None` when there is no more.
pub struct Heap<G: Fn(usize) -> Option<usize>> {
    /// The first free block of each class (0: none); each free block holds the next's address.
    free: [Cell<usize>; CLASSES],
    /// The fresh memory not handed out yet: from `next` to `end`.
    next: Cell<usize>,
    end: Cell<usize>,
    grow: G,
}

impl<G: Fn(usize) -> Option<usize>> Heap<G> {
    pub const fn new(grow: G) -> Heap<G> {
        Heap {
            free: [const { Cell::new(0) }; CLASSES],
            next: Cell::new(0),
            end: Cell::new(0),
            grow,
        }
    }

    /// Fresh memory for a block of `size` bytes aligned to `align`.
    fn fresh(&self, size: usize, align: usize) -> Option<usize> {
        let fits = |next: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            let end = start.checked_add(size)?;
            (end <= self.end.get()).then_some((start, end))
        };
        let (start, end) = match fits(self.next.get()) {
            Some(found) => found,
            None => {
                let pages = (size / PAGE + 1).max(MIN_GROW_PAGES);
                let base = (self.grow)(pages)?;
                // Memory grown by anyone else in between leaves a gap: start after it.
                if base != self.end.get() {
                    self.next.set(base);
                }
                self.end.set(base.checked_add(pages * PAGE)?);
                fits(self.next.get())?
            }
        };
        self.next.set(end);
        Some(start)
    }
}

/// The class of `layout`: blocks of `16 << class` bytes.
fn class(layout: &Layout) -> usize {
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    (usize::BITS - (size - 1).leading_zeros() - MIN_SHIFT) as usize
}

// SAFETY: blocks are handed out once until freed (a free list pops its head; fresh memory
// moves `next` past the block), are as large and as aligned as their layout asks (see the
// module comment), and `grow` gives memory that nothing else uses.
unsafe impl<G: Fn(usize) -> Option<usize>> GlobalAlloc for Heap<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > PAGE {
            return null_mut();
        }
        let class = class(&layout);
        let head = self.free[class].get();
        if head != 0 {
            // SAFETY: a free block of this class starts with the next one's address.
            self.free[class].set(unsafe { *(head as *const usize) });
            return head as *mut u8;
        }
        let size = 1 << (class as u32 + MIN_SHIFT);
        match self.fresh(size, size.min(PAGE)) {
            Some(address) => address as *mut u8,
            None => null_mut(),
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let class = class(&layout);
        // SAFETY: the block is ours, at least 16 bytes and aligned, and no longer used.
        unsafe { *(block as *mut usize) = self.free[class].get() };
        self.free[class].set(block as usize);
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller passes a valid new size for this alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(&new_layout) == class(&layout) {
            return block;
        }
        // SAFETY: as in `GlobalAlloc::realloc`'s default: a new block, the bytes, the old freed.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}

/// The wasm memory's own growth.
#[cfg(target_arch = "wasm32")]
pub fn grow_memory(pages: usize) -> Option<usize> {
    match core::arch::wasm32::memory_grow::<0>(pages) {
        usize::MAX => None,
        previous => previous.checked_mul(PAGE),
    }
}

// SAFETY: wasm32-unknown-unknown (without the `atomics` feature, which this crate does not
// enable) runs one thread, so the cells are never used from two threads.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for Heap<fn(usize) -> Option<usize>> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A heap over a buffer of `pages` pages that stands in for the wasm memory.
    fn heap(pages: usize) -> Heap<impl Fn(usize) -> Option<usize>> {
        let memory = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
        // SAFETY: a non-zero size; the buffer lives as long as the test process.
        let base = unsafe { std::alloc::alloc_zeroed(memory) } as usize;
        assert_ne!(base, 0);
        let used = Cell::new(0);
        Heap::new(move |grow: usize| {
            let first = used.get();
            (first + grow <= pages).then(|| {
                used.set(first + grow);
                base + first * PAGE
            })
        })
    }

    #[test]
    fn size_classes_are_powers_of_two_from_16_bytes() {
        let class_of = |size, align| class(&Layout::from_size_align(size, align).unwrap());
        assert_eq!(class_of(0, 1), 0);
        assert_eq!(class_of(16, 1), 0);
        assert_eq!(class_of(17, 1), 1);
        assert_eq!(class_of(32, 8), 1);
        assert_eq!(class_of(4, 64), 2);
        assert_eq!(class_of(PAGE, 1), 12);
        assert_eq!(class_of(PAGE + 1, 1), 13);
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused_by_size() {
        let heap = heap(64);
        let mut live: Vec<(usize, Layout)> = Vec::new();
        for (index, (size, align)) in [(1, 1), (24, 8), (100, 4), (5000, 16), (70000, 8), (8, 128)]
            .into_iter()
            .cycle()
            .take(60)
            .enumerate()
        {
            let layout = Layout::from_size_align(size, align).unwrap();
            let block = unsafe { heap.alloc(layout) } as usize;
            assert_ne!(block, 0);
            assert_eq!(block % align, 0, "{size} bytes aligned to {align}");
            // Filled with a mark, so an overlap would show in a block checked below.
            unsafe { std::ptr::write_bytes(block as *mut u8, index as u8, size) };
            live.push((block, layout));
        }
        for (index, &(block, layout)) in live.iter().enumerate() {
            let bytes = unsafe { std::slice::from_raw_parts(block as *const u8, layout.size()) };
            assert!(bytes.iter().all(|&byte| byte == index as u8));
        }
        let (block, layout) = live[3];
        unsafe { heap.dealloc(block as *mut u8, layout) };
        assert_eq!(unsafe { heap.alloc(layout) } as usize, block);
    }

    #[test]
    fn realloc_keeps_the_bytes_and_the_block_within_a_class() {
        let heap = heap(MIN_GROW_PAGES);
        let layout = Layout::from_size_align(20, 4).unwrap();
        let block = unsafe { heap.alloc(layout) };
        unsafe { std::ptr::copy_nonoverlapping(b"twenty bytes exactly".as_ptr(), block, 20) };
        assert_eq!(unsafe { heap.realloc(block, layout, 32) }, block);
        let moved = unsafe { heap.realloc(block, layout, 33) };
        assert_ne!(moved, block);
        let bytes = unsafe { std::slice::from_raw_parts(moved, 20) };
        assert_eq!(bytes, b"twenty bytes exactly");
    }

    #[test]
    fn running_out_of_memory_is_a_null_pointer() {
        let heap = heap(MIN_GROW_PAGES);
        let half = Layout::from_size_align(MIN_GROW_PAGES / 2 * PAGE, 1).unwrap();
        assert!(!unsafe { heap.alloc(half) }.is_null());
        assert!(!unsafe { heap.alloc(half) }.is_null());
        assert!(unsafe { heap.alloc(Layout::new::<u8>()) }.is_null());
        let too_aligned = Layout::from_size_align(8, 2 * PAGE).unwrap();
        assert!(unsafe { heap.alloc(too_aligned) }.is_null());
    }
}
