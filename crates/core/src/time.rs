//! UTC times as XrML writes them (`YYYY-MM-DDThh:mm`), and strict RFC 3339 for times a
//! person types. The core never reads the clock: "now" is always an argument.

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

    /// Parses XrML's `YYYY-MM-DDThh:mm`, with the variations real files could hold: seconds,
    /// a fraction of a second (dropped), a trailing `Z`, a space or `t` instead of `T`,
    /// surrounding XML whitespace; a date alone is midnight. Nothing else: every field has
    /// exactly its width (a two-digit year is not the year 27), a fraction is digits only, and
    /// a UTC offset (`+05:00`), which XrML never writes, makes the time unreadable rather than
    /// silently dropped.
    pub fn parse(s: &str) -> Option<UtcTime> {
        let s = crate::text::trim_xml(s);
        let s = s
            .strip_suffix('Z')
            .or_else(|| s.strip_suffix('z'))
            .unwrap_or(s);
        let mut c = Cursor {
            b: s.as_bytes(),
            i: 0,
        };
        // (Any field: which one failed is not reported here.)
        let field = |c: &mut Cursor, n| c.digits(n, TimePart::Year).ok();
        let year = field(&mut c, 4)?;
        let month = c.eat(b'-').then(|| field(&mut c, 2))??;
        let day = c.eat(b'-').then(|| field(&mut c, 2))??;
        let (mut hour, mut minute, mut second) = (0, 0, 0);
        if c.eat(b'T') || c.eat(b't') || c.eat(b' ') {
            hour = field(&mut c, 2)?;
            minute = c.eat(b':').then(|| field(&mut c, 2))??;
            if c.eat(b':') {
                second = field(&mut c, 2)?;
                c.fraction().ok()?;
            }
        }
        // (xsd:dateTime's seconds run 00–59: no leap second in a certificate's times.)
        if c.i != c.b.len() || second > 59 {
            return None;
        }
        UtcTime::from_parts(i64::from(year), month, day, hour, minute, second)
    }

    /// Parses an RFC 3339 date-time strictly: `YYYY-MM-DDThh:mm[:ss[.fff…]]` followed by
    /// `Z` or `±hh:mm` (offset hours 00–23, minutes 00–59), or XrML's `YYYY-MM-DDThh:mm`
    /// without an offset, read as UTC. `t` and `z` may be lowercase (RFC 3339 §5.6 note);
    /// fractions of a second are read and dropped; second 60 (a leap second) is accepted as
    /// the grammar allows. No whitespace, no other separator, no date alone.
    pub fn parse_rfc3339(s: &str) -> Result<UtcTime, TimeError> {
        let mut c = Cursor {
            b: s.as_bytes(),
            i: 0,
        };
        let year = c.digits(4, TimePart::Year)?;
        c.lit(b'-', TimePart::DashAfterYear)?;
        let month = c.digits(2, TimePart::Month)?;
        c.lit(b'-', TimePart::DashAfterMonth)?;
        let day = c.digits(2, TimePart::Day)?;
        if !c.eat(b'T') && !c.eat(b't') {
            return Err(c.syntax(TimePart::T));
        }
        let hour = c.digits(2, TimePart::Hour)?;
        c.lit(b':', TimePart::ColonAfterHour)?;
        let minute = c.digits(2, TimePart::Minutes)?;
        let mut second = 0;
        let with_seconds = c.eat(b':');
        if with_seconds {
            second = c.digits(2, TimePart::Seconds)?;
            c.fraction()?;
        }
        // XrML's form (minutes, no offset) is UTC; with seconds, RFC 3339 needs the offset.
        let offset = match c.peek() {
            None if !with_seconds => None,
            Some(b'Z' | b'z') => {
                c.i += 1;
                None
            }
            Some(sign @ (b'+' | b'-')) => {
                c.i += 1;
                let hours = c.digits(2, TimePart::OffsetHours)?;
                c.lit(b':', TimePart::OffsetColon)?;
                let minutes = c.digits(2, TimePart::OffsetMinutes)?;
                Some((sign == b'-', hours, minutes))
            }
            _ => return Err(c.syntax(TimePart::ZoneOrOffset)),
        };
        if c.i != c.b.len() {
            return Err(c.syntax(TimePart::End));
        }
        let year = i64::from(year);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(TimeError::Date { year, month, day });
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err(TimeError::TimeOfDay {
                hour,
                minute,
                second,
            });
        }
        let offset_seconds = match offset {
            Some((negative, hours, minutes)) => {
                if hours > 23 || minutes > 59 {
                    return Err(TimeError::Offset {
                        negative,
                        hours,
                        minutes,
                    });
                }
                let o = i64::from(hours) * 3600 + i64::from(minutes) * 60;
                if negative {
                    -o
                } else {
                    o
                }
            }
            None => 0,
        };
        let local = UtcTime::from_parts(year, month, day, hour, minute, second)
            .ok_or(TimeError::Date { year, month, day })?;
        Ok(UtcTime(local.0 - offset_seconds))
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

