//! UTC times as XrML writes them (`YYYY-MM-DDThh:mm`). The core never reads the clock:
//! "now" is always an argument.

use serde::{Serialize, Serializer};

/// A UTC instant with one-second resolution, as seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UtcTime(i64);

impl UtcTime {
    /// From seconds since the Unix epoch.
    pub fn from_unix(seconds: i64) -> UtcTime {
        UtcTime(seconds)
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// From calendar parts (UTC). Returns `None` for an impossible date or time.
    pub fn from_parts(
        year: i64,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<UtcTime> {
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        Some(UtcTime(
            days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second),
        ))
    }

    /// Parses XrML's `YYYY-MM-DDThh:mm`, leniently: seconds, fractions, a trailing `Z`,
    /// a space instead of `T`, and surrounding whitespace are accepted; a date alone is midnight.
    pub fn parse(s: &str) -> Option<UtcTime> {
        let s = s.trim();
        let s = s
            .strip_suffix('Z')
            .or_else(|| s.strip_suffix('z'))
            .unwrap_or(s);
        let (date, time) = match s.find(['T', 't', ' ']) {
            Some(i) => (s.get(..i)?, s.get(i + 1..)?),
            None => (s, "00:00"),
        };
        let mut d = date.split('-');
        let year: i64 = num(d.next()?, 4)?;
        let month: u32 = num(d.next()?, 2)?;
        let day: u32 = num(d.next()?, 2)?;
        if d.next().is_some() {
            return None;
        }
        let time = time.split('.').next()?;
        let mut t = time.split(':');
        let hour: u32 = num(t.next()?, 2)?;
        let minute: u32 = num(t.next()?, 2)?;
        let second: u32 = match t.next() {
            Some(x) => num(x, 2)?,
            None => 0,
        };
        if t.next().is_some() {
            return None;
        }
        UtcTime::from_parts(year, month, day, hour, minute, second)
    }

    /// Calendar parts `(year, month, day, hour, minute, second)`.
    pub fn parts(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let h = (secs / 3600) as u32;
        let mi = ((secs % 3600) / 60) as u32;
        let s = (secs % 60) as u32;
        (y, m, d, h, mi, s)
    }

    /// `YYYY-MM-DD`.
    pub fn date(self) -> String {
        let (y, m, d, ..) = self.parts();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier), rounded down.
    pub fn days_until(self, later: UtcTime) -> i64 {
        (later.0 - self.0).div_euclid(86_400)
    }
}

impl std::fmt::Display for UtcTime {
    /// `YYYY-MM-DDThh:mmZ` (seconds when not zero).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d, h, mi, s) = self.parts();
        if s == 0 {
            write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}Z")
        } else {
            write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
        }
    }
}

impl Serialize for UtcTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn num<T: std::str::FromStr>(s: &str, max_len: usize) -> Option<T> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(s: &str, expected: Option<&str>) {
        assert_eq!(
            UtcTime::parse(s).map(|t| t.to_string()).as_deref(),
            expected
        );
    }

    #[test]
    fn parses_xrml_times_leniently() {
        check("2255-04-18T16:50", Some("2255-04-18T16:50Z"));
        check(" 2014-01-21T00:00 ", Some("2014-01-21T00:00Z"));
        check("2018-08-13T23:59:00Z", Some("2018-08-13T23:59Z"));
        check("2024-02-29 12:01:02.5", Some("2024-02-29T12:01:02Z"));
        check("2014-06-06", Some("2014-06-06T00:00Z"));
        check("2023-02-29T00:00", None);
        check("2014-13-01T00:00", None);
        check("yesterday", None);
        check("", None);
        check("2014-06-06T25:00", None);
    }

    #[test]
    fn unix_round_trip_and_days() {
        let t = UtcTime::parse("1970-01-02T00:00").map(UtcTime::unix);
        assert_eq!(t, Some(86_400));
        let a = UtcTime::from_unix(0);
        let b = UtcTime::parse("1971-01-01T00:00").unwrap_or(a);
        assert_eq!(a.days_until(b), 365);
        assert_eq!(b.days_until(a), -365);
    }
}
