//! CRC-32 as zip and gzip use it (IEEE 802.3, reflected polynomial 0xEDB88320, initial value and
//! final XOR all ones), with the API of crates.io's `crc32fast` 1.5 that zip and flate2 call.
//!
//! Why not crc32fast itself: it computes eight or sixteen bytes at a time from sixteen
//! 256-entry tables that it holds as constants, 16 KB that cost the page's gzipped wasm 16.8 KB.
//! This crate computes eight bytes at a time too, from eight tables, but builds them the first
//! time a CRC is asked for (8 KB of heap, a few microseconds), so they are not in the bundle. A
//! byte at a time from one table was tried first: the CRC of a corpus's Label Studio export
//! (tens of MB, zipped in one step with its labelling config) then held the page for half a
//! second. Why not the `crc` crate: it has no `combine`, which flate2 calls.

use std::fmt;
use std::hash;
use std::sync::OnceLock;

/// The reflected IEEE polynomial.
const POLYNOMIAL: u32 = 0xEDB8_8320;

/// How many bytes one step of `update` takes.
const STRIDE: usize = 8;

/// `tables()[k][b]` is the CRC register after byte `b` and then `k` zero bytes, starting from
/// zero: `[0]` is the usual byte table, and the eight together advance the register over eight
/// bytes in one step (the "slicing-by-8" method).
fn tables() -> &'static [[u32; 256]; STRIDE] {
    static TABLES: OnceLock<Box<[[u32; 256]; STRIDE]>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut tables = Box::new([[0u32; 256]; STRIDE]);
        for (byte, entry) in tables[0].iter_mut().enumerate() {
            let mut crc = byte as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ POLYNOMIAL } else { crc >> 1 };
            }
            *entry = crc;
        }
        for k in 1..STRIDE {
            for byte in 0..256 {
                let before = tables[k - 1][byte];
                tables[k][byte] = (before >> 8) ^ tables[0][(before & 0xFF) as usize];
            }
        }
        tables
    })
}

/// The CRC-32 of `buf`.
pub fn hash(buf: &[u8]) -> u32 {
    let mut hasher = Hasher::new();
    hasher.update(buf);
    hasher.finalize()
}

/// A CRC-32 computed over bytes given piece by piece. Its state is the CRC of what it has
/// seen so far (final XOR applied), as zlib keeps it, so that one can be carried on from a
/// stored CRC (`new_with_initial`).
#[derive(Clone)]
pub struct Hasher {
    crc: u32,
    amount: u64,
}

impl Hasher {
    pub fn new() -> Self {
        Self::new_with_initial(0)
    }

    /// Carries on from the CRC `init` of earlier bytes.
    pub fn new_with_initial(init: u32) -> Self {
        Self::new_with_initial_len(init, 0)
    }

    /// Carries on from the CRC `init` of `amount` earlier bytes.
    pub fn new_with_initial_len(init: u32, amount: u64) -> Self {
        Self { crc: init, amount }
    }

    pub fn update(&mut self, buf: &[u8]) {
        let t = tables();
        let mut register = !self.crc;
        let mut steps = buf.chunks_exact(STRIDE);
        for step in &mut steps {
            let low = register ^ u32::from_le_bytes([step[0], step[1], step[2], step[3]]);
            let high = u32::from_le_bytes([step[4], step[5], step[6], step[7]]);
            let byte = |word: u32, shift: u32| ((word >> shift) & 0xFF) as usize;
            register = t[7][byte(low, 0)]
                ^ t[6][byte(low, 8)]
                ^ t[5][byte(low, 16)]
                ^ t[4][byte(low, 24)]
                ^ t[3][byte(high, 0)]
                ^ t[2][byte(high, 8)]
                ^ t[1][byte(high, 16)]
                ^ t[0][byte(high, 24)];
        }
        for &byte in steps.remainder() {
            register = (register >> 8) ^ t[0][((register as u8) ^ byte) as usize];
        }
        self.crc = !register;
        self.amount += buf.len() as u64;
    }

    /// How many bytes it has seen.
    pub fn total_len(&self) -> u64 {
        self.amount
    }

    pub fn finalize(self) -> u32 {
        self.crc
    }

    pub fn reset(&mut self) {
        *self = Self::new();
    }

    /// Becomes the CRC of its bytes followed by `other`'s, without seeing them again.
    pub fn combine(&mut self, other: &Self) {
        self.crc = combine(self.crc, other.crc, other.amount);
        self.amount += other.amount;
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Hasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("crc32fast::Hasher").finish()
    }
}

impl hash::Hasher for Hasher {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }

    fn finish(&self) -> u64 {
        u64::from(self.crc)
    }
}

/// The CRC of A followed by B from the CRC of A, the CRC of B and B's length: the CRC of A is
/// carried through `len_b` zero bytes (a linear map over GF(2), applied as 32×32 bit matrices
/// squared for each bit of the length, so in O(log len_b)), then B's CRC is added.
fn combine(crc_a: u32, crc_b: u32, len_b: u64) -> u32 {
    if len_b == 0 {
        return crc_a;
    }
    // `odd` starts as the operator for one zero bit: a shift, with the polynomial fed back.
    let mut odd = [0u32; 32];
    odd[0] = POLYNOMIAL;
    for (n, row) in odd.iter_mut().enumerate().skip(1) {
        *row = 1 << (n - 1);
    }
    let mut even = square(&odd); // two zero bits
    odd = square(&even); // four zero bits
    let (mut crc, mut len) = (crc_a, len_b);
    loop {
        // Each pass squares the operator: the first applies one zero byte (eight bits).
        even = square(&odd);
        if len & 1 == 1 {
            crc = times(&even, crc);
        }
        len >>= 1;
        if len == 0 {
            break;
        }
        odd = square(&even);
        if len & 1 == 1 {
            crc = times(&odd, crc);
        }
        len >>= 1;
        if len == 0 {
            break;
        }
    }
    crc ^ crc_b
}

/// The matrix `matrix` (one column per bit) applied to `vector`.
fn times(matrix: &[u32; 32], mut vector: u32) -> u32 {
    let mut sum = 0;
    let mut column = 0;
    while vector != 0 {
        if vector & 1 == 1 {
            sum ^= matrix[column];
        }
        vector >>= 1;
        column += 1;
    }
    sum
}

/// `matrix` applied twice.
fn square(matrix: &[u32; 32]) -> [u32; 32] {
    let mut out = [0u32; 32];
    for (row, &column) in out.iter_mut().zip(matrix) {
        *row = times(matrix, column);
    }
    out
}
