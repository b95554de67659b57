//! fahras: Arabic-aware full-text search that runs in the browser.
//!
//! The engine is plain, safe Rust ([`analysis`], [`index`], [`search`]), usable natively;
//! this file only adds the WebAssembly surface: `search(query, options?)` and `get(id, query?)`,
//! and, in an engine built without the `embed` feature (the npm package's), `load(bytes)`; with the
//! `split` feature, `openSplit(core)`, `missing()` and `provide(name, bytes)` for a split index
//! ([`split`]). The npm package's indexer is the `indexer` feature's surface ([`indexer`]).

pub mod analysis;
#[cfg(any(not(target_arch = "wasm32"), feature = "indexer"))]
pub mod corpus;
pub mod document;
mod embedded;
#[cfg(target_arch = "wasm32")]
mod hits_js;
pub mod index;
#[cfg(all(target_arch = "wasm32", feature = "indexer"))]
mod indexer;
pub mod search;
pub mod split;
#[cfg(test)]
mod test_rng;

pub use document::Document;
pub use embedded::{embedded, embedded_len, load, with_index};
#[cfg(split_engine)]
pub use embedded::{missing, open_split, provide};
pub use index::Index;
pub use search::{DocView, Hit, SearchOptions, SearchResult};

#[cfg(target_arch = "wasm32")]
mod wasm {
    use js_sys::{Array, Number, RangeError, TypeError};
    use wasm_bindgen::prelude::*;

    use crate::index::parse_date;
    use crate::search::{Filter, Marks, SearchOptions, Sort, MAX_LIMIT};

    #[wasm_bindgen(start)]
    fn start() {
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
    }

    fn type_name(value: &JsValue) -> String {
        if value.is_null() {
            "null".into()
        } else if value.is_array() {
            "array".into()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        }
    }

