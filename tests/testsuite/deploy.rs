//! The deploying recipes of `docs/deploy/` against real builds: the `_headers`
//! rules (Netlify, Cloudflare Pages) against every file a build writes, the
//! nginx configuration in a real nginx (at the root and under a subpath), and
//! the GitHub Pages workflow's shape.
//!
//! The nginx test needs `nginx` (on PATH, `/usr/sbin/nginx`, or `POLYBOOK_NGINX`);
//! without it it passes after a notice on stderr, and with
//! `POLYBOOK_REQUIRE_NGINX=1` (as `.ci/run` sets) its absence is an error.

use crate::support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{page, site_toml, urls_in, Site};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "public, max-age=0, must-revalidate";
const REQUIRE_NGINX_ENV: &str = "POLYBOOK_REQUIRE_NGINX";

fn deploy_file(name: &str) -> String {
    let path = support::repo_root().join("docs/deploy").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A small two-language site as a handbook repository holds it: no theme or
/// catalogs of its own (the built-in ones), a stylesheet of its own in
/// `static/`, an image beside a page, and `docs/deploy/_headers` in `static/`
/// as the README says.
fn handbook_site() -> Site {
    let site = Site::new();
    for folder in ["themes", "locales"] {
        std::fs::remove_dir_all(site.root().join(folder)).unwrap();
    }
    site.write("site.toml", &site_toml(""))
        .write(
            "content/topics.toml",
            "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\", en = \"Empathy\" }\n",
        )
        .write(
            "content/pt/ouvir.md",
            &page(
                "Ouvir",
                "translation_key = \"listen\"\ntopics = [\"empathy\"]\ndate = 2024-05-01\n\
                 aliases = [\"/pt/escuta/\", \"pt/antigo.html\"]\n",
                "## Escuta ativa\n\nOuça com atenção. ![esquema](esquema.svg)\n",
            ),
        )
        .write(
            "content/pt/esquema.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>\n",
        )
        .write(
            "content/hr/slusati.md",
            &page(
                "Slušati",
                "translation_key = \"listen\"\ntopics = [\"empathy\"]\n",
                "Slušajte pažljivo. Vidi [ouvir](../pt/ouvir.md#escuta-ativa).\n",
            ),
        )
        .write("static/css/extra.css", "main { margin: 0 }\n")
        .write("static/_headers", &deploy_file("_headers"));
    site
}

// ---------------------------------------------------------------- _headers

/// One rule of a `_headers` file: a path pattern and its headers.
#[derive(Debug)]
struct Rule {
    pattern: String,
    headers: Vec<(String, String)>,
}

/// Parses the `_headers` syntax Netlify and Cloudflare Pages share: a path at
/// the start of a line, its `Name: value` headers indented below it.
fn parse_headers(text: &str) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            assert!(
                trimmed.starts_with('/'),
                "_headers:{}: a path must start with /: {line:?}",
                n + 1
            );
            assert!(
                trimmed.matches('*').count() <= 1,
                "_headers:{}: Cloudflare Pages allows one splat per path: {line:?}",
                n + 1
            );
            assert!(
                !trimmed.contains(':'),
                "_headers:{}: no placeholders expected: {line:?}",
                n + 1
            );
            rules.push(Rule {
                pattern: trimmed.to_string(),
                headers: Vec::new(),
            });
        } else {
            let (name, value) = trimmed
                .split_once(':')
                .unwrap_or_else(|| panic!("_headers:{}: not `Name: value`: {line:?}", n + 1));
            let rule = rules
                .last_mut()
                .unwrap_or_else(|| panic!("_headers:{}: a header before any path", n + 1));
            rule.headers
                .push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    rules
}

/// Netlify and Cloudflare Pages: `*` (a splat) matches any characters, `/` included.
fn pattern_matches(pattern: &str, url: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == url,
        Some((before, after)) => {
            url.len() >= before.len() + after.len()
                && url.starts_with(before)
                && url.ends_with(after)
        }
    }
}

