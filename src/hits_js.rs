//! A page of hits handed to JS as one UTF-16 string and one array of numbers, made into objects
//! by a few lines of JS. serde-wasm-bindgen crosses into JS once per string, field, highlight and
//! array (about 300 times for ten hits) and has each string decoded from UTF-8: Node's decoder
//! takes 11 µs for 2.7 KB of Arabic, its UTF-16 one 1.2 µs. The rest of a result (a few fields,
//! and `get`'s one document) stays with serde.
//!
//! The objects are those serde would make of [`Hit`]: `id, title, score, snippet, highlights,
//! title_highlights`, then `url`, `date` and `tags` where a hit has them.

use wasm_bindgen::prelude::*;

use crate::search::Hit;

// `n` per hit: the UTF-16 lengths of id and title, the score, the snippet's length, the
// highlights (a count, then start and end of each) and the title's, the url's and date's
// lengths (-1: none), the number of tags and their lengths. `s` holds the strings in that order.
#[wasm_bindgen(inline_js = "const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
export function fahrasHits(r, units, n) {
  const s = utf16.decode(units);
  let at = 0, i = 0;
  const str = () => s.slice(at, (at += n[i++]));
  const ranges = () => { const out = []; for (let k = n[i++]; k > 0; k--) out.push([n[i++], n[i++]]); return out; };
  const hits = [];
  while (i < n.length) {
    const h = { id: str(), title: str(), score: n[i++], snippet: str(), highlights: ranges(), title_highlights: ranges() };
    if (n[i] >= 0) h.url = str(); else i++;
    if (n[i] >= 0) h.date = str(); else i++;
    const tags = [];
    for (let k = n[i++]; k > 0; k--) tags.push(str());
    if (tags.length) h.tags = tags;
    hits.push(h);
  }
  r.hits = hits;
}")]
extern "C" {
    #[wasm_bindgen(js_name = fahrasHits)]
    fn set_hits(result: &JsValue, strings: &[u16], numbers: &[f64]);
}

/// Sets `result.hits` to `hits`.
pub fn set(result: &JsValue, hits: &[Hit]) {
    let (mut s, mut n): (Vec<u16>, Vec<f64>) = (Vec::new(), Vec::new());
    let mut text = |t: &str, n: &mut Vec<f64>| {
        let before = s.len();
        // Room for the most units it can take (one a byte), or `extend` grows by its hint, a
        // quarter of that.
        s.reserve(t.len());
        s.extend(t.encode_utf16());
        n.push((s.len() - before) as f64);
    };
    for hit in hits {
        text(&hit.id, &mut n);
        text(&hit.title, &mut n);
        n.push(hit.score as f64);
        text(&hit.snippet, &mut n);
        for ranges in [&hit.highlights, &hit.title_highlights] {
            n.push(ranges.len() as f64);
            n.extend(ranges.iter().flat_map(|&(a, b)| [a as f64, b as f64]));
        }
        for field in [&hit.url, &hit.date] {
            match field {
                Some(t) => text(t, &mut n),
                None => n.push(-1.0),
            }
        }
        n.push(hit.tags.len() as f64);
        for tag in &hit.tags {
            text(tag, &mut n);
        }
    }
    set_hits(result, &s, &n);
}
