//! The HTTP side of `serve`: the site from memory, the live-reload events and two
//! small endpoints for tools. Only GET and HEAD; request bodies are never read.

use super::live::{self, State};
use crate::incremental::fill_search_build;
use axum::body::{Body, Bytes};
use axum::extract::State as Shared;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::Stream;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::watch;

type Rx = watch::Receiver<Arc<State>>;

pub fn router(rx: Rx) -> Router {
    Router::new()
        .route("/__polybook/events", get(events))
        .route("/__polybook/state", get(status))
        .route("/__polybook/files", get(listing))
        .fallback(site_file)
        .with_state(rx)
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file of the site, by output path.
    File(String),
    /// A folder asked for without its final `/`.
    Redirect(String),
    /// Nothing there; the output path it would have had.
    NotFound(String),
    /// Not a path of this site (bad escapes, `..`, backslashes).
    Bad,
}

/// Maps a raw (percent-encoded) request path to a file of the site.
pub fn resolve(raw: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    let Some(path) = percent_decoded(raw) else {
        return Resolved::Bad;
    };
    let Some(rel) = path.strip_prefix('/') else {
        return Resolved::Bad;
    };
    if rel.contains(['\\', '\0'])
        || rel.split('/').any(|s| s == ".." || s == ".")
        || rel.contains("//")
    {
        return Resolved::Bad;
    }
    if rel.is_empty() || rel.ends_with('/') {
        return match format!("{rel}index.html") {
            key if exists(&key) => Resolved::File(key),
            key => Resolved::NotFound(key),
        };
    }
    if exists(rel) {
        return Resolved::File(rel.to_string());
    }
    if exists(&format!("{rel}/index.html")) {
        return Resolved::Redirect(format!("{raw}/"));
    }
    Resolved::NotFound(rel.to_string())
}

/// `raw` percent-decoded, or `None` when it is not UTF-8 or has a `%` that
/// two hex digits do not follow: no browser sends that, so it is refused
/// rather than guessed at (the decoder alone would keep the `%`).
fn percent_decoded(raw: &str) -> Option<String> {
    let well_formed = raw.match_indices('%').all(|(i, _)| {
        raw.as_bytes()
            .get(i + 1..i + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    let decoded = well_formed.then(|| percent_encoding::percent_decode_str(raw).decode_utf8())?;
    decoded.ok().map(Cow::into_owned)
}

/// The Content-Type of an output path.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if path.ends_with("atom.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "wasm" => "application/wasm",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, content_type: &str, body: Body) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A file's bytes as served: HTML gets the search build id and the live client.
fn body(state: &State, path: &str, bytes: &Arc<[u8]>) -> Body {
    if path.ends_with(".html") {
        let html = fill_search_build(bytes, &state.search_build);
        Body::from(live::inject(&html, state))
    } else {
        Body::from(Bytes::from_owner(Arc::clone(bytes)))
    }
}

async fn site_file(Shared(rx): Shared<Rx>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = respond(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            Body::from("only GET and HEAD\n"),
        );
        let allow = HeaderValue::from_static("GET, HEAD");
        response.headers_mut().insert(header::ALLOW, allow);
        return response;
    }
    if uri.path().strip_prefix('/') == Some(crate::offline::WORKER_PATH) {
        // Pages served here never register it, but a built site served
        // earlier on this address may have: its worker updates to this one.
        let retire = Body::from(crate::offline::RETIRE_JS);
        return respond(StatusCode::OK, content_type(".js"), retire);
    }
    let state = rx.borrow().clone();
    match resolve(uri.path(), |p| state.files.contains_key(p)) {
        Resolved::File(path) => {
            let bytes = &state.files[&path];
            respond(
                StatusCode::OK,
                content_type(&path),
                body(&state, &path, bytes),
            )
        }
        Resolved::Redirect(location) => {
            let location = match uri.query() {
                Some(q) => format!("{location}?{q}"),
                None => location,
            };
            let mut response = respond(StatusCode::MOVED_PERMANENTLY, "text/plain", Body::empty());
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Resolved::NotFound(_) => not_found(&state),
        Resolved::Bad => respond(
            StatusCode::BAD_REQUEST,
            "text/plain; charset=utf-8",
            Body::from("bad request path\n"),
        ),
    }
}

/// The site's `404.html` (or a bare page when it has none yet), with status 404.
fn not_found(state: &State) -> Response {
    let html = "text/html; charset=utf-8";
    let body = match state.files.get("404.html") {
        Some(bytes) => body(state, "404.html", bytes),
        None => {
            let page = b"<!doctype html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1></body></html>";
            Body::from(live::inject(page, state))
        }
    };
    respond(StatusCode::NOT_FOUND, html, body)
}

/// `?a=1&b=2` → the value of `name`, percent-decoded.
fn query_value(uri: &Uri, name: &str) -> Option<String> {
    uri.query()?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name)
            .then(|| percent_decoded(&value.replace('+', " ")))
            .flatten()
    })
}

