//! The `t(key=…, …args)` function templates call for every UI string.

use super::Locales;
use fluent_bundle::{FluentArgs, FluentValue};
use std::collections::HashMap;
use std::sync::Arc;
use tera::{Function, Value};

/// Bound to the page's language; `lang="xx"` in a call translates into another one.
pub struct TranslateFn {
    pub locales: Arc<Locales>,
    pub lang: String,
    pub default_language: String,
}

impl Function for TranslateFn {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"…\""))?;
        let lang = args
            .get("lang")
            .and_then(Value::as_str)
            .unwrap_or(&self.lang);
        let chain = crate::config::fallback_chain(lang, &self.default_language);
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
            .format(&chain, key, args)
            .map(Value::String)
            .map_err(tera::Error::msg)
    }

    fn is_safe(&self) -> bool {
        false
    }
}
