//! Deploy-time configuration: `config.json` beside `index.html` (hosted mode only).

use serde::Deserialize;
use slc_courier_core::request::DEFAULT_ENROLLMENT_URL;
use slc_courier_core::workbench::DEFAULT_THRESHOLD_DAYS;

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

impl Config {
    /// Parses and validates `config.json`. The error says what is wrong, for the page to show.
    pub fn parse(text: &str) -> Result<Config, String> {
        let c: Config =
            serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}"))?;
        for (what, url) in [
            ("enrollmentUrl", Some(&c.enrollment_url)),
            ("probeUrl", c.probe_url.as_ref()),
        ] {
            if let Some(u) = url {
                if !(u.starts_with("https://") || u.starts_with("http://")) {
                    return Err(format!(
                        "config.json: {what} must be an http(s) URL, not \"{u}\""
                    ));
                }
            }
        }
        if let Some(l) = &c.default_language {
            if l != "en" && l != "nl" {
                return Err(format!(
                    "config.json: defaultLanguage must be \"en\" or \"nl\", not \"{l}\""
                ));
            }
        }
        if c.form_field.is_empty() {
            return Err("config.json: formField must not be empty".to_owned());
        }
        if !(0..=36_500).contains(&c.inspect_threshold_days) {
            return Err(format!(
                "config.json: inspectThresholdDays must be a number of days from 0 to 36500, not {}",
                c.inspect_threshold_days
            ));
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
        assert!(Config::parse("{nope").is_err_and(|e| e.starts_with("config.json is not valid")));
        assert_eq!(
            Config::parse(r#"{"enrollmentUrl":"ftp://x"}"#),
            Err("config.json: enrollmentUrl must be an http(s) URL, not \"ftp://x\"".to_owned())
        );
        assert!(Config::parse(r#"{"colour":"red"}"#).is_err());
        assert_eq!(
            Config::parse("{}").map(|c| c.inspect_threshold_days),
            Ok(DEFAULT_THRESHOLD_DAYS)
        );
        assert_eq!(
            Config::parse(r#"{"inspectThresholdDays":30}"#).map(|c| c.inspect_threshold_days),
            Ok(30)
        );
        assert!(Config::parse(r#"{"inspectThresholdDays":-1}"#)
            .is_err_and(|e| e.contains("inspectThresholdDays")));
        assert!(Config::parse(r#"{"inspectThresholdDays":"90"}"#).is_err());
    }
}
