//! The layers of `src/` point one way. Every module sits in a layer of
//! [`LAYERS`]; it may use modules of its own layer and of the layers below,
//! never one above, and no modules use each other in a cycle (neither the
//! top-level modules nor the files of one module, such as `search/index.rs`
//! and `search/postings.rs`). Without that, a change to a stage can break the
//! stages it feeds, and no stage can be read or tested on its own.
//!
//! The sources are read as text ([`reader`]), not compiled. `src/main.rs`, the
//! binary, is left out: the library cannot name it, so it is on top anyway.

mod reader;

use reader::{Crate, Reference};
use std::collections::{BTreeMap, BTreeSet};

/// The layers, bottom to top. `lib` is `src/lib.rs`, which calls the stages
/// in order. A new top-level module is placed here by whoever adds it.
const LAYERS: &[&[&str]] = &[
    // Know nothing of sites: text folding and slugs, diagnostics, file
    // helpers, the built site's files and where they go, stage timings.
    // `builtin` is the default theme and catalogs as bytes.
    &[
        "text",
        "diagnostics",
        "fs",
        "files",
        "timings",
        "page_kind",
        "builtin",
        "calendar",
        "language_tag",
        "shape",
    ],
    &["config"],
    &["content"],
    &["markdown"],
    &["graph"],
    // Who owns what, what is due, which translations fell behind.
    &["review"],
    &["i18n"],
    // Builds the index from the content, markdown and graph data.
    &["search"],
    // The service worker and each language's list of files to save; pages
    // name the worker's path.
    &["offline"],
    &["render"],
    &["output"],
    &["lib"],
    // Reports and edits on top of the whole pipeline.
    &["check", "scaffold", "starter", "import"],
    &["incremental"],
    &["serve"],
    &["cmd", "cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_module_has_a_layer() {
    let krate = Crate::read();
    let mut modules = krate.top_level();
    modules.insert("lib".to_string());
    let mut problems = Vec::new();
    for module in &modules {
        if layer_of(module).is_none() {
            let file = &krate.modules[&vec![module.clone()]];
            problems.push(format!(
                "{}: the module `{module}` is in no layer: add it to LAYERS in tests/testsuite/architecture.rs",
                file.display()
            ));
        }
    }
    for module in LAYERS.iter().flat_map(|l| l.iter()) {
        if !modules.contains(*module) {
            problems.push(format!(
                "tests/testsuite/architecture.rs: LAYERS names `{module}`, which src/ does not have"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let krate = Crate::read();
    let mut problems = Vec::new();
    for (from, to, r) in krate.top_level_edges() {
        let (Some(own), Some(theirs)) = (layer_of(&from), layer_of(&to)) else {
            continue; // every_module_has_a_layer reports it
        };
        if theirs > own {
            problems.push(format!(
                "{}: `{from}` (layer {own}) uses `{}` of `{to}` (layer {theirs}), a layer above its own",
                r.at(),
                r.path()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "\n{}\n\nLayers, bottom to top:\n{}\n",
        problems.join("\n"),
        layers_text()
    );
}

#[test]
fn top_level_modules_use_each_other_in_no_cycle() {
    let krate = Crate::read();
    let edges: Vec<(String, String, &Reference)> = krate.top_level_edges();
    let problems = cycles(&edges);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n\n"));
}

#[test]
fn files_of_a_module_use_each_other_in_no_cycle() {
    let krate = Crate::read();
    let mut by_module: BTreeMap<String, Vec<(String, String, &Reference)>> = BTreeMap::new();
    for (module, from, to, r) in krate.submodule_edges() {
        let name = |sub: &str| format!("{module}::{sub}");
        by_module
            .entry(module.clone())
            .or_default()
            .push((name(&from), name(&to), r));
    }
    let problems: Vec<String> = by_module.values().flat_map(|e| cycles(e)).collect();
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n\n"));
}

/// Each group of modules that reach each other (a strongly connected
/// component of more than one), as the shortest cycle through each of its
/// modules, each step with the file and line of a reference.
fn cycles(edges: &[(String, String, &Reference)]) -> Vec<String> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut first: BTreeMap<(&str, &str), &Reference> = BTreeMap::new();
    for (from, to, r) in edges {
        graph.entry(from).or_default().insert(to);
        graph.entry(to).or_default();
        first.entry((from, to)).or_insert(r);
    }
    let reach: BTreeMap<&str, BTreeSet<&str>> =
        graph.keys().map(|&m| (m, reachable(&graph, m))).collect();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    let mut problems = Vec::new();
    for &m in graph.keys() {
        if reported.contains(m) || !reach[m].contains(m) {
            continue;
        }
        let group: BTreeSet<&str> = reach[m]
            .iter()
            .copied()
            .filter(|other| reach[other].contains(m))
            .collect();
        reported.extend(group.iter().copied());
        let names: Vec<&str> = group.iter().copied().collect();
        let mut lines = vec![format!("modules in a cycle: {}", names.join(", "))];
        let mut seen: BTreeSet<BTreeSet<(&str, &str)>> = BTreeSet::new();
        for &start in &group {
            let cycle = shortest_cycle(&graph, start);
            let steps: Vec<(&str, &str)> = cycle.windows(2).map(|w| (w[0], w[1])).collect();
            if !seen.insert(steps.iter().copied().collect()) {
                continue;
            }
            lines.push(format!("  {}", cycle.join(" → ")));
            for (from, to) in steps {
                let r = first[&(from, to)];
                lines.push(format!("    {from} → {to}: {} uses {}", r.at(), r.path()));
            }
        }
        problems.push(lines.join("\n"));
    }
    problems
}

fn reachable<'a>(
    graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    start: &'a str,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(m) = todo.pop() {
        for &next in &graph[m] {
            if seen.insert(next) {
                todo.push(next);
            }
        }
    }
    seen
}

/// `[start, …, start]` by breadth-first search; `start` must be on a cycle.
fn shortest_cycle<'a>(
    graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    start: &'a str,
) -> Vec<&'a str> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(m) = queue.pop_front() {
        for &next in &graph[m] {
            if next == start {
                let mut path = vec![m];
                while let Some(&before) = path.last().and_then(|p| came_from.get(p)) {
                    path.push(before);
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if !came_from.contains_key(next) {
                came_from.insert(next, m);
                queue.push_back(next);
            }
        }
    }
    vec![start, start]
}

fn layers_text() -> String {
    LAYERS
        .iter()
        .enumerate()
        .map(|(i, layer)| format!("  {i}: {}", layer.join(", ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Guards against a reader that finds nothing and so passes every check.
#[test]
fn the_whole_crate_is_read() {
    let krate = Crate::read();
    let top: BTreeSet<(String, String)> = krate
        .top_level_edges()
        .into_iter()
        .map(|(from, to, _)| (from, to))
        .collect();
    for (from, to) in [
        ("lib", "output"),
        ("render", "config"),
        ("graph", "markdown"),
        ("serve", "incremental"),
    ] {
        assert!(
            top.contains(&(from.to_string(), to.to_string())),
            "no use of `{to}` found in `{from}`: {top:?}"
        );
    }
    let inner: BTreeSet<(String, String)> = krate
        .submodule_edges()
        .into_iter()
        .map(|(_, from, to, _)| (from, to))
        .collect();
    assert!(
        inner.contains(&("index".to_string(), "postings".to_string())),
        "{inner:?}"
    );
}
