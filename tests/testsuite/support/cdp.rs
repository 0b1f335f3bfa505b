//! The Chrome DevTools Protocol over Chromium's `--remote-debugging-pipe`:
//! JSON messages ended by NUL, written to the browser's fd 3 and read from
//! its fd 4, one reader thread routing answers to their callers and events
//! to their tab. A call costs one round trip. (The `headless_chrome` crate
//! made every call wait up to 100 ms for its reader to let go of the socket,
//! rust-headless-chrome issue #446, and compiled the whole generated
//! protocol: most of the browser tests' time and of their build.)

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What an event handler gets: the method (`Page.javascriptDialogOpening`)
/// and its params.
pub type Handler = Box<dyn Fn(&str, &Value) + Send>;

type Pending = HashMap<u64, Sender<Result<Value, String>>>;

struct Shared {
    writer: Mutex<std::io::PipeWriter>,
    next_id: AtomicU64,
    pending: Mutex<Pending>,
    /// Event handlers by session id.
    handlers: Mutex<HashMap<String, Handler>>,
}

impl Shared {
    fn send(&self, session: Option<&str>, method: &str, params: Value) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = Value::String(session.to_string());
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        // A closed pipe (the browser is gone) shows as a call with no answer.
        let _ = self.writer.lock().unwrap().write_all(&bytes);
        id
    }
}

/// A running browser's protocol connection.
#[derive(Clone)]
pub struct Connection {
    shared: Arc<Shared>,
}

impl Connection {
    /// Starts `chromium` with `args` and the pipe; returns the process too.
    pub fn launch(chromium: &Path, args: &[String]) -> std::io::Result<(Connection, Child)> {
        let (browser_reads, tests_write) = std::io::pipe()?;
        let (tests_read, browser_writes) = std::io::pipe()?;
        let reads: OwnedFd = browser_reads.into();
        let writes: OwnedFd = browser_writes.into();
        let (reads_fd, writes_fd) = (reads.as_raw_fd(), writes.as_raw_fd());
        let mut command = Command::new(chromium);
        command
            .args(args)
            .arg("--remote-debugging-pipe")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and
        // exec. The two ends are first moved above 9 so that placing one at 3
        // cannot close the other if it happened to be 3 or 4.
        unsafe {
            command.pre_exec(move || {
                let high_reads = libc::fcntl(reads_fd, libc::F_DUPFD, 10);
                let high_writes = libc::fcntl(writes_fd, libc::F_DUPFD, 10);
                if high_reads < 0
                    || high_writes < 0
                    || libc::dup2(high_reads, 3) < 0
                    || libc::dup2(high_writes, 4) < 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn()?;
        drop((reads, writes)); // the browser's ends: ours would keep the pipes open
        let shared = Arc::new(Shared {
            writer: Mutex::new(tests_write),
            next_id: AtomicU64::new(1),
            pending: Mutex::new(HashMap::new()),
            handlers: Mutex::new(HashMap::new()),
        });
        let reader = Arc::clone(&shared);
        std::thread::spawn(move || read_messages(BufReader::new(tests_read), &reader));
        Ok((Connection { shared }, child))
    }

    /// Sends a command (to a tab's `session`, or the browser) and waits for its
    /// result, at most `limit`.
    pub fn call(
        &self,
        session: Option<&str>,
        method: &str,
        params: Value,
        limit: Duration,
    ) -> Result<Value, String> {
        let (tx, rx) = channel();
        // Held while sending: the reader cannot route the answer before the
        // caller is registered.
        let mut pending = self.shared.pending.lock().unwrap();
        let id = self.shared.send(session, method, params);
        pending.insert(id, tx);
        drop(pending);
        match rx.recv_timeout(limit) {
            Ok(result) => result.map_err(|e| format!("{method}: {e}")),
            Err(_) => {
                self.shared.pending.lock().unwrap().remove(&id);
                Err(format!("{method}: no answer within {limit:?}"))
            }
        }
    }

    /// Sends a command without waiting for its answer (from an event handler,
    /// which runs on the reader thread and must not block it).
    pub fn send(&self, session: Option<&str>, method: &str, params: Value) {
        self.shared.send(session, method, params);
    }

    /// Calls `handler` with every event of `session`, on the reader thread.
    pub fn on_events(&self, session: &str, handler: Handler) {
        self.shared
            .handlers
            .lock()
            .unwrap()
            .insert(session.to_string(), handler);
    }

    pub fn forget(&self, session: &str) {
        self.shared.handlers.lock().unwrap().remove(session);
    }
}

fn read_messages(mut from_browser: BufReader<std::io::PipeReader>, shared: &Shared) {
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match from_browser.read_until(0, &mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if buffer.last() == Some(&0) {
            buffer.pop();
        }
        let Ok(message) = serde_json::from_slice::<Value>(&buffer) else {
            continue;
        };
        if let Some(id) = message.get("id").and_then(Value::as_u64) {
            let result = match message.get("error") {
                Some(error) => Err(error.to_string()),
                None => Ok(message.get("result").cloned().unwrap_or(Value::Null)),
            };
            if let Some(tx) = shared.pending.lock().unwrap().remove(&id) {
                let _ = tx.send(result);
            }
        } else if let (Some(method), Some(session)) = (
            message.get("method").and_then(Value::as_str),
            message.get("sessionId").and_then(Value::as_str),
        ) {
            let handlers = shared.handlers.lock().unwrap();
            if let Some(handler) = handlers.get(session) {
                handler(method, message.get("params").unwrap_or(&Value::Null));
            }
        }
    }
    // The browser is gone: every caller still waiting learns it now.
    for (_, tx) in shared.pending.lock().unwrap().drain() {
        let _ = tx.send(Err("the browser closed the connection".to_string()));
    }
}
