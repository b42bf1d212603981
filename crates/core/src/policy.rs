//! Policy: everything a check depends on that is not the file itself — the time, the trust
//! anchors, the accepted hash algorithms, and the budgets that bound hostile input.

use crate::finding::{Expected, Finding, Input};
use crate::key::{KeyError, RsaKey};
use crate::time::UtcTime;

/// Largest request file read. A real request is about 1–2 KiB; 1 MiB leaves room for
/// pretty-printing and wrappers while refusing a wrong file (an ISO, a log) at once.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// Largest certificate file read. A 4-certificate chain is about 12 KiB (24 KiB as UTF-16,
/// more escaped); XrML inside a protected-file container can be larger, so 64 MiB.
pub const MAX_CERT_BYTES: usize = 64 * 1024 * 1024;

/// Largest root certificate file read (a certificate is about 1–2 KiB, PEM or DER).
pub const MAX_ROOT_BYTES: usize = 1024 * 1024;

/// Largest trust-anchor file read (an XrML certificate or a key file, a few KiB).
pub const MAX_ANCHOR_BYTES: usize = 64 * 1024;

/// The largest file a step reads: the one size rule for the page's pickers and drops, the
/// CLI and the core's own checks.
pub fn budget(expected: Expected) -> usize {
    match expected {
        Expected::Request => MAX_REQUEST_BYTES,
        Expected::Chain | Expected::Xrml => MAX_CERT_BYTES,
        Expected::Root => MAX_ROOT_BYTES,
        Expected::Anchor => MAX_ANCHOR_BYTES,
    }
}

/// The refusal of a file over its step's [`budget`], decided from its size before it is read
/// (`input-too-large`); `None` when it may be read.
pub fn refuse_size(name: &str, size: u64, expected: Expected) -> Option<Finding> {
    let limit = budget(expected) as u64;
    (size > limit).then(|| {
        Finding::of(Input::TooLarge {
            name: name.to_owned(),
            size,
            limit,
            expected,
        })
    })
}

/// Deepest element nesting accepted. XrML nests about 12 deep, the request 5.
pub const MAX_XML_DEPTH: usize = 64;

/// Most elements in one XML document. An XrML certificate has about 80, a request 15.
pub const MAX_XML_ELEMENTS: usize = 20_000;

/// Most attributes on one element. Real files have at most 3.
pub const MAX_XML_ATTRIBUTES: usize = 64;

/// Most `<XrML` starts read from one file, complete or not (a budget counts attempts): a
/// chain has 4 documents, a protected file under 10.
pub const MAX_XRML_DOCUMENTS: usize = 1_000;

/// Longest chain followed. Real SLC chains have 4 certificates.
pub const MAX_CHAIN_LENGTH: usize = 10;

/// Largest RSA key accepted (bits). RMS uses 1024 and 2048.
pub const MAX_RSA_BITS: usize = 4096;

/// Most documents the workbench keeps across all the files given at once: hundreds of files
/// of a few documents each (a folder of RMS exports), with room to spare.
pub const MAX_WORKBENCH_DOCUMENTS: usize = 20_000;

/// Most loaded documents tried as the issuer of one document (documents certifying the same
/// key: copies of one SLC or CLC in several exports). A budget, so linking stays linear.
pub const MAX_ISSUER_CANDIDATES: usize = 16;

/// Days before the SLC's expiry at which a warning is given.
pub const EXPIRY_WARNING_DAYS: i64 = 90;

/// How far the browser's clock may be behind the build time before it is suspect (seconds):
/// a day, for time zones and a build made late in the day.
pub const CLOCK_BEHIND_GRACE_SECS: i64 = 86_400;

/// How far the browser's clock may be ahead of the build time before it is suspect (days):
/// five years. A copy of this tool used later than that is unlikely; a clock years ahead (a
/// dead CMOS battery, a typo in the year) would make every certificate look expired.
pub const CLOCK_AHEAD_LIMIT_DAYS: i64 = 5 * 365 + 1;

/// A trusted root key, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustAnchor {
    /// The root's name as issuers write it (e.g. `Microsoft DRM Production Root`).
    pub name: String,
    /// The root's RSA key.
    pub key: RsaKey,
}

/// A line of an anchor key file ([`TrustAnchor::from_key_file`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorField {
    /// `issuer_id=`: the root's name as issuers write it.
    IssuerId,
    /// `public_exponent=`.
    PublicExponent,
    /// `modulus_base64_xrml=`: the modulus, base64, little-endian as XrML writes it.
    Modulus,
}

impl AnchorField {
    /// The key as written in the file, without `=`.
    pub fn key(self) -> &'static str {
        match self {
            AnchorField::IssuerId => "issuer_id",
            AnchorField::PublicExponent => "public_exponent",
            AnchorField::Modulus => "modulus_base64_xrml",
        }
    }
}

