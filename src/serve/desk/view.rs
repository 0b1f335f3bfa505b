//! The desk's page: a shell with everything the editing view starts from
//! (the page's text and version, the form's values, the glossary's topics
//! in the editor's language, its versions and the languages it lacks, the
//! source of a translation section by section, what changed in it since the
//! translation was current) as JSON, and `desk.js`, which builds the view.

use super::{front, history, page_response, query, sections, Desk, Shared_};
use axum::body::Bytes;
use axum::extract::State as Shared;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use serde_json::{json, Value};

const SCRIPT: &str = include_str!("desk.js");
const STYLE: &str = include_str!("desk.css");

pub async fn script() -> Response {
    page_response(StatusCode::OK, "text/javascript; charset=utf-8", SCRIPT)
}

pub async fn stylesheet() -> Response {
    page_response(StatusCode::OK, "text/css; charset=utf-8", STYLE)
}

/// `GET /edit?page=/pt/x/` or `?path=pt/x.md`, with `from=` for a new
/// translation and `ui=` for the desk's language.
pub async fn edit(Shared(desk): Shared<Shared_>, headers: HeaderMap, uri: Uri) -> Response {
    if let Err(why) = desk.guard.check_read(&headers) {
        if desk.guard.secret.is_some() && why.contains("secret") {
            let next = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
            let to = format!(
                "/__polybook/desk/login?next={}",
                percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
            );
            let mut response =
                page_response(StatusCode::SEE_OTHER, "text/plain; charset=utf-8", "");
            if let Ok(value) = HeaderValue::from_str(&to) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            return response;
        }
        return page_response(
            StatusCode::FORBIDDEN,
            "text/plain; charset=utf-8",
            why + "\n",
        );
    }
    match data(&desk, &uri).await {
        Ok(data) => page_response(StatusCode::OK, "text/html; charset=utf-8", shell(&data)),
        Err(response) => response,
    }
}

/// Everything the view starts from.
async fn data(desk: &Desk, uri: &Uri) -> Result<Value, Response> {
    let config = desk.config().await?;
    let rel = match (query(uri, "path"), query(uri, "page")) {
        (Some(path), _) => Some(path),
        (None, Some(page)) => desk.ask(move |site| site.source_of(&page)).await.flatten(),
        (None, None) => None,
    };
    let page_lang = rel
        .as_deref()
        .and_then(|r| r.split('/').next())
        .unwrap_or(&config.default_language)
        .to_string();
    let ui = query(uri, "ui")
        .filter(|u| u == "en" || config.language(u).is_some())
        .unwrap_or(page_lang.clone());
    let chain = config.fallback_chain(&ui);
    let strings = strings(&config, &chain);
    let ui_dir = crate::language_tag::LanguageTag::parse(&ui)
        .map(|t| t.direction())
        .unwrap_or("ltr");
    let languages: Vec<Value> = config
        .languages
        .iter()
        .map(|l| json!({ "code": l.code, "name": l.name, "dir": l.tag.direction() }))
        .collect();
    let chain2 = chain.clone();
    let topics: Vec<Value> = desk
        .ask(move |site| site.topic_choices(&chain2))
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(id, label)| json!({ "id": id, "label": label }))
        .collect();
    let mut data = json!({
        "token": desk.guard.token, "ui": ui, "uiDir": ui_dir, "strings": strings,
        "languages": languages, "topics": topics, "today": crate::calendar::today().to_string(),
        "path": rel, "lang": page_lang,
    });
    let Some(rel) = rel else {
        return Ok(data);
    };
    let (path, _) = desk.page_path(&rel).await?;
    let on_disk = super::read_page(path.clone()).await?;
    if let Some((text, version)) = &on_disk {
        let (body, fields) = super::body_and_fields(text)
            .unwrap_or_else(|| (text.clone(), front::Fields::default()));
        data["page"] = json!({ "version": version, "body": body, "fields": fields });
    }
    let rel2 = rel.clone();
    let info = desk.ask(move |site| site.page_info(&rel2)).await.flatten();
    if let Some(behind) = info.as_ref().and_then(|i| i.behind.clone()) {
        data["behind"] = behind_data(desk, &behind).await;
    }
    data["info"] = json!(info);
    if let Some(from) = query(uri, "from").filter(|_| on_disk.is_none()) {
        data["source"] = source_data(desk, &from).await?;
    }
    Ok(data)
}

/// A translation's source: its body cut in sections, its language, key and topics.
async fn source_data(desk: &Desk, rel: &str) -> Result<Value, Response> {
    let (path, _) = desk.page_path(rel).await?;
    let Some((text, _)) = super::read_page(path.clone()).await? else {
        return Ok(Value::Null);
    };
    let Some((body, fields)) = super::body_and_fields(&text) else {
        return Ok(Value::Null);
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let key = fields
        .translation_key
        .clone()
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| crate::content::address::from_file_name(stem));
    Ok(json!({
        "path": rel, "lang": rel.split('/').next(), "title": fields.title,
        "sections": sections::split(&body), "translationKey": key, "topics": fields.topics,
    }))
}

