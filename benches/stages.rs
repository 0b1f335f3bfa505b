//! Per-stage micro-benchmarks on the real handbook, so a regression shows up in
//! the stage that caused it: `cargo bench -p polybook-bench`. Whole-site figures
//! against Hugo come from `scripts/bench` (see docs/performance.md).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use polybook::config::SiteConfig;
use polybook::render::pages::Page;
use polybook::BuildOptions;
use std::hint::black_box;
use std::path::PathBuf;

fn handbook() -> SiteConfig {
    let options = BuildOptions {
        // The handbook at the repository root, above this package.
        root: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")),
        ..BuildOptions::default()
    };
    polybook::load_config(&options).expect("the handbook's site.toml loads")
}

/// Markdown → HTML, headings, links and text of each seed article.
fn markdown(c: &mut Criterion) {
    let config = handbook();
    let (site, _) = polybook::analyze(&config, false);
    let documents = site.articles.iter().map(|a| &a.document);
    let targets = polybook::link_targets(documents.clone(), &site.content, &config);
    let mut group = c.benchmark_group("markdown");
    for doc in documents {
        group.throughput(Throughput::Bytes(doc.source.len() as u64));
        group.bench_with_input(BenchmarkId::new("render", &doc.rel_path), doc, |b, doc| {
            b.iter(|| polybook::render_document(&config, &targets, black_box(doc)))
        });
    }
    group.finish();
}

/// One article page: its context, then Tera with the default theme.
fn page(c: &mut Criterion) {
    let config = handbook();
    let (site, _) = polybook::analyze(&config, false);
    let (theme, engines) = polybook::prepare_theme(&config).expect("the theme loads");
    let search = ("search/x/manifest.js", "search/x/engine.js");
    let data = polybook::site_data(&config, &site, &theme, engines.locales(), search);
    let mut group = c.benchmark_group("page");
    group.bench_function("article context", |b| {
        b.iter(|| data.job(black_box(Page::Article(0))))
    });
    let job = data.job(Page::Article(0));
    group.bench_function("article tera", |b| {
        b.iter(|| polybook::render::render_page(black_box(&job), &engines, &config))
    });
    let home = data.job(Page::Home("pt"));
    group.bench_function("home tera", |b| {
        b.iter(|| polybook::render::render_page(black_box(&home), &engines, &config))
    });
    group.finish();
}

/// Search analysis and index building, per byte of article text: the
/// handbook's articles repeated to about 1 MB.
fn search(c: &mut Criterion) {
    let config = handbook();
    let (site, _) = polybook::analyze(&config, false);
    let (one, topics, _) = polybook::search_sources(&config, &site);
    let bytes_once: usize = one.iter().map(|d| d.body.len()).sum();
    let copies = (1 << 20) / bytes_once.max(1) + 1;
    let mut documents = Vec::new();
    for lang in config.languages.iter().map(|l| l.code.as_str()) {
        for copy in 0..copies {
            for doc in one.iter().filter(|d| d.lang == lang) {
                let mut doc = doc.clone();
                doc.url = format!("{}{copy}/", doc.url);
                documents.push(doc);
            }
        }
    }
    let bytes: usize = documents.iter().map(|d| d.body.len()).sum();
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("index build", |b| {
        b.iter(|| polybook::search::index::build(black_box(&documents), &topics, &[]))
    });
    let index = polybook::search::index::build(&documents, &topics, &[]);
    group.bench_function("shard files", |b| {
        b.iter_batched(
            || index.clone(),
            |index| polybook::search::shards::write(black_box(index)),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// The Croatian stemmer on every distinct form of UD Croatian-SET's dev and
/// test splits (folded), exception table included: issue #22 asks under
/// 2 µs a word.
fn croatian_stemmer(c: &mut Criterion) {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/stem"));
    let mut words: Vec<String> = Vec::new();
    for name in ["ud-hr-dev.tsv", "ud-hr-test.tsv"] {
        let text = std::fs::read_to_string(data.join(name)).expect("the treebank forms");
        let forms = text.lines().filter_map(|line| line.split('\t').next());
        words.extend(forms.map(polybook::text::fold::fold));
    }
    let mut group = c.benchmark_group("stem");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("hr treebank forms", |b| {
        b.iter(|| {
            for word in &words {
                black_box(polybook::search::stem::stem_hr(black_box(word)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, markdown, page, search, croatian_stemmer);
criterion_main!(benches);
