//! The editors' desk: `serve`'s editing view (`/__polybook/desk/edit`), its
//! live preview, and the only requests that write: save, create, delete.
//! Every write passes [`guard`] (host, origin, token, secret), names a page
//! that [`paths`] allows, is checked as the build would read it, and goes
//! through [`disk`] (atomic, never over a version the editor did not see).

// A refused request is its response, made once per request: boxing it
// would only add a step.
#![allow(clippy::result_large_err)]

pub mod disk;
pub mod front;
pub mod guard;
pub mod history;
pub mod paths;
pub mod sections;
mod view;

use crate::incremental::Incremental;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use disk::{Disk, Refused};
use front::Fields;
use guard::Guard;
use serde::Deserialize;
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;

/// The largest request the desk reads: far more than any page, far less
/// than what would hurt the server.
pub const MAX_REQUEST: usize = 4 * 1024 * 1024;

/// Work for the builder thread, which owns the site.
pub type Job = Box<dyn FnOnce(&mut Incremental) + Send>;

/// Hands a job to the builder thread; false when it has stopped.
pub type SendJob = Box<dyn Fn(Job) -> bool + Send + Sync>;

/// What every desk request shares.
pub struct Desk {
    pub guard: Guard,
    disk: Disk,
    jobs: SendJob,
}

type Shared_ = Arc<Desk>;

impl Desk {
    pub fn new(guard: Guard, jobs: SendJob) -> Desk {
        Desk {
            guard,
            disk: Disk::default(),
            jobs,
        }
    }

    /// Runs `f` on the builder thread and waits for its answer.
    async fn ask<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Incremental) -> T + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |site| {
            if tx.send(f(site)).is_err() {
                // The request was dropped (the browser went away).
            }
        });
        if !(self.jobs)(job) {
            return None;
        }
        rx.await.ok()
    }

    /// The site's configuration as the builder last read it.
    async fn config(&self) -> Result<crate::config::SiteConfig, Response> {
        self.ask(|site| site.config().cloned())
            .await
            .flatten()
            .ok_or_else(|| {
                refuse(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "site.toml does not load: fix it first",
                )
            })
    }

    /// The file `rel` names, if the desk may touch it.
    async fn page_path(&self, rel: &str) -> Result<(PathBuf, crate::config::SiteConfig), Response> {
        let config = self.config().await?;
        let languages: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        let path = paths::resolve(&config.content_dir(), rel, &languages)
            .map_err(|why| refuse(StatusCode::FORBIDDEN, &why))?;
        Ok((path, config))
    }
}

pub fn router(desk: Arc<Desk>) -> Router {
    Router::new()
        .route("/edit", get(view::edit))
        .route("/desk.js", get(view::script))
        .route("/desk.css", get(view::stylesheet))
        .route("/login", get(view::login).post(view::login_post))
        .route("/api/preview", post(preview))
        .route("/api/save", post(save))
        .route("/api/create", post(create))
        .route("/api/delete", post(delete))
        .layer(DefaultBodyLimit::max(MAX_REQUEST))
        .with_state(desk)
}

/// A JSON error the desk shows: `{"error": …}`.
fn refuse(status: StatusCode, why: &str) -> Response {
    json_response(status, json!({ "error": why }))
}

