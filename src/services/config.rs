//! Deploy-time configuration: `config.json` beside `index.html` (hosted mode only).

use serde::Deserialize;
use slc_courier_core::request::DEFAULT_ENROLLMENT_URL;
use slc_courier_core::submit::check_address;
use slc_courier_core::workbench::DEFAULT_THRESHOLD_DAYS;

/// The Inspect threshold's range in days (`inspectThresholdDays`, the page's field).
pub const THRESHOLD_DAYS: std::ops::RangeInclusive<i64> = 0..=36_500;

/// The configuration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Config {
    /// Where step 3 submits (default: the documented offline enrollment page).
    #[serde(default = "default_enrollment")]
    pub enrollment_url: String,
    /// What step 2's probe requests (default: the enrollment address).
    #[serde(default)]
    pub probe_url: Option<String>,
    /// `en` or `nl`, when the user has not chosen.
    #[serde(default)]
    pub default_language: Option<String>,
    /// The multipart form field that carries the file in a direct POST.
    #[serde(default = "default_field")]
    pub form_field: String,
    /// The Inspect section's default expiry threshold in days (documents with fewer days left
    /// are marked); the user can change it on the page.
    #[serde(default = "default_threshold")]
    pub inspect_threshold_days: i64,
}

fn default_threshold() -> i64 {
    DEFAULT_THRESHOLD_DAYS
}

fn default_enrollment() -> String {
    DEFAULT_ENROLLMENT_URL.to_owned()
}

fn default_field() -> String {
    "file".to_owned()
}

impl Default for Config {
    fn default() -> Config {
        Config {
            enrollment_url: default_enrollment(),
            probe_url: None,
            default_language: None,
            form_field: default_field(),
            inspect_threshold_days: default_threshold(),
        }
    }
}

/// What is wrong with `config.json`; its words are [`crate::i18n::Lang::config_error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The request for it failed (network, blocked).
    Unreachable,
    /// The server answered with an error status (other than 404: no file is fine).
    Status(u16),
    /// The answer's body could not be read.
    Unreadable,
    /// Not JSON (or cut short).
    NotJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but with a field this version does not know or a value of the wrong type.
    BadField {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// `enrollmentUrl` or `probeUrl` is not an http(s) URL.
    NotUrl {
        /// The field.
        field: &'static str,
        /// Its value.
        value: String,
    },
    /// `defaultLanguage` is neither `en` nor `nl`.
    Language(String),
    /// `formField` is empty.
    FormFieldEmpty,
    /// `inspectThresholdDays` is out of range.
    Threshold(i64),
}

impl From<crate::services::browser::FetchError> for ConfigError {
    fn from(e: crate::services::browser::FetchError) -> ConfigError {
        use crate::services::browser::FetchError as F;
        match e {
            F::Unreachable => ConfigError::Unreachable,
            F::Status(n) => ConfigError::Status(n),
            F::Unreadable => ConfigError::Unreadable,
        }
    }
}

impl Config {
    /// Parses and validates `config.json`. The error says what is wrong, for the page to show.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let c: Config = serde_json::from_str(text).map_err(|e| {
            let (line, column) = (e.line(), e.column());
            if e.is_data() {
                ConfigError::BadField { line, column }
            } else {
                ConfigError::NotJson { line, column }
            }
        })?;
        for (field, url) in [
            ("enrollmentUrl", Some(&c.enrollment_url)),
            ("probeUrl", c.probe_url.as_ref()),
        ] {
            // The same rule as the page's address field (one rule): https, or http (the page
            // then warns where the address is shown); anything else is refused.
            if let Some(u) = url {
                if check_address(u).address.is_none() {
                    return Err(ConfigError::NotUrl {
                        field,
                        value: u.clone(),
                    });
                }
            }
        }
        if let Some(l) = &c.default_language {
            if l != "en" && l != "nl" {
                return Err(ConfigError::Language(l.clone()));
            }
        }
        if c.form_field.is_empty() {
            return Err(ConfigError::FormFieldEmpty);
        }
        if !THRESHOLD_DAYS.contains(&c.inspect_threshold_days) {
            return Err(ConfigError::Threshold(c.inspect_threshold_days));
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_validates() {
        let c = Config::parse(
            r#"{"enrollmentUrl":"https://rms.example.test/enroll","defaultLanguage":"nl"}"#,
        );
        assert_eq!(
            c.as_ref().map(|c| c.enrollment_url.as_str()),
            Ok("https://rms.example.test/enroll")
        );
        assert_eq!(c.map(|c| c.form_field), Ok("file".to_owned()));
        assert_eq!(
            Config::parse("{}").map(|c| c.enrollment_url),
            Ok(DEFAULT_ENROLLMENT_URL.to_owned())
        );
        assert_eq!(
            Config::parse("{nope").map(|_| ()),
            Err(ConfigError::NotJson { line: 1, column: 2 })
        );
        assert_eq!(
            Config::parse(r#"{"enrollmentUrl":"ftp://x"}"#),
            Err(ConfigError::NotUrl {
                field: "enrollmentUrl",
                value: "ftp://x".to_owned()
            })
        );
        // One rule with the page's address field: what it refuses, the configuration refuses.
        for bad in [
            "",
            "javascript:alert(1)",
            "https://user:pw@rms.example.test/",
            "https:/one-slash",
            "https://exa mple.test/",
        ] {
            let json = format!(
                r#"{{"enrollmentUrl":{}}}"#,
                serde_json::to_string(bad).unwrap()
            );
            assert_eq!(
                Config::parse(&json),
                Err(ConfigError::NotUrl {
                    field: "enrollmentUrl",
                    value: bad.to_owned()
                }),
                "{bad:?}"
            );
        }
        assert_eq!(
            Config::parse(r#"{"probeUrl":"http://127.0.0.1:9000/e"}"#).map(|c| c.probe_url),
            Ok(Some("http://127.0.0.1:9000/e".to_owned()))
        );
        assert_eq!(
            Config::parse(r#"{"probeUrl":"x"}"#),
            Err(ConfigError::NotUrl {
                field: "probeUrl",
                value: "x".to_owned()
            })
        );
        assert_eq!(
            Config::parse(r#"{"defaultLanguage":"de"}"#),
            Err(ConfigError::Language("de".to_owned()))
        );
        assert_eq!(
            Config::parse(r#"{"formField":""}"#),
            Err(ConfigError::FormFieldEmpty)
        );
        assert!(matches!(
            Config::parse(r#"{"colour":"red"}"#),
            Err(ConfigError::BadField { line: 1, .. })
        ));
        assert!(matches!(
            Config::parse(r#"{ "enrollmentUrl": "#),
            Err(ConfigError::NotJson { line: 1, .. })
        ));
        assert_eq!(
            Config::parse("{}").map(|c| c.inspect_threshold_days),
            Ok(DEFAULT_THRESHOLD_DAYS)
        );
        assert_eq!(
            Config::parse(r#"{"inspectThresholdDays":30}"#).map(|c| c.inspect_threshold_days),
            Ok(30)
        );
        assert_eq!(
            Config::parse(r#"{"inspectThresholdDays":-1}"#),
            Err(ConfigError::Threshold(-1))
        );
        assert!(matches!(
            Config::parse(r#"{"inspectThresholdDays":"90"}"#),
            Err(ConfigError::BadField { .. })
        ));
    }
}
