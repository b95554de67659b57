// <fahras-search>: accessible as-you-type Arabic search over the fahras wasm engine (see EMBED.md).
// Rule: corpus and query text reach the DOM only as Text nodes, never through innerHTML & co.
const BASE = import.meta.url;
const PLURAL = new Intl.PluralRules('ar');

// Arabic number agreement: zero/one/two/few (3–10) have their own forms.
const count = (n) =>
  ({ zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: `${n} نتائج` })[PLURAL.select(n)] ||
  `${n} نتيجة`;

// Element factory; strings become Text nodes, attribute values are never parsed as HTML.
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const k in attrs) if (attrs[k] != null) el.setAttribute(k, attrs[k]);
  el.append(...kids.filter((k) => k != null));
  return el;
}

// text with UTF-16 [start, end) ranges as <mark>: sorted, clipped, overlaps merged; no text lost.
function fill(el, text, ranges = []) {
  el.replaceChildren();
  let at = 0, mark = null;
  for (const [s0, e0] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(s0, 0), e = Math.min(e0, text.length);
    if (e <= s || e <= at) continue;
    if (mark && s <= at) mark.append(text.slice(at, e));
    else {
      if (s > at) el.append(text.slice(at, s));
      el.append((mark = h('mark', null, text.slice(s, e))));
    }
    at = e;
  }
  if (at < text.length) el.append(text.slice(at));
  return el;
}

