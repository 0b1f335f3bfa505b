//! Old addresses of pages (front matter `aliases`): a redirect page at each,
//! `_redirects` for Netlify and Cloudflare Pages, `nginx-redirects.conf` for
//! nginx; none of them in the sitemap, the search index, the feeds or the
//! offline lists.

use crate::support;
use support::{page, site_toml, Site};

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write(
            "content/pt/guia/novo.md",
            &page(
                "Guia <novo>",
                "aliases = [\"/pt/old-page/\", \"pt/guia/antigo\", \"pt/velho.html\"]\n",
                "Texto.\n",
            ),
        )
        .write(
            "content/hr/slusati.md",
            "---\ntitle: Slušati\naliases:\n  - /hr/stari/slusanje/\n  - zaboravljeno/café\n---\nSlušajte.\n",
        )
        .write("content/hr/drugi.md", &page("Drugi", "", "Bez aliasa.\n"));
    site
}

#[test]
fn each_alias_is_a_page_that_sends_the_reader_on_relatively() {
    let site = site();
    site.build().assert_ok();
    assert_eq!(
        site.read("pt/old-page/index.html"),
        "<!DOCTYPE html>\n<html lang=\"pt\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Guia &lt;novo&gt;</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"https://example.com/hb/pt/guia/novo/\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url=../../pt/guia/novo/index.html\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n\
         <body>\n<p><a href=\"../../pt/guia/novo/index.html\">Guia &lt;novo&gt;</a></p>\n</body>\n</html>\n"
    );
    let nested = site.read("pt/guia/antigo/index.html");
    assert!(
        nested.contains("content=\"0; url=../../../pt/guia/novo/index.html\""),
        "{nested}"
    );
    let file = site.read("pt/velho.html");
    assert!(file.contains("url=../pt/guia/novo/index.html\""), "{file}");
    let hr = site.read("zaboravljeno/café/index.html");
    assert!(hr.contains("<html lang=\"hr\" dir=\"ltr\">"), "{hr}");
    assert!(
        hr.contains("href=\"../../hr/slusati/index.html\">Slušati</a>"),
        "{hr}"
    );
    for (path, text) in [
        ("sitemap.xml", site.read("sitemap.xml")),
        ("pt/atom.xml", site.read("pt/atom.xml")),
        ("pt/offline.json", site.read("pt/offline.json")),
        ("hr/offline.json", site.read("hr/offline.json")),
        (
            "pt/guia/novo/index.html",
            site.read("pt/guia/novo/index.html"),
        ),
    ] {
        for alias in ["old-page", "antigo", "velho", "stari", "zaboravljeno"] {
            assert!(!text.contains(alias), "{path} names the alias {alias}");
        }
    }
    let run = site.run(&["search", "Guia", "--json"]);
    run.assert_ok();
    assert!(!run.stdout().contains("old-page"), "{}", run.stdout());
}

#[test]
fn redirects_and_the_nginx_map_name_the_base_path() {
    let site = site();
    site.write("static/_redirects", "/hb/feed /hb/pt/atom.xml 301");
    site.build().assert_ok();
    assert_eq!(
        site.read("_redirects"),
        "/hb/feed /hb/pt/atom.xml 301\n\
         # Old addresses of pages (front matter `aliases`), written by polybook.\n\
         /hb/hr/stari/slusanje/ /hb/hr/slusati/ 301\n\
         /hb/pt/guia/antigo/ /hb/pt/guia/novo/ 301\n\
         /hb/pt/old-page/ /hb/pt/guia/novo/ 301\n\
         /hb/pt/velho.html /hb/pt/guia/novo/ 301\n\
         /hb/zaboravljeno/caf%C3%A9/ /hb/hr/slusati/ 301\n",
        "the site's own rules first, one line per alias, non-ASCII percent-encoded"
    );
    let nginx = site.read("nginx-redirects.conf");
    assert!(
        nginx.contains("map $uri $polybook_redirect {\n    default \"\";\n"),
        "{nginx}"
    );
    for line in [
        "    \"/hb/pt/old-page/\" \"/hb/pt/guia/novo/\";\n",
        "    \"/hb/pt/old-page\" \"/hb/pt/guia/novo/\";\n",
        "    \"/hb/pt/old-page/index.html\" \"/hb/pt/guia/novo/\";\n",
        "    \"/hb/pt/velho.html\" \"/hb/pt/guia/novo/\";\n",
        "    \"/hb/zaboravljeno/café/\" \"/hb/hr/slusati/\";\n",
    ] {
        assert!(nginx.contains(line), "{line} in {nginx}");
    }
    assert!(
        !nginx.contains("\"/hb/pt/velho.html/"),
        "a file alias is one key: {nginx}"
    );

    site.run(&["build", "--base-url", "https://example.org/"])
        .assert_ok();
    assert!(site
        .read("_redirects")
        .contains("\n/pt/old-page/ /pt/guia/novo/ 301\n"));
    assert!(site
        .read("nginx-redirects.conf")
        .contains("\"/pt/old-page/\" \"/pt/guia/novo/\";"));
}

#[test]
fn without_aliases_the_nginx_map_is_empty_and_static_redirects_stay_as_they_are() {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write("content/pt/a.md", &page("A", "", "A.\n"))
        .write("static/_redirects", "/hb/x /hb/pt/a/ 301\n");
    site.build().assert_ok();
    assert_eq!(site.read("_redirects"), "/hb/x /hb/pt/a/ 301\n");
    assert!(site
        .read("nginx-redirects.conf")
        .ends_with("map $uri $polybook_redirect {\n    default \"\";\n}\n"));
}
