//! `polybook serve`: the real binary on an ephemeral port against a temporary
//! site, edited the ways editors save; and the incremental engine checked
//! against full builds after every kind of change.

use crate::support;

use polybook::incremental::{fill_search_build, Changes, Incremental};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{page, site_toml, Site};

const TOPICS: &str =
    "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\", en = \"Empathy\" }\n";

/// Three pages in two languages, linked, translated and tagged.
fn small_site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write("content/topics.toml", TOPICS)
        .write(
            "content/pt/alfa.md",
            &page(
                "Alfa",
                "translation_key = \"k\"\ntopics = [\"empathy\"]\n",
                "# Alfa\n\nTexto original de alfa. Veja [beta](beta.md#seccao).\n",
            ),
        )
        .write(
            "content/pt/beta.md",
            &page("Beta", "", "## Secção\n\nTexto de beta.\n"),
        )
        .write(
            "content/hr/ce.md",
            &page(
                "Ce",
                "translation_key = \"k\"\ntopics = [\"empathy\"]\n",
                "Tekst.\n",
            ),
        );
    site
}

/// The files `polybook build` makes of the site, for this base URL.
fn full_build(root: &Path, base_url: &str) -> BTreeMap<String, Vec<u8>> {
    let config = polybook::config::load(root, Some(base_url)).expect("site.toml loads");
    let built = polybook::build_site(&config, false).expect("the site builds");
    // Offline reading's worker and lists are made of a whole build; serve
    // publishes neither (a preview is never cached).
    built
        .files
        .into_iter()
        .filter(|f| !polybook::offline::is_offline_file(&f.path))
        .map(|f| (f.path, f.bytes))
        .collect()
}

#[track_caller]
fn assert_same_files(served: &BTreeMap<String, Vec<u8>>, built: &BTreeMap<String, Vec<u8>>) {
    let served_paths: Vec<&String> = served.keys().collect();
    let built_paths: Vec<&String> = built.keys().collect();
    assert_eq!(served_paths, built_paths, "the file sets differ");
    for (path, bytes) in built {
        assert!(
            served[path] == *bytes,
            "{path} differs:\n--- served\n{}\n--- built\n{}",
            String::from_utf8_lossy(&served[path]),
            String::from_utf8_lossy(bytes)
        );
    }
}

// ---------------------------------------------------------------- the engine

struct Engine {
    site: Incremental,
    root: PathBuf,
}

impl Engine {
    const BASE: &'static str = "http://127.0.0.1:9/";

    fn new(root: &Path) -> Engine {
        let options = polybook::BuildOptions {
            root: root.to_path_buf(),
            base_url: Some(Self::BASE.into()),
            ..Default::default()
        };
        let mut engine = Engine {
            site: Incremental::new(options),
            root: root.to_path_buf(),
        };
        engine.apply(Changes::everything());
        engine
    }

    fn apply(&mut self, changes: Changes) -> polybook::incremental::Outcome {
        let outcome = self.site.rebuild(&changes).expect("the rebuild succeeds");
        self.site.render_deferred().expect("print pages render");
        let index = self.site.search_sources().expect("a good site").build();
        self.site.apply_search(index);
        outcome
    }

    fn content(&self, rel: &str, rescan: bool) -> Changes {
        Changes {
            content: [self.root.join("content").join(rel)].into(),
            rescan,
            ..Changes::default()
        }
    }

    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let build = self.site.search_build().to_string();
        self.site
            .files()
            .iter()
            .map(|(path, bytes)| {
                let bytes = if path.ends_with(".html") {
                    fill_search_build(bytes, &build)
                } else {
                    bytes.to_vec()
                };
                (path.clone(), bytes)
            })
            .collect()
    }

    #[track_caller]
    fn assert_equals_full_build(&self) {
        assert_same_files(&self.files(), &full_build(&self.root, Self::BASE));
    }
}

