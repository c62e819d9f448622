// Hidden tests for rust/shared-counter. `next_visit` stands for the work each thread does
// before counting (about 50 µs of computation); it records which thread ran it and how many
// ran at the same moment, so serialised or single-threaded counting is seen without timing.
use super::{contend, fail, keyed, measure_work, meet_calls_of, pass, Clock, Ctx, Test, Verdict, WorkLog};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread::ThreadId;

/// Visits handled so far in this run (each one's weight is drawn from its number).
static VISITS: AtomicU64 = AtomicU64::new(0);
/// What next_visit() returned during the current call, added up by the host itself: the count
/// the student's counter must reach, whatever the student's function returns.
static HANDED_OUT: AtomicUsize = AtomicUsize::new(0);
/// Visits handled per thread during the current call: a thread that handled a visit or two
/// beside the others' work did not take a share of it.
static PER_THREAD: Mutex<Option<HashMap<ThreadId, usize>>> = Mutex::new(None);

fn visits_by_thread() -> std::sync::MutexGuard<'static, Option<HashMap<ThreadId, usize>>> {
    PER_THREAD.lock().unwrap_or_else(|e| e.into_inner())
}

/// Handles one visit and returns how many visitors it counts for (1 to 3).
pub fn next_visit() -> usize {
    let weight = measure_work("next_visit", || {
        let mut x = 1u64;
        for i in 0..40_000u64 {
            x = std::hint::black_box(x.wrapping_mul(2862933555777941757).wrapping_add(i));
        }
        std::hint::black_box(x);
        let weight = 1 + (keyed("visit", VISITS.fetch_add(1, Ordering::SeqCst)) % 3) as usize;
        HANDED_OUT.fetch_add(weight, Ordering::SeqCst);
        if let Some(map) = visits_by_thread().as_mut() {
            *map.entry(std::thread::current().id()).or_insert(0) += 1;
        }
        weight
    });
    // A counter read before this call, or read and written back in two steps after it, loses
    // updates every grade (see contend): not only when the machine happens to interleave them.
    contend();
    weight
}

/// Runs count(threads, per_thread) and returns what it returned and what next_visit() handed
/// out meanwhile.
fn run(ctx: &mut Ctx, count: fn(usize, usize) -> usize, threads: usize, per_thread: usize) -> (usize, usize, WorkLog) {
    HANDED_OUT.store(0, Ordering::SeqCst);
    *visits_by_thread() = Some(HashMap::new());
    let got = count(threads, per_thread);
    let log: WorkLog = ctx.take_work(2000);
    (got, HANDED_OUT.load(Ordering::SeqCst), log)
}

/// Threads that handled at least half a thread's share of the visits.
fn threads_with_a_share(per_thread_wanted: usize) -> usize {
    visits_by_thread().as_ref().map_or(0, |map| map.values().filter(|&&n| 2 * n >= per_thread_wanted).count())
}

