// Hidden tests for rust/download-many. `download` waits on tokio's paused clock (exact overlap)
// and notes which OS thread polled it, so "a thread per download" is judged by counting
// threads against the budget, never by memory or speed. A thread the sandbox refused to
// create (its hard cap sits far above the budget) counts as a budget breach too.
use super::{fail, keyed, now_ms, pass, span, test_sleep, threshold, Clock, Ctx, Inputs, Test, Verdict};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

const LATENCY_MS: u64 = 100;
const MANY: u32 = 1000;
/// Default of exercise.json's `threadBudget`: most OS threads that may run downloads (the
/// sandbox's hard cap, max(64, 4 × maxWorkers) threads in all, sits far above it).
const THREAD_BUDGET: f64 = 8.0;

fn budget() -> usize {
    threshold("threadBudget", THREAD_BUDGET) as usize
}

#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub id: u32,
    pub bytes: usize,
}

/// Depends on the grade and on the id alone (keyed): a file's size cannot be known without
/// downloading that file, and one size tells nothing about another.
fn size_of(id: u32) -> usize {
    1000 + (keyed("bytes", id as u64) % 500) as usize
}

/// The ids `download` was asked for during the current `run` (the host's own record).
static ASKED: Inputs<u32> = Inputs::new();

/// Threads that ran `download` during the current `run` (None outside one).
static CALLERS: Mutex<Option<HashSet<ThreadId>>> = Mutex::new(None);
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static SPAWN_FAILURES: AtomicUsize = AtomicUsize::new(0);
static FIRST_PANIC: Mutex<Option<String>> = Mutex::new(None);
static WATCH: Once = Once::new();
/// The thread that runs the test's paused runtime (set for the duration of a run).
static RUNTIME_THREAD: Mutex<Option<ThreadId>> = Mutex::new(None);

/// Waits `ms` for a simulated network reply. On the test's paused runtime this is a virtual
/// wait. A thread of that runtime's blocking pool (spawn_blocking + Handle::block_on) cannot
/// wait on the paused clock: tokio does not move it while blocking work runs, so it would hang
/// for ever. That thread waits for real instead, as a thread per request would.
async fn network_wait(ms: u64) {
    let on_runtime_thread = *RUNTIME_THREAD.lock().unwrap_or_else(|e| e.into_inner()) == Some(std::thread::current().id());
    if !on_runtime_thread && tokio::runtime::Handle::try_current().is_ok() && clock_frozen() {
        std::thread::sleep(Duration::from_millis(ms));
    } else {
        test_sleep("download", Duration::from_millis(ms)).await;
    }
}

/// True inside a runtime whose clock is paused: its time stands still while real time passes.
fn clock_frozen() -> bool {
    let before = tokio::time::Instant::now();
    let real = Instant::now();
    while real.elapsed() < Duration::from_micros(20) {
        std::hint::spin_loop();
    }
    tokio::time::Instant::now() == before
}

struct InFlight;
impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Downloads file `id` (waits 100 ms; nothing to compute).
pub async fn download(id: u32) -> Download {
    IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
    let _guard = InFlight;
    if let Some(set) = CALLERS.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        set.insert(std::thread::current().id());
    }
    ASKED.claim(&[id]);
    let start = now_ms();
    network_wait(LATENCY_MS).await;
    if id < 20 {
        span(&format!("download({})", id), "wait", start, now_ms());
    }
    Download { id, bytes: size_of(id) }
}

/// Counts panics that mean "the OS refused another thread", wherever they happen; the
/// harness's own hook still runs afterwards.
fn watch_spawn_failures() {
    WATCH.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let text = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
            FIRST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(|| text.clone());
            if text.contains("failed to spawn thread") || text.contains("Resource temporarily unavailable") || text.contains("spawn worker thread") {
                SPAWN_FAILURES.fetch_add(1, Ordering::SeqCst);
            }
            previous(info)
        }));
    });
}

struct Outcome {
    result: Option<Vec<Download>>,
    threads: usize,
    /// Threads other than the test's runtime thread that ran downloads (a private runtime, or a
    /// thread per download): their waits are not on the test's clock.
    off_runtime: usize,
    spawn_failures: usize,
    first_panic: Option<String>,
    /// "download was never asked for 999 of the 1000 ids (e.g. …)", from the host's record.
    never_asked: Option<String>,
}

/// Runs download_all(ids) on the paused clock, catching a panic, and waits (up to 2 s of real
/// time) for downloads still running on threads nobody joined.
fn run(ctx: &mut Ctx, ids: Vec<u32>) -> Outcome {
    watch_spawn_failures();
    SPAWN_FAILURES.store(0, Ordering::SeqCst);
    *FIRST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = None;
    *CALLERS.lock().unwrap_or_else(|e| e.into_inner()) = Some(HashSet::new());
    *RUNTIME_THREAD.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::thread::current().id());
    let runtime = std::thread::current().id();
    ASKED.start(ids.iter().copied());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ctx.paused(student_download_all(ids)))).ok();
    *RUNTIME_THREAD.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let deadline = Instant::now() + Duration::from_millis(2000);
    while IN_FLIGHT.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let callers = CALLERS.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
    let first_panic = FIRST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take();
    let off_runtime = callers.iter().filter(|&&t| t != runtime).count();
    let never_asked = ASKED.take().and_then(|asked| asked.never_asked("download", "ids"));
    Outcome { result, threads: callers.len(), off_runtime, spawn_failures: SPAWN_FAILURES.load(Ordering::SeqCst), first_panic, never_asked }
}

