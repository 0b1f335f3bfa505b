//! The editors' desk under attack: `polybook serve` is running on loopback
//! and a web page (or a rebinding DNS name, or a hostile request) tries to
//! write. Each case checks that nothing on disk changed (the whole site is
//! compared byte for byte) and that what the editor had is not lost. The
//! requests are written by hand, byte for byte, as an attacker would.

use crate::support::{self, page, site_toml, Site};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Child;
use std::time::Duration;

const PAGE: &str = "+++\r\n# Kept: a comment\r\ntitle = \"Ouvir\"   # short\r\ntopics = [\"calm\"]\r\n+++\r\nPrimeira versão.\r\n";

struct Serve {
    child: Child,
    host: String,
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        if self.child.kill().is_ok() {
            self.child.wait().ok();
        }
    }
}

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write(
            "content/topics.toml",
            "[calm]\nlabel = { pt = \"Calma\", hr = \"Smirenost\" }\n",
        )
        .write("content/pt/ouvir.md", PAGE)
        .write(
            "content/hr/slusati.md",
            &page("Slušati", "topics = [\"calm\"]\n", "Tekst.\n"),
        );
    site
}

fn start(site: &Site, extra: &[&str]) -> Serve {
    let (child, url, log) = support::spawn_serve_with(site.root(), extra);
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    Serve { child, host, log }
}

/// Status and body of a raw HTTP/1.1 request.
fn send(host: &str, head: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(host).expect("connect to serve");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let request = format!(
        "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    // A server that refuses early may close before all of a large body is sent.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"));
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, body.to_string())
}

impl Serve {
    fn get(&self, path: &str, extra_headers: &str) -> (u16, String) {
        let head = format!("GET {path} HTTP/1.1\r\nHost: {}{extra_headers}", self.host);
        send(&self.host, head.trim_end(), b"")
    }

    /// The session's token, as the desk's page carries it.
    fn token(&self) -> String {
        let (status, html) = self.get("/__polybook/desk/edit?path=pt/ouvir.md", "");
        assert_eq!(status, 200, "{html}");
        let at = html.find("\"token\":\"").expect("a token in the page") + 9;
        html[at..at + 64].to_string()
    }

    /// A POST as the desk sends it; `headers` may replace any of them.
    fn post(&self, api: &str, json: &str, headers: &[(&str, &str)]) -> (u16, String) {
        self.post_bytes(api, json.as_bytes(), headers)
    }

    fn post_bytes(&self, api: &str, body: &[u8], headers: &[(&str, &str)]) -> (u16, String) {
        let origin = format!("http://{}", self.host);
        let token = self.token();
        let mut all: Vec<(String, String)> = vec![
            ("Host".into(), self.host.clone()),
            ("Origin".into(), origin),
            ("Content-Type".into(), "application/json".into()),
            ("X-Polybook-Token".into(), token),
        ];
        for (name, value) in headers {
            all.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            if !value.is_empty() {
                all.push((name.to_string(), value.to_string()));
            }
        }
        let mut head = format!("POST /__polybook/desk/api/{api} HTTP/1.1");
        for (name, value) in all {
            head.push_str(&format!("\r\n{name}: {value}"));
        }
        send(&self.host, &head, body)
    }
}

