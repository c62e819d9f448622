//! The Rust grading harness, compiled into every submission's binary next to the exercise's
//! hidden tests (`crate::exercise`) and the student's file (`crate::student`, compiled with
//! `forbid(unsafe_code)`). Verdicts leave on a results channel the student cannot reach: fd 3
//! is moved to a close-on-exec descriptor held in a private static before any student code
//! runs, the sandbox mounts no /proc (so no /proc/self/fd), and every record carries a nonce
//! read from stdin first. The student's stdout and exit code decide nothing.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

pub enum Clock {
    Virtual,
    Real,
}

pub struct Test {
    pub name: &'static str,
    pub clock: Clock,
    pub run: fn(&mut Ctx) -> Verdict,
}

pub struct Verdict {
    status: &'static str,
    reason: Option<&'static str>,
    message: String,
    expected: Option<String>,
    actual: Option<String>,
}

pub fn pass(message: impl Into<String>) -> Verdict {
    Verdict { status: "pass", reason: None, message: message.into(), expected: None, actual: None }
}

/// A verdict with a reason from the GradeResult contract; its status follows the reason.
pub fn fail(reason: &'static str, message: impl Into<String>) -> Verdict {
    let status = match reason {
        "compile_error" | "timeout" | "memory_limit" | "output_limit" | "resource_limit" | "runtime_error" | "sandbox_violation" | "internal" => "error",
        _ => "fail",
    };
    Verdict { status, reason: Some(reason), message: message.into(), expected: None, actual: None }
}

impl Verdict {
    pub fn values(mut self, expected: impl std::fmt::Debug, actual: impl std::fmt::Debug) -> Verdict {
        self.expected = Some(format!("{:?}", expected));
        self.actual = Some(format!("{:?}", actual));
        self
    }
}

/// One timeline span, in ms from the test's start on the test's clock.
struct Span {
    task: String,
    thread: String,
    kind: &'static str,
    start: f64,
    end: f64,
}

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

enum Origin {
    Real(Instant),
    /// The paused runtime's start, and the virtual ms earlier runtimes of this test used.
    Virtual(tokio::time::Instant, f64),
}

static ORIGIN: Mutex<Option<Origin>> = Mutex::new(None);
static SPANS: Mutex<Vec<Span>> = Mutex::new(Vec::new());
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static RESULTS: OnceLock<(Mutex<std::fs::File>, String)> = OnceLock::new();
static LONGEST_STALL: Mutex<f64> = Mutex::new(0.0);
static STARTED: AtomicBool = AtomicBool::new(false);
/// Panics of the current test raised while a tokio runtime was running them.
static ASYNC_PANICS: Mutex<usize> = Mutex::new(0);
static THRESHOLDS: OnceLock<HashMap<String, f64>> = OnceLock::new();
/// The work log of the current measurement, tagged with its generation: a call that began in
/// an earlier one (a thread nobody joined) cannot touch the current log.
static WORK: Mutex<(usize, Option<WorkLog>)> = Mutex::new((0, None));

/// What the exercise's instrumented work functions saw during one test.
#[derive(Default, Clone)]
pub struct WorkLog {
    pub started: usize,
    pub finished: usize,
    pub in_flight: usize,
    /// Most calls running at the same moment.
    pub max_in_flight: usize,
    /// CPU ms per thread that ran work.
    pub cpu_by_thread: HashMap<String, f64>,
}

fn new_generation() -> WorkLog {
    let mut work = lock(&WORK);
    work.0 += 1;
    work.1.take().unwrap_or_default()
}

fn thread_label() -> String {
    let thread = std::thread::current();
    let id = format!("{:?}", thread.id()).replace("ThreadId(", "#").replace(')', "");
    match thread.name() {
        Some("main") => "main".to_string(),
        // Pool threads share a name (tokio-runtime-worker, …): the id tells them apart.
        Some(name) => format!("{} {}", name, id),
        None => format!("thread {}", id),
    }
}

