//! Two documents side by side (issue 16): every field the table shows, in a language-neutral
//! form (ids, fingerprints, RFC 3339 times), and whether the two differ. The page and the CLI
//! put their own words on the field ids.

use super::{ChainEnd, DocEntry, PartyView, UrlKind};
use crate::policy::HashAlg;

/// One compared field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    /// The stable field id (one of [`FIELDS`]; `data-field` on the page).
    pub field: &'static str,
    /// The first document's value (empty when it has none).
    pub a: String,
    /// The second document's value.
    pub b: String,
    /// The values are not equal.
    pub differs: bool,
}

/// The compared fields, in the order [`compare`] returns them.
pub const FIELDS: [&str; 21] = [
    "kind",
    "type",
    "issuer-name",
    "issuer-id",
    "issuer-key",
    "principal-name",
    "principal-id",
    "principal-email",
    "key-bits",
    "principal-key",
    "mode",
    "hash",
    "intranet-url",
    "extranet-url",
    "referral-url",
    "issued",
    "valid-from",
    "valid-until",
    "days-left",
    "signature",
    "chain",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |x| x.to_string())
}

fn urls(d: &DocEntry, k: UrlKind) -> String {
    d.urls
        .iter()
        .filter(|u| u.kind == k)
        .map(|u| u.url.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn chain(e: &ChainEnd) -> String {
    match e {
        ChainEnd::MicrosoftRoot => e.id().to_owned(),
        ChainEnd::TestAnchor { name } => format!("{} ({name})", e.id()),
        ChainEnd::IssuerNotLoaded { issuer, .. } => format!("{} ({issuer})", e.id()),
        ChainEnd::Broken { reason, .. } => format!("{} ({})", e.id(), reason.id()),
    }
}

fn values(d: &DocEntry) -> [String; 21] {
    let p = d.principal.as_ref();
    let pf = |f: fn(&PartyView) -> Option<String>| p.and_then(f).unwrap_or_default();
    [
        d.kind.id().to_owned(),
        d.type_as_written.clone(),
        opt(d.issuer.name.as_ref()),
        d.issuer.id.clone(),
        opt(d.issuer.key_fingerprint.as_ref()),
        pf(|p| p.name.clone()),
        pf(|p| Some(p.id.clone())),
        pf(|p| p.email.clone()),
        pf(|p| p.key_bits.map(|n| n.to_string())),
        pf(|p| p.key_fingerprint.clone()),
        opt(d.mode),
        d.hash
            .map_or("", |h| match h {
                HashAlg::Sha1 => "SHA-1",
                HashAlg::Sha256 => "SHA-256",
            })
            .to_owned(),
        urls(d, UrlKind::Intranet),
        urls(d, UrlKind::Extranet),
        urls(d, UrlKind::Referral),
        opt(d.issued),
        opt(d.valid_from),
        opt(d.valid_until),
        opt(d.days_left),
        d.signature.id().to_owned(),
        chain(d.chain_end()),
    ]
}

/// Compares two documents field by field ([`FIELDS`], in that order). Document numbers (which
/// differ between any two documents) are left out of the chain end, so that two documents
/// whose chains end the same way compare equal there.
pub fn compare(a: &DocEntry, b: &DocEntry) -> Vec<FieldDiff> {
    FIELDS
        .iter()
        .zip(values(a).into_iter().zip(values(b)))
        .map(|(&field, (a, b))| FieldDiff {
            field,
            differs: a != b,
            a,
            b,
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::time::UtcTime;
    use crate::workbench::{build, InputFile, Workbench};

    const M1: &[u8] = include_bytes!("../../tests/data/workbench/mode1/slc-chain.xml");
    const M1_RAC: &[u8] = include_bytes!("../../tests/data/workbench/mode1/rac.xml");
    const M2: &[u8] = include_bytes!("../../tests/data/workbench/mode2/slc.xml");

    fn bench() -> Workbench {
        let files = [
            InputFile::read("mode1/slc-chain.xml", M1),
            InputFile::read("mode1/rac.xml", M1_RAC),
            InputFile::read("mode2/slc.xml", M2),
        ];
        let now = UtcTime::parse("2026-11-22T00:00").unwrap();
        build(&files, &Policy::microsoft_production(now), 90)
    }

    fn differing(d: &[FieldDiff]) -> Vec<&'static str> {
        d.iter().filter(|f| f.differs).map(|f| f.field).collect()
    }

    #[test]
    fn a_document_against_itself_differs_nowhere() {
        let w = bench();
        for d in &w.documents {
            let c = compare(d, d);
            assert_eq!(c.iter().map(|f| f.field).collect::<Vec<_>>(), FIELDS);
            assert!(differing(&c).is_empty(), "{c:?}");
            assert!(c.iter().all(|f| f.a == f.b));
        }
    }

    #[test]
    fn mode_1_slc_against_mode_2_slc() {
        let w = bench();
        let slcs: Vec<&DocEntry> = w
            .documents
            .iter()
            .filter(|d| d.kind == super::super::DocKind::Slc)
            .collect();
        assert_eq!(slcs.len(), 2);
        let c = compare(slcs[0], slcs[1]);
        let get = |f: &str| c.iter().find(|x| x.field == f).unwrap();
        assert_eq!(
            (get("kind").a.as_str(), get("kind").differs),
            ("slc", false)
        );
        assert_eq!((get("mode").a.as_str(), get("mode").b.as_str()), ("1", "2"));
        assert_eq!(
            (get("hash").a.as_str(), get("hash").b.as_str()),
            ("SHA-1", "SHA-256")
        );
        assert_eq!(
            (get("key-bits").a.as_str(), get("key-bits").b.as_str()),
            ("1024", "2048")
        );
        for f in [
            "mode",
            "hash",
            "key-bits",
            "principal-key",
            "principal-name",
        ] {
            assert!(get(f).differs, "{f}");
        }
        assert!(!get("signature").differs);
        // Symmetric: the same fields differ either way round, values swapped.
        let r = compare(slcs[1], slcs[0]);
        assert_eq!(differing(&r), differing(&c));
        assert!(r.iter().zip(&c).all(|(x, y)| x.a == y.b && x.b == y.a));
    }

    #[test]
    fn a_rac_issuer_against_its_clusters_slc() {
        let w = bench();
        let slc = w
            .documents
            .iter()
            .find(|d| d.kind == super::super::DocKind::Slc)
            .unwrap();
        let rac = w
            .documents
            .iter()
            .find(|d| d.kind == super::super::DocKind::RacPermanent)
            .unwrap();
        let c = compare(rac, slc);
        let get = |f: &str| c.iter().find(|x| x.field == f).unwrap();
        // The RAC's issuer key is the SLC's principal key; its own kind differs.
        assert_eq!(get("issuer-key").a, get("principal-key").b);
        assert!(get("kind").differs);
        assert!(!get("mode").differs);
        assert_eq!(get("intranet-url").a, "");
    }
}
