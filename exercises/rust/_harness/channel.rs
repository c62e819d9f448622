//! The results channel. Before any student code runs, `open` reads the nonce and the exercise's
//! thresholds from stdin and moves fd 3 (the runner's results pipe) to a close-on-exec copy
//! held in a private static; every record leaves through `emit` wrapped with the nonce.

use super::lock;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::sync::{Mutex, OnceLock};

static RESULTS: OnceLock<(Mutex<std::fs::File>, String)> = OnceLock::new();
static THRESHOLDS: OnceLock<HashMap<String, f64>> = OnceLock::new();
static SEED: OnceLock<u64> = OnceLock::new();

extern "C" {
    fn prctl(option: i32, ...) -> i32;
}
const PR_SET_DUMPABLE: i32 = 4;

/// stdin: the nonce line, then one line of the exercise's thresholds as flat JSON.
pub(super) fn open() {
    // Non-dumpable: no other process of the same uid may attach to this one or read its memory
    // (the sandbox's seccomp filter denies ptrace and process_vm_* as well; this holds where a
    // filter is missing, and it closes /proc/<pid>/mem should a /proc ever be mounted).
    // SAFETY: prctl(PR_SET_DUMPABLE, 0) only changes this process's dumpable flag.
    if unsafe { prctl(PR_SET_DUMPABLE, 0 as std::ffi::c_ulong) } != 0 {
        panic!("the harness could not make itself non-dumpable");
    }
    let mut input = String::new();
    let _ = std::io::stdin().read_to_string(&mut input);
    let mut lines = input.lines();
    let nonce = lines.next().unwrap_or("").to_string();
    let _ = THRESHOLDS.set(parse_thresholds(lines.next().unwrap_or("")));
    let _ = SEED.set(lines.next().and_then(|l| l.trim().parse().ok()).unwrap_or(1));
    use std::os::fd::FromRawFd;
    // SAFETY: fd 3 is the results pipe the runner opened for us; nothing else owns it.
    let inherited = unsafe { std::fs::File::from_raw_fd(3) };
    let file = inherited.try_clone().expect("results channel"); // close-on-exec copy
    drop(inherited);
    let _ = RESULTS.set((Mutex::new(file), nonce.trim().to_string()));
}

/// The grade's input seed (GradeResult.seed), read before any student code runs.
pub(super) fn seed() -> u64 {
    SEED.get().copied().unwrap_or(1)
}

/// A number from the exercise's `thresholds` (exercise.json), or `default` when it names none.
pub(in crate::interleave) fn threshold(name: &str, default: f64) -> f64 {
    THRESHOLDS.get().and_then(|t| t.get(name).copied()).unwrap_or(default)
}

/// Parses the flat `{"name":number,...}` object the runner writes (no serde in the harness):
/// names are plain identifiers (the schema says so), so neither contains `,` or `:`.
fn parse_thresholds(line: &str) -> HashMap<String, f64> {
    let body = line.trim().trim_start_matches('{').trim_end_matches('}');
    body.split(',')
        .filter_map(|pair| {
            let (name, value) = pair.split_once(':')?;
            let value: f64 = value.trim().parse().ok()?;
            Some((name.trim().trim_matches('"').to_string(), value))
        })
        .collect()
}

pub(super) fn emit(record: String) {
    if let Some((file, nonce)) = RESULTS.get() {
        let line = format!("{{\"nonce\":{},\"record\":{}}}\n", json(nonce), record);
        let mut f = lock(file);
        let _ = f.write_all(line.as_bytes());
        let _ = f.flush();
    }
}

/// A JSON string literal of `s` (its first 3000 characters).
pub(super) fn json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars().take(3000) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