/// A translation behind its source: the source now, cut in sections, and
/// what changed in each since the translation was current (from git).
async fn behind_data(desk: &Desk, behind: &crate::incremental::Behind) -> Value {
    let Ok((path, _)) = desk.page_path(&behind.source.path).await else {
        return Value::Null;
    };
    let since = behind.current_as_of.clone().unwrap_or_default();
    let file = path.clone();
    let day = since.clone();
    let (now, then) = tokio::task::spawn_blocking(move || {
        let now = super::disk::read(&file).ok().flatten().map(|(t, _)| t);
        (now, history::text_as_of(&file, &day))
    })
    .await
    .unwrap_or_default();
    let body = |text: Option<String>| {
        text.and_then(|t| super::body_and_fields(&t))
            .map(|(b, _)| b)
    };
    let (now, then) = (body(now), body(then));
    let changes = match (&then, &now) {
        (Some(then), Some(now)) => json!(sections::changes(then, now)),
        _ => Value::Null,
    };
    json!({
        "source": behind.source, "since": since, "sourceChanged": behind.source_changed,
        "sections": now.as_deref().map(sections::split), "changes": changes,
    })
}

/// Every desk string along `chain`, by key.
fn strings(config: &crate::config::SiteConfig, chain: &[String]) -> Value {
    let locales = crate::i18n::load(&config.locales_dir()).ok();
    let mut map = serde_json::Map::new();
    for key in crate::i18n::desk::KEYS {
        let text = locales
            .as_ref()
            .and_then(|l| l.format(chain, key, None).ok())
            .unwrap_or_else(|| key.to_string());
        map.insert(key.to_string(), Value::String(text));
    }
    Value::Object(map)
}

fn shell(data: &Value) -> String {
    let lang = data["ui"].as_str().unwrap_or("en");
    let dir = data["uiDir"].as_str().unwrap_or("ltr");
    let title = data["strings"]["desk-heading"].as_str().unwrap_or("Edit");
    let json = data.to_string().replace('<', "\\u003c");
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/__polybook/desk/desk.css\"></head>\
         <body><script type=\"application/json\" id=\"desk-data\">{json}</script>\
         <div id=\"desk\"></div><script src=\"/__polybook/desk/desk.js\"></script></body></html>\n",
        escape(title)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A rendered page for the preview frame: relative URLs resolve from the
/// page's own address.
pub fn preview_html(page: &[u8], url: &str) -> String {
    let html = String::from_utf8_lossy(page);
    let base = format!("<base href=\"{}\">", escape(url));
    match html.find("<head>") {
        Some(at) => format!("{}{base}{}", &html[..at + 6], &html[at + 6..]),
        None => format!("{base}{html}"),
    }
}

/// `GET /login`: asks for the secret `serve` printed.
pub async fn login(Shared(desk): Shared<Shared_>, uri: Uri) -> Response {
    let strings = match desk.config().await {
        Ok(config) => {
            let chain = config.fallback_chain(&config.default_language);
            strings(&config, &chain)
        }
        Err(_) => json!({}),
    };
    let s = |key: &str| escape(strings[key].as_str().unwrap_or(key));
    let next = escape(&query(&uri, "next").unwrap_or_default());
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"/__polybook/desk/desk.css\"></head><body><main class=\"login\">\
         <h1>{title}</h1><form method=\"post\"><label for=\"secret\">{hint}</label>\
         <input id=\"secret\" name=\"secret\" type=\"password\" autocomplete=\"off\" required>\
         <input type=\"hidden\" name=\"next\" value=\"{next}\"><button>{submit}</button></form></main></body></html>\n",
        title = s("desk-secret-title"),
        hint = s("desk-secret-hint"),
        submit = s("desk-secret-submit"),
    );
    page_response(StatusCode::OK, "text/html; charset=utf-8", html)
}

/// `POST /login`: the secret, from a form of this origin; sets the cookie.
pub async fn login_post(
    Shared(desk): Shared<Shared_>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let plain = "text/plain; charset=utf-8";
    if let Err(why) = desk.guard.check_origin(&headers) {
        return page_response(StatusCode::FORBIDDEN, plain, why + "\n");
    }
    let form: Vec<(String, String)> = url_form(&body);
    let value = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if !desk
        .guard
        .secret_matches(value("secret").unwrap_or_default())
    {
        return page_response(StatusCode::FORBIDDEN, plain, "that is not the secret\n");
    }
    let next = value("next")
        .filter(|n| n.starts_with("/__polybook/desk/") && !n.contains("//"))
        .unwrap_or("/");
    let mut response = page_response(StatusCode::SEE_OTHER, plain, "");
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(next) {
        headers.insert(header::LOCATION, location);
    }
    if let Ok(cookie) = HeaderValue::from_str(&desk.guard.pass_cookie()) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    response
}

/// `a=1&b=2` as sent by a form.
fn url_form(body: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(body);
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    text.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}
