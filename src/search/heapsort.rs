//! An in-place heapsort. The standard library's sorts are faster on large inputs but cost
//! 2–4 KB of wasm for every element type they are used with; the lists sorted at query time
//! (matched positions, candidate documents, expansions) are small, and every byte of wasm is
//! downloaded by every reader. The order is a `dyn Fn`, so each element type gets one copy of
//! the code, not one per call site.

/// Sorts `v` so that no element is `less` than the one before it. Not stable.
pub fn sort_by<T>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let len = v.len();
    for start in (0..len / 2).rev() {
        sift_down(v, start, len, less);
    }
    for end in (1..len).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, less);
    }
}

/// Restores the heap order below `root` (the root is the element no other is `less` than).
pub fn sift_down<T>(v: &mut [T], root: usize, end: usize, less: &dyn Fn(&T, &T) -> bool) {
    sift_down_by(v, root, end, less);
}

/// [`sift_down`] with the order inlined: for a heap on the hot path of a query (a word's
/// terms, merged document by document), where a call per comparison would cost more than it.
#[inline]
pub fn sift_down_by<T>(v: &mut [T], mut root: usize, end: usize, less: impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// Runs past which [`sort_runs_by`] heapsorts instead of merging.
const MAX_RUNS: usize = 16;

/// Sorts `v`, which is a few ascending runs one after another (the positions of several terms
/// in one document), by merging the runs: linear in the length for each doubling of the runs,
/// where a heapsort of a long document's positions costs a comparison per level of the heap.
pub fn sort_runs_by<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let mut runs: Vec<usize> = (1..v.len()).filter(|&i| less(&v[i], &v[i - 1])).collect();
    if runs.is_empty() {
        return;
    }
    if runs.len() >= MAX_RUNS {
        return sort_by(v, less);
    }
    runs.insert(0, 0);
    runs.push(v.len());
    let mut merged = Vec::with_capacity(v.len());
    while runs.len() > 2 {
        merged.clear();
        let mut next = vec![0];
        // Runs 0 and 1, 2 and 3, …; an odd one out is copied as it is.
        for k in (0..runs.len() - 1).step_by(2) {
            let (start, mid) = (runs[k], runs[k + 1]);
            let end = runs.get(k + 2).copied().unwrap_or(mid);
            let (a, b) = v[start..end].split_at(mid - start);
            let (mut i, mut j) = (0, 0);
            while i < a.len() && j < b.len() {
                if less(&b[j], &a[i]) {
                    merged.push(b[j]);
                    j += 1;
                } else {
                    merged.push(a[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&a[i..]);
            merged.extend_from_slice(&b[j..]);
            next.push(merged.len());
        }
        v.copy_from_slice(&merged);
        runs = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;

    #[test]
    fn merges_runs_like_the_standard_library_sorts() {
        let mut rng = Rng::new(11);
        for runs in [1, 2, 3, 5, 15, 16, 40] {
            let mut v = Vec::new();
            for _ in 0..runs {
                let len = 1 + rng.below(30);
                let mut run: Vec<u32> = (0..len).map(|_| rng.below(1000) as u32).collect();
                run.sort();
                v.extend(run);
            }
            let mut expected = v.clone();
            expected.sort();
            sort_runs_by(&mut v, &|a, b| a < b);
            assert_eq!(v, expected, "{runs} runs");
        }
    }

    #[test]
    fn sorts_like_the_standard_library() {
        let mut rng = Rng::new(7);
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<u32> = (0..len).map(|_| rng.below(50) as u32).collect();
            let mut expected = v.clone();
            expected.sort();
            sort_by(&mut v, &|a, b| a < b);
            assert_eq!(v, expected);
        }
    }

    #[test]
    fn sorts_by_any_order() {
        let mut v = vec![(1.0f32, 3u32), (2.0, 1), (2.0, 0), (0.5, 9)];
        sort_by(&mut v, &|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).is_lt());
        assert_eq!(v, [(2.0, 0), (2.0, 1), (1.0, 3), (0.5, 9)]);
    }
}