/// The Cache-Control values a request for `url` gets: both hosts apply every
/// rule that matches (and join the values of a header set twice).
fn cache_control<'a>(rules: &'a [Rule], url: &str) -> Vec<&'a str> {
    rules
        .iter()
        .filter(|rule| pattern_matches(&rule.pattern, url))
        .flat_map(|rule| rule.headers.iter())
        .filter(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
        .map(|(_, value)| value.as_str())
        .collect()
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `<name>.<10 hex digits>.css|js`, as `render::theme::fingerprinted` names them.
fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap();
    let mut parts = name.rsplitn(3, '.');
    let (ext, hash, stem) = (parts.next(), parts.next(), parts.next());
    matches!(ext, Some("css" | "js"))
        && hash.is_some_and(|h| is_hex(h, 10))
        && stem.is_some_and(|s| !s.is_empty())
}

/// `search/<10 hex digits>/…`: the search index, in a folder named by its content.
fn in_search_index(path: &str) -> bool {
    let mut parts = path.splitn(3, '/');
    parts.next() == Some("search")
        && parts.next().is_some_and(|build| is_hex(build, 10))
        && parts.next().is_some_and(|rest| !rest.is_empty())
}

/// The URLs that fetch an output file: `/<path>`, and `/<folder>/` for an index.html.
fn urls_of(path: &str) -> Vec<String> {
    let mut urls = vec![format!("/{path}")];
    if path == "index.html" {
        urls.push("/".into());
    } else if let Some(folder) = path.strip_suffix("/index.html") {
        urls.push(format!("/{folder}/"));
    }
    urls
}

#[test]
fn headers_file_caches_fingerprinted_files_forever_and_revalidates_the_rest() {
    let rules = parse_headers(&deploy_file("_headers"));
    let site = handbook_site();
    site.build().assert_ok();
    assert_eq!(
        site.read("_headers"),
        deploy_file("_headers"),
        "static/_headers is published as is at the root of the output"
    );

    let files: Vec<String> = support::snapshot(&site.public())
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let mut counts = [0usize; 3]; // fingerprinted, in the search index, pages and feeds
    for path in &files {
        // The offline worker keeps its name, and `/*.js` gives it a year: the
        // browser never takes the worker from its HTTP cache (it registers it
        // with updateViaCache: "none"), and both hosts purge their own caches
        // on each deploy (see the note in _headers).
        let worker = path == polybook::offline::WORKER_PATH;
        let immutable = is_fingerprinted(path) || in_search_index(path) || worker;
        if path.ends_with(".css") || path.ends_with(".js") {
            // What `/*.css` and `/*.js` rely on: the build writes no other CSS or JS.
            assert!(
                immutable,
                "{path} is CSS or JavaScript but neither fingerprinted nor in search/<build>/"
            );
        }
        let page_or_feed = path.ends_with(".html") || path.ends_with(".xml");
        counts[0] += usize::from(is_fingerprinted(path));
        counts[1] += usize::from(in_search_index(path));
        counts[2] += usize::from(page_or_feed);
        for url in urls_of(path) {
            let values = cache_control(&rules, &url);
            if immutable {
                assert_eq!(values, [IMMUTABLE], "{url} ({path}) must be immutable");
            } else if page_or_feed {
                assert_eq!(values, [REVALIDATE], "{url} ({path}) must be revalidated");
            } else {
                assert!(
                    values.is_empty() || values == [REVALIDATE],
                    "{url} ({path}) is not fingerprinted: the host's default \
                     (revalidate) or an explicit revalidate, got {values:?}"
                );
            }
        }
    }
    for required in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "pt/atom.xml",
        "pt/ouvir/index.html",
        "pt/esquema.svg",
    ] {
        assert!(
            files.iter().any(|f| f == required),
            "no {required} in {files:?}"
        );
    }
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("css/extra.") && is_fingerprinted(f)),
        "static/css/extra.css is published fingerprinted: {files:?}"
    );
    assert!(
        counts[0] >= 3 && counts[1] >= 5 && counts[2] >= 10,
        "fingerprinted, search index, pages: {counts:?}"
    );
}

