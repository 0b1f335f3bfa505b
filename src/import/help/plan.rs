//! An [`Export`] as the files of a polybook site.

use super::{body, linked_article, Article, Export, Group, Translation};
use crate::content::topics::Topics;
use crate::diagnostics::Diagnostic;
use crate::import::site::{links, Contents, NewFile, Site};
use crate::text::fold::fold;
use crate::text::slug::slugify;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<NewFile>,
    pub pages: usize,
    /// Articles written in two languages or more.
    pub groups: usize,
    /// Pages per site language.
    pub languages: BTreeMap<String, usize>,
    pub problems: Vec<Diagnostic>,
}

/// One translation to write: where, and what it came from.
struct Planned<'a> {
    article: &'a Article,
    translation: &'a Translation,
    lang: String,
    target: String,
}

/// `publish`: pages are written with `draft = false`, but those the help
/// center marks draft or outdated.
pub fn plan(export: Export, site: &Site, publish: bool) -> Plan {
    let mut plan = Plan {
        problems: export.problems,
        ..Plan::default()
    };
    let folders = folders(&export.groups);
    let mut planned = Vec::new();
    let mut taken = HashSet::new();
    for article in &export.articles {
        let folder = article
            .group
            .as_ref()
            .and_then(|g| folders.get(g))
            .cloned()
            .unwrap_or_default();
        let mut langs_seen = HashSet::new();
        for translation in &article.translations {
            let Some(lang) = site_language(&translation.locale, site.languages) else {
                plan.problems.push(Diagnostic::error(&article.file, format!(
                    "article {}: its {} translation (\"{}\") is in a language the site lacks: not imported",
                    article.id, translation.locale, translation.title
                )).hint(format!("add [languages.{}] to site.toml (name = \"…\") and import again; nothing is overwritten", translation.locale.to_lowercase())));
                continue;
            };
            if !langs_seen.insert(lang.clone()) {
                continue;
            }
            let slug = Some(slugify(&translation.title))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("article-{}", article.id));
            let dir = if folder.is_empty() {
                lang.clone()
            } else {
                format!("{lang}/{folder}")
            };
            let mut target = format!("{dir}/{slug}.md");
            if !taken.insert(target.clone()) {
                target = format!("{dir}/{slug}-{}.md", article.id);
                taken.insert(target.clone());
            }
            planned.push(Planned {
                article,
                translation,
                lang,
                target,
            });
        }
    }
    let by_id: HashMap<(u64, &str), usize> = planned
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.article.id, p.lang.as_str()), i))
        .collect();
    // The source language's page of each article: its first.
    let mut source_of: HashMap<u64, usize> = HashMap::new();
    for (i, p) in planned.iter().enumerate() {
        source_of.entry(p.article.id).or_insert(i);
    }
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for p in &planned {
        *counts.entry(p.article.id).or_default() += 1;
    }
    plan.groups = counts.values().filter(|n| **n > 1).count();
    let (bodies, headings): (Vec<String>, Vec<body::Headings>) = planned
        .iter()
        .map(|p| body::headings(&markdown_of(p, export.vendor, &mut plan.problems)))
        .unzip();
    let pages = Pages {
        planned: &planned,
        headings: &headings,
        source_of: &source_of,
        publish,
    };
    let mut linked = Vec::with_capacity(planned.len());
    for (i, text) in bodies.iter().enumerate() {
        let p = &planned[i];
        let resolve = |id: u64| {
            by_id
                .get(&(id, p.lang.as_str()))
                .or_else(|| source_of.get(&id))
                .copied()
        };
        linked.push(rewrite_links(text, i, &pages, &resolve, &mut plan.problems));
    }
    let mut unknown_labels: BTreeMap<String, HashSet<u64>> = BTreeMap::new();
    for (i, p) in planned.iter().enumerate() {
        let grouped = counts.get(&p.article.id).is_some_and(|n| *n > 1);
        let text = page_text(
            p,
            &linked[i],
            export.vendor,
            grouped,
            site.topics,
            &mut unknown_labels,
            publish,
            &mut plan.problems,
        );
        *plan.languages.entry(p.lang.clone()).or_default() += 1;
        plan.files.push(NewFile {
            target: p.target.clone(),
            contents: Contents::Text(text),
            source: p.article.file.clone(),
            page: Some((p.lang.clone(), p.translation.title.clone())),
        });
    }
    plan.pages = planned.len();
    if let Some(first) = export.articles.first() {
        for (label, ids) in &unknown_labels {
            plan.problems.push(Diagnostic::warning(&first.file, format!(
                "the label \"{label}\" ({} article(s)) names no topic of content/topics.toml: left out", ids.len()
            )).hint("add it to content/topics.toml (with a label per language) and to the pages' `topics`, if it is one"));
        }
    }
    plan.files
        .extend(section_files(&export.groups, &folders, &planned, site));
    plan
}

