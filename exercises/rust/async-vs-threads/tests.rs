// Hidden tests for rust/async-vs-threads: one waiting workload and one computing workload.
// `request` waits on tokio's paused clock (exact overlap) and notes which OS thread ran it, so
// a thread per request is judged by counting threads. `score` is real CPU work measured on
// each thread's CPU clock (measure_work), so "split across threads" is judged by how the work
// was divided (work spread), not by how fast a shared machine happened to be.
use super::{fail, keyed, measure_work_if, meet_first_calls, now_ms, pass, salt, span, threshold, Clock, Ctx, Inputs, Network, PanicWatch, Test, Verdict, WorkLog};
use std::time::Instant;

const LATENCY_MS: u64 = 20;
const REQUESTS: u32 = 200;
/// Default of exercise.json's `threadBudget`: most OS threads either workload may use (the
/// sandbox's hard cap, max(64, 4 × maxWorkers) threads in all, sits far above it).
const THREAD_BUDGET: f64 = 8.0;
/// Default of `minWorkSpread`. One thread gives exactly 1.0 whatever the machine does; two
/// threads sharing the work give about 2.0 (rayon's work stealing on a loaded machine: 1.7-2.0),
/// so the line sits where the busiest thread did more than 80% of the work.
const MIN_WORK_SPREAD: f64 = 1.25;

fn budget() -> usize {
    threshold("threadBudget", THREAD_BUDGET) as usize
}
const READINGS: usize = 24_000;
/// Share of the scoring work (CPU-weighted, `WorkLog::overlap_share`) done while two threads
/// or more were scoring: pieces spawned together and joined at the end read about 1 on any
/// number of cores, pieces joined one by one about 0 whatever is scored beside them.
const MIN_OVERLAP_SHARE: f64 = 0.6;

#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub id: u32,
    pub price_cents: u64,
}

/// Depends on the grade and on the id alone (keyed): a price cannot be known without a
/// request for that id, and one price tells nothing about another.
fn price_of(id: u32) -> u64 {
    100 + keyed("price", id as u64) % 900
}

/// The ids `request` was asked about during the current run (the host's own record).
static REQUESTED: Inputs<u32> = Inputs::new();
/// The readings `score` was given during the current call of total_score: only calls on the
/// test's own readings, each reading once, count as work.
static SCORED: Inputs<u32> = Inputs::new();

static SERVICE: Network = Network::new();
static PANICS: PanicWatch = PanicWatch::new();

/// Asks the pricing service about product `id` (waits 20 ms; nothing to compute).
pub async fn request(id: u32) -> Reply {
    let _call = SERVICE.call();
    REQUESTED.claim(&[id]);
    let start = now_ms();
    SERVICE.wait("request", LATENCY_MS).await;
    if id < 20 {
        span(&format!("request({})", id), "wait", start, now_ms());
    }
    Reply { id, price_cents: price_of(id) }
}

fn score_one(x: u32) -> u64 {
    let mut h = x as u64 ^ 0x9E37_79B9_7F4A_7C15;
    for i in 0..2_500u64 {
        h = std::hint::black_box(h.rotate_left(7).wrapping_mul(0x2545_F491_4F6C_DD1D) ^ i);
    }
    h % 1000
}

/// Scores a slice of readings: pure computation, a few µs per reading. The score of a whole
/// slice is the sum of the scores of its parts, however it is cut.
pub fn score(readings: &[u32]) -> u64 {
    // Scoring zeros, or readings already scored, is no part of the test's work.
    let counts = SCORED.claim(readings);
    measure_work_if(counts, &format!("score({} readings)", readings.len()), || readings.iter().map(|&x| score_one(x)).sum())
}

/// The readings, different in every grade (salt).
fn readings(n: usize) -> Vec<u32> {
    let salt = salt() as u32;
    (0..n as u32).map(|i| (i ^ salt).wrapping_mul(2_654_435_761) >> 8).collect()
}

