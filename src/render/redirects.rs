//! Redirects from pages' old addresses (front matter `aliases`, see
//! [`crate::content::Alias`]) to the pages:
//!
//! - at each alias, a page that sends the browser on (`<meta http-equiv="refresh">`
//!   with a relative URL, so it works under a subpath and from `file://`),
//!   names the page as canonical, asks not to be indexed and links the page;
//! - `_redirects`, the rules Netlify and Cloudflare Pages read, when a page has
//!   aliases (after the rules of the site's own `static/_redirects`, if any);
//! - `nginx-redirects.conf`, always (docs/deploy/nginx.conf includes it): a
//!   `map` of `$uri` to the page for the `server` block's `return 301`.
//!
//! Written by code rather than a theme template: an old address is not a
//! page of the theme, and a theme made before aliases existed keeps working.
//! None is in the sitemap, the search index, the feeds or offline reading.

use crate::files::OutputFile;
use crate::render::feeds::escape;
use crate::render::pages::SiteData;
use crate::render::Theme;
use std::fmt::Write;

/// The nginx include, at the root of the output.
pub const NGINX_FILE: &str = "nginx-redirects.conf";
/// The Netlify and Cloudflare Pages rules, at the root of the output.
pub const REDIRECTS_FILE: &str = "_redirects";

/// One redirect: the alias and the page it leads to.
struct Redirect<'a> {
    alias: &'a crate::content::Alias,
    /// The page's address (`pt/new/`).
    target: String,
    title: &'a str,
    lang: &'a str,
}

/// Every redirect page, `_redirects` when there are redirects, and
/// `nginx-redirects.conf`.
pub fn files(site: &SiteData, theme: &Theme) -> Vec<OutputFile> {
    let mut redirects: Vec<Redirect> = site
        .articles
        .iter()
        .flat_map(|article| {
            let doc = &article.document;
            doc.aliases.iter().map(move |alias| Redirect {
                alias,
                target: doc.url_path(),
                title: &doc.front.title,
                lang: &doc.lang,
            })
        })
        .collect();
    redirects.sort_by(|a, b| a.alias.cmp(b.alias));
    let base_path = base_path(&site.config.base_url);
    let mut files: Vec<OutputFile> = redirects
        .iter()
        .map(|r| OutputFile {
            path: r.alias.output_file(),
            bytes: page(site, r).into_bytes(),
        })
        .collect();
    if !redirects.is_empty() {
        let own = theme.assets.get(REDIRECTS_FILE).map(|a| a.bytes.as_slice());
        files.push(OutputFile {
            path: REDIRECTS_FILE.into(),
            bytes: netlify_rules(own, &redirects, base_path).into_bytes(),
        });
    }
    files.push(OutputFile {
        path: NGINX_FILE.into(),
        bytes: nginx_map(&redirects, base_path).into_bytes(),
    });
    files
}

/// The path of `base_url`, with its slashes: `/` or `/handbook/`.
fn base_path(base_url: &str) -> &str {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

fn page(site: &SiteData, r: &Redirect) -> String {
    let url = escape(&site.url(r.alias.folder(), &r.target));
    let canonical = escape(&format!("{}{}", site.config.base_url, r.target));
    let title = escape(r.title);
    let lang = escape(r.lang);
    let dir = crate::i18n::text_direction(r.lang);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={url}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n\
         <body>\n<p><a href=\"{url}\">{title}</a></p>\n</body>\n</html>\n"
    )
}

/// `/<base path>/<alias> /<base path>/<page> 301`, one line per alias, after
/// the site's own rules. Hosts want non-ASCII paths percent-encoded.
fn netlify_rules(own: Option<&[u8]>, redirects: &[Redirect], base_path: &str) -> String {
    let mut out = String::new();
    if let Some(own) = own {
        out.push_str(&String::from_utf8_lossy(own));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str("# Old addresses of pages (front matter `aliases`), written by polybook.\n");
    for r in redirects {
        let from = encode(&format!("{base_path}{}", r.alias.as_str()));
        let to = encode(&format!("{base_path}{}", r.target));
        let _ = writeln!(out, "{from} {to} 301");
    }
    out
}

fn encode(path: &str) -> String {
    const NON_ASCII: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b' ');
    percent_encoding::utf8_percent_encode(path, NON_ASCII).to_string()
}

/// The `map` docs/deploy/nginx.conf includes at the `http` level. nginx's
/// `$uri` is decoded, so keys are as written; a folder alias is matched with
/// and without its `/` and as `…/index.html`, which nginx would otherwise
/// answer from the redirect page (or redirect to the slash first).
fn nginx_map(redirects: &[Redirect], base_path: &str) -> String {
    let mut out = String::from(
        "# Old addresses of pages (front matter `aliases`), written by polybook.\n\
         # Included at the http level by docs/deploy/nginx.conf, whose server block answers\n\
         # `if ($polybook_redirect) { return 301 $polybook_redirect; }`.\n\
         map $uri $polybook_redirect {\n    default \"\";\n",
    );
    for r in redirects {
        let from = format!("{base_path}{}", r.alias.as_str());
        let to = format!("{base_path}{}", r.target);
        let _ = writeln!(out, "    \"{from}\" \"{to}\";");
        if let Some(bare) = from.strip_suffix('/') {
            let _ = writeln!(out, "    \"{bare}\" \"{to}\";");
            let _ = writeln!(out, "    \"{from}index.html\" \"{to}\";");
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_base_path_is_the_path_of_base_url() {
        assert_eq!(super::base_path("https://example.com/"), "/");
        assert_eq!(super::base_path("https://example.com/hb/"), "/hb/");
        assert_eq!(super::base_path("http://127.0.0.1:8080/a/b/"), "/a/b/");
    }
}