/// The site language a help-center locale is written in: the same tag
/// (`pt-br`), else one of the same language (`pt`).
pub fn site_language(locale: &str, site: &[String]) -> Option<String> {
    let canonical = crate::language_tag::canonical(locale);
    if let Some(code) = site
        .iter()
        .find(|s| crate::language_tag::canonical(s).eq_ignore_ascii_case(&canonical))
    {
        return Some(code.clone());
    }
    let primary = crate::language_tag::primary_of(locale).to_ascii_lowercase();
    let same = |s: &&String| crate::language_tag::primary_of(s).eq_ignore_ascii_case(&primary);
    // A bare `pt` stands for every Portuguese better than `pt-pt` does for `pt-br`.
    site.iter().filter(same).min_by_key(|s| s.len()).cloned()
}

/// Each group's folder under a language: `category/section`.
fn folders(groups: &[Group]) -> HashMap<String, String> {
    let by_key: HashMap<&str, &Group> = groups.iter().map(|g| (g.key.as_str(), g)).collect();
    let mut out = HashMap::new();
    for group in groups {
        let mut parts = Vec::new();
        let mut next = Some(group);
        while let Some(g) = next.filter(|_| parts.len() < 8) {
            let name = g.names.first().map_or("", |(_, n)| n.as_str());
            let slug = slugify(name);
            parts.push(if slug.is_empty() { g.key.clone() } else { slug });
            next = g.parent.as_deref().and_then(|p| by_key.get(p)).copied();
        }
        parts.reverse();
        out.insert(group.key.clone(), parts.join("/"));
    }
    out
}