#[test]
fn incremental_rebuilds_equal_full_builds_after_every_kind_of_change() {
    let site = small_site();
    let mut engine = Engine::new(site.root());
    engine.assert_equals_full_build();

    // A body edit renders the article (and, deferred, the print page) only.
    site.write(
        "content/pt/beta.md",
        &page("Beta", "", "## Secção\n\nTexto novo de beta.\n"),
    );
    let outcome = engine.apply(engine.content("pt/beta.md", false));
    assert!(outcome.pages_rendered <= 2, "{outcome:?}");
    assert!(outcome.changed.contains(&"pt/beta/index.html".to_string()));
    engine.assert_equals_full_build();

    let edits: Vec<(&str, Option<String>, bool)> = vec![
        // A title: cards on other pages change.
        (
            "content/pt/beta.md",
            Some(page("Beta nova", "", "## Secção\n\nTexto.\n")),
            false,
        ),
        // Longer: its reading time, shown on cards elsewhere, grows.
        (
            "content/pt/beta.md",
            Some(page(
                "Beta",
                "",
                &format!("## Secção\n\n{}\n", "palavra ".repeat(700)),
            )),
            false,
        ),
        // New headings; the anchor linked to stays.
        (
            "content/pt/beta.md",
            Some(page("Beta", "", "## Secção\n\n### Mais\n\nTexto.\n")),
            false,
        ),
        // A new page and a link to it.
        (
            "content/pt/gama.md",
            Some(page("Gama", "topics = [\"empathy\"]\n", "Gama.\n")),
            true,
        ),
        (
            "content/hr/ce.md",
            Some(page(
                "Ce",
                "translation_key = \"k\"\n",
                "[g](../pt/gama.md)\n",
            )),
            false,
        ),
        // A section with an introduction, then without.
        (
            "content/pt/guia/_index.md",
            Some("+++\ntitle = \"Guia\"\n+++\nIntrodução.\n".into()),
            true,
        ),
        (
            "content/pt/guia/passo.md",
            Some(page("Passo", "weight = 1\n", "Passo.\n")),
            true,
        ),
        ("content/pt/guia/_index.md", None, true),
        // A colocated file, and the glossary.
        ("content/pt/figura.txt", Some("uma figura\n".into()), true),
        (
            "content/topics.toml",
            Some(format!(
                "{TOPICS}\n[trust]\nlabel = {{ pt = \"Confiança\" }}\n"
            )),
            false,
        ),
        // Synonyms (search only): added, changed, removed.
        (
            "content/synonyms.toml",
            Some("[pt]\nsame = [[\"texto\", \"escrito\"]]\n".into()),
            true,
        ),
        (
            "content/synonyms.toml",
            Some("[pt]\nalso = { \"documento\" = [\"texto\"] }\n".into()),
            false,
        ),
        ("content/synonyms.toml", None, true),
        // Old addresses: added, one dropped (its redirect goes), the title
        // the redirects show, then none.
        (
            "content/pt/beta.md",
            Some(page(
                "Beta",
                "aliases = [\"/pt/velha/\", \"pt/antiga.html\"]\n",
                "## Secção\n\nTexto.\n",
            )),
            false,
        ),
        (
            "content/pt/beta.md",
            Some(page(
                "Beta",
                "aliases = [\"pt/antiga.html\"]\n",
                "## Secção\n\nTexto.\n",
            )),
            false,
        ),
        (
            "content/pt/beta.md",
            Some(page(
                "Beta renomeada",
                "aliases = [\"pt/antiga.html\"]\n",
                "## Secção\n\nTexto.\n",
            )),
            false,
        ),
        (
            "content/pt/beta.md",
            Some(page("Beta", "", "## Secção\n\nTexto.\n")),
            false,
        ),
        // A callout in a body.
        (
            "content/pt/beta.md",
            Some(page(
                "Beta",
                "",
                "## Secção\n\n> [!WARNING]\n> Não prometa.\n",
            )),
            false,
        ),
        // A page leaves; the link to it goes with it.
        (
            "content/hr/ce.md",
            Some(page("Ce", "translation_key = \"k\"\n", "Tekst.\n")),
            false,
        ),
        ("content/pt/gama.md", None, true),
    ];
    for (rel, text, rescan) in edits {
        let path = site.root().join(rel);
        match text {
            Some(text) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, text).unwrap();
            }
            None => std::fs::remove_file(&path).unwrap(),
        }
        let rel = rel.strip_prefix("content/").unwrap();
        engine.apply(engine.content(rel, rescan));
        engine.assert_equals_full_build();
    }
}