/// Why a text is not a strict RFC 3339 time ([`UtcTime::parse_rfc3339`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeError {
    /// The text does not have the shape of a time.
    Syntax {
        /// 0-based character position of the first unexpected character (the length when
        /// the text ends early).
        at: usize,
        /// What was expected there.
        expected: TimePart,
    },
    /// The date does not exist (month 13, 30 February, day 0).
    Date {
        /// Year as written.
        year: i64,
        /// Month as written.
        month: u32,
        /// Day as written.
        day: u32,
    },
    /// The time of day does not exist (hour 24, minute 60, second 61).
    TimeOfDay {
        /// Hour as written.
        hour: u32,
        /// Minute as written.
        minute: u32,
        /// Second as written (0 when absent).
        second: u32,
    },
    /// The UTC offset is out of range (hours 00–23, minutes 00–59).
    Offset {
        /// True for `-`.
        negative: bool,
        /// Offset hours as written.
        hours: u32,
        /// Offset minutes as written.
        minutes: u32,
    },
}

impl std::fmt::Display for TimeError {
    /// The English ([`crate::words::en::time_error`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::en::time_error(self))
    }
}

impl TimeError {
    /// The sentence in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::En => crate::words::en::time_error(self),
            crate::lang::Lang::Nl => crate::words::nl::time_error(self),
        }
    }
}

/// What [`UtcTime::parse_rfc3339`] expected where the text went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimePart {
    /// A four-digit year.
    Year,
    /// `-` after the year.
    DashAfterYear,
    /// A two-digit month.
    Month,
    /// `-` after the month.
    DashAfterMonth,
    /// A two-digit day.
    Day,
    /// `T` between the date and the time.
    T,
    /// A two-digit hour.
    Hour,
    /// `:` after the hour.
    ColonAfterHour,
    /// Two-digit minutes.
    Minutes,
    /// Two-digit seconds.
    Seconds,
    /// A digit after `.`.
    FractionDigit,
    /// `Z` or an offset such as `+01:00`.
    ZoneOrOffset,
    /// Two-digit offset hours.
    OffsetHours,
    /// `:` in the offset.
    OffsetColon,
    /// Two-digit offset minutes.
    OffsetMinutes,
    /// The end of the time.
    End,
}

impl TimePart {
    /// Every part, in the order the text has them.
    pub const ALL: [TimePart; 16] = [
        TimePart::Year,
        TimePart::DashAfterYear,
        TimePart::Month,
        TimePart::DashAfterMonth,
        TimePart::Day,
        TimePart::T,
        TimePart::Hour,
        TimePart::ColonAfterHour,
        TimePart::Minutes,
        TimePart::Seconds,
        TimePart::FractionDigit,
        TimePart::ZoneOrOffset,
        TimePart::OffsetHours,
        TimePart::OffsetColon,
        TimePart::OffsetMinutes,
        TimePart::End,
    ];
}

impl std::error::Error for TimeError {}