/// A translation's body as Markdown, or nothing with a warning.
fn markdown_of(p: &Planned, vendor: &str, problems: &mut Vec<Diagnostic>) -> String {
    let t = p.translation;
    match body::to_markdown(&t.body) {
        Ok(markdown) => markdown,
        Err(e) => {
            problems.push(
                Diagnostic::warning(
                    &p.article.file,
                    format!(
                        "article {} ({}): its body is not HTML polybook reads: {e}",
                        p.article.id, t.locale
                    ),
                )
                .hint(format!(
                    "the page is written without a body; copy it over from {vendor}"
                )),
            );
            String::new()
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn page_text(
    p: &Planned,
    body: &str,
    vendor: &str,
    grouped: bool,
    topics: &Topics,
    unknown: &mut BTreeMap<String, HashSet<u64>>,
    publish: bool,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let t = p.translation;
    let id = p.article.id;
    let prose: String = body
        .split("\n\n")
        .filter(|b| !b.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut lines = vec![format!("title = {}", toml_str(&t.title))];
    if let Some(d) = crate::import::description(&prose) {
        lines.push(format!("description = {}", toml_str(&d)));
    }
    if grouped {
        lines.push(format!(
            "translation_key = {}",
            toml_str(&format!("{}-{id}", vendor.to_lowercase()))
        ));
    }
    let mut matched = Vec::new();
    for label in &p.article.labels {
        match topic_of(label, topics) {
            Some(topic) if !matched.contains(&topic) => matched.push(topic),
            Some(_) => {}
            None => {
                unknown.entry(label.clone()).or_default().insert(id);
            }
        }
    }
    if !matched.is_empty() {
        lines.push(format!("topics = {}", toml_list(&matched)));
    }
    let aliases = aliases(t, id, &p.article.file, problems);
    if !aliases.is_empty() {
        lines.push(format!("aliases = {}", toml_list(&aliases)));
    }
    if t.outdated {
        problems.push(
            Diagnostic::warning(
                &p.article.file,
                format!(
                    "article {id} ({}) is marked outdated in {vendor}: written as a draft",
                    t.locale
                ),
            )
            .hint("update it from its source language, then set draft = false"),
        );
    }
    let draft = is_draft(t, publish);
    lines.push(format!("draft = {draft}"));
    lines.push(format!(
        "source = {}",
        toml_str(&format!("{vendor} article {id} ({})", t.locale))
    ));
    format!("+++\n{}\n+++\n\n{}", lines.join("\n"), body.trim_start())
}

/// The topic of content/topics.toml a label names (its id or a label, folded).
pub fn topic_of(label: &str, topics: &Topics) -> Option<String> {
    let folded = fold(label.trim());
    let slug = slugify(label);
    topics
        .list
        .iter()
        .find(|t| {
            t.id == slug || fold(&t.id) == folded || t.label.values().any(|l| fold(l) == folded)
        })
        .map(|t| t.id.clone())
}

/// The translation's old addresses, as the build accepts them.
fn aliases(
    t: &Translation,
    id: u64,
    file: &std::path::Path,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut out = Vec::new();
    for address in &t.addresses {
        match crate::content::Alias::parse(address) {
            Ok(alias) => out.push(alias.as_str().to_string()),
            Err((why, hint)) => problems.push(
                Diagnostic::warning(
                    file,
                    format!("article {id} ({}): {why}: not kept as an alias", t.locale),
                )
                .hint(hint),
            ),
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What links are checked against: the pages, their headings' ids, and
/// the source language's page of each article.
struct Pages<'a> {
    planned: &'a [Planned<'a>],
    headings: &'a [body::Headings],
    source_of: &'a HashMap<u64, usize>,
    publish: bool,
}

/// Whether a translation is written as a draft: always without `--publish`,
/// else when the help center has it as a draft or outdated.
fn is_draft(t: &Translation, publish: bool) -> bool {
    !publish || t.draft || t.outdated
}

impl Pages<'_> {
    /// The id of the heading of page `i` that `anchor` (percent-encoded or
    /// not) names, directly or through the source language's page.
    fn anchor(&self, i: usize, anchor: &str) -> Option<String> {
        let decoded = percent_encoding::percent_decode_str(anchor).decode_utf8_lossy();
        let source = self
            .source_of
            .get(&self.planned[i].article.id)
            .filter(|s| **s != i)
            .map(|s| &self.headings[*s]);
        self.headings[i].anchor(source, &decoded)
    }
}

/// Links to articles of the export, as relative links to their pages, and
/// links to anchors, as links to the ids the build gives their headings.
/// A link to a heading of the same page that
/// it lacks is kept as text, with a warning; a link to another article's
/// anchor that names no heading there links the page.
fn rewrite_links(
    body: &str,
    me: usize,
    pages: &Pages,
    resolve: &dyn Fn(u64) -> Option<usize>,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let p = &pages.planned[me];
    let mut edits = Vec::new();
    for link in links::find(body) {
        if leads_nowhere(&link.dest) {
            // `/hc/article_attachments/…`, `x.png`: a file of the help
            // center that the export does not hold.
            let what = if link.image { "image" } else { "link" };
            problems.push(
                Diagnostic::warning(
                    &p.article.file,
                    format!(
                        "article {} ({}): the {what} `{}` names a file of the help center the export does not hold: kept its text",
                        p.article.id, p.translation.locale, link.dest
                    ),
                )
                .hint("put the file beside the page and link it, or use its full https:// address"),
            );
            if !link.html {
                edits.push((link.whole, escape_text(&link.text)));
            }
            continue;
        }
        if link.image {
            continue;
        }
        if let Some(anchor) = link.dest.strip_prefix('#') {
            if anchor.is_empty() {
                continue;
            }
            match pages.anchor(me, anchor) {
                Some(id) => {
                    if id != anchor {
                        edits.push((link.dest_range, format!("#{id}")));
                    }
                }
                None => {
                    problems.push(
                        Diagnostic::warning(
                            &p.article.file,
                            format!(
                                "article {} ({}): the link `{}` names no heading of the article: kept as text",
                                p.article.id, p.translation.locale, link.dest
                            ),
                        )
                        .hint("link the heading it means in the page, or remove the link"),
                    );
                    if link.html {
                        edits.push((link.dest_range, "#".to_string()));
                    } else {
                        edits.push((link.whole, escape_text(&link.text)));
                    }
                }
            }
            continue;
        }
        let Some(to) = linked_article(&link.dest).and_then(resolve) else {
            continue;
        };
        let mut href = links::relative_path(&p.target, &pages.planned[to].target);
        let anchor = link.dest.split_once('#').map(|(_, a)| a);
        // A help center's anchors may name elements that are not headings:
        // those link the page.
        if let Some(id) = anchor.and_then(|a| pages.anchor(to, a)) {
            href = format!("{href}#{id}");
        }
        let target = &pages.planned[to];
        if !is_draft(p.translation, pages.publish) && is_draft(target.translation, pages.publish) {
            problems.push(
                Diagnostic::warning(
                    &p.article.file,
                    format!(
                        "article {} ({}) links to article {} ({}), which is written as a draft: `polybook build` fails on the link until that page is published",
                        p.article.id, p.translation.locale, target.article.id, target.translation.locale
                    ),
                )
                .hint(format!("publish {} (draft = false) or remove the link; `build --drafts` builds both", target.target)),
            );
        }
        edits.push((link.dest_range, href));
    }
    let mut out = body.to_string();
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, text) in edits {
        if out.get(range.clone()).is_some() {
            out.replace_range(range, &text);
        }
    }
    out
}

/// A destination with no scheme that names no article: on the help
/// center's own host, which the imported site is not.
fn leads_nowhere(dest: &str) -> bool {
    !dest.is_empty()
        && !dest.starts_with('#')
        && !crate::markdown::is_external(dest)
        && linked_article(dest).is_none()
}

fn escape_text(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// `_index.md` of each section folder a page was written in, named in
/// its language (or the source's).
fn section_files(
    groups: &[Group],
    folders: &HashMap<String, String>,
    planned: &[Planned],
    site: &Site,
) -> Vec<NewFile> {
    let used: HashSet<(String, String)> = planned
        .iter()
        .filter_map(|p| {
            let (lang, rest) = p.target.split_once('/')?;
            Some((lang.to_string(), rest.rsplit_once('/')?.0.to_string()))
        })
        .collect();
    let mut files = Vec::new();
    for group in groups {
        let Some(folder) = folders.get(&group.key) else {
            continue;
        };
        for lang in site.languages {
            let inside = used
                .iter()
                .any(|(l, f)| l == lang && (f == folder || f.starts_with(&format!("{folder}/"))));
            if !inside {
                continue;
            }
            let name = group
                .names
                .iter()
                .find(|(locale, _)| {
                    site_language(locale, site.languages).as_deref() == Some(lang.as_str())
                })
                .or(group.names.first())
                .map_or(group.key.as_str(), |(_, n)| n.as_str());
            let mut text = format!("+++\ntitle = {}\n", toml_str(name));
            if let Some(weight) = group.position {
                text.push_str(&format!("weight = {}\n", weight.clamp(0, 1_000_000)));
            }
            text.push_str("+++\n");
            files.push(NewFile {
                target: format!("{lang}/{folder}/_index.md"),
                contents: Contents::Text(text),
                source: planned
                    .first()
                    .map(|p| p.article.file.clone())
                    .unwrap_or_default(),
                page: None,
            });
        }
    }
    files.sort_by(|a, b| a.target.cmp(&b.target));
    files
}

fn toml_str(s: &str) -> String {
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
