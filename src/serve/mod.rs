//! `polybook serve`: builds the site in memory, serves it on loopback, watches
//! its sources and rebuilds what a change touches; open tabs reload by
//! themselves, or show an overlay with the errors while the last good site
//! stays served.
//!
//! Three parts: the server ([`server`], async, only reads the [`live::State`]
//! it is handed), the builder thread (owns the [`Incremental`] site, turns
//! watcher events into rebuilds, publishes new states), and the search thread
//! (rebuilds the search index after the pages, at a lower priority).

pub mod desk;
pub mod live;
pub mod server;
pub mod watch;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::incremental::{Changes, Incremental, Outcome};
use crate::BuildOptions;
use live::{Change, OverlayText, State};
use std::collections::VecDeque;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;

/// What `polybook serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
    pub bind: IpAddr,
    pub open: bool,
    pub drafts: bool,
    /// The editors' desk: "Edit" on every page, and the only requests that write.
    pub edit: bool,
}

/// What the builder thread hears.
enum Message {
    File(notify::Result<notify::Event>),
    /// A search index built from the sources of search run `.0`.
    Search(u64, crate::search::shards::WrittenIndex),
    /// Work for the site in memory from the editors' desk (a preview).
    Desk(desk::Job),
}

/// Serves until Ctrl-C. Fails only when it cannot start (the port is taken).
pub fn run(options: ServeOptions) -> Result<(), Diagnostics> {
    let root = std::fs::canonicalize(&options.root).map_err(|e| {
        Diagnostics::from(crate::fs::io_error(
            &options.root,
            "cannot open the site folder",
            e,
        ))
    })?;
    let options = ServeOptions { root, ..options };
    let address = SocketAddr::new(options.bind, options.port);
    let listener = std::net::TcpListener::bind(address).map_err(|e| bind_error(address, e))?;
    let address = listener.local_addr().map_err(|e| bind_error(address, e))?;
    let url = site_url(address);
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {address}: anyone who can reach this machine can read the site \
             (--bind 127.0.0.1 keeps it local)"
        );
    }
    let build = BuildOptions {
        root: options.root.clone(),
        output: None,
        base_url: Some(url.clone()),
        drafts: options.drafts,
    };
    let (tx, rx) = mpsc::channel();
    let desk = desk_for(&options, address.port(), tx.clone())?;
    let mut builder = Builder::new(build, tx.clone());
    builder.desk = desk.is_some();
    builder.first_build();
    let (state_tx, state_rx) = tokio::sync::watch::channel(builder.state());
    builder.states = Some(state_tx);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.as_ref().is_ok_and(|e| !watch::matters(e)) {
            return;
        }
        if tx.send(Message::File(event)).is_err() {
            // The builder has stopped: the server is shutting down.
        }
    })
    .map_err(|e| watch_error(&options.root, e))?;
    watch::watch(&options.root, &mut watcher).map_err(|e| watch_error(&options.root, e))?;
    std::thread::Builder::new()
        .name("polybook-build".into())
        .spawn(move || builder.run(rx, watcher))
        .map_err(|e| crate::fs::io_error(&options.root, "cannot start the builder for", e))?;
    if let Some(secret) = desk.as_ref().and_then(|d| d.guard.secret.clone()) {
        println!("Editing from the browser needs this secret, asked once per browser: {secret}");
    }
    println!(
        "Serving {} at {url} (Ctrl-C to stop)",
        options.root.display()
    );
    if options.open {
        open_browser(&url);
    }
    serve_until_ctrl_c(listener, state_rx, desk).map_err(|e| bind_error(address, e))?;
    eprintln!("stopped");
    Ok(())
}

/// The desk, unless editing is off; beyond loopback it needs a secret.
fn desk_for(
    options: &ServeOptions,
    port: u16,
    messages: mpsc::Sender<Message>,
) -> Result<Option<Arc<desk::Desk>>, Diagnostics> {
    if !options.edit {
        return Ok(None);
    }
    let guard = desk::guard::Guard::new(port, !options.bind.is_loopback()).map_err(|e| {
        crate::fs::io_error(&options.root, "cannot make the editing desk's keys for", e)
    })?;
    let send: desk::SendJob = Box::new(move |job| messages.send(Message::Desk(job)).is_ok());
    Ok(Some(Arc::new(desk::Desk::new(guard, send))))
}

