//! The CRC-32 that zip (reading imports) and flate2 compute through crc32fast's API, served by
//! `vendor/crc32fast` (tables built at run time, for the bundle's size): checked against
//! published check values, and every way zip and flate2 call it (piece by piece, carried on from
//! a stored CRC, combined) against the one-shot CRC of the same bytes.

use biaozhu::core::rng::SplitMix64 as Rng;
use crc32fast::{hash, Hasher};

#[test]
fn published_check_values() {
    for (bytes, crc) in [
        (&b""[..], 0),
        (b"a", 0xE8B7_BE43),
        (b"123456789", 0xCBF4_3926),
        (b"The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ("𠀀😀".as_bytes(), 0x56BD_D65F),
    ] {
        assert_eq!(hash(bytes), crc, "{bytes:?}");
    }
    // 1 MiB of zero bytes (the value Python's zlib.crc32 gives).
    assert_eq!(hash(&vec![0u8; 1 << 20]), 0xA738_EA1C);
}

fn bytes(rng: &mut Rng, len: usize) -> Vec<u8> {
    (0..len).map(|_| rng.next_u64() as u8).collect()
}

#[test]
fn piece_by_piece_carried_on_and_combined_agree_with_one_shot() {
    let mut rng = Rng(11);
    for len in [0, 1, 2, 7, 8, 9, 15, 16, 17, 255, 256, 1000, 4097, 65_537] {
        let data = bytes(&mut rng, len);
        let whole = hash(&data);
        for _ in 0..4 {
            let cut = if len == 0 { 0 } else { rng.below(len + 1) };
            let (a, b) = data.split_at(cut);
            let mut pieces = Hasher::new();
            pieces.update(a);
            pieces.update(b);
            assert_eq!(pieces.total_len(), len as u64);
            assert_eq!(pieces.finalize(), whole, "two pieces of {len} bytes cut at {cut}");
            let mut carried = Hasher::new_with_initial_len(hash(a), a.len() as u64);
            carried.update(b);
            assert_eq!(carried.finalize(), whole, "carried on at {cut} of {len}");
            let (mut first, mut second) = (Hasher::new(), Hasher::new());
            first.update(a);
            second.update(b);
            first.combine(&second);
            assert_eq!(first.total_len(), len as u64);
            assert_eq!(first.finalize(), whole, "combined at {cut} of {len}");
        }
    }
}

#[test]
fn reset_starts_again() {
    let mut hasher = Hasher::new();
    hasher.update(b"something else");
    hasher.reset();
    hasher.update(b"123456789");
    assert_eq!(hasher.finalize(), 0xCBF4_3926);
}

/// The CRC one bit at a time, straight from its definition, for comparison.
fn bit_by_bit(bytes: &[u8]) -> u32 {
    let mut register = u32::MAX;
    for &byte in bytes {
        register ^= u32::from(byte);
        for _ in 0..8 {
            register = if register & 1 == 1 { (register >> 1) ^ 0xEDB8_8320 } else { register >> 1 };
        }
    }
    !register
}

#[test]
fn eight_bytes_at_a_time_agrees_with_the_definition_at_every_length_and_alignment() {
    let mut rng = Rng(29);
    let data = bytes(&mut rng, 300);
    for start in 0..9 {
        for end in start..data.len() {
            assert_eq!(hash(&data[start..end]), bit_by_bit(&data[start..end]), "bytes {start}..{end}");
        }
    }
}
