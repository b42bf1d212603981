//! The two languages the procedure exists in. Every word a user reads is made per language in
//! [`crate::words`]; codes, keys and parameters stay language-neutral.

use serde::Serialize;

/// A language of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Nederlands.
    Nl,
}

impl Lang {
    /// Both, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The BCP 47 tag (`en`, `nl`), also the key in JSON.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// From a tag or a POSIX locale (`nl`, `nl-NL`, `nl_BE.UTF-8`, `en_US`); `None` for
    /// anything that is neither.
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        let primary = t.split(['-', '_', '.', '@']).next().unwrap_or("");
        match primary {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a POSIX environment asks for: the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set and not empty decides (as gettext reads them); Dutch when it is
    /// Dutch, English otherwise.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.trim().is_empty())
            .and_then(Lang::parse)
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locales() {
        assert_eq!(Lang::parse("nl"), Some(Lang::Nl));
        assert_eq!(Lang::parse("nl_BE.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::parse("NL-nl"), Some(Lang::Nl));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
        assert_eq!(Lang::parse("nld"), None);
        assert_eq!(Lang::from_locale(None, None, Some("nl_NL.UTF-8")), Lang::Nl);
        assert_eq!(
            Lang::from_locale(Some("C"), None, Some("nl_NL.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(Some(""), Some("nl_NL"), Some("en_GB")),
            Lang::Nl
        );
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.tag()), Some(l));
        }
    }
}