/// Addresses depend on other files: a page added beside `Café.md` that asks
/// for its address (`cafe.md`) moves it, and links to it follow; removing the
/// page moves it back. A `slug` in front matter moves a page too.
#[test]
fn pages_that_move_for_another_file_equal_full_builds() {
    let site = small_site();
    site.write(
        "content/pt/Café.md",
        &page("Café", "topics = [\"empathy\"]\n", "Com acento.\n"),
    )
    .write(
        "content/pt/beta.md",
        &page("Beta", "", "## Secção\n\n[café](Café.md)\n"),
    );
    let mut engine = Engine::new(site.root());
    engine.assert_equals_full_build();
    let edits: Vec<(&str, Option<String>)> = vec![
        (
            "content/pt/cafe.md",
            Some(page("Cafe", "topics = [\"empathy\"]\n", "Sem acento.\n")),
        ),
        ("content/pt/cafe.md", None),
        (
            "content/pt/cafe.md",
            Some(page("Cafe", "topics = [\"empathy\"]\n", "Sem acento.\n")),
        ),
        (
            "content/pt/Café.md",
            Some(page(
                "Café",
                "slug = \"cafe\"\ntopics = [\"empathy\"]\n",
                "Com.\n",
            )),
        ),
        (
            "content/pt/Café.md",
            Some(page("Café", "slug = \"com-acento\"\n", "Com.\n")),
        ),
        ("content/pt/cafe.md", None),
    ];
    for (rel, text) in edits {
        match text {
            Some(text) => site.write(rel, &text),
            None => site.remove(rel),
        };
        let rel = rel.strip_prefix("content/").unwrap();
        engine.apply(engine.content(rel, false));
        engine.assert_equals_full_build();
    }
}

