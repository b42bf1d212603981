//! Step 3: the enrollment address the request is submitted to, checked before it becomes a
//! link or a form's target. Microsoft's service is gone; the address is whatever the admin's
//! organisation runs, so it is typed by hand and must be checked: `https` is used, `http` only
//! with a warning, anything else (an empty field, `javascript:`, `ftp:`, `file:`, text that is no
//! address, credentials in it) is refused and nothing is opened or sent.

use crate::finding::{Code, Finding};
use serde::Serialize;

/// What is wrong with an address (or worth saying about it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Found {
    /// `address-empty`: the field is empty.
    Empty,
    /// `address-not-url`: the text is not an absolute address (`scheme://host/…`).
    NotUrl {
        /// The text as typed (trimmed).
        text: String,
    },
    /// `address-scheme-refused`: a scheme other than https or http.
    SchemeRefused {
        /// The scheme, lowercase, without `:`.
        scheme: String,
    },
    /// `address-credentials`: a user name or password in the address.
    Credentials {
        /// The host it would go to.
        host: String,
    },
    /// `address-http`: plain http: the request travels unencrypted and the site cannot be
    /// authenticated (warning; still usable).
    Http {
        /// The host.
        host: String,
    },
}

impl Found {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Found::Empty => Code::AddressEmpty,
            Found::NotUrl { .. } => Code::AddressNotUrl,
            Found::SchemeRefused { .. } => Code::AddressSchemeRefused,
            Found::Credentials { .. } => Code::AddressCredentials,
            Found::Http { .. } => Code::AddressHttp,
        }
    }

    /// One example of each variant.
    pub fn samples() -> Vec<Found> {
        vec![
            Found::Empty,
            Found::NotUrl {
                text: "not a url".into(),
            },
            Found::SchemeRefused {
                scheme: "javascript".into(),
            },
            Found::Credentials {
                host: "rms.example.test".into(),
            },
            Found::Http {
                host: "rms.example.test".into(),
            },
        ]
    }
}

/// An address that may be opened and posted to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    /// The address as typed, trimmed (never rewritten: what is shown is what is used).
    pub url: String,
    /// `https` or `http`.
    pub scheme: String,
    /// The host (and port, when given).
    pub host: String,
}

/// The result of checking an address: `address` is `Some` only when it may be used; the
/// findings say why not, or warn (http).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressCheck {
    /// The usable address.
    pub address: Option<Address>,
    /// What was found (none for a plain https address).
    pub findings: Vec<Finding>,
}

fn refuse(f: Found) -> AddressCheck {
    AddressCheck {
        address: None,
        findings: vec![Finding::of(f)],
    }
}

/// Checks a typed enrollment address.
pub fn check_address(text: &str) -> AddressCheck {
    let url = text.trim();
    if url.is_empty() {
        return refuse(Found::Empty);
    }
    let not_url = || {
        refuse(Found::NotUrl {
            text: url.chars().take(200).collect(),
        })
    };
    let Some(colon) = url.find(':') else {
        return not_url();
    };
    let scheme = url.get(..colon).unwrap_or("");
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok {
        return not_url();
    }
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return refuse(Found::SchemeRefused { scheme });
    }
    let Some(rest) = url.get(colon + 1..).and_then(|r| r.strip_prefix("//")) else {
        return not_url();
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
    {
        return not_url();
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (userinfo, host) = match authority.rfind('@') {
        Some(at) => (true, authority.get(at + 1..).unwrap_or("")),
        None => (false, authority),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'))
        && !host.starts_with(['.', '-', ':']);
    if !host_ok {
        return not_url();
    }
    if userinfo {
        return refuse(Found::Credentials {
            host: host.to_owned(),
        });
    }
    let address = Address {
        url: url.to_owned(),
        scheme: scheme.clone(),
        host: host.to_owned(),
    };
    let findings = if scheme == "http" {
        vec![Finding::of(Found::Http {
            host: host.to_owned(),
        })]
    } else {
        vec![]
    };
    AddressCheck {
        address: Some(address),
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::codes;

    fn refused(text: &str) -> Vec<Code> {
        let c = check_address(text);
        assert_eq!(c.address, None, "{text:?} was accepted");
        codes(&c.findings)
    }

    #[test]
    fn https_is_used_as_typed() {
        let c = check_address("  https://rms.example.test/_wmcs/certification/enroll.aspx?x=1 ");
        assert_eq!(c.findings, vec![]);
        assert_eq!(
            c.address,
            Some(Address {
                url: "https://rms.example.test/_wmcs/certification/enroll.aspx?x=1".into(),
                scheme: "https".into(),
                host: "rms.example.test".into(),
            })
        );
        let c = check_address("HTTPS://[::1]:8443/e");
        assert_eq!(
            c.address.map(|a| (a.scheme, a.host)),
            Some(("https".into(), "[::1]:8443".into()))
        );
    }

    #[test]
    fn http_is_used_with_a_warning() {
        let c = check_address("http://127.0.0.1:9000/enroll");
        assert_eq!(c.address.map(|a| a.host), Some("127.0.0.1:9000".into()));
        assert_eq!(
            c.findings
                .iter()
                .map(|f| f.what().clone())
                .collect::<Vec<_>>(),
            vec![crate::finding::What::Submit(Found::Http {
                host: "127.0.0.1:9000".into()
            })]
        );
    }

    #[test]
    fn everything_else_is_refused() {
        assert_eq!(refused(""), vec![Code::AddressEmpty]);
        assert_eq!(refused("   "), vec![Code::AddressEmpty]);
        assert_eq!(refused("not a url"), vec![Code::AddressNotUrl]);
        assert_eq!(
            refused("rms.example.test/enroll"),
            vec![Code::AddressNotUrl]
        );
        assert_eq!(
            refused("javascript:alert(document.domain)"),
            vec![Code::AddressSchemeRefused]
        );
        assert_eq!(
            refused("JavaScript://x/%0aalert(1)"),
            vec![Code::AddressSchemeRefused]
        );
        assert_eq!(refused("ftp://x/y"), vec![Code::AddressSchemeRefused]);
        assert_eq!(refused("file:///C:/x"), vec![Code::AddressSchemeRefused]);
        assert_eq!(
            refused("data:text/html,hi"),
            vec![Code::AddressSchemeRefused]
        );
        assert_eq!(refused("https:/one-slash"), vec![Code::AddressNotUrl]);
        assert_eq!(refused("https://"), vec![Code::AddressNotUrl]);
        assert_eq!(refused("https:///path"), vec![Code::AddressNotUrl]);
        assert_eq!(refused("https://exa mple.test/"), vec![Code::AddressNotUrl]);
        assert_eq!(
            refused("https://x.test/\"onmouseover=\""),
            vec![Code::AddressNotUrl]
        );
        assert_eq!(
            refused("https://user:pw@rms.example.test/"),
            vec![Code::AddressCredentials]
        );
        assert_eq!(refused("1https://x"), vec![Code::AddressNotUrl]);
        match check_address("gopher://x")
            .findings
            .first()
            .map(|f| f.what().clone())
        {
            Some(crate::finding::What::Submit(Found::SchemeRefused { scheme })) => {
                assert_eq!(scheme, "gopher")
            }
            other => panic!("{other:?}"),
        }
    }
}
