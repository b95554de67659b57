//! Corpus loading end to end: the fixture corpora under `tests/fixtures/` (one folder per format,
//! one per error), the seeds' site chrome, and what the index built from them returns.

use std::path::{Path, PathBuf};

use fahras::corpus::{self, CorpusError, Loaded};
use fahras::{index, Document, Index, SearchOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures").join(name)
}

fn load(name: &str) -> Loaded {
    corpus::load_with_warnings(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn doc<'a>(loaded: &'a Loaded, id: &str) -> &'a Document {
    loaded.documents.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no document {id}"))
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded.documents.iter().map(|d| d.id.as_str()).collect()
}

/// The message of the error loading the fixture `name`.
fn error(name: &str) -> String {
    match corpus::load_with_warnings(&fixture(name)) {
        Ok(_) => panic!("{name} loaded"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn txt_files_recursively_with_warnings_for_the_rest() {
    let loaded = load("txt");
    assert_eq!(ids(&loaded), ["a", "sub/b"]);
    let a = doc(&loaded, "a");
    assert_eq!(a.title, "مهرجان الكتاب في الرباط");
    assert_eq!(a.text, std::fs::read_to_string(fixture("txt/a.txt")).unwrap());
    assert_eq!((&a.url, &a.date, a.tags.len()), (&None, &None, 0));
    assert_eq!(doc(&loaded, "sub/b").title, "شهدت مدينة فاس هذا الأسبوع أمطارا غزيرة أدت إلى انقطاع الطرق…");
    // Hidden files (.DS_Store) are skipped silently.
    assert_eq!(
        loaded.warnings,
        [
            "tests/fixtures/txt/README: skipped (no extension; expected .txt, .md, .html, .htm or .jsonl)",
            "tests/fixtures/txt/empty.txt: skipped (empty document)",
            "tests/fixtures/txt/notes.pdf: skipped (unsupported extension `.pdf`; \
             expected .txt, .md, .html, .htm or .jsonl)",
        ]
    );
}

#[test]
fn a_single_file_is_a_corpus() {
    let loaded = load("txt/sub/b.txt");
    assert_eq!(ids(&loaded), ["b"]);
    assert!(loaded.warnings.is_empty());
    assert_eq!(ids(&load("jsonl/docs.jsonl")), ["news/1", "news/2", "news/4"]);
}

#[test]
fn markdown_with_and_without_front_matter() {
    let loaded = load("markdown");
    assert_eq!(ids(&loaded), ["block-tags", "front", "heading", "plain"]);
    assert_eq!(loaded.warnings, ["tests/fixtures/markdown/draft.md: skipped (empty document)"]);

    let front = doc(&loaded, "front");
    assert_eq!(front.title, "الأمن المغربي: تعاون دولي");
    assert_eq!(front.date.as_deref(), Some("2023-12-06"));
    assert_eq!(front.url.as_deref(), Some("https://example.org/amn"));
    assert_eq!(front.tags, ["أمن", "تعاون دولي"]);
    assert_eq!(
        front.text,
        "عنوان داخل النص\n\nشارك المدير العام في اجتماع دولي عقد في موسكو.\n\nالمحاور\n\n\
         مكافحة الإرهاب\nالجريمة المنظمة\nتهريب المخدرات\n\n«التعاون الأمني ضرورة» قال المتحدث.\n\n\
         code_stays_as_text()\n\nانظر و inline_code."
    );

    let heading = doc(&loaded, "heading");
    assert_eq!(heading.title, "مطبخ مغربي: الطاجين");
    assert_eq!(
        heading.text,
        "مقدمة قصيرة قبل العنوان.\n\nمطبخ مغربي: الطاجين\n\nالطاجين طبق تقليدي يطهى على نار هادئة."
    );
    let plain = doc(&loaded, "plain");
    assert_eq!(plain.title, "تعرف المدن الساحلية إقبالا كبيرا من المصطافين خلال شهر غشت");
    assert_eq!(plain.text, "تعرف المدن الساحلية إقبالا كبيرا من المصطافين خلال شهر غشت، وخاصة طنجة وأكادير.");

    let block = doc(&loaded, "block-tags");
    assert_eq!((block.title.as_str(), block.date.as_deref()), ("الرياضة المدرسية", Some("2024-02-29")));
    assert_eq!(block.tags, ["رياضة", "تعليم"]);
    assert_eq!(block.url, None);
}

#[test]
fn html_pages_main_article_or_body() {
    let loaded = load("html");
    assert_eq!(ids(&loaded), ["body", "news/article", "page"]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);

    let page = doc(&loaded, "page");
    assert_eq!(page.title, "مهرجان الموسيقى الأندلسية");
    assert_eq!(
        page.text,
        "مهرجان الموسيقى الأندلسية\n\nتحتضن مدينة فاس مهرجان الموسيقى الأندلسية بمشاركة فرق من المغرب والجزائر وتونس.\n\n\
         ويقام الحفل الختامي في ساحة بوجلود."
    );
    assert_eq!(page.url.as_deref(), Some("https://example.org/andalus"));
    assert_eq!(page.date.as_deref(), Some("2023-05-14"));
    assert_eq!(page.tags, ["موسيقى", "تراث", "فاس"]);

    let article = doc(&loaded, "news/article");
    assert_eq!(article.title, "افتتاح خط القطار الجديد");
    assert_eq!(
        article.text,
        "افتتح خط القطار الجديد بين مراكش وأكادير.\n\nالمدة: ثلاث ساعات\nالرحلات: ست يوميا"
    );
    assert_eq!(article.date.as_deref(), Some("2024-01-15"));
    assert_eq!(article.url, None);

    let body = doc(&loaded, "body");
    assert_eq!(body.title, "أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون في جهة فاس مكناس");
    assert_eq!(
        body.text,
        "أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون في جهة فاس مكناس.\n\nويتوقع إنتاج وفير هذا العام."
    );
}

#[test]
fn jsonl_lines_are_documents_with_their_own_ids() {
    let loaded = load("jsonl");
    assert_eq!(ids(&loaded), ["news/1", "news/2", "news/4"]);
    assert_eq!(loaded.warnings, ["tests/fixtures/jsonl/docs.jsonl:4: skipped (empty document)"]);
    let first = doc(&loaded, "news/1");
    assert_eq!(first.title, "الأرصاد تتوقع أمطارا");
    assert_eq!(first.text, "تتوقع مديرية الأرصاد الجوية أمطارا رعدية يوم الجمعة.");
    assert_eq!(first.url.as_deref(), Some("https://example.org/news/1"));
    assert_eq!(first.date.as_deref(), Some("2024-03-01"));
    assert_eq!(first.tags, ["طقس", "أمطار"]);
    // An empty title is derived from the text.
    assert_eq!(doc(&loaded, "news/2").title, "قال المدرب إن الفريق مستعد لمباراة الأحد أمام الوداد");
    // JSON Lines text is taken as given: no chrome removal.
    assert_eq!(doc(&loaded, "news/4").text, "نص كما هو\n\nزر الذهاب إلى الأعلى");
}

#[test]
fn site_chrome_goes_and_the_articles_stay() {
    let loaded = load("site");
    let text = |id: &str| doc(&loaded, id).text.clone();
    assert_eq!(
        text("one"),
        "ارتفاع أسعار الخضر في الأسواق\n\nعرفت أسعار الخضر ارتفاعا ملحوظا في أسواق الدار البيضاء هذا الأسبوع.\n\n\
         وأضاف المصدر ذاته\n\nأن الطماطم والبصل كانا الأكثر ارتفاعا.\n"
    );
    assert_eq!(
        text("two"),
        "افتتاح مكتبة عمومية في الحي الجديد\n\nافتتحت الجماعة مكتبة عمومية تضم عشرة آلاف كتاب.\n\n\
         المكتبة الجديدة\n\nوأضاف المصدر ذاته\n\nأن المكتبة ستفتح أبوابها طيلة أيام الأسبوع.\n"
    );
    assert_eq!(
        text("three"),
        "Marathon de Marrakech : record battu\n\n\
         Le marathon international de Marrakech a réuni dix mille coureurs dimanche.\n"
    );
    assert_eq!(
        text("four"),
        "Une nouvelle ligne de tramway à Rabat\n\n\
         La nouvelle ligne reliera le centre-ville à l'université en vingt minutes.\n\n\
         وأضاف المصدر ذاته\n\nLes travaux commenceront en septembre.\n"
    );
    // The title comes from the cleaned text: the site's name is gone from the top.
    assert_eq!(doc(&loaded, "one").title, "ارتفاع أسعار الخضر في الأسواق");
    // The files themselves are untouched.
    let original = std::fs::read_to_string(fixture("site/one.txt")).unwrap();
    assert!(original.starts_with("موقع المثال للأخبار\n") && original.contains("اترك تعليقاً"));
}

#[test]
fn the_seeds_lose_only_the_chrome_of_003() {
    let loaded = corpus::load_with_warnings(Path::new("seeds")).unwrap();
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.documents.len(), 5);
    for d in &loaded.documents {
        let original = std::fs::read_to_string(Path::new("seeds").join(format!("{}.txt", d.id))).unwrap();
        if !d.id.starts_with("003_") {
            assert_eq!(d.text, original, "{}", d.id);
            continue;
        }
        let last_paragraph =
            "ما يجعل العديد من الدول تتهافت من أجل عقد لقاءات وشراكات متينة وقوية مع المغرب في هذا المجال.";
        let end = original.find(last_paragraph).unwrap() + last_paragraph.len();
        let expected = original[..end]
            .replace("حموشي وبومبيو\nحموشي وبومبيو\n", "حموشي وبومبيو\n")
            .replace("حموشي والريسي\nحموشي والريسي\n", "حموشي والريسي\n");
        assert_eq!(d.text, expected);
        for chrome in ["مقالات ذات صلة", "اترك تعليقاً", "لن يتم نشر", "زر الذهاب إلى الأعلى", "\u{a0}"]
        {
            assert!(!d.text.contains(chrome), "{chrome}");
        }
        assert_eq!(d.title, original.lines().next().unwrap());
    }
}

#[test]
fn every_format_in_one_index() {
    let loaded = load("mixed");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(ids(&loaded), ["feed/market", "museum", "qasida", "recipe"]);
    let bytes = index::write(&loaded.documents);
    let index = Index::open(&bytes).unwrap();
    let options = SearchOptions::default();
    for (query, id, title) in [
        ("الصيادين", "qasida", "قصيدة البحر"),
        ("الكسكس", "recipe", "وصفة الكسكس"),
        ("لوحات تشكيلية", "museum", "متحف الفن الحديث"),
        ("سوق السمك", "feed/market", "سوق السمك"),
    ] {
        let result = index.search(query, &options);
        assert_eq!(result.hits.len(), 1, "{query}");
        assert_eq!((result.hits[0].id.as_str(), result.hits[0].title.as_str()), (id, title), "{query}");
    }
    // Markdown emphasis and HTML tags are not part of the text; chrome words are not indexed.
    assert_eq!(index.get("recipe", None).unwrap().text, "يحضر الكسكس يوم الجمعة مع الخضر السبع.");
    assert!(index.search("فيسبوك", &options).hits.is_empty());

    let museum = index.get("museum", None).unwrap();
    assert_eq!(museum.text, "يعرض متحف الفن الحديث لوحات تشكيلية نادرة.");
    assert_eq!((museum.url.as_deref(), museum.date.as_deref()), (Some("/museum"), Some("2021-11-20")));
    assert_eq!(museum.tags, ["فن", "متاحف"]);
    let recipe = index.get("recipe", None).unwrap();
    assert_eq!(
        (recipe.date.as_deref(), recipe.tags.clone()),
        (Some("2022-07-01"), vec!["مطبخ".into(), "تقاليد".into()])
    );
    let market = index.get("feed/market", None).unwrap();
    assert_eq!(market.url.as_deref(), Some("https://example.org/market"));
    assert_eq!(market.text, "يفتح سوق السمك في الميناء عند الفجر.\n\nزر الذهاب إلى الأعلى");
    let qasida = index.get("qasida", None).unwrap();
    assert_eq!((qasida.url, qasida.date, qasida.tags.len()), (None, None, 0));
}

#[test]
fn each_error_names_its_file_and_reason() {
    let cases = [
        ("error-utf8", "tests/fixtures/error-utf8/bad.txt: invalid UTF-8 at byte 14"),
        (
            "error-front-matter-unclosed",
            "tests/fixtures/error-front-matter-unclosed/post.md:1: malformed front matter: no closing `---` line",
        ),
        (
            "error-front-matter-line",
            "tests/fixtures/error-front-matter-line/post.md:4: malformed front matter: \
             expected `key: value`, found `هذا سطر بلا مفتاح`",
        ),
        (
            "error-date-md",
            "tests/fixtures/error-date-md/post.md:3: malformed date `2023-02-30` (expected YYYY-MM-DD)",
        ),
        (
            "error-date-html",
            "tests/fixtures/error-date-html/page.html:3: malformed date `14/05/2023` (expected YYYY-MM-DD)",
        ),
        (
            "error-date-jsonl",
            "tests/fixtures/error-date-jsonl/docs.jsonl:2: malformed date `2023-5-14` (expected YYYY-MM-DD)",
        ),
        (
            "error-json",
            "tests/fixtures/error-json/docs.jsonl:2: malformed JSON: trailing comma at column 42",
        ),
        ("error-json-missing", "tests/fixtures/error-json-missing/docs.jsonl:3: missing required field `title`"),
        (
            "error-json-field",
            "tests/fixtures/error-json-field/docs.jsonl:1: field `tags` must be an array of strings",
        ),
        (
            "error-refs-jsonl",
            "tests/fixtures/error-refs-jsonl/docs.jsonl:2: ref `سورة آية` has no name or number to look up",
        ),
        ("error-refs-md", "tests/fixtures/error-refs-md/post.md:3: ref `،` has no name or number to look up"),
        (
            "error-order-md",
            "tests/fixtures/error-order-md/post.md:3: malformed front matter: `order` must be an integer, found `الأول`",
        ),
        ("error-order-jsonl", "tests/fixtures/error-order-jsonl/docs.jsonl:3: field `order` must be an integer"),
        (
            "error-duplicate",
            "duplicate document id `b`: tests/fixtures/error-duplicate/a.jsonl:3 and tests/fixtures/error-duplicate/b.txt",
        ),
        (
            "error-duplicate-jsonl",
            "duplicate document id `same`: tests/fixtures/error-duplicate-jsonl/docs.jsonl:1 and \
             tests/fixtures/error-duplicate-jsonl/docs.jsonl:2",
        ),
        (
            "error-empty",
            "tests/fixtures/error-empty: no documents (expected .txt, .md, .html, .htm or .jsonl files with text)",
        ),
    ];
    for (name, message) in cases {
        assert_eq!(error(name), message);
    }
    assert!(matches!(
        corpus::load(&fixture("error-duplicate")),
        Err(CorpusError::DuplicateId { ref id, .. }) if id == "b"
    ));
    assert_eq!(
        error("no-such-folder"),
        "tests/fixtures/no-such-folder: No such file or directory (os error 2)"
    );
}

#[test]
fn refs_and_order_give_the_collection_order_and_reference_queries() {
    let loaded = load("refs");
    // `order` first (note 0, then the verses 1–3 whatever their lines), then the rest in path order.
    assert_eq!(ids(&loaded), ["note", "112-001", "112-002", "112-003", "hadith"]);
    assert_eq!(doc(&loaded, "112-001").refs, ["112:1", "الإخلاص 1"]);
    assert_eq!(doc(&loaded, "note").refs, ["الإخلاص"]);
    let bytes = index::write(&loaded.documents);
    let index = Index::open(&bytes).unwrap();
    let hits = |q: &str| -> Vec<String> {
        index.search(q, &SearchOptions::default()).hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(hits("١١٢:٢")[0], "112-002");
    assert_eq!(hits("سورة الإخلاص آية 3")[0], "112-003");
    // The surah in collection order, then what the words find besides (the hadith names no surah).
    assert_eq!(hits("سورة الإخلاص")[..4], ["note", "112-001", "112-002", "112-003"]);
    assert_eq!(index.search("سورة الإخلاص", &SearchOptions::default()).total, 4);
    assert_eq!(index.find("hadith"), Some(4));
}

#[test]
fn a_corpus_too_large_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("fahras-too-large-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "نص").unwrap();
    // Sparse: nothing is written, and the loader reads sizes before contents.
    let big = std::fs::File::create(dir.join("big.txt")).unwrap();
    big.set_len(corpus::MAX_CORPUS_BYTES).unwrap();
    let err = corpus::load(&dir).unwrap_err();
    assert!(matches!(err, CorpusError::TooLarge { bytes, .. } if bytes == corpus::MAX_CORPUS_BYTES + 4));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: corpus is 64.0 MiB, over the 64 MiB that can sensibly be embedded in a page; a split \
             index holds up to 200 MiB (FAHRAS_SPLIT=1, or fahras build --split)",
            dir.display()
        )
    );
    // A split index has a limit of its own, also checked before anything is read.
    let err = corpus::load_up_to(&dir, corpus::MAX_CORPUS_BYTES / 2).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: corpus is 64.0 MiB, over the 32 MiB a split index holds", dir.display())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Lists what chrome removal takes out of a folder of `.txt` files:
/// `FAHRAS_CORPUS=path cargo test --test corpus -- --ignored --nocapture chrome_report`.
#[test]
#[ignore = "a tool: reports on the corpus in FAHRAS_CORPUS"]
fn chrome_report() {
    let root = PathBuf::from(std::env::var("FAHRAS_CORPUS").expect("FAHRAS_CORPUS"));
    let loaded = corpus::load_with_warnings(&root).unwrap();
    let mut changed = 0;
    for d in &loaded.documents {
        let Ok(original) = std::fs::read_to_string(root.join(format!("{}.txt", d.id))) else { continue };
        if original != d.text {
            changed += 1;
            let kept: Vec<&str> = d.text.lines().collect();
            for line in original.lines().filter(|l| !l.trim().is_empty() && !kept.contains(l)) {
                println!("{}: - {line}", d.id);
            }
        }
    }
    println!("{changed} of {} documents changed", loaded.documents.len());
}
