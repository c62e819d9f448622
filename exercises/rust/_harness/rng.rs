//! The test's inputs drawn from the grade's seed (GradeResult.seed): ids, counts, latencies and
//! values change every grade, so a hard-coded or remembered answer fails, and the hidden tests'
//! strings in the binary give nothing away. splitmix64: small, fast, and the same on every machine.

/// A number fixed for the whole grade and different in every grade: the exercise's simulated
/// services mix it into what they return, so their answers cannot be known without calling them.
pub(in crate::interleave) fn salt() -> u64 {
    Rng::for_test(super::channel::seed(), "salt").next_u64()
}

/// A number only this grade's services can know: `x` (an id, a page, a sensor reading) mixed
/// with the salt and a `tag` naming what the number is for. Each value stands alone: one sample
/// (a price, a size, a name) reveals nothing of the salt or of any other value, so an answer
/// cannot be derived from a single call, whatever the student knows of these formulas. Outputs
/// are 64 bits; the services reduce them (`% 900`), which hides them further.
pub(in crate::interleave) fn keyed(tag: &str, x: u64) -> u64 {
    let mut k1 = salt() ^ 0xD6E8_FEB8_6659_FD93;
    for b in tag.bytes() {
        k1 = (k1 ^ b as u64).wrapping_mul(0x0100_0000_01B3);
    }
    let k1 = mix(k1);
    let k2 = mix(k1 ^ 0x2545_F491_4F6C_DD1D);
    // The key enters on both sides of a non-linear mix: undoing the outer mix leaves
    // mix(x ^ k1) ^ k2 with two unknown keys, not the key itself.
    mix(mix(x ^ k1) ^ k2).wrapping_add(k1)
}

/// splitmix64's finaliser.
fn mix(z: u64) -> u64 {
    let mut z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub(in crate::interleave) struct Rng {
    state: u64,
}

impl Rng {
    /// Draws for one test: the grade's seed mixed with the test's name, so tests draw apart.
    pub(super) fn for_test(seed: u64, test: &str) -> Rng {
        let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
        for b in test.bytes() {
            state = (state ^ b as u64).wrapping_mul(0x0100_0000_01B3);
        }
        Rng { state }
    }

    pub(in crate::interleave) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub(in crate::interleave) fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// `n` distinct numbers in `lo..=hi`, in random order (needs `hi - lo + 1 >= n`).
    pub(in crate::interleave) fn distinct(&mut self, n: usize, lo: u64, hi: u64) -> Vec<u64> {
        let mut out: Vec<u64> = Vec::with_capacity(n);
        while out.len() < n {
            let x = self.int(lo, hi);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }

    pub(in crate::interleave) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.int(0, i as u64) as usize;
            items.swap(i, j);
        }
    }
}
