//! Every word a user reads about a finding, made in one place per language.
//!
//! The checks decide *what* was found ([`crate::finding::What`], typed); [`en`] and [`nl`]
//! turn it into a message and a fix. Each is one exhaustive `match` per area, so a new
//! variant without its Dutch text does not compile (ARCHITECTURE.md, "Findings and
//! languages"). The Dutch uses the terms of Microsoft's Dutch documentation
//! (serverlicentieverleningscertificaat, inschrijvingsservice, Vertrouwde websites, …).

pub mod doc;
pub mod en;
pub mod nl;

use crate::finding::Text;

/// A [`Text`] from a message and a fix.
pub(crate) fn t(message: impl Into<String>, fix: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        fix: fix.into(),
    }
}

/// `n` with thousands separators in `lang`'s style (`12,345` / `12.345`).
pub(crate) fn num(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Code, What};
    use crate::lang::Lang;
    use std::collections::BTreeSet;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(num(0, ','), "0");
        assert_eq!(num(999, ','), "999");
        assert_eq!(num(1000, '.'), "1.000");
        assert_eq!(num(3_000_000, ','), "3,000,000");
    }

    /// Every typed variant has a sample, and its Dutch message and fix are not the English
    /// ones (names, codes, hashes and dates aside: whole texts are compared).
    #[test]
    fn every_sample_reads_differently_in_dutch() {
        let samples = What::samples();
        assert!(!samples.is_empty());
        for w in &samples {
            let en = w.text(Lang::En);
            let nl = w.text(Lang::Nl);
            for (e, n) in [(&en.message, &nl.message), (&en.fix, &nl.fix)] {
                assert!(
                    !e.trim().is_empty() && !n.trim().is_empty(),
                    "{w:?}: empty text"
                );
                assert_ne!(e, n, "{w:?}: the Dutch text is the English one");
            }
        }
    }

    /// Every code has a Dutch description that is not the English one.
    #[test]
    fn every_code_is_described_in_dutch() {
        for &c in Code::ALL {
            assert_ne!(nl::describe(c), en::describe(c), "{}", c.id());
        }
    }

    /// Every code that checks emit has at least one typed sample (so its texts are tested).
    #[test]
    fn every_typed_code_has_a_sample() {
        let sampled: BTreeSet<Code> = What::samples().iter().map(What::code).collect();
        let missing: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| !sampled.contains(c))
            .map(|c| c.id())
            .collect();
        assert!(
            missing.is_empty(),
            "codes without a typed sample: {missing:?}"
        );
    }
}
