//! A static host for the offline tests: it can be pointed at another build
//! (a deploy), taken down, and asked how many bytes it sent.

use crate::support::browser;

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A static host for a built site at a path prefix (`/` or `/handbook/`),
/// which a test can point at another build (a deploy) or take down: it then
/// closes every connection unanswered, so the worker's requests fail too.
pub(super) struct Host {
    pub(super) addr: SocketAddr,
    prefix: String,
    root: Arc<Mutex<PathBuf>>,
    down: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Every answer so far: its request line and the bytes sent (head and body).
    sent: Arc<Mutex<Vec<(String, u64)>>>,
}

/// The headers a host adds about caching.
#[derive(Clone, Copy)]
pub(super) enum Caching {
    /// `Cache-Control: no-cache`: browsers store and revalidate.
    Revalidate,
    /// None at all, as many simple static hosts answer.
    Unsaid,
}

impl Host {
    pub(super) fn start(root: &Path, prefix: &str) -> Host {
        Host::start_with(root, prefix, Caching::Revalidate)
    }

    pub(super) fn start_with(root: &Path, prefix: &str, caching: Caching) -> Host {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let root = Arc::new(Mutex::new(root.to_path_buf()));
        let (down, stop) = (
            Arc::new(AtomicBool::new(false)),
            Arc::new(AtomicBool::new(false)),
        );
        let sent = Arc::new(Mutex::new(Vec::new()));
        let (r, d, s, p, log) = (
            Arc::clone(&root),
            Arc::clone(&down),
            Arc::clone(&stop),
            prefix.to_string(),
            Arc::clone(&sent),
        );
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                if d.load(Ordering::SeqCst) {
                    continue; // dropped: the connection closes unanswered
                }
                let (root, prefix, log) = (r.lock().unwrap().clone(), p.clone(), Arc::clone(&log));
                std::thread::spawn(move || {
                    let _ = answer(stream, &root, &prefix, caching, &log);
                });
            }
        });
        Host {
            addr,
            prefix: prefix.to_string(),
            root,
            down,
            stop,
            thread: Some(thread),
            sent,
        }
    }

    /// The bytes sent so far, and a line per answer (for a failure's message).
    pub(super) fn sent(&self) -> (u64, String) {
        let sent = self.sent.lock().unwrap();
        let total = sent.iter().map(|(_, bytes)| bytes).sum();
        let lines = sent
            .iter()
            .map(|(request, bytes)| format!("{bytes:>8}  {request}\n"));
        (total, lines.collect())
    }

    /// `http://127.0.0.1:PORT<prefix><path>`.
    pub(super) fn url(&self, path: &str) -> String {
        format!("http://{}{}{path}", self.addr, self.prefix)
    }

    pub(super) fn deploy(&self, root: &Path) {
        *self.root.lock().unwrap() = root.to_path_buf();
    }

    pub(super) fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wake the accept loop
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(
    mut stream: TcpStream,
    root: &Path,
    prefix: &str,
    caching: Caching,
    sent: &Mutex<Vec<(String, u64)>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let cache_control = match caching {
        Caching::Revalidate => "Cache-Control: no-cache\r\n",
        Caching::Unsaid => "",
    };
    let respond = |stream: &mut TcpStream, status: &str, kind: &str, body: &[u8], extra: &str| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
             {cache_control}Connection: close\r\n{extra}\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)?;
        let bytes = (head.len() + body.len()) as u64;
        sent.lock()
            .unwrap()
            .push((request_line.trim().to_string(), bytes));
        stream.flush()
    };
    let Some(rel) = path.strip_prefix(prefix) else {
        return respond(&mut stream, "404 Not Found", "text/plain", b"", "");
    };
    if rel.split('/').any(|s| s == "..") {
        return respond(&mut stream, "403 Forbidden", "text/plain", b"", "");
    }
    let mut file = root.join(rel);
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = format!("Location: {path}/\r\n");
            return respond(
                &mut stream,
                "301 Moved Permanently",
                "text/plain",
                b"",
                &location,
            );
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => {
            let kind = browser::content_type(&file);
            respond(&mut stream, "200 OK", kind, &body, "")
        }
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            "",
        ),
    }
}
