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
//! (per-thread CPU time and work spread; `patience` times its rendezvous, `overlap` judges it),
//! `panics` (panics on any thread → verdicts), `contend` (a read-modify-write that is not
//! atomic loses updates in every grade), `network` (a simulated service on the paused clock that
//! notes which threads called it, and a watch for threads the sandbox refused).
#![allow(dead_code)]

mod channel;
mod contend;
mod network;
mod overlap;
mod panics;
mod patience;
mod paused;
mod rng;
mod trace;
mod verdict;
mod work;

// The exercise's hidden tests are a child module, so they see everything here; the student's
// file is a sibling of this module and sees none of it (private items, `pub(in …)` fields):
// it cannot reset a recorded stall, count a decoy thread as work or write a trace span.
#[path = "exercise.rs"]
pub(crate) mod exercise;

use channel::threshold;
use contend::contend;
use network::{Network, PanicWatch};
use paused::{on_runtime_thread, on_test_runtime, test_sleep};
use rng::{keyed, salt, Rng};
use panics::panics_so_far;
use trace::{now_ms, span};
use verdict::{fail, pass, Clock, Test, Verdict};
use work::{measure_work, measure_work_if, meet_calls_of, meet_first_calls, on_rayon_pool, thread_cpu_ms, Inputs, Ledger, RunClock, WorkLog};

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// Per-test measurements the test (or the exercise's API functions) fill in.
pub(in crate::interleave) struct Ctx {
    /// This test's inputs, drawn from the grade's seed.
    pub(in crate::interleave) rng: Rng,
    /// Virtual ms of all paused runs of this test so far (the trace's time axis).
    pub(in crate::interleave) virtual_ms: Option<f64>,
    /// Virtual ms of the latest `paused` call.
    pub(in crate::interleave) last_virtual_ms: f64,
    pub(in crate::interleave) work_spread: Option<f64>,
    pub(in crate::interleave) threads_used: Option<usize>,
    pub(in crate::interleave) cpu_ms: Option<f64>,
    /// Longest real-time stretch a paused runtime's thread ran tasks without parking.
    pub(in crate::interleave) longest_stall_ms: Option<f64>,
    /// Wall-clock speedup against an in-run sequential baseline (information, not a verdict).
    pub(in crate::interleave) speedup: Option<f64>,
}

impl Ctx {
    fn new(test: &str) -> Ctx {
        Ctx {
            rng: Rng::for_test(channel::seed(), test),
            virtual_ms: None,
            last_virtual_ms: 0.0,
            work_spread: None,
            threads_used: None,
            cpu_ms: None,
            longest_stall_ms: None,
            speedup: None,
        }
    }
}

static STARTED: AtomicBool = AtomicBool::new(false);

/// A poisoned lock still holds usable data: a student's panic must not break the harness.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Entry point, called once by the generated `main` before any student code runs.
pub(crate) fn main() {
    run(exercise::tests());
}

fn run(tests: Vec<Test>) {
    if STARTED.swap(true, Ordering::SeqCst) {
        panic!("the harness runs once");
    }
    channel::open();
    fix_pool_sizes();
    panics::install_hook();
    let names: Vec<String> = tests.iter().map(|t| channel::json(t.name)).collect();
    channel::emit(format!("{{\"plan\":[{}]}}", names.join(",")));
    *lock(&PLAN) = tests.iter().map(|t| (t.name, clock_name(&t.clock))).collect();
    for (i, test) in tests.into_iter().enumerate() {
        *lock(&CURRENT) = i;
        run_one(test);
    }
    channel::emit("{\"done\":true}".to_string());
}

/// Threads of every pool whose size would otherwise follow the machine: rayon's global pool,
/// and the defaults of pools the student's code builds (rayon and tokio read these variables).
/// Verdicts that count threads must not depend on how many CPUs the grading host has.
const POOL_THREADS: usize = 4;

fn fix_pool_sizes() {
    // Still single-threaded here: nothing else reads the environment while it changes.
    std::env::set_var("RAYON_NUM_THREADS", POOL_THREADS.to_string());
    std::env::set_var("TOKIO_WORKER_THREADS", POOL_THREADS.to_string());
    let _ = rayon::ThreadPoolBuilder::new().num_threads(POOL_THREADS).thread_name(|i| format!("tests:rayon-global-{}", i)).build_global();
}

/// The tests' names and clocks, and the index of the one running (for `abandon_test`).
static PLAN: Mutex<Vec<(&'static str, &'static str)>> = Mutex::new(Vec::new());
static CURRENT: Mutex<usize> = Mutex::new(0);

