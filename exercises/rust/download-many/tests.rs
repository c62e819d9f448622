// Hidden tests for rust/download-many. `download` waits on tokio's paused clock (exact overlap)
// and notes which OS thread polled it, so "a thread per download" is judged by counting
// threads against the budget, never by memory or speed. A thread the sandbox refused to
// create (its hard cap sits far above the budget) counts as a budget breach too.
use super::{fail, keyed, now_ms, pass, span, threshold, Clock, Ctx, Inputs, Network, PanicWatch, Test, Verdict};

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
static SERVICE: Network = Network::new();
static PANICS: PanicWatch = PanicWatch::new();

/// Downloads file `id` (waits 100 ms; nothing to compute).
pub async fn download(id: u32) -> Download {
    let _call = SERVICE.call();
    ASKED.claim(&[id]);
    let start = now_ms();
    SERVICE.wait("download", LATENCY_MS).await;
    if id < 20 {
        span(&format!("download({})", id), "wait", start, now_ms());
    }
    Download { id, bytes: size_of(id) }
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
    PANICS.start();
    SERVICE.open();
    ASKED.start(ids.iter().copied());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ctx.paused(student_download_all(ids)))).ok();
    let callers = SERVICE.close();
    let never_asked = ASKED.take().and_then(|asked| asked.never_asked("download", "ids"));
    Outcome { result, threads: callers.threads, off_runtime: callers.off_runtime, spawn_failures: PANICS.spawn_failures(), first_panic: PANICS.first_panic(), never_asked }
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