/// Runs one unit of an exercise's CPU work, timing it on the calling thread's CPU clock (so
/// the verdict does not depend on what else the machine is doing) and on the trace.
pub fn measure_work<T>(task: &str, f: impl FnOnce() -> T) -> T {
    let generation = {
        let mut work = lock(&WORK);
        let log = work.1.get_or_insert_with(WorkLog::default);
        log.started += 1;
        log.in_flight += 1;
        log.max_in_flight = log.max_in_flight.max(log.in_flight);
        work.0
    };
    let (start, cpu0) = (now_ms(), thread_cpu_ms());
    let out = f();
    let (end, cpu) = (now_ms(), thread_cpu_ms() - cpu0);
    let mut work = lock(&WORK);
    if work.0 == generation {
        span(task, "run", start, end);
        let log = work.1.get_or_insert_with(WorkLog::default);
        log.finished += 1;
        log.in_flight = log.in_flight.saturating_sub(1);
        *log.cpu_by_thread.entry(thread_label()).or_insert(0.0) += cpu;
    }
    out
}

/// Milliseconds since the running test started, on its clock.
pub fn now_ms() -> f64 {
    match &*lock(&ORIGIN) {
        Some(Origin::Virtual(t0, offset)) => offset + tokio::time::Instant::now().duration_since(*t0).as_secs_f64() * 1000.0,
        Some(Origin::Real(t0)) => t0.elapsed().as_secs_f64() * 1000.0,
        None => 0.0,
    }
}

/// Records a span of the running test's trace (kind: run | wait | blocked | lock).
pub fn span(task: &str, kind: &'static str, start: f64, end: f64) {
    let name = thread_label();
    let mut spans = lock(&SPANS);
    if spans.len() < 5000 {
        spans.push(Span { task: task.to_string(), thread: name, kind, start, end });
    }
}

/// CPU time of the calling thread in ms (Linux CLOCK_THREAD_CPUTIME_ID).
pub fn thread_cpu_ms() -> f64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: a valid out-pointer; clock 3 is CLOCK_THREAD_CPUTIME_ID.
    unsafe { clock_gettime(3, &mut ts) };
    ts.sec as f64 * 1000.0 + ts.nsec as f64 / 1e6
}

impl Ctx {
    /// Runs a future on tokio's paused clock (current_thread, start_paused): sleeps cost no real
    /// time and time only moves when every task waits, so overlap is measured exactly.
    ///
    /// It also times, on the real clock, every stretch the runtime thread spends running tasks
    /// between two parks: a task that computes or blocks without awaiting holds the only
    /// runtime thread for that long (`longest_stall_ms`).
    pub fn paused<F: std::future::Future>(&mut self, future: F) -> F::Output {
        let busy_since: std::sync::Arc<Mutex<Option<Instant>>> = Default::default();
        let (on_unpark, on_park) = (busy_since.clone(), busy_since.clone());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .on_thread_unpark(move || *lock(&on_unpark) = Some(Instant::now()))
            .on_thread_park(move || {
                if let Some(t0) = lock(&on_park).take() {
                    let ms = t0.elapsed().as_secs_f64() * 1000.0;
                    let mut longest = lock(&LONGEST_STALL);
                    *longest = longest.max(ms);
                }
            })
            .build()
            .expect("tokio runtime");
        *lock(&LONGEST_STALL) = 0.0;
        *lock(&busy_since) = Some(Instant::now());
        let out = runtime.block_on(async {
            let t0 = tokio::time::Instant::now();
            let offset = self.virtual_ms.unwrap_or(0.0);
            *lock(&ORIGIN) = Some(Origin::Virtual(t0, offset));
            let out = future.await;
            self.last_virtual_ms = t0.elapsed().as_secs_f64() * 1000.0;
            self.virtual_ms = Some(offset + self.last_virtual_ms);
            out
        });
        if let Some(t0) = lock(&busy_since).take() {
            let mut longest = lock(&LONGEST_STALL);
            *longest = longest.max(t0.elapsed().as_secs_f64() * 1000.0);
        }
        let stall = *lock(&LONGEST_STALL);
        self.longest_stall_ms = Some(self.longest_stall_ms.unwrap_or(0.0).max(stall));
        out
    }