/// A position in the text being parsed by [`UtcTime::parse_rfc3339`].
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn syntax(&self, expected: TimePart) -> TimeError {
        TimeError::Syntax {
            at: self.i,
            expected,
        }
    }

    fn lit(&mut self, byte: u8, expected: TimePart) -> Result<(), TimeError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.syntax(expected))
        }
    }

    /// A fraction of a second, when one follows: `.` and at least one digit (read and
    /// dropped).
    fn fraction(&mut self) -> Result<(), TimeError> {
        if self.eat(b'.') {
            self.digits(1, TimePart::FractionDigit)?;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.i += 1;
            }
        }
        Ok(())
    }

    /// Exactly `n` ASCII digits (n ≤ 4, so the value fits).
    fn digits(&mut self, n: usize, expected: TimePart) -> Result<u32, TimeError> {
        let mut v = 0u32;
        for _ in 0..n {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(d - b'0');
                    self.i += 1;
                }
                _ => return Err(self.syntax(expected)),
            }
        }
        Ok(v)
    }
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
        // Offsets are not dropped (with or without a fraction), junk after the point is not
        // a fraction, and every field has its width.
        check("2026-11-22T13:00:00.0+05:00", None);
        check("2026-11-22T13:00:00+05:00", None);
        check("2026-11-22T13:00-05:00", None);
        check("2046-06-18T10:00.not a time at all", None);
        check("2046-06-18T10:00:00.", None);
        check("2046-06-18T10:00:00.5x", None);
        check("27-01-01T00:00", None);
        check("2027-1-01T00:00", None);
        check("2027-01-1T00:00", None);
        check("2027-01-01T0:00", None);
        check("2027-01-01T00:0", None);
        check("2027-01-01T00:00:0", None);
        check("2027-01-01T00", None);
        check("2027-01-01T", None);
        check("2027-01-01T00:00:00:00", None);
        check("2027-01-01-01", None);
        check("2027-01-01\u{a0}", None);
        check("2026-11-22T11:59:60", None);
        check("2026-11-22T11:59:59", Some("2026-11-22T11:59:59Z"));
        check(
            "\t2027-01-01t00:00:59.999z\r\n",
            Some("2027-01-01T00:00:59Z"),
        );
    }

    #[track_caller]
    fn strict(s: &str, expected: Result<&str, TimeError>) {
        assert_eq!(
            UtcTime::parse_rfc3339(s).map(|t| t.to_string()),
            expected.map(str::to_owned),
            "{s:?}"
        );
    }

    fn syntax(at: usize, expected: TimePart) -> Result<&'static str, TimeError> {
        Err(TimeError::Syntax { at, expected })
    }

    #[test]
    fn rfc3339_accepts_utc_offsets_and_the_xrml_form() {
        strict("2026-11-22T12:00:00Z", Ok("2026-11-22T12:00Z"));
        strict("2026-11-22t12:00:00z", Ok("2026-11-22T12:00Z"));
        strict("2026-11-22T12:00Z", Ok("2026-11-22T12:00Z"));
        strict("2026-11-22T12:00", Ok("2026-11-22T12:00Z"));
        strict("2026-11-22T12:00:07.123456789Z", Ok("2026-11-22T12:00:07Z"));
        strict("2026-11-22T12:00:00+05:30", Ok("2026-11-22T06:30Z"));
        strict("2026-11-22T12:00:00-08:00", Ok("2026-11-22T20:00Z"));
        strict("2026-11-22T12:00-00:00", Ok("2026-11-22T12:00Z"));
        strict("2026-11-22T23:59:59+23:59", Ok("2026-11-22T00:00:59Z"));
        strict("2026-11-22T00:00:00-23:59", Ok("2026-11-22T23:59Z"));
        strict("2027-01-01T00:30:00+01:00", Ok("2026-12-31T23:30Z"));
        strict("2024-02-29T00:00:00Z", Ok("2024-02-29T00:00Z"));
        strict("2000-02-29T00:00Z", Ok("2000-02-29T00:00Z"));
        strict("2016-12-31T23:59:60Z", Ok("2017-01-01T00:00Z"));
        strict("1969-12-31T23:59:59Z", Ok("1969-12-31T23:59:59Z"));
        assert_eq!(
            UtcTime::parse_rfc3339("1970-01-01T01:00:01+01:00").map(UtcTime::unix),
            Ok(1)
        );
    }

    #[test]
    fn rfc3339_refuses_impossible_offsets_dates_and_times() {
        let offset = |negative, hours, minutes| {
            Err(TimeError::Offset {
                negative,
                hours,
                minutes,
            })
        };
        strict("2026-11-22T12:00:00-99:99", offset(true, 99, 99));
        strict("2026-11-22T12:00:00+24:00", offset(false, 24, 0));
        strict("2026-11-22T12:00:00+05:60", offset(false, 5, 60));
        strict("2026-11-22T12:00-24:00", offset(true, 24, 0));
        let date = |year, month, day| Err(TimeError::Date { year, month, day });
        strict("2026-02-30T00:00:00Z", date(2026, 2, 30));
        strict("2023-02-29T00:00Z", date(2023, 2, 29));
        strict("1900-02-29T00:00Z", date(1900, 2, 29));
        strict("2026-13-01T00:00:00Z", date(2026, 13, 1));
        strict("2026-00-01T00:00:00Z", date(2026, 0, 1));
        strict("2026-04-31T00:00:00Z", date(2026, 4, 31));
        strict("2026-04-00T00:00:00Z", date(2026, 4, 0));
        let tod = |hour, minute, second| {
            Err(TimeError::TimeOfDay {
                hour,
                minute,
                second,
            })
        };
        strict("2026-11-22T24:00:00Z", tod(24, 0, 0));
        strict("2026-11-22T12:60Z", tod(12, 60, 0));
        strict("2026-11-22T12:00:61Z", tod(12, 0, 61));
    }

    #[test]
    fn rfc3339_refuses_junk_with_the_place() {
        strict("", syntax(0, TimePart::Year));
        strict("yesterday", syntax(0, TimePart::Year));
        strict("26-11-22T12:00Z", syntax(2, TimePart::Year));
        strict("2026/11/22T12:00Z", syntax(4, TimePart::DashAfterYear));
        strict("2026-1-22T12:00Z", syntax(6, TimePart::Month));
        strict("2026-11-22", syntax(10, TimePart::T));
        strict("2026-11-22 12:00:00Z", syntax(10, TimePart::T));
        strict("2026-11-22T12Z", syntax(13, TimePart::ColonAfterHour));
        strict("2026-11-22T12:00:00", syntax(19, TimePart::ZoneOrOffset));
        strict("2026-11-22T12:00:0Z", syntax(18, TimePart::Seconds));
        strict("2026-11-22T12:00:00.Z", syntax(20, TimePart::FractionDigit));
        strict(
            "2026-11-22T12:00:00+0530",
            syntax(22, TimePart::OffsetColon),
        );
        strict(
            "2026-11-22T12:00:00+5:30",
            syntax(21, TimePart::OffsetHours),
        );
        strict(
            "2026-11-22T12:00:00+05:3",
            syntax(24, TimePart::OffsetMinutes),
        );
        strict("2026-11-22T12:00:00ZZ", syntax(20, TimePart::End));
        strict(" 2026-11-22T12:00Z", syntax(0, TimePart::Year));
        strict("2026-11-22T12:00Z ", syntax(17, TimePart::End));
        strict("2026-11-22T12:00:00UTC", syntax(19, TimePart::ZoneOrOffset));
        strict("２026-11-22T12:00Z", syntax(0, TimePart::Year));
    }

    #[test]
    fn time_errors_read_in_lowercase() {
        let shown = |s: &str| {
            UtcTime::parse_rfc3339(s)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            shown("2026-11-22T12:00:00-99:99"),
            "the offset -99:99 is out of range (hours 00-23, minutes 00-59)"
        );
        assert_eq!(shown("2026-02-30T00:00Z"), "there is no date 2026-02-30");
        assert_eq!(shown("2026-11-22T24:00Z"), "24:00:00 is not a time of day");
        assert_eq!(
            shown("2026-11-22"),
            "expected 'T' between the date and the time at character 11"
        );
    }

    #[test]
    fn time_errors_read_differently_in_dutch() {
        use crate::lang::Lang;
        let mut all: Vec<TimeError> = TimePart::ALL
            .iter()
            .map(|&expected| TimeError::Syntax { at: 3, expected })
            .collect();
        all.push(TimeError::Date {
            year: 2026,
            month: 2,
            day: 30,
        });
        all.push(TimeError::TimeOfDay {
            hour: 24,
            minute: 0,
            second: 0,
        });
        all.push(TimeError::Offset {
            negative: true,
            hours: 99,
            minutes: 99,
        });
        let mut seen = std::collections::HashSet::new();
        for e in &all {
            let (en, nl) = (e.message(Lang::En), e.message(Lang::Nl));
            assert_ne!(en, nl, "{e:?}");
            assert_eq!(e.to_string(), en);
            assert!(seen.insert(nl), "{e:?}: two errors read the same in Dutch");
        }
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
