//! TEMPORARY (issue 15 pipeline check, not to be committed).
mod support;

use polybook::incremental::{fill_search_build, Changes, Incremental};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{page, site_toml, Site};

const TOPICS: &str =
    "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\", en = \"Empathy\" }\n[trust]\nlabel = { pt = \"Confiança\" }\n";

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write("content/topics.toml", TOPICS)
        .write("content/pt/alfa.md", &page("Alfa", "translation_key = \"k\"\ntopics = [\"empathy\"]\nweight = 1\n", "# Alfa\n\nTexto. Veja [beta](beta.md#seccao) e [d](delta.md).\n"))
        .write("content/pt/beta.md", &page("Beta", "topics = [\"empathy\", \"trust\"]\nweight = 2\n", "## Secção\n\nTexto de beta.\n"))
        .write("content/pt/delta.md", &page("Delta", "topics = [\"trust\"]\nweight = 3\n", "Delta [a](alfa.md).\n"))
        .write("content/hr/ce.md", &page("Ce", "translation_key = \"k\"\ntopics = [\"empathy\"]\n", "Tekst [b](../pt/beta.md).\n"));
    site
}

fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let config = polybook::config::load(root, Some("http://127.0.0.1:9/")).unwrap();
    let built = polybook::build_site(&config, false).unwrap();
    built.files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

struct Engine { site: Incremental, root: PathBuf }
impl Engine {
    fn new(root: &Path) -> Engine {
        let options = polybook::BuildOptions { root: root.to_path_buf(), base_url: Some("http://127.0.0.1:9/".into()), ..Default::default() };
        let mut e = Engine { site: Incremental::new(options), root: root.to_path_buf() };
        e.apply(Changes::everything(), true);
        e
    }
    fn apply(&mut self, changes: Changes, deferred: bool) -> polybook::incremental::Outcome {
        let outcome = self.site.rebuild(&changes).expect("rebuild");
        if deferred { self.site.render_deferred().unwrap(); }
        let index = self.site.search_sources().unwrap().build();
        self.site.apply_search(index);
        outcome
    }
    fn ch(&self, rel: &str, rescan: bool) -> Changes {
        Changes { content: [self.root.join("content").join(rel)].into(), rescan, ..Changes::default() }
    }
    fn check(&self, what: &str) {
        let build = self.site.search_build().to_string();
        let served: BTreeMap<String, Vec<u8>> = self.site.files().iter().map(|(p, b)| (p.clone(), if p.ends_with(".html") { fill_search_build(b, &build) } else { b.to_vec() })).collect();
        let built = full_build(&self.root);
        assert_eq!(served.keys().collect::<Vec<_>>(), built.keys().collect::<Vec<_>>(), "{what}: file sets");
        for (p, b) in &built { assert!(served[p] == *b, "{what}: {p} differs:\n{}\n---\n{}", String::from_utf8_lossy(&served[p]), String::from_utf8_lossy(b)); }
    }
}

