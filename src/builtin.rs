//! The default theme and the UI catalogs, built into the binary (by
//! `build.rs`, from `themes/default/` and `locales/`), so a site needs neither
//! folder. A site's own files add to or override them (`render::theme`, `i18n`).

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// The name of the theme that is built in.
pub const THEME_NAME: &str = "default";

/// The default theme's files by path under its folder (`templates/base.html`,
/// `static/style.css`), in name order.
pub fn theme_files() -> &'static [(&'static str, &'static [u8])] {
    files::THEME
}

/// The UI catalogs by path under `locales/` (`pt/main.ftl`), in name order.
pub fn locale_files() -> &'static [(&'static str, &'static [u8])] {
    files::LOCALES
}

#[cfg(test)]
mod tests {
    #[test]
    fn theme_and_catalogs_are_embedded() {
        let theme: Vec<&str> = super::theme_files().iter().map(|(p, _)| *p).collect();
        assert!(theme.contains(&"templates/base.html") && theme.contains(&"static/style.css"));
        let locales: Vec<&str> = super::locale_files().iter().map(|(p, _)| *p).collect();
        assert!(locales.contains(&"en/main.ftl") && locales.contains(&"hr/main.ftl"));
    }
}
