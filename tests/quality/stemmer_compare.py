#!/usr/bin/env python3
"""Compare fahras's light stemmer with Snowball Arabic and NLTK's ISRI stemmer on the words of the
seed articles, and write tests/quality/STEMMERS.md.

    pip install snowballstemmer nltk          # ISRI needs no NLTK data download
    python3 tests/quality/stemmer_compare.py [--corpus seeds] [--out tests/quality/STEMMERS.md]

Our stems come from `cargo run --quiet --example stem < words.txt` (one stem per input line). While
the repository has no examples/stem.rs, the script builds an equivalent throw-away helper in
target/stem-helper (a path dependency on this crate that prints fahras::analysis::stem(fold(word)))
— nothing is added to the project's own manifests.

What the report measures (all over the distinct words of the corpus, diacritics and tatweel removed):
  * distinct stems and words/stem (how much each stemmer conflates);
  * pairwise agreement between two stemmers, as (a) the Jaccard index of their sets of merged word
    pairs (pairs the stemmer gives one stem) and (b) the share of words whose whole class (the words
    with the same stem) is identical under both;
  * over-stemming examples: word pairs a stemmer merges although, after removing proclitics
    (و ف ب ك ل ال لل), neither word is a prefix of the other and they are >= 3 edits apart — a sign of
    different words merged (broken plurals such as وسام/أوسمة also fall under this rule, which is a
    known limit of an automatic rule); at least one other stemmer must keep the pair apart; the
    pairs most edits apart are shown;
  * under-stemming examples: word pairs that are the same word by a conservative rule — after
    removing proclitics, they differ only by one inflectional suffix from
    ة/ه ات ون ين ان ي ية/يه ها هم ه (e.g. التهديد/التهديدات) — which the stemmer keeps apart although
    at least one other stemmer merges them.
"""
import argparse
import collections
import glob
import itertools
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

MARKS = re.compile('[\u064B-\u065F\u0670\u0640\u06D6-\u06ED\u200B-\u200F]')
WORD = re.compile('[\u0621-\u064A]{2,}')


def corpus_words(corpus):
    words = set()
    for f in sorted(glob.glob(os.path.join(corpus, '*.txt'))):
        text = MARKS.sub('', unicodedata.normalize('NFKC', open(f, encoding='utf-8').read()))
        words.update(WORD.findall(text))
    return sorted(words)


# --- reference folding used only to decide "same word" / "different words" for the examples
def ref_fold(w):
    w = re.sub('[أإآٱ]', 'ا', w)
    return w.replace('ة', 'ه').replace('ى', 'ي')


PROCLITICS = ['وبال', 'وكال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ك', 'ل']
SUFFIXES = ['يه', 'ات', 'ون', 'ين', 'ان', 'ها', 'هم', 'ه', 'ي']


def bare(w):
    """Fold and strip the longest proclitic that leaves >= 3 letters."""
    w = ref_fold(w)
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def inflections_of_same_word(a, b):
    a, b = bare(a), bare(b)
    if a == b:
        return False
    for x, y in ((a, b), (b, a)):
        for s in SUFFIXES:
            if y == x + s:
                return True
    for s1, s2 in itertools.permutations(SUFFIXES, 2):
        if a.endswith(s1) and b.endswith(s2) and a[: -len(s1)] == b[: -len(s2)] and len(a) - len(s1) >= 3:
            return True
    return False


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def probably_different(a, b):
    a, b = bare(a), bare(b)
    return not (a.startswith(b) or b.startswith(a)) and lev(a, b) >= 3


# --- the stemmers
def snowball_stems(words):
    import snowballstemmer
    st = snowballstemmer.stemmer('arabic')
    return [st.stemWord(w) for w in words]


def isri_stems(words):
    from nltk.stem.isri import ISRIStemmer
    st = ISRIStemmer()
    return [st.stem(w) for w in words]


HELPER_TOML = '''[package]
name = "stem-helper"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
fahras = {{ path = "{root}" }}

[workspace]
'''