/// "1 thread", "3 threads".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", n, if n == 1 { one } else { many })
}

/// MANY distinct ids in a random order, drawn for this grade.
fn many_ids(ctx: &mut Ctx) -> Vec<u32> {
    let first = ctx.rng.int(0, 1_000_000) as u32;
    let mut ids: Vec<u32> = (first..first + MANY).collect();
    ctx.rng.shuffle(&mut ids);
    ids
}

fn expected(ids: &[u32]) -> Vec<Download> {
    ids.iter().map(|&id| Download { id, bytes: size_of(id) }).collect()
}

fn over_budget(out: &Outcome, n: u32) -> Option<Verdict> {
    if out.spawn_failures > 0 {
        return Some(fail("thread_budget", format!("for {} downloads your code tried to start more threads than the budget of {} (the sandbox refused to create more: \"failed to spawn thread\"), although a download only waits", n, budget())));
    }
    if out.threads > budget() {
        return Some(fail("thread_budget", format!("the {} downloads ran on {} different OS threads, but the budget is {}, although a download only waits", n, out.threads, budget())));
    }
    None
}

fn wrong(out: &Outcome, ids: &[u32]) -> Option<Verdict> {
    let want = expected(ids);
    match &out.result {
        None => Some(fail("wrong_result", format!("download_all() panicked for {} ids instead of returning the downloads: {}", ids.len(), out.first_panic.as_deref().unwrap_or("no message")))),
        Some(got) if got.len() == want.len() && out.never_asked.is_some() => Some(fail("wrong_result", format!("download_all() returned {} downloads, but {}: a file's size is only known by downloading it.", got.len(), out.never_asked.as_deref().unwrap_or(""))).values(want.iter().take(5).collect::<Vec<_>>(), got.iter().take(5).collect::<Vec<_>>())),
        Some(got) if got.len() < want.len() => Some(fail("wrong_result", format!("download_all() returned {} of {} downloads: the {} were still running (or never started) when it returned.", got.len(), want.len(), if want.len() - got.len() == 1 { "other one" } else { "others" }))),
        Some(got) if *got != want => Some(fail("wrong_result", format!("download_all() must return one Download per id, in the order of the ids ({} ids)", ids.len())).values(want.iter().take(5).collect::<Vec<_>>(), got.iter().take(5).collect::<Vec<_>>())),
        _ => None,
    }
}

fn right_downloads(ctx: &mut Ctx) -> Verdict {
    let drawn: Vec<u32> = ctx.rng.distinct(5, 0, 99_999).into_iter().map(|id| id as u32).collect();
    for ids in [drawn, vec![]] {
        let out = run(ctx, ids.clone());
        if let Some(v) = wrong(&out, &ids) {
            return v;
        }
    }
    pass("every download, in the order of the ids")
}

fn within_budget(ctx: &mut Ctx) -> Verdict {
    let ids = many_ids(ctx);
    let out = run(ctx, ids.clone());
    if let Some(v) = over_budget(&out, MANY) {
        return v;
    }
    if let Some(v) = wrong(&out, &ids) {
        return v;
    }
    pass(format!("{} downloads ran on {} (budget {})", MANY, count(out.threads, "OS thread", "OS threads"), budget()))
}

fn overlapping(ctx: &mut Ctx) -> Verdict {
    let ids = many_ids(ctx);
    let out = run(ctx, ids.clone());
    if let Some(v) = over_budget(&out, MANY).or_else(|| wrong(&out, &ids)) {
        return v;
    }
    let ms = ctx.last_virtual_ms;
    if out.off_runtime > 0 {
        return fail("no_overlap", format!("the {} downloads ran on {} your code started, not on the test's runtime, so their waits were not on its clock and could not be seen overlapping (a runtime of your own, or a thread per download?).", MANY, count(out.off_runtime, "thread", "threads")));
    }
    if ms > 1.5 * LATENCY_MS as f64 {
        return fail("no_overlap", format!("{} downloads took {:.0} ms ({:.1} s) on the paused clock, but one takes {} ms: they waited one after another.", MANY, ms, ms / 1000.0, LATENCY_MS));
    }
    pass(format!("{} downloads waited at the same time: {:.0} ms in all", MANY, ms))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "download_all() returns every download in order", clock: Clock::Virtual, run: right_downloads },
        Test { name: "1,000 downloads stay within the thread budget", clock: Clock::Virtual, run: within_budget },
        Test { name: "1,000 downloads wait at the same time", clock: Clock::Virtual, run: overlapping },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_download_all(ids: Vec<u32>) -> impl std::future::Future<Output = Vec<Download>> {
    crate::student::download_all(ids)
}