fn json_response(status: StatusCode, value: serde_json::Value) -> Response {
    let mut response = (status, value.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A write's checks before its body is looked at, then the body as JSON.
fn accept<T: serde::de::DeserializeOwned>(
    desk: &Desk,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<T, Response> {
    desk.guard
        .check_write(headers)
        .map_err(|why| refuse(StatusCode::FORBIDDEN, &why))?;
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return Err(refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send JSON"));
    }
    if std::str::from_utf8(body).is_err() {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            "the request is not valid UTF-8: nothing was written",
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        refuse(
            StatusCode::BAD_REQUEST,
            &format!("the request is not what the desk sends ({e}): nothing was written"),
        )
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edited {
    path: String,
    #[serde(default)]
    base: String,
    body: String,
    #[serde(default)]
    fields: Fields,
    /// Creating a translation of this page (which gets the key if it lacks one).
    #[serde(default)]
    translation_of: Option<String>,
}

/// The page's text as the editor would save it: the file on disk (or a new
/// page) with the form's changes and the body.
fn composed(on_disk: Option<&str>, edited: &Edited) -> Result<String, Response> {
    let original = on_disk.unwrap_or(front::NEW_PAGE);
    front::compose(original, &edited.fields, &edited.body).map_err(|why| {
        refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{why}: nothing was written"),
        )
    })
}

/// The problems of `text` as `{line, col, place, message, hint}`, lines
/// counted in the body when they are there (the editor shows the body).
fn problems_json(text: &str, problems: &[crate::diagnostics::Diagnostic]) -> serde_json::Value {
    let body_line = crate::content::front_matter::split(std::path::Path::new("p.md"), text)
        .map(|s| text[..s.body_offset].matches('\n').count())
        .unwrap_or(0);
    problems
        .iter()
        .map(|d| {
            let in_body = d.line > body_line;
            json!({
                "line": if in_body { d.line - body_line } else { d.line },
                "col": d.col,
                "place": if in_body { "body" } else { "front" },
                "error": d.is_error(),
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect()
}

async fn read_page(path: PathBuf) -> Result<Option<(String, String)>, Response> {
    tokio::task::spawn_blocking(move || disk::read(&path))
        .await
        .map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))?
        .map_err(refused)
}

/// A page's body for the editor (which holds `\n` line ends) and its form's
/// values; `None` when its front matter does not parse.
fn body_and_fields(text: &str) -> Option<(String, Fields)> {
    use crate::content::front_matter;
    let path = std::path::Path::new("p.md");
    let split = front_matter::split(path, text).ok()?;
    let parsed: front_matter::FrontMatter = front_matter::parse(path, text, &split).ok()?;
    Some((split.body.replace("\r\n", "\n"), Fields::of(&parsed)))
}

fn refused(r: Refused) -> Response {
    match r {
        Refused::Conflict { text, hash } => {
            let (body, fields) = body_and_fields(&text).unzip();
            json_response(
                StatusCode::CONFLICT,
                json!({ "error": "the page changed on disk since you opened it: nothing was written",
                        "conflict": { "version": hash, "body": body.unwrap_or(text), "fields": fields } }),
            )
        }
        Refused::Missing => refuse(StatusCode::NOT_FOUND, "the page is gone from disk"),
        Refused::Io(why) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &why),
    }
}

/// `POST /api/preview`: the page as it would be, from unsaved text.
async fn preview(Shared(desk): Shared<Shared_>, headers: HeaderMap, body: Bytes) -> Response {
    let result: Result<Response, Response> = async {
        let edited: Edited = accept(&desk, &headers, &body)?;
        let (path, _) = desk.page_path(&edited.path).await?;
        let on_disk = read_page(path).await?;
        let text = composed(on_disk.as_ref().map(|(t, _)| t.as_str()), &edited)?;
        let rel = edited.path.clone();
        let for_preview = text.clone();
        let preview = desk
            .ask(move |site| site.preview(&rel, for_preview))
            .await
            .unwrap_or_default();
        let html = preview
            .html
            .map(|bytes| view::preview_html(&bytes, &preview.url));
        Ok(json_response(
            StatusCode::OK,
            json!({ "html": html, "problems": problems_json(&text, &preview.problems) }),
        ))
    }
    .await;
    result.unwrap_or_else(|e| e)
}

/// The problems that keep `text` from being saved: what loading it reports.
async fn check_loads(desk: &Desk, rel: &str, text: &str) -> Result<(), Response> {
    let config = desk.config().await?;
    let content_dir = config.content_dir();
    let path = content_dir.join(rel);
    let loaded = crate::content::parse_page(
        &config,
        &content_dir,
        &path,
        text.to_string(),
        &crate::content::LoadOptions { drafts: true },
    );
    match loaded {
        Err(problems) => Err(json_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "error": format!("{}: nothing was written", problems[0].message),
                    "problems": problems_json(text, &problems) }),
        )),
        Ok(_) => Ok(()),
    }
}

/// `POST /api/save`: the page, if it is still the version the editor opened.
async fn save(Shared(desk): Shared<Shared_>, headers: HeaderMap, body: Bytes) -> Response {
    let result: Result<Response, Response> = async {
        let edited: Edited = accept(&desk, &headers, &body)?;
        let (path, _) = desk.page_path(&edited.path).await?;
        let (on_disk, version) = read_page(path.clone())
            .await?
            .ok_or_else(|| refused(Refused::Missing))?;
        if version != edited.base {
            return Err(refused(Refused::Conflict {
                text: on_disk,
                hash: version,
            }));
        }
        let text = composed(Some(&on_disk), &edited)?;
        check_loads(&desk, &edited.path, &text).await?;
        let desk2 = Arc::clone(&desk);
        let base = edited.base.clone();
        let saved = tokio::task::spawn_blocking(move || desk2.disk.save(&path, &base, &text))
            .await
            .map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))?
            .map_err(refused)?;
        Ok(json_response(StatusCode::OK, json!({ "version": saved })))
    }
    .await;
    result.unwrap_or_else(|e| e)
}