/// "1 reply", "5 replies".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", n, if n == 1 { one } else { many })
}

fn first_panic() -> String {
    PANICS.first_panic().unwrap_or_else(|| "no message".to_string())
}

fn refused_threads(what: &str) -> Option<Verdict> {
    if PANICS.spawn_failures() == 0 {
        return None;
    }
    Some(fail("thread_budget", format!("{} tried to start more threads than the budget of {} (the sandbox refused to create more: \"failed to spawn thread\")", what, budget())))
}

// ---- the waiting workload -------------------------------------------------------------

struct Fetched {
    replies: Option<Vec<Reply>>,
    threads: usize,
    /// Threads other than the test's runtime thread that ran requests (their waits are not on
    /// the test's clock: a private runtime, or a thread per request).
    off_runtime: usize,
    /// "request was never asked for 199 of the 200 ids (e.g. …)", from the host's record.
    never_asked: Option<String>,
}

/// Runs fetch_all(ids) on the paused clock, catching a panic, and waits (up to 2 s of real
/// time) for requests still running on threads nobody joined.
fn run_fetch(ctx: &mut Ctx, ids: Vec<u32>) -> Fetched {
    PANICS.start();
    SERVICE.open();
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    let units = if distinct.len() < ids.len() { "different ids" } else { "ids" };
    REQUESTED.start(distinct);
    let replies = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ctx.paused(student_fetch_all(ids)))).ok();
    let callers = SERVICE.close();
    let never_asked = REQUESTED.take().and_then(|asked| asked.never_asked("request", units));
    Fetched { replies, threads: callers.threads, off_runtime: callers.off_runtime, never_asked }
}

fn wrong_replies(out: &Fetched, ids: &[u32]) -> Option<Verdict> {
    let want: Vec<Reply> = ids.iter().map(|&id| Reply { id, price_cents: price_of(id) }).collect();
    let got = &out.replies;
    if let (Some(got), Some(never)) = (got, &out.never_asked) {
        if got.len() == want.len() {
            return Some(fail("wrong_result", format!("fetch_all() returned {}, but {}: a price is only known by requesting it.", count(got.len(), "reply", "replies"), never)).values(want.iter().take(5).collect::<Vec<_>>(), got.iter().take(5).collect::<Vec<_>>()));
        }
    }
    match got {
        None => Some(fail("wrong_result", format!("fetch_all() panicked for {} ids instead of returning the replies: {}", ids.len(), first_panic()))),
        Some(got) if got.len() != want.len() => Some(fail("wrong_result", format!("fetch_all() returned {} for {}{}", count(got.len(), "reply", "replies"), count(want.len(), "id", "ids"), if got.len() < want.len() { ": were some requests never awaited?" } else { "" }))),
        Some(got) if *got != want => Some(fail("wrong_result", "fetch_all() must return one Reply per id, in the order of the ids").values(want.iter().take(5).collect::<Vec<_>>(), got.iter().take(5).collect::<Vec<_>>())),
        _ => None,
    }
}

fn right_replies(ctx: &mut Ctx) -> Verdict {
    // A repeated id included: each request is answered on its own.
    let mut drawn: Vec<u32> = (0..4).map(|_| ctx.rng.int(1, 9999) as u32).collect();
    drawn.push(drawn[1]);
    for ids in [drawn, vec![]] {
        let out = run_fetch(ctx, ids.clone());
        if let Some(v) = refused_threads("fetch_all()").or_else(|| wrong_replies(&out, &ids)) {
            return v;
        }
    }
    pass("every reply, in the order of the ids")
}

fn requests_within_budget(ctx: &mut Ctx) -> Verdict {
    let ids: Vec<u32> = (0..REQUESTS).collect();
    let out = run_fetch(ctx, ids.clone());
    if let Some(v) = refused_threads(&format!("for {} requests your code", REQUESTS)) {
        return v;
    }
    if out.threads > budget() {
        return fail("thread_budget", format!("the {} requests ran on {} different OS threads, but the budget is {}, although a request only waits", REQUESTS, out.threads, budget()));
    }
    if let Some(v) = wrong_replies(&out, &ids) {
        return v;
    }
    pass(format!("{} requests ran on {} (budget {})", REQUESTS, count(out.threads, "OS thread", "OS threads"), budget()))
}

