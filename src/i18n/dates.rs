//! Dates as each language writes them ("23 de novembro de 2026", "23.
//! studenoga 2026."), from CLDR's data through ICU4X, not from month names
//! typed into the catalogs.

use chrono::{Datelike, NaiveDate};
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_datetime::DateTimeFormatter;
use icu_locale_core::Locale;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

type Formatter = Rc<DateTimeFormatter<YMD>>;

thread_local! {
    /// One formatter per language and thread, made on first use (loading
    /// CLDR's patterns costs more than formatting with them; ICU4X's
    /// formatters may not cross threads).
    static FORMATTERS: RefCell<HashMap<String, Option<Formatter>>> = RefCell::default();
}

fn formatter(lang: &str) -> Option<Formatter> {
    FORMATTERS.with(|cache| {
        if let Some(known) = cache.borrow().get(lang) {
            return known.clone();
        }
        cache
            .borrow_mut()
            .entry(lang.to_string())
            .or_insert_with(|| {
                let locale = lang.parse::<Locale>().ok()?;
                DateTimeFormatter::try_new(locale.into(), YMD::long())
                    .ok()
                    .map(Rc::new)
            })
            .clone()
    })
}

thread_local! {
    /// Dates already written, by language: a handbook's pages share a few
    /// hundred dates, and formatting one costs microseconds.
    static WRITTEN: RefCell<HashMap<String, HashMap<NaiveDate, String>>> = RefCell::default();
}

/// `date` written out the way `lang` writes dates, in its usual calendar;
/// ISO (`2026-11-23`) for a code ICU cannot read.
pub fn long_date(lang: &str, date: NaiveDate) -> String {
    let known = WRITTEN.with(|written| {
        written
            .borrow()
            .get(lang)
            .and_then(|dates| dates.get(&date))
            .cloned()
    });
    if let Some(text) = known {
        return text;
    }
    let text = format_long_date(lang, date);
    WRITTEN.with(|written| {
        written
            .borrow_mut()
            .entry(lang.to_string())
            .or_default()
            .insert(date, text.clone())
    });
    text
}

fn format_long_date(lang: &str, date: NaiveDate) -> String {
    let iso = || date.to_string();
    let Ok(month) = u8::try_from(date.month()) else {
        return iso();
    };
    let Ok(day) = u8::try_from(date.day()) else {
        return iso();
    };
    match (formatter(lang), Date::try_new_iso(date.year(), month, day)) {
        (Some(formatter), Ok(input)) => formatter.format(&input).to_string(),
        _ => iso(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let written: Vec<String> = ["pt", "hr", "es", "it", "en", "de"]
            .iter()
            .map(|lang| long_date(lang, date))
            .collect();
        assert_eq!(
            written,
            [
                "23 de novembro de 2026",
                "23. studenoga 2026.",
                "23 de noviembre de 2026",
                "23 novembre 2026",
                "November 23, 2026",
                "23. November 2026"
            ]
        );
        assert_eq!(long_date("not a code", date), "2026-11-23");
    }

    #[test]
    fn a_region_writes_dates_its_own_way() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(long_date("en-gb", date), "23 November 2026");
        assert_eq!(long_date("pt-br", date), "23 de novembro de 2026");
        assert_eq!(long_date("hr-HR", date), "23. studenoga 2026.");
    }
}