/// Why a key file is not a trust anchor ([`TrustAnchor::from_key_file`]). The words are made
/// in [`crate::words`] (`anchor_error`), per language; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum AnchorError {
    /// A required `key=` line is absent.
    MissingLine {
        /// Which line.
        field: AnchorField,
    },
    /// `public_exponent=` is not a whole number.
    ExponentInvalid {
        /// The value as written (at most 40 characters).
        value: String,
    },
    /// `modulus_base64_xrml=` is not valid base64.
    ModulusNotBase64,
    /// `modulus_base64_xrml=` decodes to an empty or zero modulus.
    ModulusEmpty,
}

impl AnchorError {
    /// The sentence in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::En => crate::words::en::anchor_error(self),
            crate::lang::Lang::Nl => crate::words::nl::anchor_error(self),
        }
    }

    /// One example of each variant, for the words tests.
    pub fn samples() -> Vec<AnchorError> {
        vec![
            AnchorError::MissingLine {
                field: AnchorField::IssuerId,
            },
            AnchorError::MissingLine {
                field: AnchorField::PublicExponent,
            },
            AnchorError::MissingLine {
                field: AnchorField::Modulus,
            },
            AnchorError::ExponentInvalid {
                value: "0x10001".into(),
            },
            AnchorError::ModulusNotBase64,
            AnchorError::ModulusEmpty,
        ]
    }
}

impl std::fmt::Display for AnchorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::en::anchor_error(self))
    }
}

impl std::error::Error for AnchorError {}

/// Hash algorithms for XrML signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum HashAlg {
    /// SHA-1: cryptographic mode 1, legacy (MS-RMPR §3.1.4.7).
    Sha1,
    /// SHA-256: cryptographic mode 2.
    Sha256,
}

impl HashAlg {
    /// The name as people write it (`SHA-1`, `SHA-256`), the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha1 => "SHA-1",
            HashAlg::Sha256 => "SHA-256",
        }
    }
}

/// What a certificate check depends on besides the file.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The time to check against ("now"), supplied by the caller.
    pub now: UtcTime,
    /// Trusted root keys. Production: [`Policy::microsoft_production`].
    pub anchors: Vec<TrustAnchor>,
    /// Accepted hash algorithms.
    pub hashes: Vec<HashAlg>,
    /// When true (the production policy), a chain that is not one of the two MS-RMPR
    /// §2.2.9.3 SLC chain shapes is an error (`chain-shape-invalid`); when false, a warning
    /// (`chain-unexpected-shape`), for test laboratories with hierarchies of their own.
    pub strict_shape: bool,
}

/// The Microsoft DRM Production Root's modulus as XrML writes it (base64, little-endian);
/// from `shared/vectors/roots/microsoft-drm-production-root.xrml-key.txt`.
pub const MICROSOFT_DRM_PRODUCTION_ROOT_MODULUS_B64: &str = "XylCwSoow3MdnsVPkTtwIY5rk647bS64Nf7M2HS8klRk5ahhcMx9VOlntzqX3SYyqxoXQFDR/kTWVTpbXVMsSYLxqr+WD1jTdHsv//79QwHtrKhLMR7jcLcMnXfAE39KaUAZg3dFSEt+JYbZboSjPeJo6D1aZmcZvladrIq+KpBqbgIEqabqPAgG8/IbhtNblaDkTo7ev+AuIWec9EjHJCYk0TSzJf423iHZYJXDMz081OBrKY+jMtqk8aMpiqvcX6mv7mT7IwYw9aEklx+3pmLqBY87VWzlxFK88jl5CLHbJqxL5iwC3VpfVz0Ualng1KtDqZmcZdjwPcQc3RMxlg==";

/// The name of the Microsoft XrML trust anchor.
pub const MICROSOFT_DRM_PRODUCTION_ROOT: &str = "Microsoft DRM Production Root";

impl TrustAnchor {
    /// The pinned Microsoft DRM Production Root.
    pub fn microsoft_production() -> TrustAnchor {
        let key = RsaKey::from_xrml("65537", MICROSOFT_DRM_PRODUCTION_ROOT_MODULUS_B64).unwrap_or(
            RsaKey {
                modulus: vec![],
                exponent: 0,
            },
        );
        TrustAnchor {
            name: MICROSOFT_DRM_PRODUCTION_ROOT.to_owned(),
            key,
        }
    }
}

impl TrustAnchor {
    /// True when this anchor's key is the pinned Microsoft DRM Production Root key — by key,
    /// never by name, wherever it was loaded from.
    pub fn is_microsoft(&self) -> bool {
        self.key == TrustAnchor::microsoft_production().key
    }

    /// Reads a key file in the format of `shared/vectors/roots/*.xrml-key.txt`
    /// (`issuer_id=`, `public_exponent=`, `modulus_base64_xrml=` lines; `#` comments).
    pub fn from_key_file(text: &str) -> Result<TrustAnchor, AnchorError> {
        let field = |k: AnchorField| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| l.strip_prefix(k.key()).and_then(|r| r.strip_prefix('=')))
                .map(str::trim)
                .ok_or(AnchorError::MissingLine { field: k })
        };
        let name = field(AnchorField::IssuerId)?;
        let e = field(AnchorField::PublicExponent)?;
        let m = field(AnchorField::Modulus)?;
        if e.parse::<u64>().is_err() {
            return Err(AnchorError::ExponentInvalid {
                value: e.chars().take(40).collect(),
            });
        }
        let key = RsaKey::from_xrml(e, m).map_err(|err| match err {
            KeyError::Base64 { .. } => AnchorError::ModulusNotBase64,
            KeyError::EmptyModulus => AnchorError::ModulusEmpty,
            KeyError::UnknownFormat => AnchorError::ExponentInvalid {
                value: e.chars().take(40).collect(),
            },
        })?;
        Ok(TrustAnchor {
            name: name.to_owned(),
            key,
        })
    }
}

