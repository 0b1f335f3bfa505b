//! A [`Space`] as the files of a polybook site.

use super::{export_path, Space, SpacePage};
use crate::diagnostics::Diagnostic;
use crate::import::site::{links, Contents, NewFile, Site};
use crate::text::slug::slugify;
use std::collections::{HashMap, HashSet};
use std::path::Path;

#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<NewFile>,
    pub pages: usize,
    pub lang: String,
    pub attachments: usize,
    pub problems: Vec<Diagnostic>,
}

/// Where each page goes: its content path without `.md` (`en/home/setup`).
type Addresses = HashMap<String, String>;

/// The heading ids of each page, by key: what anchors of links to it name.
type HeadingIds<'a> = HashMap<&'a str, Vec<(String, Option<String>)>>;

/// `lang`: the site language to write in, else detected from the text.
pub fn plan(mut space: Space, site: &Site, lang: Option<&str>, publish: bool) -> Plan {
    let mut plan = Plan {
        problems: std::mem::take(&mut space.problems),
        ..Plan::default()
    };
    if space.pages.is_empty() {
        plan.problems.push(
            Diagnostic::error(
                &space.root,
                format!("no page found in this {} export", space.vendor),
            )
            .hint("import the folder the export was unpacked into"),
        );
        return plan;
    }
    plan.lang = match lang {
        Some(lang) => lang.to_string(),
        None => match detect(&space, site.languages) {
            Ok(lang) => lang,
            Err(d) => {
                plan.problems.push(d);
                return plan;
            }
        },
    };
    let addresses = addresses(&space.pages, &plan.lang);
    let parents: HashSet<&str> = space
        .pages
        .iter()
        .filter_map(|p| p.parent.as_deref())
        .filter(|p| addresses.contains_key(*p))
        .collect();
    let ids_of: HeadingIds = space
        .pages
        .iter()
        .map(|p| (p.key.as_str(), crate::markdown::heading_ids(&p.body)))
        .collect();
    let mut assets = Assets::default();
    for page in &space.pages {
        let target = format!("{}.md", addresses[&page.key]);
        let body = rewrite_links(
            page,
            &target,
            &space.root,
            (&addresses, &ids_of),
            &mut assets,
            &mut plan.problems,
        );
        let text = page_text(page, space.vendor, &body, site, publish, &mut plan.problems);
        plan.files.push(NewFile {
            target: target.clone(),
            contents: Contents::Text(text),
            source: page.file.clone(),
            page: Some((plan.lang.clone(), page.title.clone())),
        });
        if parents.contains(page.key.as_str()) {
            plan.files.push(NewFile {
                target: format!("{}/_index.md", addresses[&page.key]),
                contents: Contents::Text(format!("+++\ntitle = {}\n+++\n", toml_str(&page.title))),
                source: page.file.clone(),
                page: None,
            });
        }
    }
    plan.pages = space.pages.len();
    plan.attachments = assets.files.len();
    plan.files.extend(assets.files);
    plan
}

/// A space is written in one language: the one most of its text is in.
fn detect(space: &Space, site: &[String]) -> Result<String, Diagnostic> {
    let mut text = String::new();
    for page in &space.pages {
        if text.len() > 20_000 {
            break;
        }
        text.push_str(&page.title);
        text.push_str("\n\n");
        text.push_str(&page.body);
    }
    let choices = site.join(", ");
    let file = &space.pages[0].file;
    let guess = crate::import::language::guess(&text).ok_or_else(|| {
        Diagnostic::error(file, "cannot tell which language this space is in").hint(format!(
            "pass --lang with one of the site's languages: {choices}"
        ))
    })?;
    crate::import::language::site_code(guess.code, site)
        .cloned()
        .ok_or_else(|| {
            Diagnostic::error(file, format!(
                "the space looks {} ({}), a language site.toml does not configure",
                guess.name, guess.code
            ))
            .hint(format!("pass --lang with one of the site's languages ({choices}), or add [languages.{}] to site.toml", guess.code))
        })
}

/// Each page's address: its parents' slugs then its own, made unique.
fn addresses(pages: &[SpacePage], lang: &str) -> Addresses {
    let by_key: HashMap<&str, &SpacePage> = pages.iter().map(|p| (p.key.as_str(), p)).collect();
    let mut out = Addresses::new();
    let mut taken = HashSet::new();
    for page in pages {
        place(page, &by_key, lang, &mut out, &mut taken, 0);
    }
    out
}

