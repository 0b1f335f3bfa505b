//! `cached(template=…, vary=…, …)`: a theme partial rendered once per
//! language and `vary` value, like Hugo's `partialCached`.
//!
//! Some blocks are the same on thousands of pages: the search UI strings of
//! a language, the header's search form at one folder depth. Tera renders
//! them again for every page, dozens of `t()` calls each; with `cached` a
//! theme renders them once and every other page copies the result.
//!
//! The partial sees only the call's other arguments (like a macro), and its
//! output is reused for every call in the same language with the same
//! `template` and the same arguments, or, when the call gives `vary`, the same
//! `vary`: then `vary` must hold everything the output depends on (cheaper to
//! compare than a big argument such as the whole `page`). It pays
//! where a block is big and its arguments are few: Tera still evaluates every
//! argument of every call, so caching an article's card (`a=a`), which is
//! mostly its arguments, measured no faster.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock, Weak};
use tera::{Context, Function, Tera, Value};

/// The most bytes of rendered partials one language keeps: plenty for blocks
/// that vary by depth or language. A `vary` that differs on every page would
/// grow without end, so past this it is rendered every time instead.
const CACHE_BYTES: usize = 16 << 20;

/// Registers `cached()` in `tera`, bound to the engine itself (so partials
/// can call `t()` and `cached()` too). The returned handle clears its store.
pub fn with_cached_partials(mut tera: Tera) -> (Arc<Tera>, CachedPartials) {
    let mut handle = None;
    let engine = Arc::new_cyclic(|itself| {
        let partials = CachedPartials {
            store: Arc::new(Store {
                engine: itself.clone(),
                rendered: RwLock::default(),
                bytes: AtomicUsize::new(0),
            }),
        };
        handle = Some(partials.clone());
        tera.register_function("cached", partials);
        tera
    });
    (engine, handle.expect("set while the engine was made"))
}

/// The `cached` function. Clones share one store: the engine holds one, and
/// whoever renders pages keeps another to [`clear`](Self::clear) it.
#[derive(Clone)]
pub struct CachedPartials {
    store: Arc<Store>,
}

/// Weak, because the engine owns this store: a strong link would be a cycle.
struct Store {
    engine: Weak<Tera>,
    rendered: RwLock<HashMap<String, Value>>,
    bytes: AtomicUsize,
}

impl CachedPartials {
    /// Forgets every rendered partial: content may have changed since.
    pub fn clear(&self) {
        let mut rendered = self
            .store
            .rendered
            .write()
            .unwrap_or_else(|e| e.into_inner());
        rendered.clear();
        self.store.bytes.store(0, Ordering::Relaxed);
    }
}

impl Function for CachedPartials {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let template = args
            .get("template")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("cached() needs template=\"…\""))?;
        let key = cache_key(template, args);
        let store = &self.store;
        // A poisoned lock only means another page's render panicked; what
        // is stored is still right.
        let rendered = store.rendered.read().unwrap_or_else(|e| e.into_inner());
        if let Some(html) = rendered.get(&key) {
            return Ok(html.clone());
        }
        drop(rendered);
        let html = store.render(template, args)?;
        let size = html.as_str().map_or(0, str::len) + key.len();
        if store.bytes.fetch_add(size, Ordering::Relaxed) + size <= CACHE_BYTES {
            let mut rendered = store.rendered.write().unwrap_or_else(|e| e.into_inner());
            rendered.insert(key, html.clone());
        }
        Ok(html)
    }

    /// It returns template output, already escaped where the partial says so.
    fn is_safe(&self) -> bool {
        true
    }
}

/// The template and `vary`, or without `vary` every other argument by name.
/// Values are JSON, which keeps the string "1" and the number 1 apart.
fn cache_key(template: &str, args: &HashMap<String, Value>) -> String {
    let mut key = template.to_string();
    if let Some(vary) = args.get("vary") {
        key.push('\u{1f}');
        key.push_str(&vary.to_string());
        return key;
    }
    let mut names: Vec<&String> = args.keys().filter(|n| *n != "template").collect();
    names.sort_unstable();
    for name in names {
        key.push('\u{1f}');
        key.push_str(name);
        key.push('=');
        key.push_str(&args[name].to_string());
    }
    key
}