#[test]
fn template_catalog_stylesheet_and_config_changes_equal_full_builds() {
    let site = small_site();
    let mut engine = Engine::new(site.root());
    let theme = Changes {
        theme: true,
        ..Changes::default()
    };

    let css = site.root().join("themes/default/static/style.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str("\n.x { color: red }\n");
    std::fs::write(&css, text).unwrap();
    let outcome = engine.apply(theme.clone());
    let pairs = outcome.stylesheets.expect("a stylesheet-only change");
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    engine.assert_equals_full_build();

    let article = site.root().join("themes/default/templates/article.html");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replace("</article>", "<p>edited</p></article>"),
    )
    .unwrap();
    let outcome = engine.apply(theme);
    assert!(outcome.stylesheets.is_none());
    engine.assert_equals_full_build();

    let ftl = site.root().join("locales/pt/main.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(&ftl, text.replace("home-link = ", "home-link = Início >")).unwrap();
    engine.apply(Changes {
        locales: true,
        ..Changes::default()
    });
    engine.assert_equals_full_build();

    site.write(
        "site.toml",
        &site_toml("description = \"Outro\"\nrelated_limit = 1"),
    );
    engine.apply(Changes {
        config: true,
        ..Changes::default()
    });
    engine.assert_equals_full_build();
}

/// `cached()` partials are rendered once per build: a partial whose
/// arguments come from the content must not outlive a content change, even
/// though the engines that hold them do.
#[test]
fn cached_partials_follow_content_changes() {
    let site = small_site();
    site.write(
        "templates/partials/search-strings.html",
        "<template id=\"search-strings\">{% for l in languages %}\
         <span data-lang-name=\"{{ l.code }}\">{{ l.name }}: {{ l.article_count }}</span>\
         {% endfor %}</template>",
    );
    let mut engine = Engine::new(site.root());
    let home =
        |engine: &Engine| String::from_utf8(engine.files()["pt/index.html"].clone()).unwrap();
    assert!(home(&engine).contains(">Hrvatski: 1<"), "{}", home(&engine));
    site.write("content/hr/de.md", &page("De", "", "Tekst.\n"));
    engine.apply(engine.content("hr/de.md", true));
    assert!(home(&engine).contains(">Hrvatski: 2<"), "{}", home(&engine));
    engine.assert_equals_full_build();
}

#[test]
fn a_failed_rebuild_keeps_the_last_good_site() {
    let site = small_site();
    let mut engine = Engine::new(site.root());
    let before = engine.files();
    site.write("content/pt/alfa.md", "+++\ntitle = \n+++\nbroken\n");
    let problems = engine
        .site
        .rebuild(&engine.content("pt/alfa.md", false))
        .unwrap_err();
    let shown = problems
        .iter()
        .next()
        .unwrap()
        .display_relative_to(site.root())
        .to_string();
    assert!(shown.starts_with("content/pt/alfa.md:2:"), "{shown}");
    assert_eq!(engine.files(), before);
    site.write(
        "content/pt/alfa.md",
        &page(
            "Alfa",
            "translation_key = \"k\"\ntopics = [\"empathy\"]\n",
            "Fixed.\n",
        ),
    );
    engine.apply(engine.content("pt/alfa.md", false));
    engine.assert_equals_full_build();
}

#[test]
fn a_bad_review_key_fails_the_rebuild_as_it_fails_the_build() {
    let site = small_site();
    let mut engine = Engine::new(site.root());
    let before = engine.files();
    // Only the review key changes: nothing the graph or the page shows.
    let broken = page(
        "Alfa",
        "translation_key = \"k\"\ntopics = [\"empathy\"]\nreview_every = \"soon\"\n",
        "# Alfa\n\nTexto original de alfa. Veja [beta](beta.md#seccao).\n",
    );
    site.write("content/pt/alfa.md", &broken);
    let problems = engine
        .site
        .rebuild(&engine.content("pt/alfa.md", false))
        .unwrap_err();
    let shown: Vec<String> = problems
        .iter()
        .map(|d| d.display_relative_to(site.root()).to_string())
        .collect();
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("content/pt/alfa.md:6:16: error: review_every:")),
        "{shown:?}"
    );
    assert_eq!(engine.files(), before);
    site.write(
        "content/pt/alfa.md",
        &broken.replace("review_every = \"soon\"", "review_every = \"6 months\""),
    );
    engine.apply(engine.content("pt/alfa.md", false));
    engine.assert_equals_full_build();
}

#[test]
fn built_pages_carry_no_live_reload() {
    let site = small_site();
    site.build().assert_ok();
    let mut html = 0;
    for (path, bytes) in site.snapshot() {
        if path.ends_with(".html") {
            html += 1;
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("__polybook"),
                "{path} carries the live reload"
            );
            assert!(
                !text.contains("__pbsearch"),
                "{path} carries the search placeholder"
            );
        }
    }
    assert!(html > 5);
}

// ---------------------------------------------------------------- the server

/// A running `polybook serve`, killed on drop.
struct Server {
    child: Child,
    url: String,
    address: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(site: &Site) -> Server {
        let (child, url, log) = support::spawn_serve(site.root());
        let address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        Server {
            child,
            url,
            address,
            log,
        }
    }

    fn request(&self, raw: &str) -> Response {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read the response");
        Response::parse(&bytes)
    }

    fn get(&self, path: &str) -> Response {
        self.request(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        ))
    }

    fn state(&self) -> serde_json::Value {
        serde_json::from_slice(&self.get("/__polybook/state").body).expect("state is JSON")
    }

    /// Polls until the server has no work left, and returns its file hashes.
    fn settled_files(&self) -> BTreeMap<String, String> {
        wait_for("the search index", || {
            (self.state()["pending"] == false).then_some(())
        });
        self.get("/__polybook/files")
            .text()
            .lines()
            .map(|l| {
                let (hash, path) = l.split_once("  ").unwrap();
                (path.to_string(), hash.to_string())
            })
            .collect()
    }

    #[track_caller]
    fn wait_for_text(&self, path: &str, text: &str) -> Response {
        wait_for(&format!("{text:?} at {path}\n{}", self.log()), || {
            let r = self.get(path);
            (r.status == 200 && r.text().contains(text)).then_some(r)
        })
    }

    #[track_caller]
    fn wait_for_status(&self, path: &str, status: u16) {
        wait_for(&format!("{status} at {path}\n{}", self.log()), || {
            (self.get(path).status == status).then_some(())
        })
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.kill().is_ok() {
            self.child.wait().ok();
        }
    }
}

struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete head");
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        Response {
            status,
            head,
            body: bytes[split + 4..].to_vec(),
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (key, value) = l.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

#[track_caller]
fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn edits_created_and_deleted_pages_are_served_and_equal_a_full_build() {
    let site = small_site();
    let server = Server::start(&site);
    assert!(server
        .get("/pt/alfa/")
        .text()
        .contains("Texto original de alfa"));

    // Written in place.
    site.write(
        "content/pt/alfa.md",
        &page(
            "Alfa",
            "translation_key = \"k\"\ntopics = [\"empathy\"]\n",
            "# Alfa\n\nPrimeira edição.\n",
        ),
    );
    server.wait_for_text("/pt/alfa/", "Primeira edição");

    // Written to a temporary file renamed over the page (VS Code, JetBrains).
    let tmp = site.root().join("content/pt/.alfa.md.tmp");
    std::fs::write(
        &tmp,
        page(
            "Alfa renomeada",
            "translation_key = \"k\"\ntopics = [\"empathy\"]\n",
            "Segunda edição.\n",
        ),
    )
    .unwrap();
    std::fs::rename(&tmp, site.root().join("content/pt/alfa.md")).unwrap();
    server.wait_for_text("/pt/", "Alfa renomeada");

    // Vim: the page moved to a backup, a new file written, the backup removed.
    let page_path = site.root().join("content/hr/ce.md");
    let backup = site.root().join("content/hr/ce.md~");
    std::fs::rename(&page_path, &backup).unwrap();
    std::fs::write(
        &page_path,
        page("Ce", "translation_key = \"k\"\n", "Treća izmjena.\n"),
    )
    .unwrap();
    std::fs::remove_file(&backup).unwrap();
    server.wait_for_text("/hr/ce/", "Treća izmjena");

    // A new page appears, a deleted one leaves.
    site.write("content/pt/nova.md", &page("Nova", "", "Página nova.\n"));
    server.wait_for_text("/pt/nova/", "Página nova");
    site.remove("content/pt/beta.md");
    server.wait_for_status("/pt/beta/", 404);

    let served = server.settled_files();
    let built: BTreeMap<String, String> = full_build(site.root(), &server.url)
        .into_iter()
        .map(|(path, bytes)| (path, sha256(&bytes)))
        .collect();
    assert_eq!(served, built, "served files differ from a full build");
}

#[test]
fn a_broken_page_shows_the_overlay_until_it_is_fixed() {
    let site = small_site();
    let server = Server::start(&site);
    let generation = server.state()["generation"].as_u64().unwrap();
    let instance = server.state()["instance"].as_str().unwrap().to_string();

    site.write(
        "content/hr/ce.md",
        "+++\ntitle = \"Ce\"\nunknown_key = 1\n+++\nTekst.\n",
    );
    let state = wait_for("the error state", || {
        let state = server.state();
        (!state["errors"].as_array().unwrap().is_empty()).then_some(state)
    });
    let error = &state["errors"][0];
    assert!(
        error["location"]
            .as_str()
            .unwrap()
            .starts_with("content/hr/ce.md:3:"),
        "{error}"
    );

    // The last good site stays served, each page with the overlay in its language.
    let hr = server.get("/hr/ce/");
    assert_eq!(hr.status, 200);
    let hr = hr.text();
    assert!(
        hr.contains("Tekst.") && hr.contains("content/hr/ce.md:3:"),
        "{hr}"
    );
    assert!(hr.contains("Posljednju promjenu nije bilo moguće izgraditi"));
    let pt = server.get("/pt/alfa/");
    assert_eq!(pt.status, 200);
    assert!(pt
        .text()
        .contains("Não foi possível gerar a última alteração"));

    // An open tab hears of the errors over server-sent events.
    let event = first_event(
        &server,
        &format!("/__polybook/events?instance={instance}&since={generation}&page=%2Fhr%2Fce%2F"),
    );
    assert!(
        event.contains("content/hr/ce.md:3:") && event.contains("\"reload\":false"),
        "{event}"
    );

    site.write(
        "content/hr/ce.md",
        &page(
            "Ce",
            "translation_key = \"k\"\ntopics = [\"empathy\"]\n",
            "Ispravljeno.\n",
        ),
    );
    server.wait_for_text("/hr/ce/", "Ispravljeno");
    assert_eq!(server.state()["errors"], serde_json::json!([]));
    let event = first_event(
        &server,
        &format!("/__polybook/events?instance={instance}&since={generation}&page=%2Fhr%2Fce%2F"),
    );
    assert!(
        event.contains("\"errors\":[]") && event.contains("\"reload\":true"),
        "{event}"
    );
}

/// The first `data:` line of an event stream.
fn first_event(server: &Server, path: &str) -> String {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", server.address);
    stream.write_all(request.as_bytes()).unwrap();
    let reader = BufReader::new(stream);
    for line in reader.lines() {
        let line = line.expect("an event arrives");
        if let Some(data) = line.strip_prefix("data:") {
            return data.trim().to_string();
        }
    }
    panic!("the stream ended without an event");
}

#[test]
fn requests_stay_inside_the_site_and_get_proper_answers() {
    let site = small_site();
    let server = Server::start(&site);
    let secret = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    for path in [
        "/../site.toml",
        "/pt/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/..%5csite.toml",
        "/pt\\..\\..\\site.toml",
        "/content/pt/alfa.md",
        "/site.toml",
    ] {
        let response = server.get(path);
        assert!(
            [400, 404].contains(&response.status),
            "{path}: {}",
            response.status
        );
        assert!(
            !response.text().contains(&secret),
            "{path} leaked site.toml"
        );
    }

    let home = server.get("/pt/");
    assert_eq!(
        home.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control").as_deref(), Some("no-store"));
    assert!(home.text().contains("data-polybook-live"));

    let redirect = server.get("/pt");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location").as_deref(), Some("/pt/"));

    let missing = server.get("/pt/nowhere/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("<h1>Página não encontrada</h1>"),
        "the site's 404.html: {}",
        missing.text()
    );

    let sitemap = server.get("/sitemap.xml");
    assert_eq!(
        sitemap.header("content-type").as_deref(),
        Some("application/xml")
    );
    assert!(
        !sitemap.text().contains("__polybook"),
        "only HTML gets the client"
    );
    assert!(
        sitemap.text().contains(&server.url),
        "base_url points at the server"
    );

    let post = server.request(&format!(
        "POST /pt/ HTTP/1.1\r\nHost: {}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
        server.address
    ));
    assert_eq!(post.status, 405);
    let head = server.request(&format!(
        "HEAD /pt/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert!(!site.public().exists(), "serve never writes public/");
}

#[test]
fn the_server_stays_up_under_load() {
    let site = small_site();
    let server = Server::start(&site);
    std::thread::scope(|scope| {
        for worker in 0..8 {
            let server = &server;
            scope.spawn(move || {
                for i in 0..40 {
                    let response = match (worker + i) % 4 {
                        0 => server.get("/pt/alfa/"),
                        1 => server.get("/missing/"),
                        2 => server.get("/%2e%2e/x"),
                        _ => server.get("/sitemap.xml"),
                    };
                    assert!(response.status < 500);
                }
            });
        }
        // Half-written requests and garbage must not stop it either.
        for junk in [
            "GET /",
            "\x00\x01\x02\r\n\r\n",
            "GET /pt/ HTTP/1.1\r\nHost: x\r\nX: ",
        ] {
            let mut stream = TcpStream::connect(&server.address).unwrap();
            stream.write_all(junk.as_bytes()).unwrap();
        }
    });
    assert_eq!(server.get("/pt/alfa/").status, 200);
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let site = small_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port]);
    run.assert_failed_with(&format!("port {port} is already in use"));
}