fn requests_overlap(ctx: &mut Ctx) -> Verdict {
    let ids: Vec<u32> = (0..REQUESTS).collect();
    let out = run_fetch(ctx, ids.clone());
    if let Some(v) = refused_threads(&format!("for {} requests your code", REQUESTS)).or_else(|| wrong_replies(&out, &ids)) {
        return v;
    }
    let ms = ctx.last_virtual_ms;
    if out.off_runtime > 0 {
        return fail("no_overlap", format!("the {} requests ran on {} your code started, not on the test's runtime, so their waits were not on its clock and could not be seen overlapping (a runtime of your own, or a thread per request?).", REQUESTS, count(out.off_runtime, "thread", "threads")));
    }
    if ms > 1.5 * LATENCY_MS as f64 {
        return fail("no_overlap", format!("{} requests took {:.0} ms on the paused clock, but one takes {} ms: they waited one after another.", REQUESTS, ms, LATENCY_MS));
    }
    pass(format!("{} requests waited at the same time: {:.0} ms in all", REQUESTS, ms))
}

// ---- the computing workload -----------------------------------------------------------

fn run_total(data: &[u32]) -> Option<u64> {
    PANICS.start();
    SCORED.start(data.iter().copied());
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| student_total_score(data))).ok()
}

/// " (3 calls of score() on other input, or on readings already scored, were not counted as
/// work)", or nothing.
fn uncounted(log: &WorkLog) -> String {
    match log.uncounted {
        0 => String::new(),
        1 => " (1 call of score() on other input than the readings, or on readings already scored, was not counted as work)".to_string(),
        n => format!(" ({} calls of score() on other input than the readings, or on readings already scored, were not counted as work)", n),
    }
}

fn right_total(ctx: &mut Ctx) -> Verdict {
    ctx.take_work(2000);
    for n in [1_001usize, 7, 1, 0] {
        let data = readings(n);
        let want: u64 = data.iter().map(|&x| score_one(x)).sum();
        let got = run_total(&data);
        if let Some(v) = refused_threads("total_score()") {
            return v;
        }
        match got {
            None => return fail("wrong_result", format!("total_score() panicked for {} reading{}: {}", n, if n == 1 { "" } else { "s" }, first_panic())),
            Some(got) if got != want => return fail("wrong_result", format!("total_score() of {} readings must be the sum of score() over every reading exactly once", n)).values(want, got),
            _ => {}
        }
    }
    ctx.take_work(2000);
    pass("total_score() is right for 1,001, 7, 1 and 0 readings")
}