#[test]
fn headers_rules_match_as_the_hosts_do() {
    assert!(pattern_matches("/*.css", "/css/extra.0123456789.css"));
    assert!(pattern_matches(
        "/search/*",
        "/search/0123456789/terms/a.js"
    ));
    assert!(pattern_matches("/*/", "/pt/ouvir/"));
    assert!(!pattern_matches("/*/", "/"));
    assert!(pattern_matches("/", "/"));
    assert!(!pattern_matches("/*.xml", "/pt/atom.xml.gz"));
    assert!(is_fingerprinted("style.0123456789.css"));
    assert!(is_fingerprinted("css/a.b.abcdef0123.js"));
    assert!(!is_fingerprinted("pt/demo.js"));
    assert!(!is_fingerprinted("style.012345678.css"));
    assert!(in_search_index("search/0123456789/manifest.js"));
    assert!(!in_search_index("pt/search/index.html"));
}

/// What makes `search/<build-id>/` safe to cache forever: any change to a file
/// in it renames the folder, even one only the manifest shows.
#[test]
fn search_folder_is_renamed_when_only_its_manifest_changes() {
    let site = handbook_site();
    let topics = "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\", en = \"Empathy\" }\n\
                  [unused]\nlabel = { pt = \"Sem uso\", hr = \"Bez upotrebe\", en = \"Unused\" }\n";
    site.write("content/topics.toml", topics);
    site.build().assert_ok();
    let before = search_folder(&site.public());
    let manifest_before = site.read(&format!("{before}/manifest.js"));
    site.write(
        "content/topics.toml",
        &topics.replace("Sem uso", "Nunca usado"),
    );
    site.build().assert_ok();
    let after = search_folder(&site.public());
    let manifest_after = site.read(&format!("{after}/manifest.js"));
    assert_ne!(
        manifest_before, manifest_after,
        "the manifest names the topic"
    );
    assert_ne!(before, after, "a changed manifest renames the folder");
}

// ---------------------------------------------------------------- GitHub Pages

#[test]
fn github_pages_workflow_checks_builds_and_deploys_public() {
    use serde_norway::Value;
    let text = deploy_file("github-pages.yml");
    let workflow: Value = serde_norway::from_str(&text).expect("github-pages.yml is YAML");
    let get = |v: &Value, key: &str| v.get(key).cloned().unwrap_or(Value::Null);
    let permissions = get(&workflow, "permissions");
    assert_eq!(get(&permissions, "pages").as_str(), Some("write"));
    assert_eq!(get(&permissions, "id-token").as_str(), Some("write"));
    assert!(
        get(&get(&workflow, "concurrency"), "group")
            .as_str()
            .is_some(),
        "a concurrency group"
    );
    let git = get(&get(&workflow, "env"), "POLYBOOK_GIT");
    assert!(
        git.as_str().is_some_and(|url| url.starts_with("https://")),
        "POLYBOOK_GIT names the repository polybook is installed from: {git:?}"
    );

    let jobs = get(&workflow, "jobs");
    let steps = |job: &str| -> Vec<Value> {
        get(&get(&jobs, job), "steps")
            .as_sequence()
            .unwrap_or_else(|| panic!("job {job} has steps"))
            .clone()
    };
    let build = steps("build");
    let runs: Vec<String> = build
        .iter()
        .filter_map(|s| get(s, "run").as_str().map(str::to_string))
        .collect();
    let position = |needle: &str| {
        runs.iter()
            .position(|r| r.contains(needle))
            .unwrap_or_else(|| panic!("no step runs {needle:?}: {runs:?}"))
    };
    let install = position("cargo install --locked --git \"$POLYBOOK_GIT\"");
    let check = position("polybook check");
    let build_site = position("polybook build");
    assert!(
        install < check && check < build_site,
        "install, check, build: {runs:?}"
    );
    let uses = |step: &Value, action: &str| {
        get(step, "uses")
            .as_str()
            .is_some_and(|u| u.starts_with(&format!("{action}@")))
    };
    let upload = build
        .iter()
        .find(|s| uses(s, "actions/upload-pages-artifact"))
        .expect("an actions/upload-pages-artifact step");
    assert_eq!(get(&get(upload, "with"), "path").as_str(), Some("public"));
    assert!(
        build.iter().any(|s| uses(s, "actions/cache")),
        "the installed polybook is cached"
    );
    assert!(
        steps("deploy")
            .iter()
            .any(|s| uses(s, "actions/deploy-pages")),
        "a deploy job with actions/deploy-pages"
    );
    assert_eq!(get(&get(&jobs, "deploy"), "needs").as_str(), Some("build"));
}