impl Policy {
    /// Production policy at `now`: the Microsoft root, SHA-1 (legacy) and SHA-256.
    pub fn microsoft_production(now: UtcTime) -> Policy {
        Policy {
            now,
            anchors: vec![TrustAnchor::microsoft_production()],
            hashes: vec![HashAlg::Sha1, HashAlg::Sha256],
            strict_shape: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_has_its_budget_and_one_byte_more_is_refused() {
        for (expected, limit) in [
            (Expected::Request, 1_048_576),
            (Expected::Chain, 67_108_864),
            (Expected::Xrml, 67_108_864),
            (Expected::Root, 1_048_576),
            (Expected::Anchor, 65_536),
        ] {
            assert_eq!(budget(expected), limit, "{expected:?}");
            assert_eq!(refuse_size("f.xml", limit as u64, expected), None);
            let refused = refuse_size("f.xml", limit as u64 + 1, expected);
            assert_eq!(
                refused.as_ref().map(|f| f.what()),
                Some(&crate::finding::What::Input(Input::TooLarge {
                    name: "f.xml".into(),
                    size: limit as u64 + 1,
                    limit: limit as u64,
                    expected,
                })),
                "{expected:?}"
            );
        }
    }

    #[test]
    fn key_files_are_refused_with_typed_reasons() {
        let good = format!(
            "# test\nissuer_id=Test Root\npublic_exponent=65537\nmodulus_base64_xrml={MICROSOFT_DRM_PRODUCTION_ROOT_MODULUS_B64}\n"
        );
        let a = TrustAnchor::from_key_file(&good).unwrap();
        assert_eq!(a.name, "Test Root");
        assert!(a.is_microsoft());
        let without = |k: &str| {
            good.lines()
                .filter(|l| !l.starts_with(k))
                .collect::<Vec<_>>()
                .join("\n")
        };
        for f in [
            AnchorField::IssuerId,
            AnchorField::PublicExponent,
            AnchorField::Modulus,
        ] {
            assert_eq!(
                TrustAnchor::from_key_file(&without(f.key())),
                Err(AnchorError::MissingLine { field: f })
            );
        }
        // A commented-out line does not count.
        assert_eq!(
            TrustAnchor::from_key_file(&good.replace("issuer_id=", "#issuer_id=")),
            Err(AnchorError::MissingLine {
                field: AnchorField::IssuerId
            })
        );
        assert_eq!(
            TrustAnchor::from_key_file(&good.replace("=65537", "=0x10001")),
            Err(AnchorError::ExponentInvalid {
                value: "0x10001".into()
            })
        );
        assert_eq!(
            TrustAnchor::from_key_file(
                &good.replace("modulus_base64_xrml=", "modulus_base64_xrml=*")
            ),
            Err(AnchorError::ModulusNotBase64)
        );
        assert_eq!(
            TrustAnchor::from_key_file(
                "issuer_id=T\npublic_exponent=65537\nmodulus_base64_xrml=AAAA\n"
            ),
            Err(AnchorError::ModulusEmpty)
        );
    }

    #[test]
    fn anchor_errors_read_differently_in_dutch() {
        use crate::lang::Lang;
        for e in AnchorError::samples() {
            let (en, nl) = (e.message(Lang::En), e.message(Lang::Nl));
            assert!(!en.is_empty() && !nl.is_empty());
            assert_ne!(en, nl, "{e:?}");
            assert_eq!(e.to_string(), en);
        }
    }

    #[test]
    fn pinned_root_matches_the_shared_big_endian_hex() {
        let a = TrustAnchor::microsoft_production();
        assert_eq!(a.key.bits(), 2048);
        assert_eq!(
            crate::text::hex(&a.key.modulus),
            "963113dd1cc43df0d8659c99a943abd4e0596a143d575f5add022ce64bac26dbb1087939f2bc52c4e56c553b8f05ea62a6b71f9724a1f5300623fb64eeafa95fdcab8a29a3f1a4da32a38f296be0d43c3d33c39560d921de36fe25b334d1242624c748f49c67212ee0bfde8e4ee4a0955bd3861bf2f306083ceaa6a904026e6a902abe8aac9d56be1967665a3de868e23da3846ed986257e4b484577831940694a7f13c0779d0cb770e31e314ba8aced0143fdfeff2f7b74d3580f96bfaaf182492c535d5b3a55d644fed15040171aab3226dd973ab767e9547dcc7061a8e5645492bc74d8ccfe35b82e6d3bae936b8e21703b914fc59e1d73c3282ac142295f"
        );
    }
}