fn place(
    page: &SpacePage,
    by_key: &HashMap<&str, &SpacePage>,
    lang: &str,
    out: &mut Addresses,
    taken: &mut HashSet<String>,
    depth: usize,
) -> String {
    if let Some(done) = out.get(&page.key) {
        return done.clone();
    }
    // A parent missing from the export, or a loop of parents, puts the
    // page at the language's root rather than nowhere.
    let parent = page
        .parent
        .as_deref()
        .filter(|_| depth < 16)
        .and_then(|p| by_key.get(p))
        .map(|p| place(p, by_key, lang, out, taken, depth + 1))
        .unwrap_or_else(|| lang.to_string());
    let slug = Some(slugify(&page.title))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "page".to_string());
    let mut address = format!("{parent}/{slug}");
    let mut n = 2;
    while !taken.insert(address.clone()) {
        address = format!("{parent}/{slug}-{n}");
        n += 1;
    }
    out.insert(page.key.clone(), address.clone());
    address
}

/// Attachments and images copied beside the first page that uses them.
#[derive(Debug, Default)]
struct Assets {
    /// Export path → content path.
    placed: HashMap<String, String>,
    targets: HashSet<String>,
    files: Vec<NewFile>,
}

impl Assets {
    fn place(&mut self, key: &str, root: &Path, beside: &str) -> String {
        if let Some(done) = self.placed.get(key) {
            return done.clone();
        }
        let name = key.rsplit('/').next().unwrap_or(key);
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        let stem = Some(slugify(stem))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "file".to_string());
        let ext = ext.to_ascii_lowercase();
        let dir = beside.rsplit_once('/').map_or("", |(d, _)| d);
        let file = |suffix: String| {
            let name = format!("{stem}{suffix}");
            match ext.as_str() {
                "" => format!("{dir}/{name}"),
                ext => format!("{dir}/{name}.{ext}"),
            }
        };
        let mut target = file(String::new());
        let mut n = 2;
        while !self.targets.insert(target.clone()) {
            target = file(format!("-{n}"));
            n += 1;
        }
        self.placed.insert(key.to_string(), target.clone());
        self.files.push(NewFile {
            target: target.clone(),
            contents: Contents::Copy(root.join(key)),
            source: root.join(key),
            page: None,
        });
        target
    }
}

/// Links to pages of the export as links to their new files, to its other
/// files as links to the copies; a link to a file the export lacks would
/// stop the build, so it is unlinked (its text kept) and reported.
fn rewrite_links(
    page: &SpacePage,
    target: &str,
    root: &Path,
    (addresses, ids_of): (&Addresses, &HeadingIds),
    assets: &mut Assets,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let body = &page.body;
    let ids = crate::markdown::heading_ids(body);
    let mut edits = Vec::new();
    for link in links::find(body) {
        if let Some(fragment) = link.dest.strip_prefix('#') {
            match heading_for(fragment, &ids) {
                Some(id) if id == fragment => {}
                Some(id) => edits.push((link.dest_range, format!("#{id}"))),
                None => {
                    problems.push(unlinked(page, &link.dest, "names no heading of the page"));
                    edits.push((link.whole, link.text.clone()));
                }
            }
            continue;
        }
        // The build checks site paths, and the old wiki's are not this site's.
        if link.dest.starts_with('/') && !link.dest.starts_with("//") {
            problems.push(unlinked(page, &link.dest, "is a path of the old wiki"));
            let text = if link.image {
                String::new()
            } else {
                link.text.clone()
            };
            edits.push((link.whole, text));
            continue;
        }
        let Some(path) = export_path(&page.key, &link.dest) else {
            continue;
        };
        // Notion links a database as `Tasks <id>.md`; it exports `.csv`.
        let path = match path.strip_suffix(".md").map(|stem| format!("{stem}.csv")) {
            Some(csv) if !addresses.contains_key(&path) && addresses.contains_key(&csv) => csv,
            _ => path,
        };
        if let Some(address) = addresses.get(&path) {
            let mut to = links::relative_path(target, &format!("{address}.md"));
            // The build fails on a missing anchor: one that names no heading
            // of the page (Confluence's name elements the Markdown lacks)
            // is left out, and the link leads to the page.
            let fragment = link.dest.split_once('#').map(|(_, f)| f);
            if let Some(id) = fragment
                .zip(ids_of.get(path.as_str()))
                .and_then(|(fragment, ids)| heading_for(fragment, ids))
            {
                to.push('#');
                to.push_str(&id);
            }
            edits.push((link.dest_range, to));
        } else if root.join(&path).is_file() && !is_page_file(&path) {
            let to = assets.place(&path, root, target);
            edits.push((link.dest_range, links::relative_path(target, &to)));
        } else {
            problems.push(unlinked(page, &link.dest, "names no file of the export"));
            let text = if link.image {
                String::new()
            } else {
                link.text.clone()
            };
            edits.push((link.whole, text));
        }
    }
    let mut out = body.clone();
    // An image inside a link goes with the link when the link is unlinked.
    edits.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut outer_end = 0;
    edits.retain(|(range, _)| {
        let inside = range.start < outer_end;
        outer_end = outer_end.max(range.end);
        !inside
    });
    for (range, text) in edits.into_iter().rev() {
        if out.get(range.clone()).is_some() {
            out.replace_range(range, &text);
        }
    }
    out
}