fn split_across_threads(ctx: &mut Ctx) -> Verdict {
    let data = readings(READINGS);
    // The same job on this thread, not instrumented: only the wall-clock comparison (shown as
    // information, never judged) uses it.
    let t0 = Instant::now();
    let want: u64 = data.iter().map(|&x| score_one(x)).sum();
    let one_thread_ms = t0.elapsed().as_secs_f64() * 1000.0;
    ctx.take_work(2000);
    // Overlap is judged: threads that run at the same time must meet whatever the machine.
    meet_first_calls();
    let t0 = Instant::now();
    let got = run_total(&data);
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    let log = ctx.take_work(2000);
    if ms > 0.0 {
        ctx.speedup = Some(one_thread_ms / ms);
    }
    if let Some(v) = refused_threads("total_score()") {
        return v;
    }
    match got {
        None => return fail("wrong_result", format!("total_score() panicked: {}", first_panic())),
        Some(got) if got != want => return fail("wrong_result", format!("total_score() of {} readings returned the wrong total", READINGS)).values(want, got),
        _ => {}
    }
    let scored = SCORED.take();
    let threads = log.cpu_by_thread.len();
    let spread = ctx.work_spread.unwrap_or(0.0);
    let others = uncounted(&log);
    // A reading scored twice is work done for nothing: each reading exactly once.
    if let Some(again) = scored.as_ref().and_then(|s| s.asked_again("score()", "reading")) {
        return fail("wrong_result", format!("total_score() of {} readings returned the right total, but {}: each reading must be scored by score() exactly once.", READINGS, again));
    }
    if threads > budget() {
        return fail("thread_budget", format!("score() ran on {} different OS threads, but the budget is {}", threads, budget()));
    }
    if threads < 2 {
        if log.finished == 0 {
            return fail("not_parallel", format!("total_score() returned the right total, but score() never scored the test's readings{}: the total was computed some other way, and none of that work was split across OS threads.", others));
        }
        if log.finished == 1 {
            return fail("not_parallel", format!("the only call of score() on the readings ran on one OS thread (work spread {:.2}), so only one core computed{}.", spread, others));
        }
        return fail("not_parallel", format!("all {} calls of score() on the readings ran on one OS thread (work spread {:.2}), so only one core computed{}. Cutting the readings into pieces is not enough: async tasks (tokio::spawn, join!) on one runtime thread only take turns on it.", log.finished, spread, others));
    }
    if spread < threshold("minWorkSpread", MIN_WORK_SPREAD) {
        return fail("not_parallel", format!("score() ran on {} threads, but one of them did {:.0}% of the CPU work (work spread {:.2}, at least {:.2} needed){}.", threads, 100.0 / spread.max(1.0), spread, threshold("minWorkSpread", MIN_WORK_SPREAD), others));
    }
    if log.max_in_flight < 2 {
        return fail("needlessly_serial", format!("score() ran on {} threads, but never two at the same time: each thread was joined before the next one started{}.", threads, others));
    }
    // Two threads at the same moment once is not parallel work: most of the scoring work (each
    // call's CPU time, spread over its real-time span, in which a call whose thread waits for a
    // core on a busy machine is still running) must be done while another thread scored too. A
    // few readings scored beside halves scored one after another overlap a few readings' worth.
    let share = log.overlap_share();
    if share < MIN_OVERLAP_SHARE {
        return fail("needlessly_serial", format!("score() ran on {} threads, but {:.0}% of the scoring work (CPU time) was done while no other thread was scoring (at least {:.0}% with two or more at once expected): the pieces ran mostly one after another (a thread joined before the next one started?){}.", threads, (1.0 - share) * 100.0, MIN_OVERLAP_SHARE * 100.0, others));
    }
    // Every reading must have been scored by score(), exactly once.
    if let Some(scored) = scored {
        if let Some(never) = scored.never_asked("score()", "readings") {
            return fail("wrong_result", format!("total_score() of {} readings returned the right total, but {}: each reading must be scored by score() exactly once.", READINGS, never));
        }
    }
    pass(format!("the scoring was split over {} threads, up to {} pieces at the same time, two or more at once for {:.0}% of the scoring work (work spread {:.2}). For information: {:.0} ms here against {:.0} ms on one thread, on a machine other programs share at this moment", threads, log.max_in_flight, share * 100.0, spread, ms, one_thread_ms))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "fetch_all() returns every reply in order", clock: Clock::Virtual, run: right_replies },
        Test { name: "200 requests stay within the thread budget", clock: Clock::Virtual, run: requests_within_budget },
        Test { name: "200 requests wait at the same time", clock: Clock::Virtual, run: requests_overlap },
        Test { name: "total_score() returns the right total", clock: Clock::Real, run: right_total },
        Test { name: "the scoring is split across OS threads", clock: Clock::Real, run: split_across_threads },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_fetch_all(ids: Vec<u32>) -> impl std::future::Future<Output = Vec<Reply>> {
    crate::student::fetch_all(ids)
}
fn student_total_score(readings: &[u32]) -> u64 {
    crate::student::total_score(readings)
}
