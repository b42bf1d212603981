//! The order of the user's choices. Every file picked or dropped, every paste, every anchor and
//! every "Start over" gets the next number when the user makes it, before anything is read. A
//! file is read asynchronously, so a large file chosen first can finish after a small one
//! chosen next: the state keeps a result only when no later choice for the same input (and no
//! "Start over") was made after its own ([`crate::state::State`]). The last choice wins.

use std::sync::atomic::{AtomicU64, Ordering};

/// A choice's number: a later choice has a larger one. `Choice::default()` is before all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Choice(u64);

static NEXT: AtomicU64 = AtomicU64::new(1);

impl Choice {
    /// The number of a choice made now.
    pub fn next() -> Choice {
        Choice(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::Choice;

    #[test]
    fn later_choices_are_larger() {
        let (a, b) = (Choice::next(), Choice::next());
        assert!(Choice::default() < a && a < b);
    }
}