fn unlinked(page: &SpacePage, dest: &str, why: &str) -> Diagnostic {
    Diagnostic::warning(
        &page.file,
        format!(
            "\"{}\": the link to `{dest}` {why}: written as plain text",
            page.title
        ),
    )
    .hint("link the page or heading it meant once imported, or remove the text")
}

/// The heading a fragment names: one of its ids, or Confluence's
/// `PageTitle-HeadingText` (words run together, the page's title first).
pub(super) fn heading_for(fragment: &str, ids: &[(String, Option<String>)]) -> Option<String> {
    let fragment = percent_encoding::percent_decode_str(fragment)
        .decode_utf8()
        .ok()?;
    if let Some((id, _)) = ids
        .iter()
        .find(|(id, legacy)| *id == fragment || legacy.as_deref() == Some(&*fragment))
    {
        return Some(id.clone());
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // The title may hold a `-` itself (`Why SmartOS - ZFS-Heading`), and
    // Confluence leaves `&nbsp;` in.
    let fragment = fragment.replace("&nbsp;", "");
    fragment.match_indices('-').find_map(|(at, _)| {
        let wanted = squash(&fragment[at + 1..]);
        ids.iter()
            .find(|(id, _)| !wanted.is_empty() && squash(id) == wanted)
            .map(|(id, _)| id.clone())
    })
}

fn is_page_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".md", ".html", ".htm", ".csv"]
        .iter()
        .any(|e| lower.ends_with(e))
}

fn page_text(
    page: &SpacePage,
    vendor: &str,
    body: &str,
    site: &Site,
    publish: bool,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let mut lines = vec![format!("title = {}", toml_str(&page.title))];
    let prose: Vec<&str> = body
        .split("\n\n")
        .filter(|b| !b.starts_with(['#', '>', '!', '|']))
        .collect();
    if let Some(d) = crate::import::description(&prose.join("\n\n")) {
        lines.push(format!("description = {}", toml_str(&d)));
    }
    let topics: Vec<String> = page
        .topics
        .iter()
        .filter(|t| site.topics.list.iter().any(|known| &known.id == *t))
        .cloned()
        .collect();
    if !topics.is_empty() {
        lines.push(format!("topics = {}", toml_list(&topics)));
    }
    if let Some(updated) = &page.updated {
        lines.push(format!("updated = {updated}"));
    }
    if let Some(old) = &page.old_address {
        match crate::content::Alias::parse(old) {
            Ok(alias) => lines.push(format!(
                "aliases = {}",
                toml_list(&[alias.as_str().to_string()])
            )),
            Err((why, hint)) => problems.push(
                Diagnostic::warning(
                    &page.file,
                    format!("\"{}\": {why}: not kept as an alias", page.title),
                )
                .hint(hint),
            ),
        }
    }
    lines.push(format!("draft = {}", !publish));
    lines.push(format!(
        "source = {}",
        toml_str(&format!("{vendor} page {}", page.key))
    ));
    if !page.extra.is_empty() {
        lines.push("\n[extra]".to_string());
        for (key, value) in &page.extra {
            lines.push(format!("{key} = {}", toml_str(value)));
        }
    }
    format!("+++\n{}\n+++\n\n{}", lines.join("\n"), body.trim_start())
}

pub(super) fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn toml_list(items: &[String]) -> String {
    toml::Value::Array(
        items
            .iter()
            .map(|s| toml::Value::String(s.clone()))
            .collect(),
    )
    .to_string()
}
