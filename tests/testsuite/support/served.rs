//! A tiny std-only static HTTP server for a built site, and the three ways a
//! browser test opens one (`Via`): at the root, under a subpath, from files.
#![allow(dead_code)]

use super::browser::file_url;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// A static file server for a folder, on 127.0.0.1 with a port of the
/// system's choosing, stopped on drop. GET only; `/dir/` serves
/// `dir/index.html`, `/dir` redirects to `/dir/`; `..` is refused.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    pub fn start(root: &Path) -> StaticServer {
        let root = root
            .canonicalize()
            .unwrap_or_else(|e| panic!("cannot serve {}: {e}", root.display()));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = root.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &root);
                });
            }
        });
        StaticServer {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/<path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wake the accept loop
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn serve(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers, up to the blank line.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            &[("Allow", "GET")],
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            &[],
        );
    };
    if !decoded.starts_with('/') {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            &[],
        );
    }
    let relative = Path::new(decoded.trim_start_matches('/'));
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && !decoded.contains('\\')
        && !decoded.contains('\0');
    if !safe {
        return respond(
            &mut stream,
            "403 Forbidden",
            "text/plain",
            b"forbidden\n",
            &[],
        );
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            let location = format!("{path}/");
            return respond(
                &mut stream,
                "301 Moved Permanently",
                "text/plain",
                b"",
                &[("Location", &location)],
            );
        }
        file = file.join("index.html");
    } else if decoded.ends_with('/') {
        return not_found(&mut stream, root);
    }
    match std::fs::read(&file) {
        Ok(body) => respond(&mut stream, "200 OK", content_type(&file), &body, &[]),
        Err(_) => not_found(&mut stream, root),
    }
}

fn not_found(stream: &mut TcpStream, root: &Path) -> std::io::Result<()> {
    match std::fs::read(root.join("404.html")) {
        Ok(body) => respond(
            stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            &body,
            &[],
        ),
        Err(_) => respond(stream, "404 Not Found", "text/plain", b"not found\n", &[]),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    headers: &[(&str, &str)],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A raw HTTP GET, for testing the server itself (a browser normalizes `..`
/// away before sending): the status line, the headers, and the body.
pub fn raw_get(addr: SocketAddr, target: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let body = response[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("").to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body)
}

/// Where a built site is opened from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Via {
    Http,
    File,
}

pub const VIAS: [Via; 2] = [Via::Http, Via::File];

/// A built site reachable over HTTP and from `file://`.
pub struct Served {
    public: PathBuf,
    server: StaticServer,
}

impl Served {
    pub fn new(public: &Path) -> Served {
        Served {
            public: public.to_path_buf(),
            server: StaticServer::start(public),
        }
    }

    /// The site root, ending in `/`.
    pub fn root(&self, via: Via) -> String {
        match via {
            Via::Http => self.server.url(""),
            Via::File => format!("{}/", file_url(&self.public)),
        }
    }

    /// A page of the site, by its path in `public/` (`pt/index.html`); `""`: the root.
    pub fn url(&self, via: Via, path: &str) -> String {
        format!("{}{path}", self.root(via))
    }

    /// A link to `article` (`pt/slug/`) as a result shows it: from `file://`
    /// it names the `index.html`, as there is no directory index there.
    pub fn article(&self, via: Via, article: &str) -> String {
        match via {
            Via::Http => self.url(via, article),
            Via::File => self.url(via, &format!("{article}index.html")),
        }
    }
}