    #[wasm_bindgen]
    extern "C" {
        /// The options object of `search`, and its `filter`, read by plain property reads: a
        /// `Reflect.get` with its key made into a JS string on every call cost 8–13 µs a search.
        /// A getter that throws is caught.
        type Options;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn limit(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn offset(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn filter(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn sort(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn facets(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn diacritics(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn tags(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn from(this: &Options) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(method, getter, structural, catch)]
        fn to(this: &Options) -> Result<JsValue, JsValue>;
    }

    fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
        value
            .as_string()
            .ok_or_else(|| type_error([what, " must be a string, got ", &type_name(value)].concat()))
    }

    /// Reads the optional whole-number option `name` (`value`) in `min..=max`.
    fn count_option(
        value: JsValue,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, JsValue> {
        if value.is_undefined() {
            return Ok(default);
        }
        let Some(n) = value.as_f64() else {
            let msg = ["search: options.", name, " must be a number, got ", &type_name(&value)].concat();
            return Err(type_error(msg));
        };
        if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
            // JS formats the number: Rust's float formatting would add ~15 KB of wasm.
            let got: String = Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default();
            let (min, max) = (crate::index::decimal(min as u32), crate::index::decimal(max as u32));
            let msg = [
                "search: options.",
                name,
                " must be a whole number from ",
                &min,
                " to ",
                &max,
                ", got ",
                &got,
            ];
            return Err(range_error(msg.concat()));
        }
        Ok(n as usize)
    }

    // Messages are joined with `concat`, not `format!`, so the wasm needs no `core::fmt` for them.
    fn type_error(msg: String) -> JsValue {
        TypeError::new(&msg).into()
    }

    fn range_error(msg: String) -> JsValue {
        RangeError::new(&msg).into()
    }

    /// Reads `options.filter.from` / `.to` (`value`): a `YYYY-MM-DD` string.
    fn date_option(value: JsValue, name: &str) -> Result<Option<u32>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        let Some(text) = value.as_string() else {
            let got = type_name(&value);
            let msg = ["search: options.filter.", name, " must be a YYYY-MM-DD string, got ", &got];
            return Err(type_error(msg.concat()));
        };
        parse_date(&text).map(Some).ok_or_else(|| {
            let msg = ["search: options.filter.", name, " must be a date as YYYY-MM-DD, got \"", &text, "\""];
            range_error(msg.concat())
        })
    }

    fn filter_option(filter: JsValue) -> Result<Filter, JsValue> {
        if filter.is_undefined() || filter.is_null() {
            return Ok(Filter::default());
        }
        if !filter.is_object() || filter.is_array() {
            return Err(type_error(
                ["search: options.filter must be an object, got ", &type_name(&filter)].concat(),
            ));
        }
        let filter: &Options = filter.unchecked_ref();
        let tags = filter.tags()?;
        let tags = if tags.is_undefined() || tags.is_null() {
            Vec::new()
        } else if tags.is_array() {
            let tags = Array::from(&tags);
            let mut out = Vec::with_capacity(tags.length() as usize);
            for tag in tags.iter() {
                let Some(tag) = tag.as_string() else {
                    let got = type_name(&tag);
                    return Err(type_error(
                        ["search: options.filter.tags must hold strings, got ", &got].concat(),
                    ));
                };
                out.push(tag);
            }
            out
        } else {
            let got = type_name(&tags);
            let msg = ["search: options.filter.tags must be an array of strings, got ", &got];
            return Err(type_error(msg.concat()));
        };
        Ok(Filter { tags, from: date_option(filter.from()?, "from")?, to: date_option(filter.to()?, "to")? })
    }

    /// Reads the optional string option `name` (`value`) that is one of `choices`: its index
    /// (0, the default, when it is not given). Not generic, so the wasm holds it once.
    fn choice_option(value: JsValue, name: &str, choices: &[&str]) -> Result<usize, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(0);
        }
        let Some(text) = value.as_string() else {
            let got = type_name(&value);
            return Err(type_error(["search: options.", name, " must be a string, got ", &got].concat()));
        };
        if let Some(i) = choices.iter().position(|c| *c == text) {
            return Ok(i);
        }
        let mut msg = ["search: options.", name, " must be one of "].concat();
        for (i, choice) in choices.iter().enumerate() {
            msg.push_str(if i == 0 { "\"" } else { ", \"" });
            msg.push_str(choice);
            msg.push('"');
        }
        msg.push_str(&[", got \"", &text, "\""].concat());
        Err(range_error(msg))
    }

    /// Reads `options.facets` (`value`): `["tags"]`, the one field facets are counted for.
    fn facets_option(value: JsValue) -> Result<bool, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(false);
        }
        if !value.is_array() {
            let got = type_name(&value);
            return Err(type_error(
                ["search: options.facets must be an array of field names, got ", &got].concat(),
            ));
        }
        let mut tags = false;
        for field in Array::from(&value).iter() {
            match field.as_string().as_deref() {
                Some("tags") => tags = true,
                Some(other) => {
                    let msg = ["search: options.facets can only hold \"tags\", got \"", other, "\""];
                    return Err(range_error(msg.concat()));
                }
                None => {
                    let got = type_name(&field);
                    return Err(type_error(
                        ["search: options.facets must hold strings, got ", &got].concat(),
                    ));
                }
            }
        }
        Ok(tags)
    }