// ---------------------------------------------------------------- nginx

/// The nginx binary, or `None` (after a notice) when it is not installed.
fn nginx() -> Option<PathBuf> {
    let candidates = std::env::var_os("POLYBOOK_NGINX")
        .map(|p| vec![PathBuf::from(p)])
        .unwrap_or_else(|| vec![PathBuf::from("nginx"), PathBuf::from("/usr/sbin/nginx")]);
    for candidate in candidates {
        let runs = Command::new(&candidate)
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if runs {
            return Some(candidate);
        }
    }
    assert!(
        !std::env::var(REQUIRE_NGINX_ENV).is_ok_and(|v| v == "1"),
        "the nginx test needs nginx ({REQUIRE_NGINX_ENV}=1): install it (`apt-get install \
         nginx`, or run `bash .ci/run`, which installs it)"
    );
    let _ = writeln!(
        std::io::stderr().lock(),
        "\nNOTICE: nginx test SKIPPED: nginx not installed. Install it (`apt-get install \
         nginx`) to run it; {REQUIRE_NGINX_ENV}=1 makes its absence an error, as in CI.\n"
    );
    None
}

/// `mime.types` beside the installed nginx's own configuration.
fn mime_types(nginx: &Path) -> PathBuf {
    let out = Command::new(nginx).arg("-V").output().expect("nginx -V");
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let conf = text
        .split_whitespace()
        .find_map(|w| w.strip_prefix("--conf-path="))
        .unwrap_or("/etc/nginx/nginx.conf");
    let path = Path::new(conf).with_file_name("mime.types");
    assert!(path.is_file(), "no mime.types at {}", path.display());
    path
}

/// Replaces `from` (which must occur exactly once) with `to`.
#[track_caller]
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "expected {from:?} once in:\n{text}"
    );
    text.replace(from, to)
}

/// The server blocks of docs/deploy/nginx.conf (each after the `include` of
/// its redirects): the main one, and the commented subpath variant with one
/// `#` taken off each line.
fn nginx_server_blocks() -> (String, String) {
    let text = deploy_file("nginx.conf");
    let start = "# ---- Subpath variant";
    let end = "# ---- end of the subpath variant ----";
    let (main, rest) = text.split_once(start).expect("a subpath variant section");
    let (variant, _) = rest
        .split_once(end)
        .expect("the end of the subpath variant");
    let subpath: String = variant
        .lines()
        .skip(1) // the rest of the marker line
        .filter(|l| {
            ["#include ", "#server", "#    ", "#}"]
                .iter()
                .any(|start| l.starts_with(start))
        })
        .map(|l| format!("{}\n", &l[1..]))
        .collect();
    assert!(
        subpath.starts_with("include ") && subpath.contains("\nserver {"),
        "the variant is an include and a server block:\n{subpath}"
    );
    (main.to_string(), subpath)
}

