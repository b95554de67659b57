#!/usr/bin/env python3
"""Audit the judged query sets against the documents with a *reference* analyser, independent of
the engine, so that a wrong judgment is caught before it is used to grade the engine.

    python3 tests/quality/check_judgments.py [tests/quality/seeds.json ...] [--corpus seeds] [-v]

For each query and document it computes three match levels:
  L  light:  normalise (NFKC, strip harakat/tatweel/format chars, أإآٱ→ا, ة→ه, ى→ي, ؤ→و, ئ→ي,
             Arabic-Indic digits, lower-case), split letters/digits, and let a query word match a
             document word when the two share a form after stripping proclitics (و ف ب ك ل ال لل).
  H  heavy:  L plus common suffixes stripped (ات ين ون ان ية ي ه ها هم ة ا) — what an aggressive
             light stemmer could conflate.
  F  fuzzy:  H plus edit distance 1 for stems of >= 4 letters, 2 for >= 8 (not for digits).
Syntax understood: words (AND), "phrases" (adjacent), -word / -"phrase", and the last word as a
prefix when the query does not end with white space.
ERROR  a must doc that does not match at the level the case needs (L; H for suffix; F for
       typo/loanword), or a must_not doc that matches at level L (it *does* contain the query).
WARN   a must_not doc that H or F would match: a sloppy engine would violate it; the judgment
       stays if a careful reading says the document is not relevant (see the query's note).
Exit status 1 when there is any ERROR.
"""
import glob, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

STRIP = re.compile('[\u064B-\u065F\u0670\u0640\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD\uFEFF]')

def norm(s):
    s = unicodedata.normalize('NFKC', s)
    s = STRIP.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s)
    s = s.translate(str.maketrans('ةىؤئ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', 'هيوي01234567890123456789'))
    return s.lower()

TOKEN = re.compile(r'[^\W\d_]+|\d+')

def tokens(s):
    return TOKEN.findall(norm(s))

