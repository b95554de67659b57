//! Search quality on the seed articles, natively: runs the judged set `tests/quality/seeds.json`
//! through `fahras::embedded()` (the seeds are the default corpus) and applies the same figures and
//! thresholds as `tests/quality/seeds.test.mjs` (see `tests/quality/README.md`):
//! recall@10 >= 0.98, P@5 >= 0.90, no `must_not` document in the top 10.
//! The JSON is read with a small hand-written parser, so the crate needs no JSON dependency.

use std::collections::BTreeMap;

use fahras::SearchOptions;

/// A JSON value: just enough for the judged-set files.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    fn strings(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some(Json::Arr(items)) => {
                items.iter().map(|v| v.as_str().expect("array of strings").to_string()).collect()
            }
            _ => Vec::new(),
        }
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl Parser<'_> {
    fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser { chars: text.chars().peekable() };
        let v = p.value()?;
        p.ws();
        match p.chars.next() {
            None => Ok(v),
            Some(c) => Err(format!("trailing character {c:?}")),
        }
    }

    fn ws(&mut self) {
        while matches!(self.chars.peek(), Some(' ' | '\n' | '\r' | '\t')) {
            self.chars.next();
        }
    }

    fn expect(&mut self, want: char) -> Result<(), String> {
        match self.chars.next() {
            Some(c) if c == want => Ok(()),
            other => Err(format!("expected {want:?}, got {other:?}")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        for want in word.chars() {
            self.expect(want)?;
        }
        Ok(value)
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.chars.peek().copied() {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some('"') => self.string().map(Json::Str),
            Some('t') => self.literal("true", Json::Bool(true)),
            Some('f') => self.literal("false", Json::Bool(false)),
            Some('n') => self.literal("null", Json::Null),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            other => Err(format!("unexpected {other:?}")),
        }
    }

    fn object(&mut self) -> Result<Json, String> {
        self.expect('{')?;
        let mut fields = Vec::new();
        self.ws();
        if self.chars.peek() == Some(&'}') {
            self.chars.next();
            return Ok(Json::Obj(fields));
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.ws();
            self.expect(':')?;
            fields.push((key, self.value()?));
            self.ws();
            match self.chars.next() {
                Some(',') => continue,
                Some('}') => return Ok(Json::Obj(fields)),
                other => return Err(format!("expected , or }} in object, got {other:?}")),
            }
        }
    }

    fn array(&mut self) -> Result<Json, String> {
        self.expect('[')?;
        let mut items = Vec::new();
        self.ws();
        if self.chars.peek() == Some(&']') {
            self.chars.next();
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            match self.chars.next() {
                Some(',') => continue,
                Some(']') => return Ok(Json::Arr(items)),
                other => return Err(format!("expected , or ] in array, got {other:?}")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut n = 0;
        for _ in 0..4 {
            let c = self.chars.next().ok_or("end of input in \\u escape")?;
            n = n * 16 + c.to_digit(16).ok_or(format!("bad hex digit {c:?}"))?;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect('"')?;
        let mut s = String::new();
        loop {
            match self.chars.next().ok_or("end of input in string")? {
                '"' => return Ok(s),
                '\\' => match self.chars.next().ok_or("end of input in escape")? {
                    '"' => s.push('"'),
                    '\\' => s.push('\\'),
                    '/' => s.push('/'),
                    'b' => s.push('\u{8}'),
                    'f' => s.push('\u{c}'),
                    'n' => s.push('\n'),
                    'r' => s.push('\r'),
                    't' => s.push('\t'),
                    'u' => {
                        let hi = self.hex4()?;
                        let code = if (0xD800..0xDC00).contains(&hi) {
                            self.expect('\\')?;
                            self.expect('u')?;
                            let lo = self.hex4()?;
                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                        } else {
                            hi
                        };
                        s.push(char::from_u32(code).ok_or(format!("bad code point {code:x}"))?);
                    }
                    c => return Err(format!("bad escape \\{c}")),
                },
                c => s.push(c),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let mut t = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E') {
                t.push(c);
                self.chars.next();
            } else {
                break;
            }
        }
        t.parse().map(Json::Num).map_err(|e| format!("bad number {t:?}: {e}"))
    }
}

#[test]
fn json_parser_reads_the_judged_format() {
    let v = Parser::parse(r#"[{"q": "a\u200cb \"x\" \ud83d\ude00", "must": ["1", "2"], "must_not": [], "n": -1.5e1, "ok": true, "z": null}]"#)
        .unwrap();
    let Json::Arr(items) = v else { panic!("not an array") };
    assert_eq!(items[0].get("q").and_then(Json::as_str), Some("a\u{200c}b \"x\" 😀"));
    assert_eq!(items[0].strings("must"), ["1", "2"]);
    assert!(items[0].strings("must_not").is_empty());
    assert_eq!(items[0].get("n"), Some(&Json::Num(-15.0)));
    assert_eq!(items[0].get("ok"), Some(&Json::Bool(true)));
    assert!(Parser::parse("[1,]").is_err());
}

#[derive(Default)]
struct Sums {
    queries: usize,
    judged: usize,
    recall: f64,
    p5: f64,
    rr: f64,
    violations: usize,
    failed: usize,
}

#[test]
fn seeds_judged_set_meets_the_thresholds() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/quality/seeds.json");
    let text = std::fs::read_to_string(path).expect("reading seeds.json");
    let Json::Arr(entries) = Parser::parse(&text).expect("parsing seeds.json") else {
        panic!("seeds.json is not an array")
    };
    assert!(entries.len() >= 70, "only {} judged queries", entries.len());

    let index = fahras::embedded();
    let mut by_case: BTreeMap<String, Sums> = BTreeMap::new();
    let mut overall = Sums::default();
    let mut failures = Vec::new();
    for e in &entries {
        let q = e.get("q").and_then(Json::as_str).expect("q");
        let case = e.get("case").and_then(Json::as_str).unwrap_or("uncategorised");
        let must = e.strings("must");
        let must_not = e.strings("must_not");
        let res = index.search(q, &SearchOptions { limit: 10, ..Default::default() });
        let mut top10: Vec<&str> = Vec::new();
        for h in res.hits.iter().take(10) {
            if !top10.contains(&h.id.as_str()) {
                top10.push(&h.id);
            }
        }
        let top5 = &top10[..top10.len().min(5)];
        let violations: Vec<&str> =
            must_not.iter().map(String::as_str).filter(|id| top10.contains(id)).collect();
        let mut failed = !violations.is_empty();
        let mut figures = None;
        if !must.is_empty() {
            let hit = |ids: &[&str]| ids.iter().filter(|id| must.iter().any(|m| m == *id)).count();
            let recall = hit(&top10) as f64 / must.len().min(10) as f64;
            let p5 = hit(top5) as f64 / must.len().min(5) as f64;
            let rr = top10
                .iter()
                .position(|id| must.iter().any(|m| m == id))
                .map_or(0.0, |i| 1.0 / (i + 1) as f64);
            failed |= recall < 1.0 || p5 < 1.0;
            figures = Some((recall, p5, rr));
        }
        for sums in [by_case.entry(case.to_string()).or_default(), &mut overall] {
            sums.queries += 1;
            sums.violations += violations.len();
            sums.failed += usize::from(failed);
            if let Some((recall, p5, rr)) = figures {
                sums.judged += 1;
                sums.recall += recall;
                sums.p5 += p5;
                sums.rr += rr;
            }
        }
        if failed {
            let short = |id: &str| id.split('_').next().unwrap_or(id).to_string();
            let got: Vec<String> =
                res.hits.iter().map(|h| format!("{}({:.2})", short(&h.id), h.score)).collect();
            failures.push(format!(
                "  [{case}] {q:?} must={:?} must_not={:?} got{}: {}",
                must.iter().map(|s| short(s)).collect::<Vec<_>>(),
                must_not.iter().map(|s| short(s)).collect::<Vec<_>>(),
                if res.relaxed { " (relaxed)" } else { "" },
                got.join(" ")
            ));
        }
    }

    let mean = |sum: f64, n: usize| if n == 0 { f64::NAN } else { sum / n as f64 };
    let row = |name: &str, s: &Sums| {
        format!(
            "{name:<20} {:>4} {:>9.3} {:>6.3} {:>6.3} {:>8} {:>6}",
            s.queries,
            mean(s.recall, s.judged),
            mean(s.p5, s.judged),
            mean(s.rr, s.judged),
            s.violations,
            s.failed
        )
    };
    println!("\nseeds.json (native, fahras::embedded()) — {} queries", entries.len());
    println!(
        "{:<20} {:>4} {:>9} {:>6} {:>6} {:>8} {:>6}",
        "case", "n", "recall@10", "P@5", "MRR", "must_not", "failed"
    );
    for (case, sums) in &by_case {
        println!("{}", row(case, sums));
    }
    println!("{}", row("OVERALL", &overall));
    if !failures.is_empty() {
        println!("failing queries ({}):\n{}", failures.len(), failures.join("\n"));
    }

    let recall = mean(overall.recall, overall.judged);
    let p5 = mean(overall.p5, overall.judged);
    assert!(
        recall >= 0.98 && p5 >= 0.90 && overall.violations == 0,
        "quality thresholds not met: recall@10 {recall:.3} (>= 0.98), P@5 {p5:.3} (>= 0.90), \
         {} must_not violations (0)",
        overall.violations
    );
}
