//! Policy: everything a check depends on that is not the file itself — the time, the trust
//! anchors, the accepted hash algorithms, and the budgets that bound hostile input.

use crate::key::RsaKey;
use crate::time::UtcTime;

/// Largest request file read. A real request is about 1–2 KiB; 1 MiB leaves room for
/// pretty-printing and wrappers while refusing a wrong file (an ISO, a log) at once.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// Largest certificate file read. A 4-certificate chain is about 12 KiB (24 KiB as UTF-16,
/// more escaped); XrML inside a protected-file container can be larger, so 64 MiB.
pub const MAX_CERT_BYTES: usize = 64 * 1024 * 1024;

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

/// A trusted root key, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustAnchor {
    /// The root's name as issuers write it (e.g. `Microsoft DRM Production Root`).
    pub name: String,
    /// The root's RSA key.
    pub key: RsaKey,
}

/// Hash algorithms for XrML signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum HashAlg {
    /// SHA-1: cryptographic mode 1, legacy (MS-RMPR §3.1.4.7).
    Sha1,
    /// SHA-256: cryptographic mode 2.
    Sha256,
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
    /// The error in English; [`TrustAnchor::read_key_file`] gives it typed.
    pub fn from_key_file(text: &str) -> Result<TrustAnchor, String> {
        TrustAnchor::read_key_file(text).map_err(|e| e.to_string())
    }

    /// [`TrustAnchor::from_key_file`] with a typed error, for callers that word it in the
    /// user's language.
    pub fn read_key_file(text: &str) -> Result<TrustAnchor, AnchorError> {
        let field = |k: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| l.strip_prefix(k).and_then(|r| r.strip_prefix('=')))
                .map(str::trim)
                .ok_or(AnchorError::MissingLine(k))
        };
        let name = field("issuer_id")?;
        let e = field("public_exponent")?;
        let m = field("modulus_base64_xrml")?;
        let key = RsaKey::from_xrml(e, m).map_err(AnchorError::Key)?;
        Ok(TrustAnchor {
            name: name.to_owned(),
            key,
        })
    }
}

/// Why a key file is not a trust anchor ([`TrustAnchor::read_key_file`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorError {
    /// A required `name=` line is missing (`issuer_id`, `public_exponent`,
    /// `modulus_base64_xrml`).
    MissingLine(&'static str),
    /// The exponent or modulus cannot be read as an RSA key.
    Key(crate::key::KeyError),
}

impl std::fmt::Display for AnchorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnchorError::MissingLine(k) => write!(f, "no {k}= line"),
            AnchorError::Key(err) => write!(f, "the key cannot be read: {err}"),
        }
    }
}

impl std::error::Error for AnchorError {}

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
    fn pinned_root_matches_the_shared_big_endian_hex() {
        let a = TrustAnchor::microsoft_production();
        assert_eq!(a.key.bits(), 2048);
        assert_eq!(
            crate::text::hex(&a.key.modulus),
            "963113dd1cc43df0d8659c99a943abd4e0596a143d575f5add022ce64bac26dbb1087939f2bc52c4e56c553b8f05ea62a6b71f9724a1f5300623fb64eeafa95fdcab8a29a3f1a4da32a38f296be0d43c3d33c39560d921de36fe25b334d1242624c748f49c67212ee0bfde8e4ee4a0955bd3861bf2f306083ceaa6a904026e6a902abe8aac9d56be1967665a3de868e23da3846ed986257e4b484577831940694a7f13c0779d0cb770e31e314ba8aced0143fdfeff2f7b74d3580f96bfaaf182492c535d5b3a55d644fed15040171aab3226dd973ab767e9547dcc7061a8e5645492bc74d8ccfe35b82e6d3bae936b8e21703b914fc59e1d73c3282ac142295f"
        );
    }
}