impl Store {
    fn render(&self, template: &str, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let engine = self
            .engine
            .upgrade()
            .ok_or_else(|| tera::Error::msg("cached(): the template engine is gone"))?;
        let mut context = Context::new();
        for (name, value) in args {
            if name != "template" && name != "vary" {
                context.insert(name.as_str(), value);
            }
        }
        engine
            .render(template, &context)
            .map(Value::String)
            .map_err(|e| tera::Error::chain(format!("in cached(template=\"{template}\")"), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine whose `tick()` counts the times a partial is really rendered.
    fn engine(templates: &[(&str, &str)]) -> (Arc<Tera>, CachedPartials) {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_templates(templates.to_vec()).unwrap();
        let ticks = AtomicUsize::new(0);
        tera.register_function("tick", move |_: &HashMap<String, Value>| {
            Ok(Value::from(ticks.fetch_add(1, Ordering::Relaxed) + 1))
        });
        with_cached_partials(tera)
    }

    fn render(tera: &Tera, name: &str) -> String {
        tera.render(name, &Context::new()).unwrap()
    }

    #[test]
    fn renders_once_per_vary_until_cleared() {
        let (tera, partials) = engine(&[
            ("part.html", "{{ tick() }}:{{ x }}"),
            (
                "page.html",
                r#"{{ cached(template="part.html", vary=1, x="a") }} {{ cached(template="part.html", vary=1, x="b") }} {{ cached(template="part.html", vary="1", x="c") }} {{ cached(template="part.html", vary=2, x="d") }}"#,
            ),
        ]);
        // The second call reuses the first, whatever its other arguments;
        // the string "1" is another variant than the number 1.
        assert_eq!(render(&tera, "page.html"), "1:a 1:a 2:c 3:d");
        assert_eq!(render(&tera, "page.html"), "1:a 1:a 2:c 3:d");
        partials.clear();
        assert_eq!(render(&tera, "page.html"), "4:a 4:a 5:c 6:d");
    }

    #[test]
    fn without_vary_every_argument_varies() {
        let (tera, _) = engine(&[
            ("part.html", "{{ tick() }}:{{ x }}{{ y }}"),
            (
                "page.html",
                r#"{{ cached(template="part.html", x="a", y=1) }} {{ cached(template="part.html", y=1, x="a") }} {{ cached(template="part.html", x="a", y="1") }} {{ cached(template="part.html", x="b", y=1) }}"#,
            ),
        ]);
        assert_eq!(render(&tera, "page.html"), "1:a1 1:a1 2:a1 3:b1");
    }

    #[test]
    fn output_is_escaped_once_by_the_partial() {
        let (tera, _) = engine(&[
            ("part.html", "<b>{{ x }}</b>"),
            (
                "page.html",
                r#"{{ cached(template="part.html", x="<i>") }}"#,
            ),
        ]);
        assert_eq!(render(&tera, "page.html"), "<b>&lt;i&gt;</b>");
    }

    #[test]
    fn partials_can_use_cached_themselves() {
        let (tera, _) = engine(&[
            ("inner.html", "{{ tick() }}"),
            ("outer.html", r#"[{{ cached(template="inner.html") }}]"#),
            (
                "page.html",
                r#"{{ cached(template="outer.html") }}{{ cached(template="inner.html") }}"#,
            ),
        ]);
        assert_eq!(render(&tera, "page.html"), "[1]1");
    }

    #[test]
    fn a_missing_partial_is_a_clear_error() {
        let (tera, _) = engine(&[("page.html", r#"{{ cached(template="nope.html") }}"#)]);
        let error = tera.render("page.html", &Context::new()).unwrap_err();
        let message = crate::render::error_chain(&error);
        assert!(
            message.contains(r#"cached(template="nope.html")"#),
            "{message}"
        );
        assert!(message.contains("nope.html' not found"), "{message}");
        let (tera, _) = engine(&[("page.html", "{{ cached(vary=1) }}")]);
        assert!(tera.render("page.html", &Context::new()).is_err());
    }
}