    /// The work log since the test started (or since the last `take_work`), and records its
    /// spread. Waits up to `grace_ms` for calls still running (threads nobody joined) to end,
    /// so they cannot spill into the next test; the returned log shows them as unfinished.
    pub fn take_work(&mut self, grace_ms: u64) -> WorkLog {
        let log = new_generation();
        if log.in_flight > 0 || log.started == 0 {
            // Let stray threads (never joined) finish or start, so they cannot spill over.
            let deadline = Instant::now() + std::time::Duration::from_millis(grace_ms);
            let mut quiet_since = Instant::now();
            while Instant::now() < deadline {
                let busy = lock(&WORK).1.as_ref().map_or(false, |l| l.in_flight > 0);
                if busy {
                    quiet_since = Instant::now();
                } else if quiet_since.elapsed() > std::time::Duration::from_millis(50) {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            new_generation();
        }
        self.spread(&log.cpu_by_thread);
        log
    }

    /// Folds per-thread CPU times into work spread (total ÷ busiest thread) and threads used.
    pub fn spread(&mut self, per_thread_cpu_ms: &HashMap<String, f64>) {
        let total: f64 = per_thread_cpu_ms.values().sum();
        let busiest = per_thread_cpu_ms.values().cloned().fold(0.0, f64::max);
        self.cpu_ms = Some(total);
        self.threads_used = Some(per_thread_cpu_ms.len());
        self.work_spread = Some(if busiest > 0.0 { total / busiest } else { 0.0 });
    }
}

/// A number from the exercise's `thresholds` (exercise.json), or `default` when it names none.
pub fn threshold(name: &str, default: f64) -> f64 {
    THRESHOLDS.get().and_then(|t| t.get(name).copied()).unwrap_or(default)
}

/// The panics seen so far in the running test (any thread), as "thread '…' panicked at line …: …".
pub fn panics_so_far() -> Vec<String> {
    lock(&PANICS).clone()
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

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Entry point, called once by the generated `main` before any student code runs.
pub fn run(tests: Vec<Test>) {
    if STARTED.swap(true, Ordering::SeqCst) {
        panic!("the harness runs once");
    }
    // stdin: the nonce line, then one line of the exercise's thresholds as flat JSON.
    let mut input = String::new();
    let _ = std::io::stdin().read_to_string(&mut input);
    let mut lines = input.lines();
    let nonce = lines.next().unwrap_or("").to_string();
    let _ = THRESHOLDS.set(parse_thresholds(lines.next().unwrap_or("")));
    use std::os::fd::FromRawFd;
    // SAFETY: fd 3 is the results pipe the runner opened for us; nothing else owns it.
    let inherited = unsafe { std::fs::File::from_raw_fd(3) };
    let file = inherited.try_clone().expect("results channel"); // close-on-exec copy
    drop(inherited);
    let _ = RESULTS.set((Mutex::new(file), nonce.trim().to_string()));
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("unnamed").to_string();
        let what = info.payload().downcast_ref::<&str>().map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let at = info.location().map(|l| format!(" at line {}", l.line())).unwrap_or_default();
        eprintln!("thread '{}' panicked{}: {}", name, at, what);
        // Inside a tokio runtime: a spawned task's panic, which tokio catches and hands to its
        // JoinHandle (or the main future's own, which then unwinds out of block_on).
        if tokio::runtime::Handle::try_current().is_ok() {
            *lock(&ASYNC_PANICS) += 1;
        }
        lock(&PANICS).push(format!("thread '{}' panicked{}: {}", name, at, what));
    }));
    let names: Vec<String> = tests.iter().map(|t| json(t.name)).collect();
    emit(format!("{{\"plan\":[{}]}}", names.join(",")));
    for test in tests {
        run_one(test);
    }
    emit("{\"done\":true}".to_string());
}

