//! A fixture-site builder for integration tests: copy a fixture (or start
//! empty), add files, run the real `polybook` binary, read what it wrote.
#![allow(dead_code)]

pub mod browser;
mod cdp;
mod served;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Site {
    dir: tempfile::TempDir,
}

/// The result of running the binary.
pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn success(&self) -> bool {
        self.output.status.success()
    }
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert!(
            self.success(),
            "polybook failed:\n{}{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
    #[track_caller]
    pub fn assert_failed_with(&self, expected: &str) -> &Self {
        assert!(
            !self.success(),
            "polybook should have failed; stderr:\n{}",
            self.stderr()
        );
        assert_ne!(
            self.code(),
            Some(101),
            "polybook panicked:\n{}",
            self.stderr()
        );
        assert!(
            self.stderr().contains(expected),
            "expected {expected:?} in stderr:\n{}",
            self.stderr()
        );
        self
    }
}

impl Site {
    /// A site with the repository's theme and locales, and the given `site.toml` languages.
    pub fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = Site { dir };
        copy_dir(&repo_root().join("themes"), &site.root().join("themes"));
        copy_dir(&repo_root().join("locales"), &site.root().join("locales"));
        site
    }

    /// The fixture `tests/fixtures/<name>` on top of the theme and locales.
    pub fn fixture(name: &str) -> Site {
        let site = Site::new();
        copy_dir(&repo_root().join("tests/fixtures").join(name), site.root());
        site
    }

    /// The repository's own handbook (site.toml, content, theme, locales).
    pub fn handbook() -> Site {
        let site = Site::new();
        copy_dir(&repo_root().join("content"), &site.root().join("content"));
        std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.root().join(rel)).unwrap();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_polybook"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run polybook");
        Run { output }
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.public().join(rel).exists()
    }

    /// Every file under the output folder with its bytes, sorted by path.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        snapshot(&self.public())
    }
}

pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The site.toml of small test sites: pt (default) and hr, plus any extra tables.
pub fn site_toml(extra: &str) -> String {
    format!(
        "title = \"Test handbook\"\nbase_url = \"https://example.com/hb/\"\ndefault_language = \"pt\"\n{extra}\n\
         [languages.pt]\nname = \"Português\"\nweight = 1\n\n[languages.hr]\nname = \"Hrvatski\"\nweight = 2\n"
    )
}

/// Runs the built `polybook` with `args` in `dir`, as a user in that folder would.
pub fn polybook_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_polybook"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run polybook");
    Run { output }
}

/// A page with TOML front matter.
pub fn page(title: &str, extra_front_matter: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ndescription = \"About {title}.\"\n{extra_front_matter}+++\n{body}")
}

/// Every `href="…"` and `src="…"` value of an HTML text.
pub fn urls_in(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(start) = rest.find(attr) {
            let after = &rest[start + attr.len()..];
            let end = after.find('"').unwrap_or(after.len());
            urls.push(after[..end].replace("&amp;", "&"));
            rest = &after[end..];
        }
    }
    urls
}

/// Starts `polybook serve --port 0` on `root`; returns the child, the URL it
/// printed, and what it prints (stderr and stdout) as it arrives.
pub fn spawn_serve(
    root: &Path,
) -> (
    std::process::Child,
    String,
    std::sync::Arc<std::sync::Mutex<String>>,
) {
    spawn_serve_with(root, &[])
}

/// [`spawn_serve`] with more arguments (`--bind 0.0.0.0`).
pub fn spawn_serve_with(
    root: &Path,
    extra: &[&str],
) -> (
    std::process::Child,
    String,
    std::sync::Arc<std::sync::Mutex<String>>,
) {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::sync::{mpsc, Arc, Mutex};
    let mut child = Command::new(env!("CARGO_BIN_EXE_polybook"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start polybook serve");
    let log = Arc::new(Mutex::new(String::new()));
    let stderr = child.stderr.take().unwrap();
    let sink = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let sink = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // The log holds what serve prints on both streams.
            sink.lock().unwrap().push_str(&format!("{line}\n"));
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let url = loop {
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("serve printed no URL:\n{}", log.lock().unwrap()));
        if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
            break url.to_string();
        }
    };
    (child, url, log)
}

/// A deterministic stream of numbers below `n` (a linear congruential
/// generator): test inputs that are varied, yet the same on every run.
pub fn seeded(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n
    }
}

/// The notice tests' languages and pages: pt, hr and es (no article in es),
/// topics `calm` and `listen`, and `pt/par` with its translation `hr/par`.
pub fn notices_site() -> Site {
    let site = Site::new();
    let es = "[languages.es]\nname = \"Español\"\nweight = 3\n";
    site.write("site.toml", &format!("{}\n{es}", site_toml("")))
        .write(
            "content/topics.toml",
            "[calm]\nlabel = { pt = \"Calma\", hr = \"Smirenost\", es = \"Calma\", en = \"Calm\" }\n\
             [listen]\nlabel = { pt = \"Ouvir\", hr = \"Slušanje\", es = \"Escuchar\", en = \"Listening\" }\n",
        )
        .write(
            "content/pt/par.md",
            &page("Par", "translation_key = \"pair\"\ntopics = [\"calm\"]\n", "Texto.\n"),
        )
        .write(
            "content/hr/par.md",
            &page("Par hr", "translation_key = \"pair\"\ntopics = [\"calm\"]\n", "Tekst.\n"),
        );
    site
}

/// `site` built, its `public/` copied to `<target>/tmp/<name>` (so that no
/// temp folder outlives the run, and a failed test's output can be read).
pub fn kept_build(site: &Site, name: &str) -> PathBuf {
    site.build().assert_ok();
    let dest = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    if dest.exists() {
        std::fs::remove_dir_all(&dest).unwrap();
    }
    copy_dir(&site.public(), &dest);
    dest
}

/// The repository's handbook, built once per test binary for every test
/// that only reads it (`<target>/tmp/handbook`).
pub fn built_handbook() -> &'static Path {
    static PUBLIC: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PUBLIC.get_or_init(|| kept_build(&Site::handbook(), "handbook"))
}