fn version(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn save_json(body: &str, base: &str) -> String {
    serde_json::json!({ "path": "pt/ouvir.md", "base": base, "body": body, "fields": {} })
        .to_string()
}

/// The page on disk.
fn source(site: &Site) -> String {
    std::fs::read_to_string(site.root().join("content/pt/ouvir.md")).unwrap()
}

/// Every file of the site, `content/` and what is beside it, to show that
/// nothing changed.
fn everything(site: &Site) -> Vec<(String, Vec<u8>)> {
    support::snapshot(site.root())
}

#[test]
fn a_save_from_the_desk_changes_only_the_body_s_bytes() {
    let site = site();
    let serve = start(&site, &[]);
    let base = version(PAGE.as_bytes());
    let (status, body) = serve.post("save", &save_json("Segunda versão.\n", &base), &[]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        source(&site),
        PAGE.replace("Primeira versão.", "Segunda versão.")
    );
}

#[test]
fn cross_origin_and_tokenless_writes_are_refused() {
    let site = site();
    let serve = start(&site, &[]);
    let before = everything(&site);
    let base = version(PAGE.as_bytes());
    let json = save_json("Hacked.\n", &base);
    for headers in [
        vec![("Origin", "http://evil.example")],
        vec![("Origin", "null")],
        vec![("Origin", "")],
        vec![("X-Polybook-Token", "")],
        vec![("X-Polybook-Token", "0000")],
        vec![("Sec-Fetch-Site", "cross-site")],
        // What a <form> of another site can send without asking first.
        vec![
            ("Origin", "http://evil.example"),
            ("Content-Type", "text/plain"),
            ("X-Polybook-Token", ""),
        ],
    ] {
        let (status, body) = serve.post("save", &json, &headers);
        assert_eq!(status, 403, "{headers:?}: {body}");
        assert!(body.contains("error"), "{body}");
    }
    assert_eq!(everything(&site), before, "nothing written");
}

#[test]
fn a_forged_host_as_dns_rebinding_sends_gets_neither_the_token_nor_a_write() {
    let site = site();
    let serve = start(&site, &[]);
    let before = everything(&site);
    let port = serve.host.rsplit(':').next().unwrap().to_string();
    let evil = format!("rebind.evil.example:{port}");
    let head = format!("GET /__polybook/desk/edit?path=pt/ouvir.md HTTP/1.1\r\nHost: {evil}");
    let (status, page) = send(&serve.host, &head, b"");
    assert_eq!(status, 403);
    assert!(!page.contains("token"), "{page}");
    let origin = format!("http://{evil}");
    let token = serve.token();
    let json = save_json("Hacked.\n", &version(PAGE.as_bytes()));
    let (status, _) = serve.post(
        "save",
        &json,
        &[
            ("Host", &evil),
            ("Origin", &origin),
            ("X-Polybook-Token", &token),
        ],
    );
    assert_eq!(status, 403);
    assert_eq!(everything(&site), before, "nothing written");
}

#[test]
fn traversal_in_every_encoding_and_other_files_are_refused() {
    let site = site();
    site.write("outside.md", "+++\ntitle = \"Outside\"\n+++\nSecret.\n");
    let serve = start(&site, &[]);
    let before = everything(&site);
    let paths = [
        // Plain.
        "../outside.md",
        "pt/../../outside.md",
        // Percent-encoded.
        "pt/%2e%2e/%2e%2e/outside.md",
        "pt/..%2f..%2foutside.md",
        // Double-encoded.
        "pt/%252e%252e/%252e%252e/outside.md",
        // Backslashes, and overlong UTF-8 for '.' and '/'.
        "pt\\..\\..\\outside.md",
        "pt/%c0%ae%c0%ae%c0%afoutside.md",
        // Absolute, hidden, other extensions, outside any language.
        "/etc/passwd.md",
        "pt/.ouvir.md",
        "pt/ouvir.html",
        "topics.toml",
        "xx/novo.md",
    ];
    for path in paths {
        let json = serde_json::json!({ "path": path, "body": "x\n", "fields": { "title": "X" } });
        let (status, body) = serve.post("create", &json.to_string(), &[]);
        assert_eq!(status, 403, "{path}: {body}");
        let json = serde_json::json!({ "path": path, "base": "", "body": "x\n" });
        let (status, _) = serve.post("save", &json.to_string(), &[]);
        assert_eq!(status, 403, "{path}");
        let query: String = path.replace('%', "%25").replace(' ', "%20");
        let (status, _) = serve.get(&format!("/__polybook/desk/edit?path={query}"), "");
        assert_eq!(status, 403, "{path} in a query");
    }
    // A query decoded once: what arrives still carries an escape.
    let (status, _) = serve.get("/__polybook/desk/edit?path=pt/%252e%252e/x.md", "");
    assert_eq!(status, 403);
    assert_eq!(everything(&site), before, "nothing written");
}

#[test]
fn a_50_mb_body_invalid_utf8_and_bad_front_matter_write_nothing() {
    let site = site();
    let serve = start(&site, &[]);
    let before = everything(&site);
    let base = version(PAGE.as_bytes());
    let mut huge = save_json("", &base).into_bytes();
    let filler = vec![b' '; 50 * 1024 * 1024];
    huge.splice(1..1, filler);
    let (status, _) = serve.post_bytes("save", &huge, &[]);
    assert_eq!(status, 413, "a 50 MB body is refused");

    let mut bad = save_json("Texto ", &base).into_bytes();
    let at = bad.windows(6).position(|w| w == b"Texto ").unwrap() + 6;
    bad.splice(at..at, [0xff, 0xfe, 0xc0, 0xae]);
    let (status, body) = serve.post_bytes("save", &bad, &[]);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("UTF-8"), "{body}");

    for (fields, why) in [
        (r#"{"weight": "heavy"}"#, "not what the desk sends"),
        (r#"{"reviewed": "yesterday"}"#, "yesterday"),
        (r#"{"title": ""}"#, "title is empty"),
        (r#"{"colour": "red"}"#, "colour"),
    ] {
        let json = format!(
            r#"{{"path": "pt/ouvir.md", "base": "{base}", "body": "x\n", "fields": {fields}}}"#
        );
        let (status, body) = serve.post("save", &json, &[]);
        assert!(status == 400 || status == 422, "{fields}: {status} {body}");
        assert!(body.contains(why), "{fields}: {body}");
        assert!(body.contains("nothing was written"), "{body}");
    }
    assert_eq!(everything(&site), before, "nothing written");
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_content_are_never_written_through() {
    let site = site();
    site.write(
        "outside/target.md",
        "+++\ntitle = \"Outside\"\n+++\nSecret.\n",
    );
    let root = site.root();
    std::os::unix::fs::symlink(
        root.join("outside/target.md"),
        root.join("content/pt/link.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(root.join("outside"), root.join("content/pt/dir")).unwrap();
    let serve = start(&site, &[]);
    let before = everything(&site);
    let target = std::fs::read(root.join("outside/target.md")).unwrap();
    let json =
        serde_json::json!({ "path": "pt/link.md", "base": version(&target), "body": "Hacked.\n" });
    let (status, body) = serve.post("save", &json.to_string(), &[]);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("symbolic link"), "{body}");
    let json =
        serde_json::json!({ "path": "pt/dir/new.md", "body": "x\n", "fields": { "title": "X" } });
    let (status, _) = serve.post("create", &json.to_string(), &[]);
    assert_eq!(status, 403);
    let json = serde_json::json!({ "path": "pt/link.md", "base": version(&target) });
    let (status, _) = serve.post("delete", &json.to_string(), &[]);
    assert_eq!(status, 403);
    assert_eq!(everything(&site), before, "nothing written");
}

#[test]
fn of_two_saves_from_one_version_one_wins_and_the_other_gets_both_versions() {
    let site = site();
    let serve = std::sync::Arc::new(start(&site, &[]));
    let base = version(PAGE.as_bytes());
    for round in 0..5 {
        let base = if round == 0 {
            base.clone()
        } else {
            version(source(&site).as_bytes())
        };
        let racers: Vec<_> = ["Ana", "Rui"]
            .into_iter()
            .map(|who| {
                let serve = std::sync::Arc::clone(&serve);
                let json = save_json(&format!("{who} {round}.\n"), &base);
                std::thread::spawn(move || (who, serve.post("save", &json, &[])))
            })
            .collect();
        let results: Vec<(&str, (u16, String))> =
            racers.into_iter().map(|t| t.join().unwrap()).collect();
        let winners: Vec<&str> = results
            .iter()
            .filter(|(_, (s, _))| *s == 200)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(winners.len(), 1, "{results:?}");
        let winner = winners[0];
        let on_disk = source(&site);
        assert!(
            on_disk.ends_with(&format!("+++\r\n{winner} {round}.\r\n")),
            "{on_disk}"
        );
        let (_, (status, conflict)) = results.iter().find(|(w, _)| *w != winner).unwrap();
        assert_eq!(*status, 409, "{conflict}");
        assert!(
            conflict.contains(&format!("{winner} {round}.")),
            "the loser is shown the winner's text: {conflict}"
        );
    }
    drop(serve);
}

#[test]
fn beyond_loopback_the_desk_needs_the_printed_secret() {
    let site = site();
    let serve = start(&site, &["--bind", "0.0.0.0"]);
    let log = serve.log.lock().unwrap().clone();
    let secret = log
        .lines()
        .find_map(|l| l.split("asked once per browser: ").nth(1))
        .unwrap_or_else(|| panic!("no secret printed:\n{log}"))
        .trim()
        .to_string();
    let (status, _) = serve.get("/__polybook/desk/edit?path=pt/ouvir.md", "");
    assert_eq!(status, 303, "sent to the secret's form");
    let origin = format!("http://{}", serve.host);
    let login = |secret: &str| {
        let head = format!(
            "POST /__polybook/desk/login HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nContent-Type: application/x-www-form-urlencoded",
            serve.host
        );
        let body = format!("secret={secret}&next=/__polybook/desk/edit");
        let mut stream = TcpStream::connect(&serve.host).unwrap();
        let request = format!(
            "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    };
    assert!(login("guess").starts_with("HTTP/1.1 403"));
    let response = login(&secret);
    assert!(response.starts_with("HTTP/1.1 303"), "{response}");
    let cookie = response
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .expect("a cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let (status, _) = serve.get(
        "/__polybook/desk/edit?path=pt/ouvir.md",
        &format!("\r\nCookie: {cookie}"),
    );
    assert_eq!(status, 200);
}