/// `POST /api/create`: a new page; a translation's source gets the
/// translation key when it had none.
async fn create(Shared(desk): Shared<Shared_>, headers: HeaderMap, body: Bytes) -> Response {
    let result: Result<Response, Response> = async {
        let edited: Edited = accept(&desk, &headers, &body)?;
        let (path, _) = desk.page_path(&edited.path).await?;
        let text = composed(None, &edited)?;
        check_loads(&desk, &edited.path, &text).await?;
        let source = match &edited.translation_of {
            Some(rel) => Some(key_the_source(&desk, rel, &edited.fields).await?),
            None => None,
        };
        let desk2 = Arc::clone(&desk);
        let made = tokio::task::spawn_blocking(move || {
            let made = desk2.disk.create(&path, &text)?;
            if let Some(Some((source_path, base, keyed))) = source {
                desk2.disk.save(&source_path, &base, &keyed)?;
            }
            Ok(made)
        })
        .await
        .map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))?
        .map_err(refused)?;
        Ok(json_response(
            StatusCode::CREATED,
            json!({ "version": made }),
        ))
    }
    .await;
    result.unwrap_or_else(|e| e)
}

/// The source of a new translation with `translation_key` added, when it
/// has none: (its path, its version, its new text).
async fn key_the_source(
    desk: &Desk,
    rel: &str,
    fields: &Fields,
) -> Result<Option<(PathBuf, String, String)>, Response> {
    let (path, _) = desk.page_path(rel).await?;
    let Some(key) = fields.translation_key.clone().filter(|k| !k.is_empty()) else {
        return Ok(None);
    };
    let (text, version) = read_page(path.clone())
        .await?
        .ok_or_else(|| refused(Refused::Missing))?;
    let body = body_and_fields(&text).map(|(b, _)| b).unwrap_or_default();
    let keyed = Fields {
        translation_key: Some(key),
        ..Fields::default()
    };
    let new = front::compose(&text, &keyed, &body)
        .map_err(|why| refuse(StatusCode::UNPROCESSABLE_ENTITY, &why))?;
    Ok((new != text).then_some((path, version, new)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Deleted {
    path: String,
    base: String,
}

/// `POST /api/delete`: the page, if it is still the version the editor saw.
async fn delete(Shared(desk): Shared<Shared_>, headers: HeaderMap, body: Bytes) -> Response {
    let result: Result<Response, Response> = async {
        let deleted: Deleted = accept(&desk, &headers, &body)?;
        let (path, _) = desk.page_path(&deleted.path).await?;
        let desk2 = Arc::clone(&desk);
        tokio::task::spawn_blocking(move || desk2.disk.delete(&path, &deleted.base))
            .await
            .map_err(|e| refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))?
            .map_err(refused)?;
        Ok(json_response(StatusCode::OK, json!({ "deleted": true })))
    }
    .await;
    result.unwrap_or_else(|e| e)
}

/// `?a=1&b=2` → the value of `name`, percent-decoded once.
fn query(uri: &Uri, name: &str) -> Option<String> {
    uri.query()?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| {
            percent_encoding::percent_decode_str(&value.replace('+', " "))
                .decode_utf8()
                .ok()
                .map(|v| v.into_owned())
        })?
    })
}

/// A text response with the desk's headers: never cached, never framed by
/// another site.
fn page_response(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Body>,
) -> Response {
    let mut response = (status, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}
