//! The seeded PRNG of the tests: the unit tests' (`crate::test_rng`) and, through a `#[path]`
//! include, the integration tests' (`tests/common`). Not part of the library.

// Each user takes what it needs (the unit tests do not skew).
#![allow(dead_code)]

/// xorshift64*: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    /// Any seed; 0 (which xorshift never leaves) is replaced by a fixed non-zero one.
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// In `0..n`, skewed towards 0, roughly like word frequencies.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize
    }
}