PREFIXES = ['وبال', 'وكال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'فلل', 'لل', 'ال', 'وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ك', 'ل']
SUFFIXES = ['هما', 'يات', 'ات', 'ين', 'ون', 'ان', 'يه', 'ها', 'هم', 'ي', 'ه', 'ا']

def light_forms(t):
    out = {t}
    if t.isdigit() or not re.match('[\u0600-\u06FF]', t):
        return out
    for p in PREFIXES:
        if t.startswith(p) and len(t) - len(p) >= 2:
            out.add(t[len(p):])
    return out

def heavy_forms(t):
    out = set()
    for f in light_forms(t):
        out.add(f)
        if f.isdigit():
            continue
        for s in SUFFIXES:
            if f.endswith(s) and len(f) - len(s) >= 2:
                g = f[: -len(s)]
                out.add(g)
                for s2 in SUFFIXES:
                    if g.endswith(s2) and len(g) - len(s2) >= 3:
                        out.add(g[: -len(s2)])
    return out

def lev(a, b, k):
    """Optimal-string-alignment distance (an adjacent transposition counts 1), capped at k + 1."""
    if abs(len(a) - len(b)) > k:
        return k + 1
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return min(d[-1][-1], k + 1)

def fuzzy_ok(q, d):
    if q.isdigit() or d.isdigit():
        return q == d
    k = 2 if len(q) >= 8 else 1 if len(q) >= 4 else 0
    return lev(q, d, k) <= k

def word_match(qw, dw, level, prefix):
    qf = light_forms(qw) if level == 'L' else heavy_forms(qw)
    df = light_forms(dw) if level == 'L' else heavy_forms(dw)
    if qf & df:
        return True
    if prefix and any(d.startswith(q) for q in light_forms(qw) for d in light_forms(dw)):
        return True
    if level == 'F':
        return any(fuzzy_ok(q, d) for q in qf for d in df if len(q) >= 4)
    return False

def parse(q):
    """-> list of (negated, [words]) ; a phrase has several words. Also whether the last is a prefix."""
    items = []
    for m in re.finditer(r'(-?)"([^"]*)"|(-?)(\S+)', q):
        if m.group(2) is not None:
            ws = tokens(m.group(2))
            if ws:
                items.append((m.group(1) == '-', ws, True))
        else:
            neg = m.group(3) == '-'
            ws = tokens(m.group(4))
            if ws:
                items.append((neg, ws, len(ws) > 1 and False))
    prefix_last = bool(q) and not q[-1].isspace() and not q.rstrip().endswith('"')
    return items, prefix_last

EVIDENCE = {}

def item_matches(ws, dtoks, level, prefix):
    n = len(ws)
    for i in range(len(dtoks) - n + 1):
        if all(word_match(ws[j], dtoks[i + j], level, prefix and j == n - 1) for j in range(n)):
            EVIDENCE.setdefault(level, []).append(' '.join(dtoks[i:i + n]))
            return True
    return False

def doc_matches(q, dtoks, level):
    items, prefix_last = parse(q)
    pos = [it for it in items if not it[0]]
    neg = [it for it in items if it[0]]
    for idx, (_, ws, _) in enumerate(pos):
        is_last = items and items[-1][1] is ws
        if not item_matches(ws, dtoks, level, prefix_last and is_last):
            return False
    for _, ws, _ in neg:
        # exclusions use the light level: they remove docs that do contain the word
        if item_matches(ws, dtoks, 'L', False):
            return False
    return True

MUST_LEVEL = {'suffix': 'H', 'typo': 'F', 'loanword': 'F'}

def load_docs(corpus):
    return {os.path.basename(f)[:-4]: tokens(open(f, encoding='utf-8').read())
            for f in sorted(glob.glob(os.path.join(corpus, '*.txt')))}

def main(argv):
    verbose = '-v' in argv
    argv = [a for a in argv if a != '-v']
    corpus = os.path.join(ROOT, 'seeds')
    if '--corpus' in argv:
        i = argv.index('--corpus'); corpus = argv[i + 1]; del argv[i:i + 2]
    files = argv or [os.path.join(HERE, 'seeds.json')]
    docs = load_docs(corpus)
    errors = warns = 0
    for path in files:
        for e in json.load(open(path, encoding='utf-8')):
            q, case = e['q'], e.get('case', '')
            lvl = MUST_LEVEL.get(case, 'L')
            res, ev = {}, {}
            for lv in 'LHF':
                res[lv] = set()
                for d, t in docs.items():
                    EVIDENCE.clear()
                    if doc_matches(q, t, lv):
                        res[lv].add(d)
                        ev[(lv, d)] = '/'.join(EVIDENCE.get(lv, []))
            msgs = []
            for d in e.get('must', []):
                if d not in docs:
                    msgs.append(f'ERROR unknown id {d}')
                elif d not in res[lvl]:
                    msgs.append(f'ERROR must {d[:3]} does not match at level {lvl}')
            for d in e.get('must_not', []):
                if d in res['L']:
                    msgs.append(f'ERROR must_not {d[:3]} matches at level L: {ev[("L", d)]}')
                elif d in res['F']:
                    lv = 'H' if d in res['H'] else 'F'
                    msgs.append(f'WARN  must_not {d[:3]} matches at level {lv}: {ev[(lv, d)]}')
            unj = sorted(set(docs) - set(e.get('must', [])) - set(e.get('must_not', [])))
            errors += sum(m.startswith('ERROR') for m in msgs)
            warns += sum(m.startswith('WARN') for m in msgs)
            if msgs or verbose:
                short = lambda s: ','.join(sorted(x[:3] for x in s))
                print(f'[{case}] {q!r}  L={short(res["L"])} H={short(res["H"])} F={short(res["F"])} unjudged={short(unj)}')
                for m in msgs:
                    print('   ', m)
    print(f'{errors} errors, {warns} warnings')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