// Only http(s) links from the corpus become hrefs (a "javascript:" url must not).
function safeUrl(u) {
  if (!u) return null;
  try {
    const url = new URL(u, location.href);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// Wrap the first n chars (the title line) in a headline span; el.textContent is unchanged.
function lead(el, n) {
  const span = h('span', { class: 'lead' });
  while (n > 0 && el.firstChild) {
    const node = el.firstChild, len = node.textContent.length;
    if (len > n) {
      if (node.nodeType !== Node.TEXT_NODE) break;
      node.splitText(n);
    }
    span.append(node);
    n -= Math.min(len, n);
  }
  el.prepend(span);
}

const quoted = (q) => ['«', h('bdi', null, q), '»'];

// f(v), now for an embedded engine's value, once resolved for a split index's promise.
const then = (v, f) => (typeof v?.then === 'function' ? v.then(f) : f(v));

class FahrasSearch extends HTMLElement {
  static observedAttributes = ['placeholder'];
  #eng; #hits = []; #active = -1; #q = null; #docId = null;
  #pending = null; // a split index's search still fetching: aborted when superseded
  #want = null; // the document a split index's get() is fetching
  #for = ''; // the query the results are for: get() marks its words
  #tags = new Set(); // selected chips: documents with any of these tags
  #ui = {};
  #onPop = () => this.#fromUrl(true);

  get limit() {
    const n = parseInt(this.getAttribute('limit'), 10);
    return n >= 1 ? Math.min(n, 100) : 10;
  }

  attributeChangedCallback() {
    const { input } = this.#ui;
    if (input) input.placeholder = this.getAttribute('placeholder') || '';
  }

  connectedCallback() {
    addEventListener('popstate', this.#onPop);
    if (this.#ui.input) return;
    const u = this.#ui;
    const root = this.attachShadow({ mode: 'open' });
    const wrap = h('div', { class: 'fs', lang: 'ar', dir: 'rtl', hidden: '', 'aria-busy': 'true' });
    const css = h('link', { rel: 'stylesheet', href: new URL('fahras-search.css', BASE).href });
    css.onload = css.onerror = () => wrap.removeAttribute('hidden');
    u.wrap = wrap;
    u.input = h('input', {
      type: 'search', role: 'combobox', 'aria-label': 'بحث', 'aria-autocomplete': 'list',
      'aria-expanded': 'false', 'aria-controls': 'lb', autocomplete: 'off', spellcheck: 'false',
      enterkeyhint: 'search',
    });
    u.status = h('p', { class: 'st', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    u.alert = h('div', { class: 'err', role: 'alert' });
    u.note = h('div', { class: 'note' });
    u.lb = h('ul', { id: 'lb', role: 'listbox', 'aria-label': 'نتائج البحث', hidden: '' });
    u.none = h('div', { class: 'none', hidden: '' });
    u.chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'تصفية حسب الموضوع', hidden: '' });
    u.list = h('section', { 'aria-label': 'النتائج' }, u.note, u.chips, u.lb, u.none);
    u.back = h('button', { type: 'button', class: 'back' }, 'العودة إلى النتائج');
    u.title = h('h2', { id: 'dt', tabindex: '-1', dir: 'auto' });
    u.src = h('p', { class: 'src', hidden: '' });
    u.text = h('div', { class: 'text', dir: 'auto' });
    u.doc = h('article', { 'aria-labelledby': 'dt', hidden: '' }, u.back, u.title, u.src, u.text);
    wrap.append(u.input, u.status, u.alert, u.list, u.doc);
    root.append(css, wrap);
    this.attributeChangedCallback();

    u.input.addEventListener('input', () => this.#typed());
    u.input.addEventListener('keydown', (e) => this.#key(e));
    u.lb.addEventListener('click', (e) => {
      const o = e.target.closest('[role=option]');
      if (o) this.#open(o.dataset.id);
    });
    // DOM focus stays in the box (aria-activedescendant pattern).
    u.lb.addEventListener('mousedown', (e) => e.preventDefault());
    u.chips.addEventListener('click', (e) => {
      const t = e.target.closest('button')?.dataset.tag;
      if (t == null) return;
      this.#tags.delete(t) || this.#tags.add(t);
      this.#q = null; // same text, other filter
      this.#run(u.input.value);
    });
    u.back.addEventListener('click', () => this.#back());
    u.doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') (e.preventDefault(), this.#back());
    });

    u.input.value = new URLSearchParams(location.search).get('q') || '';
    this.#load();
  }

  disconnectedCallback() {
    removeEventListener('popstate', this.#onPop);
  }

  async #load() {
    const { wrap, status, input } = this.#ui;
    status.textContent = 'جارٍ تحميل محرك البحث…';
    try {
      const mod = await import(new URL(this.getAttribute('src') || './pkg/fahras.js', BASE).href);
      await mod.default();
      this.#eng = mod;
    } catch (err) {
      status.textContent = '';
      input.disabled = true;
      this.#alert(err, 'تعذّر تحميل محرك البحث.', ' أعد تحميل الصفحة أو جرّب متصفحًا آخر. ');
      wrap.removeAttribute('aria-busy');
      this.dispatchEvent(new CustomEvent('fahras-error', { detail: err }));
      return;
    }
    wrap.removeAttribute('aria-busy');
    this.#fromUrl(false);
    this.dispatchEvent(new Event('fahras-ready'));
  }

  // ---- URL state: ?q=…&doc=… (other parameters and the hash are left alone) ----
  #url(q, doc) {
    const url = new URL(location.href), p = url.searchParams;
    q ? p.set('q', q) : p.delete('q');
    doc ? p.set('doc', doc) : p.delete('doc');
    return url.href;
  }

  // Safari throws after ~100 history calls in 30 s; the URL may lag then, the search must not.
  #hist(push, fahras, doc) {
    try {
      history[push ? 'pushState' : 'replaceState']({ fahras }, '', this.#url(this.#ui.input.value, doc));
    } catch {}
  }

  #fromUrl(focus) {
    const p = new URLSearchParams(location.search);
    const q = p.get('q') || '', doc = p.get('doc');
    this.#ui.input.value = q;
    this.#run(q);
    then(doc ? this.#show(doc) : false, (shown) => shown || this.#showList(focus));
  }

  // ---- list view ----
  #typed() {
    const q = this.#ui.input.value;
    this.#hist(false, 'list');
    this.#run(q);
    this.#showList(false);
  }

  #run(q) {
    if (!this.#eng || q === this.#q) return;
    this.#q = q;
    if (!q.trim()) this.#tags.clear(); // kept while the query is edited, not past a blank box
    const tags = [...this.#tags], opts = { limit: this.limit };
    if (tags.length) opts.filter = { tags };
    this.#pending?.abort();
    const pending = (this.#pending = new AbortController());
    let r;
    try {
      try {
        r = this.#eng.search(q, { ...opts, facets: ['tags'] }, { signal: pending.signal });
      } catch { // an engine older than facets may refuse the option
        r = this.#eng.search(q, opts);
      }
    } catch (err) { // an engine bug: say so instead of silently showing stale results
      return this.#failed(q, tags, err, 'حدث خطأ في محرك البحث. ');
    }
    if (typeof r?.then !== 'function') return this.#render(q, tags, r);
    const { wrap } = this.#ui, current = () => pending === this.#pending;
    wrap.setAttribute('aria-busy', 'true');
    r.then((res) => current() && this.#render(q, tags, res),
      (err) => current() && this.#failed(q, tags, err, 'تعذّر تحميل جزء من الفهرس. تحقّق من الاتصال ثم أعد المحاولة. '))
      .finally(() => current() && wrap.removeAttribute('aria-busy'));
  }

  // What failed, in Arabic, then the engine's own words.
  #alert(err, message, ...more) {
    this.#ui.alert.replaceChildren(h('strong', null, message), ...more, h('small', { dir: 'ltr' }, String(err?.message || err)));
  }

  // No answer rather than a partial or stale one, and a way to try again.
  #failed(q, tags, err, message) {
    const u = this.#ui;
    this.#render(q, tags, { total: 0, hits: [] });
    this.#q = null; // the same text runs again
    u.none.hidden = true;
    u.status.textContent = '';
    const retry = h('button', { type: 'button' }, 'أعد المحاولة');
    retry.addEventListener('click', () => this.#run(u.input.value));
    this.#alert(err, message, retry, ' ');
  }

  #render(q, tags, r) {
    const u = this.#ui;
    u.alert.replaceChildren();
    this.#for = r.corrected || q;
    const hits = (this.#hits = r.hits);
    u.lb.replaceChildren(...hits.map((hit, i) => {
      const url = hit.url && safeUrl(hit.url);
      return h('li', { id: `o${i}`, 'data-id': hit.id, role: 'option', 'aria-selected': 'false' },
        fill(h('div', { class: 't', dir: 'auto' }), hit.title, hit.title_highlights),
        fill(h('p', { class: 's', dir: 'auto' }), hit.snippet, hit.highlights),
        url || hit.date ? h('p', { class: 'm', dir: 'ltr' }, hit.date ? h('time', null, String(hit.date)) : null, hit.date && url ? ' · ' : null, url) : null);
    }));
    this.#active = -1;
    u.input.removeAttribute('aria-activedescendant');
    this.#expand(hits.length > 0);

    const blank = !q.trim();
    // Naming the tags makes a chip toggle change, so announce, the status.
    u.status.textContent = blank ? '' : (r.total > hits.length ? `${count(r.total)}، تُعرض أول ${hits.length}` : count(r.total)) +
      (tags.length ? `؛ التصفية: ${tags.join('، ')}` : '');
    this.#chipRow(r.facets?.tags || []);
    const note = [];
    if (r.corrected) note.push(h('p', null, 'تُعرض نتائج ', ...quoted(r.corrected)));
    if (r.approximate?.length) { // words found only by typo tolerance or transliteration
      note.push(h('p', null, 'نتائج عن ', ...[...new Set(r.approximate.map((a) => a.matched))].flatMap((w, i) => [i ? '، ' : '', ...quoted(w)])));
    }
    if (r.relaxed && hits.length) note.push(h('p', null, 'لا توجد مستندات تضمّ كل كلمات البحث؛ هذه أقرب النتائج.'));
    if (r.suggestions?.length) {
      const p = h('p', null, 'هل تقصد: ');
      r.suggestions.forEach((s, i) => {
        const a = h('a', { href: this.#url(s) }, h('bdi', null, s));
        a.addEventListener('click', (e) => {
          e.preventDefault();
          u.input.value = s;
          u.input.focus();
          this.#typed();
        });
        p.append(i ? '، ' : '', a);
      });
      note.push(p);
    }
    u.note.replaceChildren(...note);
    u.none.replaceChildren();
    u.none.hidden = blank || r.total > 0;
    if (!u.none.hidden) {
      u.none.append(h('p', { class: 'nt' }, 'لا نتائج لـ', ...quoted(q), '.'),
        h('p', null, 'تحقّق من الإملاء، أو جرّب كلمات أقل أو أعمّ. ضع العبارة بين "علامتي تنصيص" لتطابقها حرفيًا، و- قبل كلمة لاستبعادها، و| بين كلمتين لتطابق أيًّا منهما.'));
    }
  }

  // The 12 most frequent tags as chips (a collection of 97 books would fill the box), then any
  // selected or focused tag not among them.
  #chipRow(facets) {
    const { chips } = this.#ui, had = this.shadowRoot.activeElement?.dataset.tag;
    const m = new Map(facets.slice(0, 12).map((f) => [f.value, f.count]));
    for (const t of [...this.#tags, had]) if (t != null && !m.has(t)) m.set(t, facets.find((f) => f.value === t)?.count ?? 0);
    chips.replaceChildren(...[...m].map(([t, n]) => h('button', { type: 'button', 'data-tag': t, 'aria-pressed': this.#tags.has(t) },
      h('bdi', null, t), ' ', h('span', { class: 'n' }, n))));
    chips.hidden = !m.size;
    if (had != null) [...chips.children].find((b) => b.dataset.tag === had).focus(); // keeps focus
  }

  #expand(on) {
    const u = this.#ui;
    on &&= this.#hits.length > 0 && u.doc.hidden;
    u.lb.hidden = !on;
    u.input.setAttribute('aria-expanded', on);
    if (!on) this.#select(-1);
  }

  #select(i) {
    const { lb, input } = this.#ui;
    lb.children[this.#active]?.setAttribute('aria-selected', 'false');
    this.#active = i;
    const o = lb.children[i];
    if (!o) return input.removeAttribute('aria-activedescendant');
    o.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', o.id);
    o.scrollIntoView({ block: 'nearest' });
  }

  #key(e) {
    if (e.isComposing) return;
    const n = this.#hits.length, open = !this.#ui.lb.hidden, i = this.#active;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!n) return;
        if (!open) this.#expand(true);
        this.#select(e.key === 'ArrowDown' ? (open ? (i + 1) % n : 0) : open && i > 0 ? i - 1 : n - 1);
        break;
      case 'Home':
      case 'End': // with no active option they keep moving the caret in the box
        if (!open || i < 0) return;
        this.#select(e.key === 'Home' ? 0 : n - 1);
        break;
      case 'Enter':
        if (!open || i < 0) return;
        this.#open(this.#hits[i].id);
        break;
      case 'Escape': // document view: back; list: first close it, then clear the query
        if (!this.#ui.doc.hidden) this.#back();
        else if (open) this.#expand(false);
        else if (this.#ui.input.value) (this.#ui.input.value = '', this.#typed());
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  #showList(focus) {
    const u = this.#ui;
    this.#docId = null;
    u.doc.hidden = true;
    u.list.hidden = false;
    const i = this.#active;
    this.#expand(true);
    if (i >= 0) this.#select(i);
    if (focus) {
      u.input.focus({ preventScroll: true });
      (u.lb.children[i] || this).scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- document view ----
  #open(id) {
    then(this.#show(id), (shown) => shown && this.#hist(true, 'doc', id));
  }

  // Whether the document is shown (a promise of it for a split index).
  #show(id) {
    if (this.#docId === id) return true;
    let d;
    try {
      d = this.#eng.get(id, this.#for);
    } catch (err) {
      d = Promise.reject(err);
    }
    if (typeof d?.then !== 'function') return this.#showDoc(id, d);
    this.#want = id;
    return d.then((doc) => this.#want === id && this.#showDoc(id, doc), (err) => {
      if (this.#want === id) {
        this.#alert(err, 'تعذّر فتح المستند. ');
      }
      return false;
    });
  }

  #showDoc(id, d) {
    const u = this.#ui;
    if (!d) {
      u.status.textContent = 'لم يُعثر على هذا المستند.';
      return false;
    }
    this.#docId = id;
    const hit = this.#hits.find((x) => x.id === id);
    fill(u.title, d.title, hit?.title_highlights);
    fill(u.text, d.text, d.highlights);
    const rest = d.text.startsWith(d.title) && d.text.slice(d.title.length);
    const titled = !!d.title && (rest === '' || /^\r?\n/.test(rest)); // title = whole first line
    if (titled) lead(u.text, d.title.length + (rest.match(/^\r?\n/)?.[0].length || 0));
    u.title.classList.toggle('sr', titled);
    const url = safeUrl(d.url || hit?.url);
    u.src.replaceChildren(url ? h('a', { href: url, rel: 'noopener noreferrer', dir: 'ltr' }, 'المصدر الأصلي') : '');
    u.src.hidden = !url;
    u.list.hidden = true;
    this.#expand(false);
    this.#active = hit ? this.#hits.indexOf(hit) : -1;
    u.doc.hidden = false;
    u.title.focus({ preventScroll: true });
    (u.text.querySelector('mark') || u.doc).scrollIntoView({ block: 'center' });
    return true;
  }

  #back() {
    if (history.state?.fahras === 'doc') history.back(); // popstate restores the list and focus
    else {
      this.#hist(true, 'list');
      this.#showList(true);
    }
  }
}

customElements.define('fahras-search', FahrasSearch);
