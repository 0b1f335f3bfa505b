//! Dates the review features count with: review intervals
//! (`review_every = "6 months"`, `[review] every = "12 months"`) and today.

use chrono::{Days, Months, NaiveDate};
use std::fmt;

/// Today, for what is due: the date of `SOURCE_DATE_EPOCH` when it is set
/// (reproducible builds give the same output on any day), else the local date.
pub fn today() -> NaiveDate {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|t| t.date_naive())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// A review interval, counted in calendar units so that "12 months" after
/// 31 January is the end of January a year later, whatever the leap years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Interval {
    Days(u32),
    Months(u32),
}

impl Interval {
    /// Reads `6 months`, `1 year`, `2 years`, `90 days`, `12 weeks` (English
    /// units, singular or plural, any case; a number above zero).
    pub fn parse(text: &str) -> Result<Interval, String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let [number, unit] = words[..] else {
            return Err(format!(
                "`{text}` is not an interval: write a number and a unit"
            ));
        };
        let count: u32 = match number.parse() {
            Ok(n) if n > 0 && n <= 1200 => n,
            _ => {
                return Err(format!(
                    "`{number}` is not a number of units from 1 to 1200"
                ))
            }
        };
        let unit = unit.to_ascii_lowercase();
        let interval = match unit.trim_end_matches('s') {
            "day" => Interval::Days(count),
            "week" => Interval::Days(count * 7),
            "month" => Interval::Months(count),
            "year" => Interval::Months(count * 12),
            _ => {
                return Err(format!(
                    "`{unit}` is not a unit: use days, weeks, months or years"
                ))
            }
        };
        Ok(interval)
    }

    /// The date one interval after `date` (the last day of a shorter month
    /// when the day does not exist there; the far future if out of range).
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        let next = match self {
            Interval::Days(n) => date.checked_add_days(Days::new(n.into())),
            Interval::Months(n) => date.checked_add_months(Months::new(n)),
        };
        next.unwrap_or(NaiveDate::MAX)
    }
}

/// A page's `review_every`, read once, when the page is read: the interval,
/// or the text that is none and why, which `check` reports at its place
/// while the page still builds (its other problems are reported in the same
/// run). A page with a text that is no interval is reviewed by the site's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntervalSetting {
    Valid(Interval),
    Invalid { text: String, why: String },
}

impl IntervalSetting {
    pub fn interval(&self) -> Option<Interval> {
        match self {
            IntervalSetting::Valid(interval) => Some(*interval),
            IntervalSetting::Invalid { .. } => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for IntervalSetting {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(match Interval::parse(&text) {
            Ok(interval) => IntervalSetting::Valid(interval),
            Err(why) => IntervalSetting::Invalid { text, why },
        })
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, unit) = match *self {
            Interval::Days(n) if n % 7 == 0 => (n / 7, "week"),
            Interval::Days(n) => (n, "day"),
            Interval::Months(n) if n % 12 == 0 => (n / 12, "year"),
            Interval::Months(n) => (n, "month"),
        };
        write!(f, "{n} {unit}{}", if n == 1 { "" } else { "s" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn intervals_read_as_people_write_them() {
        assert_eq!(Interval::parse("6 months"), Ok(Interval::Months(6)));
        assert_eq!(Interval::parse("1 Year"), Ok(Interval::Months(12)));
        assert_eq!(Interval::parse(" 90  days "), Ok(Interval::Days(90)));
        assert_eq!(Interval::parse("2 weeks"), Ok(Interval::Days(14)));
        for bad in [
            "",
            "six months",
            "6",
            "6 fortnights",
            "0 days",
            "-1 days",
            "6 months ago",
        ] {
            assert!(Interval::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Interval::Months(24).to_string(), "2 years");
        assert_eq!(Interval::Days(1).to_string(), "1 day");
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(
            Interval::Months(1).after(date(2026, 1, 31)),
            date(2026, 2, 28)
        );
        assert_eq!(
            Interval::Months(12).after(date(2024, 2, 29)),
            date(2025, 2, 28)
        );
        assert_eq!(Interval::Days(90).after(date(2026, 1, 1)), date(2026, 4, 1));
        assert_eq!(Interval::Months(1200).after(NaiveDate::MAX), NaiveDate::MAX);
    }
}