HELPER_MAIN = '''// Throw-away helper written by tests/quality/stemmer_compare.py: one stem per input line.
use std::io::{BufRead, Write};
fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let folded = fahras::analysis::fold(line.trim());
        writeln!(out, "{}", fahras::analysis::stem(&folded)).unwrap();
    }
}
'''


def fahras_stems(words):
    data = ''.join(w + '\n' for w in words).encode('utf-8')
    if os.path.exists(os.path.join(ROOT, 'examples', 'stem.rs')):
        cmd, cwd, how = ['cargo', 'run', '--quiet', '--release', '--example', 'stem'], ROOT, 'cargo run --example stem'
    else:
        helper = os.path.join(ROOT, 'target', 'stem-helper')
        os.makedirs(os.path.join(helper, 'src'), exist_ok=True)
        open(os.path.join(helper, 'Cargo.toml'), 'w').write(HELPER_TOML.format(root=ROOT))
        open(os.path.join(helper, 'src', 'main.rs'), 'w').write(HELPER_MAIN)
        cmd = ['cargo', 'run', '--quiet', '--release', '--manifest-path', os.path.join(helper, 'Cargo.toml')]
        cwd, how = ROOT, 'target/stem-helper (fahras::analysis::stem(fold(word))); examples/stem.rs not present'
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(ROOT, 'target', 'stem-helper', 'target'))
    r = subprocess.run(cmd, input=data, cwd=cwd, env=env, stdout=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit(f'stemmer_compare: {" ".join(cmd)} failed ({r.returncode})')
    stems = r.stdout.decode('utf-8').split('\n')[: len(words)]
    if len(stems) != len(words):
        sys.exit(f'stemmer_compare: got {len(stems)} stems for {len(words)} words')
    return stems, how


# --- measures
def classes(words, stems):
    by = collections.defaultdict(list)
    for w, s in zip(words, stems):
        by[s].append(w)
    return {w: frozenset(by[s]) for w, s in zip(words, stems)}, by


def merged_pairs(by):
    out = set()
    for ws in by.values():
        for a, b in itertools.combinations(sorted(ws), 2):
            out.add((a, b))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', default=os.path.join(ROOT, 'seeds'))
    ap.add_argument('--out', default=os.path.join(HERE, 'STEMMERS.md'))
    ap.add_argument('--examples', type=int, default=10)
    ap.add_argument('--engine-label', default=None, help='what to call the engine version in the report (default: git HEAD)')
    args = ap.parse_args()

    label = args.engine_label
    if label is None:
        r = subprocess.run(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        label = f'commit {r.stdout.decode().strip()}' + (' (plus uncommitted changes, if any)' if r.returncode == 0 else '')
        if r.returncode != 0:
            label = 'an unknown version'
    words = corpus_words(args.corpus)
    ours, how = fahras_stems(words)
    stemmers = {'fahras': ours, 'Snowball': snowball_stems(words), 'ISRI': isri_stems(words)}
    cls, by, pairs = {}, {}, {}
    for name, stems in stemmers.items():
        cls[name], by[name] = classes(words, stems)
        pairs[name] = merged_pairs(by[name])

    L = []
    L.append('# Stemmer comparison on the seed articles')
    L.append('')
    L.append(f'Generated by `python3 tests/quality/stemmer_compare.py` over {len(words)} distinct Arabic words '
             f'of `{os.path.relpath(args.corpus, ROOT)}/` (diacritics and tatweel removed). '
             f'fahras stems ({label}) from: {how}. Snowball: `snowballstemmer` (Arabic); ISRI: `nltk.stem.isri.ISRIStemmer` '
             '(a root extractor). Rules for every figure and example are in the script\'s docstring.')
    L.append('')
    L.append('Caveat: the example rules are automatic. "Same word" (under-stemming) only looks at proclitics and '
             'a list of suffixes, so it also pairs different words that happen to differ by such a suffix '
             '(أربع four / الأربعين forty, دور role / الدورة session); "different words" (over-stemming) also '
             'catches broken plurals a root stemmer is right to merge. Read the tables as candidates.')
    L.append('')
    L.append('## Conflation')
    L.append('')
    L.append('| stemmer | distinct stems | words per stem | merged word pairs | largest class |')
    L.append('| --- | ---: | ---: | ---: | --- |')
    for name in stemmers:
        big = max(by[name].items(), key=lambda kv: len(kv[1]))
        L.append(f'| {name} | {len(by[name])} | {len(words) / len(by[name]):.2f} | {len(pairs[name])} | '
                 f'`{big[0]}` ({len(big[1])}: {" ".join(sorted(big[1])[:8])}{" …" if len(big[1]) > 8 else ""}) |')
    L.append('')
    L.append('## Pairwise agreement')
    L.append('')
    L.append('| pair | Jaccard of merged pairs | words with identical class |')
    L.append('| --- | ---: | ---: |')
    for a, b in itertools.combinations(stemmers, 2):
        union = pairs[a] | pairs[b]
        jac = len(pairs[a] & pairs[b]) / len(union) if union else 1.0
        same = sum(cls[a][w] == cls[b][w] for w in words) / len(words)
        L.append(f'| {a} / {b} | {jac:.3f} | {same:.3f} |')
    L.append('')

    names = list(stemmers)
    smap = {n: dict(zip(words, stemmers[n])) for n in names}
    for name in names:
        others = [n for n in names if n != name]
        st = smap[name]
        over = [(a, b) for a, b in pairs[name]
                if probably_different(a, b) and any(smap[o][a] != smap[o][b] for o in others)]
        over.sort(key=lambda p: (-lev(bare(p[0]), bare(p[1])), p))
        # at most two examples per stem, so that one huge class does not fill the list
        shown, per_stem = [], collections.Counter()
        for a, b in over:
            if per_stem[st[a]] < 2:
                shown.append((a, b)); per_stem[st[a]] += 1
            if len(shown) == args.examples:
                break
        under = []
        other_pairs = set().union(*(pairs[o] for o in others))
        cand = [(a, b) for a, b in other_pairs if st[a] != st[b] and inflections_of_same_word(a, b)]
        cand.sort(key=lambda p: (bare(p[0]), p))
        seen_bases = set()
        for a, b in cand:
            base = min(bare(a), bare(b), key=len)
            if base in seen_bases:
                continue
            seen_bases.add(base)
            under.append((a, b))
            if len(under) == args.examples:
                break
        L.append(f'## {name}')
        L.append('')
        L.append(f'Over-stemming candidates: {len(over)} merged pairs look like different words. Examples:')
        L.append('')
        L.append('| word | word | stem | ' + ' | '.join(others) + ' |')
        L.append('| --- | --- | --- | ' + ' | '.join('---' for _ in others) + ' |')
        for a, b in shown:
            oth = [' / '.join(sorted({smap[o][a], smap[o][b]})) for o in others]
            L.append(f'| {a} | {b} | `{st[a]}` | ' + ' | '.join(f'`{x}`' for x in oth) + ' |')
        L.append('')
        L.append(f'Under-stemming candidates: {len(cand)} pairs of inflections of one word kept apart '
                 f'(merged by {" or ".join(others)}). Examples:')
        L.append('')
        L.append('| word | word | stems | ' + ' | '.join(others) + ' |')
        L.append('| --- | --- | --- | ' + ' | '.join('---' for _ in others) + ' |')
        for a, b in under:
            oth = [' / '.join(sorted({smap[o][a], smap[o][b]})) for o in others]
            L.append(f'| {a} | {b} | `{st[a]}` / `{st[b]}` | ' + ' | '.join(f'`{x}`' for x in oth) + ' |')
        L.append('')
    open(args.out, 'w', encoding='utf-8').write('\n'.join(L))
    print(f'wrote {args.out}: {len(words)} words; distinct stems ' +
          ', '.join(f'{n} {len(by[n])}' for n in stemmers))


if __name__ == '__main__':
    main()