fn serve_until_ctrl_c(
    listener: std::net::TcpListener,
    states: tokio::sync::watch::Receiver<Arc<State>>,
    desk: Option<Arc<desk::Desk>>,
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let mut app = server::router(states);
        if let Some(desk) = desk {
            app = app.nest("/__polybook/desk", desk::router(desk));
        }
        tokio::select! {
            served = axum::serve(listener, app) => served,
            stop = tokio::signal::ctrl_c() => stop,
        }
    })?;
    runtime.shutdown_background();
    Ok(())
}

/// `http://127.0.0.1:1111/`; an unspecified address is reached through loopback.
fn site_url(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

fn bind_error(address: SocketAddr, e: std::io::Error) -> Diagnostics {
    let message = if e.kind() == std::io::ErrorKind::AddrInUse {
        format!(
            "port {} is already in use on {}",
            address.port(),
            address.ip()
        )
    } else {
        format!(
            "cannot listen on port {} of {}: {e}",
            address.port(),
            address.ip()
        )
    };
    Diagnostic::error(address.to_string(), message)
        .hint("stop the other server or pass --port N (--port 0 picks a free port)")
        .into()
}

fn watch_error(root: &Path, e: notify::Error) -> Diagnostics {
    Diagnostic::error(root, format!("cannot watch the site's files: {e}"))
        .hint("on Linux, raise fs.inotify.max_user_watches")
        .into()
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("warning: cannot open a browser ({opener}: {e}); open {url} yourself");
    }
}

/// Owns the site; runs on its own thread.
struct Builder {
    site: Incremental,
    root: PathBuf,
    instance: String,
    generation: u64,
    history: VecDeque<Change>,
    errors: Arc<Vec<live::ErrorItem>>,
    overlay: Arc<OverlayText>,
    states: Option<tokio::sync::watch::Sender<Arc<State>>>,
    messages: mpsc::Sender<Message>,
    /// The search run under way, and whether the site changed since it started.
    search_runs: u64,
    search_running: bool,
    search_stale: bool,
    /// The editors' desk is on: pages get "Edit".
    desk: bool,
}

