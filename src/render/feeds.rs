//! Files for machines: `sitemap.xml` with hreflang alternates, Atom feeds, robots.txt.

use chrono::{DateTime, NaiveDate};

/// One page of the sitemap with its language alternates (absolute URLs).
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    pub url: String,
    pub lastmod: Option<NaiveDate>,
    /// (hreflang, absolute URL), including the page itself when it has alternates.
    pub alternates: Vec<(String, String)>,
}

pub fn sitemap(entries: &[SitemapEntry]) -> String {
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    ));
    for entry in entries {
        xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&entry.url)));
        if let Some(date) = entry.lastmod {
            xml.push_str(&format!("    <lastmod>{date}</lastmod>\n"));
        }
        for (lang, href) in &entry.alternates {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape(lang),
                escape(href)
            ));
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[derive(Debug, Clone)]
pub struct FeedEntry {
    pub title: String,
    pub url: String,
    pub summary: String,
    pub date: Option<NaiveDate>,
}

pub struct Feed<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    /// Absolute URL of the feed itself.
    pub self_url: &'a str,
    /// Absolute URL of the language home.
    pub home_url: &'a str,
    pub entries: &'a [FeedEntry],
}

/// An Atom feed; undated entries take the feed's newest date, so the output
/// never depends on the clock.
pub fn atom(feed: &Feed) -> String {
    let newest = feed
        .entries
        .iter()
        .filter_map(|e| e.date)
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH.date_naive());
    // A date displays as `YYYY-MM-DD`.
    let stamp = |d: NaiveDate| format!("{d}T00:00:00Z");
    let mut xml = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n",
            "  <title>{title}</title>\n",
            "  <link rel=\"self\" href=\"{self_url}\"/>\n",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n",
            "  <id>{self_url}</id>\n",
            "  <updated>{updated}</updated>\n",
            "  <generator>polybook</generator>\n"
        ),
        lang = escape(feed.lang),
        title = escape(feed.title),
        self_url = escape(feed.self_url),
        home = escape(feed.home_url),
        updated = stamp(newest),
    );
    for entry in feed.entries {
        let updated = stamp(entry.date.unwrap_or(newest));
        xml.push_str(&format!(
            concat!(
                "  <entry>\n",
                "    <title>{title}</title>\n",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n",
                "    <id>{url}</id>\n",
                "    <updated>{updated}</updated>\n",
                "    <summary>{summary}</summary>\n",
                "  </entry>\n"
            ),
            title = escape(&entry.title),
            url = escape(&entry.url),
            updated = updated,
            summary = escape(&entry.summary),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

pub fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n")
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    // Copy the runs without special characters whole: most text has none.
    // A byte scan: the five are ASCII, and a `char` pattern search is slower.
    while let Some(at) = rest
        .bytes()
        .position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&apos;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_exactly_the_five_characters() {
        assert_eq!(
            escape(r#"a & b < c > d " e ' f — ž"#),
            "a &amp; b &lt; c &gt; d &quot; e &apos; f — ž"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&&"), "&amp;&amp;");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn sitemap_lists_alternates() {
        let xml = sitemap(&[SitemapEntry {
            url: "https://x.org/pt/a/".into(),
            lastmod: None,
            alternates: vec![("hr".into(), "https://x.org/hr/b/".into())],
        }]);
        assert!(xml.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"hr\" href=\"https://x.org/hr/b/\"/>"
        ));
    }

    #[test]
    fn atom_escapes_and_dates() {
        let entries = [FeedEntry {
            title: "A & <B>".into(),
            url: "https://x.org/pt/a/".into(),
            summary: String::new(),
            date: NaiveDate::from_ymd_opt(2024, 5, 1),
        }];
        let xml = atom(&Feed {
            title: "T",
            lang: "pt",
            self_url: "https://x.org/pt/atom.xml",
            home_url: "https://x.org/pt/",
            entries: &entries,
        });
        assert!(xml.contains("<title>A &amp; &lt;B&gt;</title>"));
        assert!(xml.contains("<updated>2024-05-01T00:00:00Z</updated>"));
    }
}