/// A free port on 127.0.0.1 (free when asked; nginx binds it right after).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// nginx in the foreground as a child, stopped on drop.
struct Nginx {
    child: Child,
    error_log: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    /// Writes `nginx.conf` around `servers` in `prefix`, checks it with `nginx -t`,
    /// starts nginx and waits until every port answers.
    fn start(nginx: &Path, prefix: &Path, servers: &str, ports: &[u16]) -> Nginx {
        let p = prefix.display();
        let error_log = prefix.join("error.log");
        // One process (no master): killing the child stops nginx whole.
        let conf = format!(
            "master_process off;\ndaemon off;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n  include {mime};\n  default_type application/octet-stream;\n  access_log off;\n\
             client_body_temp_path {p}/client_body;\n  proxy_temp_path {p}/proxy;\n\
             fastcgi_temp_path {p}/fastcgi;\n  uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n\
             {servers}\n}}\n",
            mime = mime_types(nginx).display(),
        );
        let conf_path = prefix.join("nginx.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let test = Command::new(nginx)
            .arg("-t")
            .arg("-c")
            .arg(&conf_path)
            .arg("-p")
            .arg(prefix)
            .arg("-e")
            .arg(&error_log)
            .output()
            .expect("run nginx -t");
        assert!(
            test.status.success(),
            "nginx -t refuses the configuration:\n{}",
            String::from_utf8_lossy(&test.stderr)
        );
        let child = Command::new(nginx)
            .arg("-c")
            .arg(&conf_path)
            .arg("-p")
            .arg(prefix)
            .arg("-e")
            .arg(&error_log)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nginx");
        let mut server = Nginx { child, error_log };
        let deadline = Instant::now() + Duration::from_secs(20);
        for &port in ports {
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                if let Ok(Some(status)) = server.child.try_wait() {
                    panic!("nginx exited ({status}):\n{}", server.log());
                }
                assert!(
                    Instant::now() < deadline,
                    "nginx never listened on {port}:\n{}",
                    server.log()
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        server
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.error_log).unwrap_or_default()
    }
}

/// An HTTP response, read by a plain HTTP/1.1 client.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.text();
        let body: String = text.chars().take(300).collect();
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &format!("{body}… ({} bytes)", self.body.len()))
            .finish()
    }
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn get(port: u16, path: &str, extra_headers: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra_headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

#[track_caller]
fn expect(response: &Response, what: &str, status: u16, content_type: &str, cache: Option<&str>) {
    assert_eq!(response.status, status, "{what}: {response:?}");
    let ct = response.header("content-type").unwrap_or("");
    assert!(
        ct.starts_with(content_type),
        "{what}: Content-Type {ct:?}, expected {content_type}"
    );
    assert_eq!(
        response.header("cache-control"),
        cache,
        "{what}: Cache-Control"
    );
}

/// `href` resolved against the page at `base` (a path on the server), as a path.
fn resolve(base: &str, href: &str, origin: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap();
    let path = if let Some(rest) = href.strip_prefix(origin) {
        format!("/{rest}")
    } else if href.starts_with('/') {
        href.to_string()
    } else if href.is_empty() || href.contains(':') {
        return None; // anchors on the page, data: URLs, other hosts
    } else {
        format!("{}{href}", &base[..=base.rfind('/').unwrap()])
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            ".." => {
                out.pop();
            }
            "." => {}
            s if s.is_empty() && i + 1 < segments.len() => {}
            s => out.push(s),
        }
    }
    Some(format!("/{}", out.join("/")))
}

/// Every URL a page loads or links to: href, src and the search index's.
fn page_urls(html: &str) -> Vec<String> {
    let mut urls = urls_in(html);
    for attr in ["data-search-index=\"", "data-search-engine=\""] {
        if let Some(start) = html.find(attr) {
            let rest = &html[start + attr.len()..];
            urls.push(rest[..rest.find('"').unwrap()].to_string());
        }
    }
    urls
}

/// Fetches every link of the page at `path` (its status checked by the
/// caller) and expects 200 for each; returns how many.
fn links_resolve(port: u16, path: &str) -> usize {
    let origin = format!("http://127.0.0.1:{port}/");
    let page = get(port, path, "");
    assert!(page.text().contains("<html"), "{path}: {page:?}");
    let mut checked = 0;
    for href in page_urls(&page.text()) {
        let Some(target) = resolve(path, &href, &origin) else {
            continue;
        };
        let response = get(port, &target, "");
        assert_eq!(
            response.status, 200,
            "{href:?} on {path} ({target}) does not resolve: {}",
            response.status
        );
        checked += 1;
    }
    checked
}