#[test]
fn tricky_edits() {
    let s = site();
    let mut e = Engine::new(s.root());
    e.check("start");
    // Touch without change: nothing rendered.
    let text = std::fs::read_to_string(s.root().join("content/pt/beta.md")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    s.write("content/pt/beta.md", &text);
    let o = e.apply(e.ch("pt/beta.md", false), true);
    assert_eq!(o.pages_rendered, 0, "{o:?}");
    e.check("touch");
    // Weight change that reorders.
    s.write("content/pt/delta.md", &page("Delta", "topics = [\"trust\"]\nweight = 0\n", "Delta [a](alfa.md).\n"));
    e.apply(e.ch("pt/delta.md", false), true);
    e.check("reorder");
    // Title change without render_deferred, then body edit of another, then deferred.
    s.write("content/pt/beta.md", &page("Beta 2", "topics = [\"empathy\", \"trust\"]\nweight = 2\n", "## Secção\n\nTexto de beta.\n"));
    e.apply(e.ch("pt/beta.md", false), false);
    s.write("content/hr/ce.md", &page("Ce", "translation_key = \"k\"\ntopics = [\"empathy\"]\n", "Tekst novi [b](../pt/beta.md).\n"));
    e.apply(e.ch("hr/ce.md", false), true);
    e.check("title then body");
    // Body edit A -> B; then a failing rebuild elsewhere; then B -> A.
    s.write("content/pt/alfa.md", &page("Alfa", "translation_key = \"k\"\ntopics = [\"empathy\"]\nweight = 1\n", "# Alfa\n\nOutro. Veja [beta](beta.md#seccao) e [d](delta.md).\n"));
    e.site.rebuild(&e.ch("pt/alfa.md", false)).unwrap();
    s.write("content/pt/delta.md", "+++\ntitle = \n+++\n");
    assert!(e.site.rebuild(&e.ch("pt/delta.md", false)).is_err());
    s.write("content/pt/delta.md", &page("Delta", "topics = [\"trust\"]\nweight = 0\n", "Delta [a](alfa.md).\n"));
    s.write("content/pt/alfa.md", &page("Alfa", "translation_key = \"k\"\ntopics = [\"empathy\"]\nweight = 1\n", "# Alfa\n\nTexto. Veja [beta](beta.md#seccao) e [d](delta.md).\n"));
    let mut c = e.ch("pt/delta.md", false);
    c.merge(e.ch("pt/alfa.md", false));
    e.apply(c, true);
    e.check("fail and back");
    // Topic change: graph changes.
    s.write("content/pt/beta.md", &page("Beta 2", "topics = [\"trust\"]\nweight = 2\n", "## Secção\n\nTexto de beta.\n"));
    e.apply(e.ch("pt/beta.md", false), true);
    e.check("topics");
    // Heading id change that breaks an anchor, then fix.
    s.write("content/pt/beta.md", &page("Beta 2", "topics = [\"trust\"]\nweight = 2\n", "## Outra\n\nTexto de beta.\n"));
    assert!(e.site.rebuild(&e.ch("pt/beta.md", false)).is_err());
    s.write("content/pt/beta.md", &page("Beta 2", "topics = [\"trust\"]\nweight = 2\n", "## Secção\n\n## Outra\n\nTexto.\n"));
    e.apply(e.ch("pt/beta.md", false), true);
    e.check("anchor");
    // Draft toggle.
    s.write("content/pt/delta.md", &page("Delta", "topics = [\"trust\"]\nweight = 0\ndraft = true\n", "Delta.\n"));
    s.write("content/pt/alfa.md", &page("Alfa", "translation_key = \"k\"\ntopics = [\"empathy\"]\nweight = 1\n", "# Alfa\n\nTexto. Veja [beta](beta.md#seccao).\n"));
    let mut c = e.ch("pt/delta.md", false);
    c.merge(e.ch("pt/alfa.md", false));
    e.apply(c, true);
    e.check("draft");
    s.write("content/pt/delta.md", &page("Delta", "topics = [\"trust\"]\nweight = 0\n", "Delta [a](alfa.md).\n"));
    e.apply(e.ch("pt/delta.md", false), true);
    e.check("undraft");
    // A new page linked by an existing one before it exists (moved targets).
    s.write("content/hr/ce.md", &page("Ce", "translation_key = \"k\"\ntopics = [\"empathy\"]\n", "Tekst [b](../pt/beta.md) [e](../pt/epsilon.md).\n"));
    assert!(e.site.rebuild(&e.ch("hr/ce.md", false)).is_err());
    s.write("content/pt/epsilon.md", &page("Epsilon", "", "Eps.\n"));
    e.apply(e.ch("pt/epsilon.md", true), true);
    e.check("new target");
    // Rename: remove one, create another.
    std::fs::remove_file(s.root().join("content/pt/epsilon.md")).unwrap();
    s.write("content/hr/ce.md", &page("Ce", "translation_key = \"k\"\ntopics = [\"empathy\"]\n", "Tekst [b](../pt/beta.md) [e](../pt/zeta.md).\n"));
    s.write("content/pt/zeta.md", &page("Zeta", "", "Eps.\n"));
    e.apply(Changes { rescan: true, ..Changes::default() }, true);
    e.check("rename");
    // Nothing changed at all.
    let o = e.apply(Changes { rescan: true, ..Changes::default() }, true);
    assert_eq!(o.pages_rendered, 0, "{o:?}");
    // Body only: local.
    s.write("content/pt/zeta.md", &page("Zeta", "", "Eps two.\n"));
    let o = e.apply(e.ch("pt/zeta.md", false), false);
    assert!(o.pages_rendered <= 1, "{o:?}");
    e.site.render_deferred().unwrap();
    e.check("local");
}
