//! The `t(key=…, …args)` function templates call for every UI string.

use super::Locales;
use fluent_bundle::{FluentArgs, FluentValue};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tera::{Function, Value};

/// How many distinct calls one language remembers. Every page repeats the
/// same few dozen strings (a reading time, a count of results), so this is
/// far more than a theme needs; calls with per-page arguments (a page's own
/// address) stop being remembered once it is full, and are simply formatted.
const MEMO_CAPACITY: usize = 4096;

/// Bound to the page's language; `lang="xx"` in a call translates into another one.
pub struct TranslateFn {
    locales: Arc<Locales>,
    lang: String,
    default_language: String,
    /// `lang`'s fallback chain, made once rather than per call.
    chain: Vec<String>,
    /// Every message along the chain that needs no argument, formatted once:
    /// most calls are `t(key=…)` alone, and these need no lock.
    plain: HashMap<String, Value>,
    /// Formatted strings by call ([`memo_key`]): Fluent formatting is pure,
    /// and pages call `t` dozens of times with the same arguments.
    memo: RwLock<HashMap<String, Value>>,
}

impl TranslateFn {
    pub fn new(locales: Arc<Locales>, lang: &str, default_language: &str) -> Self {
        let chain = crate::config::fallback_chain(lang, default_language);
        let plain = locales
            .keys(&chain)
            .filter_map(|key| {
                let text = locales.format(&chain, key, None).ok()?;
                Some((key.to_string(), Value::String(text)))
            })
            .collect();
        TranslateFn {
            locales,
            chain,
            plain,
            lang: lang.to_string(),
            default_language: default_language.to_string(),
            memo: RwLock::default(),
        }
    }

    fn format(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"…\""))?;
        let other_chain;
        let chain = match args.get("lang").and_then(Value::as_str) {
            Some(lang) if lang != self.lang => {
                other_chain = crate::config::fallback_chain(lang, &self.default_language);
                &other_chain
            }
            _ => &self.chain,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            if name == "key" || name == "lang" {
                continue;
            }
            let value = match value {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or_default()),
                },
                Value::String(s) => FluentValue::from(s.clone()),
                other => FluentValue::from(other.to_string()),
            };
            fluent_args.set(name.clone(), value);
        }
        let args = fluent_args.iter().next().is_some().then_some(&fluent_args);
        self.locales
            .format(chain, key, args)
            .map(Value::String)
            .map_err(tera::Error::msg)
    }
}

/// One string per distinct call: every argument in name order, each name and
/// value closed by a control character that names and messages do not use.
fn memo_key(args: &HashMap<String, Value>) -> String {
    let mut names: Vec<&String> = args.keys().collect();
    names.sort_unstable();
    let mut key = String::new();
    for name in names {
        key.push_str(name);
        key.push('\u{1f}');
        // Tagged, so the string "1" and the number 1 stay apart.
        match &args[name] {
            Value::String(s) => {
                key.push('s');
                key.push_str(s);
            }
            other => {
                key.push('v');
                key.push_str(&other.to_string());
            }
        }
        key.push('\u{1e}');
    }
    key
}

impl Function for TranslateFn {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let own_language = match args.get("lang") {
            None => args.len() == 1,
            Some(lang) => args.len() == 2 && lang.as_str() == Some(&self.lang),
        };
        if own_language {
            let plain = args.get("key").and_then(Value::as_str);
            if let Some(value) = plain.and_then(|key| self.plain.get(key)) {
                return Ok(value.clone());
            }
        }
        let key = memo_key(args);
        // A poisoned lock only means another page's render panicked; the
        // strings in it are still right.
        let memo = self.memo.read().unwrap_or_else(|e| e.into_inner());
        if let Some(value) = memo.get(&key) {
            return Ok(value.clone());
        }
        drop(memo);
        let value = self.format(args)?;
        let mut memo = self.memo.write().unwrap_or_else(|e| e.into_inner());
        if memo.len() < MEMO_CAPACITY {
            memo.insert(key, value.clone());
        }
        Ok(value)
    }

    fn is_safe(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, Value)]) -> HashMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn memo_keys_tell_every_argument_apart() {
        let a = memo_key(&args(&[("key", "n".into()), ("count", 1.into())]));
        let b = memo_key(&args(&[("key", "n".into()), ("count", 2.into())]));
        let c = memo_key(&args(&[("key", "n".into()), ("count", "1".into())]));
        let d = memo_key(&args(&[("key", "n".into()), ("lang", "hr".into())]));
        let e = memo_key(&args(&[("key", "n".into())]));
        let all = [&a, &b, &c, &d, &e];
        for (i, x) in all.iter().enumerate() {
            for y in &all[i + 1..] {
                assert_ne!(x, y);
            }
        }
        // The same call in any argument order is one entry.
        let mut reordered = HashMap::new();
        reordered.insert("count".to_string(), Value::from(1));
        reordered.insert("key".to_string(), Value::from("n"));
        assert_eq!(memo_key(&reordered), a);
    }
}