fn search_folder(public: &Path) -> String {
    let build = std::fs::read_dir(public.join("search"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    format!("search/{}", build.to_string_lossy())
}

#[test]
fn nginx_config_serves_the_site_at_the_root_and_under_a_subpath() {
    let Some(nginx) = nginx() else { return };
    let (main, subpath) = nginx_server_blocks();
    let (port, sub_port) = (free_port(), free_port());

    // Built for where nginx serves them, so the 404 page's absolute links work too.
    let site = handbook_site();
    site.run(&["build", "--base-url", &format!("http://127.0.0.1:{port}/")])
        .assert_ok();
    let www = tempfile::tempdir().unwrap();
    let sub_public = www.path().join("handbook");
    site.run(&[
        "build",
        "--output",
        sub_public.to_str().unwrap(),
        "--base-url",
        &format!("http://127.0.0.1:{sub_port}/handbook/"),
    ])
    .assert_ok();
    let prefix = tempfile::tempdir().unwrap();
    // nginx's workers may run as another user: let them read the builds.
    for dir in [site.root(), www.path(), prefix.path()] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    let main = replace_once(&main, "listen 80;", &format!("listen 127.0.0.1:{port};"));
    let main = replace_once(&main, "listen [::]:80;", "");
    let main = replace_once(
        &main,
        "root /srv/handbook/public;",
        &format!("root {};", site.public().display()),
    );
    let main = replace_once(
        &main,
        "include /srv/handbook/public/nginx-redirects.conf;",
        &format!("include {}/nginx-redirects.conf;", site.public().display()),
    );
    let subpath = replace_once(
        &subpath,
        "listen 80;",
        &format!("listen 127.0.0.1:{sub_port};"),
    );
    let subpath = replace_once(&subpath, "listen [::]:80;", "");
    let subpath = replace_once(
        &subpath,
        "root /srv/www;",
        &format!("root {};", www.path().display()),
    );
    // Both servers run in one nginx here, where a map's variable is defined
    // once: the subpath's gets a name of its own.
    let sub_map = prefix.path().join("sub-redirects.conf");
    let map = std::fs::read_to_string(sub_public.join("nginx-redirects.conf")).unwrap();
    let renamed = |text: &str| text.replace("$polybook_redirect", "$polybook_redirect_sub");
    std::fs::write(&sub_map, renamed(&map)).unwrap();
    let subpath = replace_once(
        &renamed(&subpath),
        "include /srv/www/handbook/nginx-redirects.conf;",
        &format!("include {};", sub_map.display()),
    );
    let _nginx = Nginx::start(
        &nginx,
        prefix.path(),
        &format!("{main}\n{subpath}"),
        &[port, sub_port],
    );

    // At the root.
    let html = "text/html";
    let js = "application/javascript";
    expect(
        &get(port, "/", ""),
        "the chooser",
        200,
        html,
        Some(REVALIDATE),
    );
    let home = get(port, "/pt/", "");
    expect(&home, "a language home", 200, html, Some(REVALIDATE));
    assert_eq!(home.text(), site.read("pt/index.html"));
    expect(
        &get(port, "/pt/ouvir/index.html", ""),
        "an article",
        200,
        html,
        Some(REVALIDATE),
    );
    for old in [
        "/pt/escuta/",
        "/pt/escuta",
        "/pt/escuta/index.html",
        "/pt/antigo.html",
    ] {
        let moved = get(port, old, "");
        assert_eq!(moved.status, 301, "{old} is an alias: {moved:?}");
        assert_eq!(moved.header("location"), Some("/pt/ouvir/"), "{old}");
    }
    let bare = get(port, "/pt", "");
    assert_eq!(bare.status, 301, "/pt redirects: {bare:?}");
    assert_eq!(
        bare.header("location"),
        Some("/pt/"),
        "relative links need the slash"
    );
    expect(
        &get(port, "/sitemap.xml", ""),
        "the sitemap",
        200,
        "text/xml",
        Some(REVALIDATE),
    );
    expect(
        &get(port, "/pt/atom.xml", ""),
        "a feed",
        200,
        "application/atom+xml",
        Some(REVALIDATE),
    );
    expect(
        &get(port, "/pt/esquema.svg", ""),
        "an image",
        200,
        "image/svg+xml",
        Some(REVALIDATE),
    );

    let files: Vec<String> = support::snapshot(&site.public())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let css = files
        .iter()
        .find(|f| f.starts_with("style.") && f.ends_with(".css"))
        .unwrap();
    let script = files
        .iter()
        .find(|f| f.starts_with("polybook.") && f.ends_with(".js"))
        .unwrap();
    let search = search_folder(&site.public());
    let shard = files
        .iter()
        .find(|f| f.starts_with(&format!("{search}/terms/")))
        .expect("a term shard");
    let css_response = get(port, &format!("/{css}"), "Accept-Encoding: gzip\r\n");
    expect(&css_response, css, 200, "text/css", Some(IMMUTABLE));
    assert_eq!(
        css_response.header("content-encoding"),
        Some("gzip"),
        "CSS is compressed"
    );
    expect(
        &get(port, &format!("/{script}"), ""),
        script,
        200,
        js,
        Some(IMMUTABLE),
    );
    let shard_response = get(port, &format!("/{shard}"), "");
    expect(&shard_response, shard, 200, js, Some(IMMUTABLE));
    assert_eq!(shard_response.text(), site.read(shard));
    let manifest = get(
        port,
        &format!("/{search}/manifest.js"),
        "Accept-Encoding: gzip\r\n",
    );
    expect(&manifest, "the search manifest", 200, js, Some(IMMUTABLE));
    assert_eq!(
        manifest.header("content-encoding"),
        Some("gzip"),
        "the index is compressed"
    );

    let missing = get(port, "/pt/no-such-page/", "");
    expect(&missing, "a missing page", 404, html, Some(REVALIDATE));
    assert_eq!(missing.text(), site.read("404.html"), "the site's 404 page");
    let missing_asset = get(port, "/style.0000000000.css", "");
    assert_eq!(missing_asset.status, 404);
    assert_ne!(
        missing_asset.header("cache-control"),
        Some(IMMUTABLE),
        "a missing asset is not cached for a year"
    );
    assert!(
        links_resolve(port, "/") >= 2,
        "the chooser links the languages"
    );
    assert!(links_resolve(port, "/pt/ouvir/index.html") >= 5);
    assert!(
        links_resolve(port, "/pt/no-such-page/") >= 5,
        "the 404 page's links"
    );

    // Under /handbook/.
    for old in ["/handbook/pt/escuta/", "/handbook/pt/antigo.html"] {
        let moved = get(sub_port, old, "");
        assert_eq!(moved.status, 301, "{old} is an alias: {moved:?}");
        assert_eq!(
            moved.header("location"),
            Some("/handbook/pt/ouvir/"),
            "{old}"
        );
    }
    let bare = get(sub_port, "/handbook", "");
    assert_eq!(bare.status, 301, "/handbook redirects: {bare:?}");
    assert_eq!(bare.header("location"), Some("/handbook/"));
    expect(
        &get(sub_port, "/handbook/", ""),
        "the chooser",
        200,
        html,
        Some(REVALIDATE),
    );
    expect(
        &get(sub_port, "/handbook/hr/", ""),
        "a language home",
        200,
        html,
        Some(REVALIDATE),
    );
    let sub_search = search_folder(&sub_public);
    expect(
        &get(sub_port, &format!("/handbook/{sub_search}/manifest.js"), ""),
        "the search manifest",
        200,
        js,
        Some(IMMUTABLE),
    );
    expect(
        &get(sub_port, &format!("/handbook/{css}"), ""),
        "the stylesheet",
        200,
        "text/css",
        Some(IMMUTABLE),
    );
    let missing = get(sub_port, "/handbook/hr/nema/", "");
    expect(&missing, "a missing page", 404, html, Some(REVALIDATE));
    assert_eq!(
        missing.text(),
        std::fs::read_to_string(sub_public.join("404.html")).unwrap()
    );
    assert!(links_resolve(sub_port, "/handbook/") >= 2);
    assert!(links_resolve(sub_port, "/handbook/pt/index.html") >= 5);
    assert!(links_resolve(sub_port, "/handbook/hr/slusati/") >= 5);
    assert!(
        links_resolve(sub_port, "/handbook/hr/nema/") >= 5,
        "the 404 page's links"
    );
}