fn run_one(test: Test) {
    lock(&SPANS).clear();
    lock(&PANICS).clear();
    *lock(&ASYNC_PANICS) = 0;
    new_generation();
    *lock(&ORIGIN) = Some(Origin::Real(Instant::now()));
    let started = Instant::now();
    let mut ctx = Ctx::default();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (test.run)(&mut ctx)));
    let duration = started.elapsed().as_secs_f64() * 1000.0;
    let panics = std::mem::take(&mut *lock(&PANICS));
    let async_panics = std::mem::take(&mut *lock(&ASYNC_PANICS));
    let verdict = match outcome {
        Ok(v) if panics.is_empty() || v.status != "pass" => v,
        // The test ran to its end although async code panicked: tokio caught a task's panic.
        Ok(_) if async_panics > 0 => task_panic_verdict(&panics),
        _ => panic_verdict(&panics),
    };
    let clock = match test.clock {
        Clock::Virtual => "virtual",
        Clock::Real => "real",
    };
    let mut out = String::from("{");
    let _ = write!(out, "\"name\":{},\"status\":\"{}\",\"message\":{},\"durationMs\":{:.3},\"clock\":\"{}\"", json(test.name), verdict.status, json(&verdict.message), duration, clock);
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
    let fields = [("virtualMs", ctx.virtual_ms), ("workSpread", ctx.work_spread), ("cpuMs", ctx.cpu_ms), ("threadsUsed", ctx.threads_used.map(|n| n as f64)), ("longestStallMs", ctx.longest_stall_ms), ("speedup", ctx.speedup)];
    for (k, v) in fields {
        if let Some(v) = v {
            timing.push(format!("\"{}\":{}", k, if k == "threadsUsed" { format!("{}", v as u64) } else { format!("{:.3}", v) }));
        }
    }
    let _ = write!(out, ",\"timing\":{{{}}}", timing.join(","));
    let spans = std::mem::take(&mut *lock(&SPANS));
    let items: Vec<String> = spans.iter().map(|s| format!("{{\"task\":{},\"thread\":{},\"kind\":\"{}\",\"start\":{:.3},\"end\":{:.3}}}", json(&s.task), json(&s.thread), s.kind, s.start.max(0.0), s.end.max(s.start).max(0.0))).collect();
    let _ = write!(out, ",\"trace\":[{}]}}", items.join(","));
    emit(format!("{{\"test\":{}}}", out));
}

fn panic_verdict(panics: &[String]) -> Verdict {
    let first = panics.first().cloned().unwrap_or_else(|| "the test panicked".to_string());
    if panics.iter().any(|p| p.contains("failed to spawn thread") || p.contains("Resource temporarily unavailable")) {
        return fail("resource_limit", format!("the sandbox's process/thread cap was hit: {}", first));
    }
    if panics.iter().any(|p| !p.starts_with("thread 'main'")) {
        return fail("task_failed", format!("a spawned thread or task failed: {}", first));
    }
    // `handle.await.unwrap()` on a task that panicked: the task's own panic came first.
    if panics.iter().any(|p| p.contains("JoinError::Panic")) {
        return task_panic_verdict(panics);
    }
    fail("runtime_error", format!("your code panicked: {}", first))
}

fn task_panic_verdict(panics: &[String]) -> Verdict {
    let first = panics.first().cloned().unwrap_or_else(|| "a task panicked".to_string());
    let what = first.strip_prefix("thread 'main' ").unwrap_or(&first);
    fail("task_failed", format!("a spawned task {} — its JoinHandle returned Err(JoinError::Panic(..)); a task's panic does not stop the other tasks, but whoever awaits it must handle the error", what))
}

fn emit(record: String) {
    if let Some((file, nonce)) = RESULTS.get() {
        let line = format!("{{\"nonce\":{},\"record\":{}}}\n", json(nonce), record);
        let mut f = lock(file);
        let _ = f.write_all(line.as_bytes());
        let _ = f.flush();
    }
}

fn json(s: &str) -> String {
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