fn clock_name(clock: &Clock) -> &'static str {
    match clock {
        Clock::Virtual => "virtual",
        Clock::Real => "real",
    }
}

/// Ends the run from a watchdog: the running test gets `verdict`, the ones after it say they
/// were not run, and the process exits (its stuck threads cannot be stopped any other way).
fn abandon_test(verdict: Verdict) -> ! {
    let plan = lock(&PLAN).clone();
    let current = *lock(&CURRENT);
    let ctx = Ctx::new("");
    for (i, (name, clock)) in plan.iter().enumerate().skip(current) {
        let v = if i == current { fail(verdict.reason.unwrap_or("internal"), verdict.message.clone()) } else { fail(verdict.reason.unwrap_or("internal"), "not run: an earlier test had to be stopped") };
        channel::emit(format!("{{\"test\":{}}}", test_record(name, clock, &v, 0.0, &ctx)));
    }
    channel::emit("{\"done\":true}".to_string());
    std::process::exit(0);
}

fn run_one(test: Test) {
    trace::start_test();
    let _ = panics::take();
    work::start_test();
    let started = Instant::now();
    let mut ctx = Ctx::new(test.name);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (test.run)(&mut ctx)));
    let duration = started.elapsed().as_secs_f64() * 1000.0;
    let hook_replaced = !panics::hook_intact();
    if hook_replaced {
        panics::install_hook();
    }
    let (panics, async_panics) = panics::take();
    let foreign = paused::take_foreign();
    let other_context = paused::take_other_context();
    let verdict = match outcome {
        Ok(v) if panics.is_empty() || v.status != "pass" => v,
        // The test ran to its end although async code panicked: tokio caught a task's panic.
        Ok(_) if async_panics > 0 => panics::task_verdict(&panics),
        _ => panics::verdict(&panics),
    };
    let verdict = if hook_replaced {
        fail("runtime_error", "your code replaced the panic hook (std::panic::set_hook): the tests use it to see the panics of your threads and tasks, so this test cannot be judged")
    } else {
        verdict
    };
    let verdict = blocked_after_all(verdict, &test.clock, &ctx);
    // Waits on a runtime or thread of the student's own are off the test's clock: whatever they
    // did, the test cannot see them overlap (a private paused runtime reads 0 ms).
    let verdict = if verdict.status == "pass" && !foreign.is_empty() {
        fail("no_overlap", format!("{} ran on a runtime or thread your code started, not on the test's runtime, so the test could not see the waits overlap (a runtime of your own reads 0 ms whatever it does).", foreign.join(", ")))
    } else {
        verdict
    };
    // Waits awaited on the test's thread inside a runtime of the student's own (Handle::enter,
    // then another executor such as futures::executor::block_on) went on that runtime's clock.
    let verdict = if verdict.status == "pass" && !other_context.is_empty() {
        fail("no_overlap", format!("{} {} awaited on the test's thread but inside a runtime your code built (Handle::enter / EnterGuard, with futures::executor::block_on or another executor polling {}): {} waits went on that runtime's clock, which the test does not watch, so it could not see them overlap. Await the exercise's functions in your async fn, on the runtime it already runs on.", other_context.join(", "), if other_context.len() == 1 { "was" } else { "were" }, if other_context.len() == 1 { "it" } else { "them" }, if other_context.len() == 1 { "its" } else { "their" }))
    } else {
        verdict
    };
    let clock = clock_name(&test.clock);
    channel::emit(format!("{{\"test\":{}}}", test_record(test.name, clock, &verdict, duration, &ctx)));
}

/// A virtual-clock test that passed although its runtime's thread was held for longer than the
/// exercise allows (std::thread::sleep or heavy work in async code leave virtual time still, so
/// overlap checks alone would pass): every async exercise promises `blocked_runtime` for that.
fn blocked_after_all(verdict: Verdict, clock: &Clock, ctx: &Ctx) -> Verdict {
    let stall = ctx.longest_stall_ms.unwrap_or(0.0);
    let max = threshold("maxStallMs", 50.0);
    if verdict.status != "pass" || !matches!(clock, Clock::Virtual) || stall <= max {
        return verdict;
    }
    fail("blocked_runtime", format!("the runtime's thread was held for {:.0} ms without reaching an .await (the limit is {:.0} ms), so no other task could run meanwhile: a blocking call such as std::thread::sleep, or heavy computation, inside async code", stall, max))
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