impl Builder {
    fn new(options: BuildOptions, messages: mpsc::Sender<Message>) -> Builder {
        let instance = format!(
            "{:x}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        );
        Builder {
            root: options.root.clone(),
            site: Incremental::new(options),
            instance,
            generation: 0,
            history: VecDeque::new(),
            errors: Arc::default(),
            overlay: Arc::default(),
            states: None,
            messages,
            search_runs: 0,
            search_running: false,
            search_stale: false,
            desk: false,
        }
    }

    /// The whole site, its search index included, before the server starts.
    fn first_build(&mut self) {
        let started = Instant::now();
        self.rebuild(&Changes::everything());
        if let Some(sources) = self.site.search_sources() {
            self.site.apply_search(sources.build());
            self.search_stale = false;
        }
        eprintln!("built in {} ms", started.elapsed().as_millis());
    }

    fn run(mut self, rx: mpsc::Receiver<Message>, mut watcher: notify::RecommendedWatcher) {
        let urgent = |m: &Message| matches!(m, Message::Search(..) | Message::Desk(_));
        while let Some(batch) = watch::next_batch(&rx, urgent) {
            let mut events = Vec::new();
            for message in batch {
                match message {
                    Message::File(Ok(event)) => events.push(event),
                    Message::File(Err(e)) => eprintln!("warning: file watching: {e}"),
                    Message::Search(run, index) => self.search_done(run, index),
                    Message::Desk(job) => job(&mut self.site),
                }
            }
            if let Err(e) = watch::rewatch(&self.root, &events, &mut watcher) {
                eprintln!("warning: cannot watch a new folder: {e}");
            }
            let changes = watch::classify(&self.root, &events);
            if !changes.is_empty() {
                self.rebuild(&changes);
            }
            self.start_search();
        }
    }

    fn rebuild(&mut self, changes: &Changes) {
        let started = Instant::now();
        match self.site.rebuild(changes) {
            Ok(outcome) => {
                self.report(&outcome, started);
                self.errors = Arc::default();
                self.search_stale = true;
                self.record(&outcome);
                if changes.locales || changes.config {
                    self.overlay = Arc::new(self.overlay_text());
                }
                self.publish();
                match self.site.render_deferred() {
                    Ok(deferred) => self.record(&deferred),
                    Err(problems) => self.failed(&problems),
                }
            }
            Err(problems) => self.failed(&problems),
        }
        self.publish();
    }

    fn failed(&mut self, problems: &Diagnostics) {
        for d in problems.iter() {
            eprintln!("{}", d.display_relative_to(&self.root));
        }
        eprintln!(
            "rebuild failed: {} error(s); still serving the last good site",
            problems.error_count()
        );
        self.errors = Arc::new(live::error_items(problems, &self.root));
    }

    fn report(&self, outcome: &Outcome, started: Instant) {
        for d in outcome.warnings.iter() {
            eprintln!("{}", d.display_relative_to(&self.root));
        }
        eprintln!(
            "rebuilt in {} ms: {} page(s) rendered, {} file(s) changed",
            started.elapsed().as_millis(),
            outcome.pages_rendered,
            outcome.changed.len()
        );
        if std::env::var_os("POLYBOOK_SERVE_TIMINGS").is_some() {
            for (stage, time) in &outcome.timings {
                eprintln!("  {stage}: {:.1} ms", time.as_secs_f64() * 1000.0);
            }
        }
    }

    /// Adds a rebuild to the history tabs read.
    fn record(&mut self, outcome: &Outcome) {
        if outcome.changed.is_empty() {
            return;
        }
        self.generation += 1;
        let paths =
            (outcome.changed.len() <= 1000).then(|| outcome.changed.iter().cloned().collect());
        self.history.push_back(Change {
            generation: self.generation,
            paths,
            stylesheets: outcome.stylesheets.clone(),
        });
        while self.history.len() > live::HISTORY {
            self.history.pop_front();
        }
    }

    fn overlay_text(&self) -> OverlayText {
        let Some(config) = self.site.config() else {
            return OverlayText::default();
        };
        match crate::i18n::load(&config.locales_dir()) {
            Ok(locales) => OverlayText::new(config, &locales),
            Err(_) => (*self.overlay).clone(),
        }
    }

    fn state(&mut self) -> Arc<State> {
        if self.generation == 0 {
            self.overlay = Arc::new(self.overlay_text());
        }
        Arc::new(State {
            instance: self.instance.clone(),
            generation: self.generation,
            files: self.site.files(),
            search_build: self.site.search_build().to_string(),
            errors: Arc::clone(&self.errors),
            history: Arc::new(self.history.clone()),
            pending: self.search_running || self.search_stale,
            overlay: Arc::clone(&self.overlay),
            desk: self.desk,
        })
    }

    fn publish(&mut self) {
        let state = self.state();
        if let Some(states) = &self.states {
            states.send_replace(state);
        }
    }

    /// Starts rebuilding the search index if the site changed and none is under way.
    fn start_search(&mut self) {
        if self.search_running || !self.search_stale || !self.errors.is_empty() {
            return;
        }
        let Some(sources) = self.site.search_sources() else {
            return;
        };
        self.search_runs += 1;
        self.search_running = true;
        self.search_stale = false;
        let (run, messages) = (self.search_runs, self.messages.clone());
        let spawned = std::thread::Builder::new()
            .name("polybook-search".into())
            .spawn(move || {
                let index = search_pool().install(|| sources.build());
                if messages.send(Message::Search(run, index)).is_err() {
                    // The builder has stopped.
                }
            });
        if let Err(e) = spawned {
            eprintln!("warning: cannot start the search index build: {e}");
            self.search_running = false;
        }
    }

    fn search_done(&mut self, run: u64, index: crate::search::shards::WrittenIndex) {
        self.search_running = false;
        if run == self.search_runs && !self.search_stale && self.errors.is_empty() {
            self.site.apply_search(index);
        }
        self.publish();
    }
}

/// One thread for the search index, so the pages' rebuilds keep the others.
fn search_pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "polybook-search".into())
            .build()
            .expect("a thread pool of one thread starts")
    })
}