async fn events(
    Shared(rx): Shared<Rx>,
    uri: Uri,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let instance = query_value(&uri, "instance").unwrap_or_default();
    let since = query_value(&uri, "since")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let page_url = query_value(&uri, "page").unwrap_or_else(|| "/".into());
    let page = match resolve(&page_url, |_| false) {
        Resolved::NotFound(path) => path,
        _ => String::new(),
    };
    let stream = futures_util::stream::unfold((rx, since, true), move |(mut rx, since, first)| {
        let (instance, page) = (instance.clone(), page.clone());
        async move {
            if !first && rx.changed().await.is_err() {
                return None;
            }
            let state = rx.borrow_and_update().clone();
            let action = live::action(&state, &instance, since, &page);
            let event = Event::default().data(live::message(&state, &action));
            Some((Ok(event), (rx, state.generation.max(since), false)))
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// `GET /__polybook/state`: generation, pending work and errors, as JSON.
async fn status(Shared(rx): Shared<Rx>) -> Response {
    let state = rx.borrow().clone();
    let json = serde_json::json!({
        "instance": state.instance,
        "generation": state.generation,
        "pending": state.pending,
        "search_build": state.search_build,
        "errors": *state.errors,
    });
    respond(
        StatusCode::OK,
        "application/json",
        Body::from(json.to_string()),
    )
}

/// `GET /__polybook/files`: `sha256  path` of every file as a build would write it.
async fn listing(Shared(rx): Shared<Rx>) -> Response {
    let state = rx.borrow().clone();
    let text = tokio::task::spawn_blocking(move || {
        let mut paths: Vec<&String> = state.files.keys().collect();
        paths.sort();
        let mut text = String::new();
        for path in paths {
            let bytes = &state.files[path];
            let bytes = if path.ends_with(".html") {
                fill_search_build(bytes, &state.search_build)
            } else {
                bytes.to_vec()
            };
            let hash: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            text.push_str(&format!("{hash}  {path}\n"));
        }
        text
    })
    .await
    .unwrap_or_else(|e| format!("listing failed: {e}\n"));
    respond(
        StatusCode::OK,
        "text/plain; charset=utf-8",
        Body::from(text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exists(path: &str) -> bool {
        [
            "index.html",
            "pt/index.html",
            "pt/a/index.html",
            "style.css",
            "pt/img č.png",
        ]
        .contains(&path)
    }

    #[test]
    fn folders_serve_their_index_and_redirect_without_slash() {
        assert_eq!(resolve("/", exists), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/pt/", exists),
            Resolved::File("pt/index.html".into())
        );
        assert_eq!(resolve("/pt", exists), Resolved::Redirect("/pt/".into()));
        assert_eq!(
            resolve("/style.css", exists),
            Resolved::File("style.css".into())
        );
        assert_eq!(
            resolve("/pt/img%20%C4%8D.png", exists),
            Resolved::File("pt/img č.png".into())
        );
        assert_eq!(
            resolve("/nope/", exists),
            Resolved::NotFound("nope/index.html".into())
        );
    }

    #[test]
    fn paths_out_of_the_site_are_refused() {
        for raw in [
            "/../etc/passwd",
            "/pt/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E%2Fsite.toml",
            "/..%5c..%5csite.toml",
            "/pt\\..\\site.toml",
            "/%zz",
            "/a%4",
            "/a%",
            "/%C0%AE%C0%AE/x",
            "/a%00b",
            "relative",
        ] {
            assert_eq!(resolve(raw, exists), Resolved::Bad, "{raw}");
        }
    }

    #[test]
    fn types_follow_extensions() {
        assert_eq!(content_type("pt/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.1a2b.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("pt/atom.xml"), "application/atom+xml");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("pt/a.PNG"), "image/png");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
