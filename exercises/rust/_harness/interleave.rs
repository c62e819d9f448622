//! The Rust grading harness, compiled into every submission's binary next to the exercise's
//! hidden tests (`crate::exercise`) and the student's file (`crate::student`, compiled with
//! `forbid(unsafe_code)`). Verdicts leave on a results channel the student cannot reach: fd 3
//! is moved to a close-on-exec descriptor held in a private static before any student code
//! runs, the sandbox mounts no /proc (so no /proc/self/fd), and every record carries a nonce
//! read from stdin first. The student's stdout and exit code decide nothing.
//!
//! Its parts, each a file next to this one (the runner compiles every `.rs` in this folder):
//! `verdict` (what a test returns), `channel` (nonce, thresholds, results records), `trace`
//! (the test's clock and spans), `paused` (tokio's paused clock and stall timing), `work`
//! (per-thread CPU time and work spread), `panics` (panics on any thread → verdicts).
#![allow(dead_code)]

mod channel;
mod panics;
mod paused;
mod trace;
mod verdict;
mod work;

pub use channel::threshold;
pub use panics::panics_so_far;
pub use trace::{now_ms, span};
pub use verdict::{fail, pass, Clock, Test, Verdict};
pub use work::{measure_work, thread_cpu_ms, WorkLog};

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// Per-test measurements the test (or the exercise's API functions) fill in.
#[derive(Default)]
pub struct Ctx {
    /// Virtual ms of all paused runs of this test so far (the trace's time axis).
    pub virtual_ms: Option<f64>,
    /// Virtual ms of the latest `paused` call.
    pub last_virtual_ms: f64,
    pub work_spread: Option<f64>,
    pub threads_used: Option<usize>,
    pub cpu_ms: Option<f64>,
    /// Longest real-time stretch a paused runtime's thread ran tasks without parking.
    pub longest_stall_ms: Option<f64>,
    /// Wall-clock speedup against an in-run sequential baseline (information, not a verdict).
    pub speedup: Option<f64>,
}

static STARTED: AtomicBool = AtomicBool::new(false);

/// A poisoned lock still holds usable data: a student's panic must not break the harness.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Entry point, called once by the generated `main` before any student code runs.
pub fn run(tests: Vec<Test>) {
    if STARTED.swap(true, Ordering::SeqCst) {
        panic!("the harness runs once");
    }
    channel::open();
    panics::install_hook();
    let names: Vec<String> = tests.iter().map(|t| channel::json(t.name)).collect();
    channel::emit(format!("{{\"plan\":[{}]}}", names.join(",")));
    for test in tests {
        run_one(test);
    }
    channel::emit("{\"done\":true}".to_string());
}

fn run_one(test: Test) {
    trace::start_test();
    let _ = panics::take();
    work::new_generation();
    let started = Instant::now();
    let mut ctx = Ctx::default();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (test.run)(&mut ctx)));
    let duration = started.elapsed().as_secs_f64() * 1000.0;
    let (panics, async_panics) = panics::take();
    let verdict = match outcome {
        Ok(v) if panics.is_empty() || v.status != "pass" => v,
        // The test ran to its end although async code panicked: tokio caught a task's panic.
        Ok(_) if async_panics > 0 => panics::task_verdict(&panics),
        _ => panics::verdict(&panics),
    };
    let clock = match test.clock {
        Clock::Virtual => "virtual",
        Clock::Real => "real",
    };
    channel::emit(format!("{{\"test\":{}}}", test_record(test.name, clock, &verdict, duration, &ctx)));
}

/// One test's record (GradeResult test fields, timing and trace) as JSON.
fn test_record(name: &str, clock: &str, verdict: &Verdict, duration: f64, ctx: &Ctx) -> String {
    let json = channel::json;
    let mut out = String::from("{");
    let _ = write!(out, "\"name\":{},\"status\":\"{}\",\"message\":{},\"durationMs\":{:.3},\"clock\":\"{}\"", json(name), verdict.status, json(&verdict.message), duration, clock);
    if let Some(r) = verdict.reason {
        let _ = write!(out, ",\"reason\":\"{}\"", r);
    }
    if let Some(e) = &verdict.expected {
        let _ = write!(out, ",\"expected\":{}", json(e));
    }
    if let Some(a) = &verdict.actual {
        let _ = write!(out, ",\"actual\":{}", json(a));
    }
    let mut timing = vec![format!("\"wallMs\":{:.3}", duration)];
    let fields = [("virtualMs", ctx.virtual_ms), ("workSpread", ctx.work_spread), ("cpuMs", ctx.cpu_ms), ("longestStallMs", ctx.longest_stall_ms), ("speedup", ctx.speedup)];
    for (k, v) in fields {
        if let Some(v) = v {
            timing.push(format!("\"{}\":{:.3}", k, v));
        }
    }
    if let Some(n) = ctx.threads_used {
        timing.push(format!("\"threadsUsed\":{}", n));
    }
    let _ = write!(out, ",\"timing\":{{{}}},\"trace\":{}}}", timing.join(","), trace::take_json());
    out
}