    fn options_arg(options: &JsValue) -> Result<SearchOptions, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(SearchOptions::default());
        }
        if !options.is_object() || options.is_array() {
            return Err(type_error(
                ["search: options must be an object, got ", &type_name(options)].concat(),
            ));
        }
        let (default, o): (_, &Options) = (SearchOptions::default(), options.unchecked_ref());
        Ok(SearchOptions {
            limit: count_option(o.limit()?, "limit", default.limit, 1, MAX_LIMIT)?,
            offset: count_option(o.offset()?, "offset", default.offset, 0, u32::MAX as usize)?,
            filter: filter_option(o.filter()?)?,
            sort: [Sort::Relevance, Sort::Date, Sort::Order]
                [choice_option(o.sort()?, "sort", &["relevance", "date", "order"])?],
            facets: facets_option(o.facets()?)?,
            marks: [Marks::Prefer, Marks::Require, Marks::Ignore]
                [choice_option(o.diacritics()?, "diacritics", &["prefer", "require", "ignore"])?],
        })
    }

    fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
        // serde-wasm-bindgen's error already is a JS `Error`: thrown as it is, not reformatted.
        serde_wasm_bindgen::to_value(value).map_err(JsValue::from)
    }

    /// `search(query: string, options?: {limit?, offset?, filter?: {tags?, from?, to?}, sort?, facets?,
    /// diacritics?})`.
    #[wasm_bindgen]
    pub fn search(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let query = string_arg(&query, "search: query")?;
        let options = options_arg(&options)?;
        let result = crate::embedded::with_index(|index| index.search(&query, &options));
        let value = to_js(&result)?;
        crate::hits_js::set(&value, &result.hits);
        Ok(value)
    }

    /// `get(id: string, query?: string)`: the document, or `undefined` for an unknown id.
    #[wasm_bindgen]
    pub fn get(id: JsValue, query: JsValue) -> Result<JsValue, JsValue> {
        let id = string_arg(&id, "get: id")?;
        let query = if query.is_undefined() || query.is_null() {
            None
        } else {
            Some(string_arg(&query, "get: query")?)
        };
        match crate::embedded::with_index(|index| index.get(&id, query.as_deref())) {
            Some(doc) => Ok(crate::hits_js::doc(&doc)),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// `load(bytes: Uint8Array)`: makes `bytes` the index of an engine built without one (the
    /// npm package's, whose loader reads the index from the module's `fahras.index` section).
    #[cfg(not(feature = "embed"))]
    #[wasm_bindgen]
    pub fn load(bytes: JsValue) -> Result<(), JsValue> {
        let bytes = bytes_arg(&bytes, "load: bytes")?;
        crate::embedded::load(bytes).map_err(|m| js_sys::Error::new(&["load: ", &m].concat()).into())
    }

    #[cfg(any(not(feature = "embed"), split_engine))]
    fn bytes_arg(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
        match value.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => Ok(bytes.to_vec()),
            None => Err(type_error([what, " must be a Uint8Array, got ", &type_name(value)].concat())),
        }
    }

    /// `openSplit(core: Uint8Array)`: makes the split index with this core the engine's (see
    /// `split`). Then `search` and `get` answer from what is at hand, `missing()` names the chunk
    /// files they lacked, and `provide(name, bytes)` hands each one over.
    #[cfg(split_engine)]
    #[wasm_bindgen(js_name = openSplit)]
    pub fn open_split(core: JsValue) -> Result<(), JsValue> {
        let core = bytes_arg(&core, "openSplit: core")?;
        crate::embedded::open_split(&core)
            .map_err(|m| js_sys::Error::new(&["openSplit: ", &m].concat()).into())
    }

    /// `missing(): string[]`: the chunk files the searches since the last call lacked.
    #[cfg(split_engine)]
    #[wasm_bindgen]
    pub fn missing() -> Vec<String> {
        crate::embedded::missing()
    }

    /// `provide(name: string, bytes: Uint8Array)`: the bytes of the split index's chunk file
    /// `name`; throws if they are not that file's.
    #[cfg(split_engine)]
    #[wasm_bindgen]
    pub fn provide(name: JsValue, bytes: JsValue) -> Result<(), JsValue> {
        let (name, bytes) = (string_arg(&name, "provide: name")?, bytes_arg(&bytes, "provide: bytes")?);
        crate::embedded::provide(&name, &bytes)
            .map_err(|m| js_sys::Error::new(&["provide: ", &m].concat()).into())
    }
}