fn judge(ctx: &mut Ctx, what: &str, count: fn(usize, usize) -> usize) -> Verdict {
    // About 10 × 100, drawn per grade: a count remembered from an earlier grade is wrong.
    // Overlap is judged: threads that run at the same time must meet whatever the machine.
    let (threads_wanted, mut per_thread) = (ctx.rng.int(8, 12) as usize, ctx.rng.int(80, 120) as usize);
    // The threads, started together, all meet at their first visit whatever the machine;
    // threads joined one by one (all or some of them) cannot.
    meet_calls_of(threads_wanted);
    if threads_wanted * per_thread == 1000 {
        per_thread += 1; // never the statement's own example, 1000
    }
    let (got, want, log) = run(ctx, count, threads_wanted, per_thread);
    let visits = threads_wanted * per_thread;
    let shares = threads_with_a_share(per_thread);
    if log.started != log.finished || log.started < visits {
        return fail("task_failed", format!("{}() returned while {} still being handled or not started: a spawned thread was never joined", what, if visits - log.finished.min(visits) == 1 { "1 visit was".to_string() } else { format!("{} visits were", visits - log.finished.min(visits)) }));
    }
    if log.started > visits {
        return fail("wrong_result", format!("{}({}, {}) is {} visits, but next_visit() was called {} times: each call handles one visit, so only {} calls belong to this count.", what, threads_wanted, per_thread, visits, log.started, visits)).values(visits, log.started);
    }
    if got != want {
        // The same number for other sizes is a fixed answer, not a count that lost updates.
        let (threads2, per_thread2) = (ctx.rng.int(3, 5) as usize, ctx.rng.int(20, 40) as usize);
        let (again, _, _) = run(ctx, count, threads2, per_thread2);
        ctx.spread(&log.cpu_by_thread); // the timing shown is the first call's
        if again == got {
            return fail("wrong_result", format!("{}({}, {}) returned {}, but next_visit() handed out {} visitors; {}({}, {}) returned {} again: a fixed number, not a count of what next_visit() returned.", what, threads_wanted, per_thread, got, want, what, threads2, per_thread2, again)).values(want, got);
        }
    }
    if got < want {
        // Every visit ran (the log says so), yet less than what next_visit() handed out was
        // counted: increments were overwritten between a read of the counter and the write
        // of its new value.
        return fail("lost_updates", format!("{}({}, {}) counted {} visitors, but next_visit() handed out {} over the {} visits: {} lost. Every visit was handled, but the counter was read and written back in two separate steps (an atomic load then store, or two separate lock() calls), so increments made in between were overwritten.", what, threads_wanted, per_thread, got, want, visits, if want - got == 1 { "1 was".to_string() } else { format!("{} were", want - got) })).values(want, got);
    }
    if got != want {
        return fail("wrong_result", format!("{}({}, {}) counted {} visitors, but next_visit() handed out {} over the {} visits", what, threads_wanted, per_thread, got, want, visits)).values(want, got);
    }
    let threads = log.cpu_by_thread.len();
    if threads < threads_wanted {
        return fail("not_parallel", format!("{}({}, {}) handled the visits on {} {}, not {}", what, threads_wanted, per_thread, threads, if threads == 1 { "thread" } else { "threads" }, threads_wanted));
    }
    if shares < threads_wanted {
        return fail("not_parallel", format!("{}({}, {}) handled the visits on {} threads, but only {} of them handled a share (at least {} of the {} visits each); the others handled a visit or a few beside them.", what, threads_wanted, per_thread, threads, shares, (per_thread + 1) / 2, per_thread));
    }
    if log.max_in_flight < 2 && log.thread_switches + 1 <= threads {
        return fail("needlessly_serial", format!("{}() used {} threads, but they ran one after another: each thread handled all of its visits before the next thread handled any, so no two visits ever ran at the same time. Each thread was waited for (joined, or its whole loop locked) before the next one started.", what, threads));
    }
    if log.max_in_flight < 2 {
        return fail("needlessly_serial", format!("{}() used {} threads, but never handled two visits at the same time: the threads took turns, and each held the lock while next_visit() ran.", what, threads));
    }
    if log.max_in_flight < threads_wanted {
        return fail("needlessly_serial", format!("{}() used {} threads, but at most {} of them were handling a visit at the same time: the others ran one after another (spawned and joined one by one?). Spawn every thread first, then join them.", what, threads, log.max_in_flight));
    }
    pass(format!("{} visits ({} visitors) counted on {} threads, up to {} at the same time", visits, want, threads, log.max_in_flight))
}

fn with_mutex(ctx: &mut Ctx) -> Verdict {
    judge(ctx, "count_with_mutex", crate::student::count_with_mutex)
}

fn with_atomic(ctx: &mut Ctx) -> Verdict {
    judge(ctx, "count_with_atomic", crate::student::count_with_atomic)
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "count_with_mutex counts every visit on 10 threads", clock: Clock::Real, run: with_mutex },
        Test { name: "count_with_atomic counts every visit on 10 threads", clock: Clock::Real, run: with_atomic },
    ]
}
