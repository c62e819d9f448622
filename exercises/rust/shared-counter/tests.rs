// Hidden tests for rust/shared-counter. `next_visit` stands for the work each thread does
// before counting (about 50 µs of computation); it records which thread ran it and how many
// ran at the same moment, so serialised or single-threaded counting is seen without timing.
use super::{fail, measure_work, pass, Clock, Ctx, Test, Verdict, WorkLog};

/// Handles one visit and returns how many visits it counts for (always 1).
pub fn next_visit() -> usize {
    measure_work("next_visit", || {
        let mut x = 1u64;
        for i in 0..40_000u64 {
            x = std::hint::black_box(x.wrapping_mul(2862933555777941757).wrapping_add(i));
        }
        std::hint::black_box(x);
        1
    })
}

fn judge(ctx: &mut Ctx, what: &str, count: fn(usize, usize) -> usize) -> Verdict {
    // About 10 × 100, drawn per grade: a count remembered from an earlier grade is wrong.
    let (threads_wanted, mut per_thread) = (ctx.rng.int(8, 12) as usize, ctx.rng.int(80, 120) as usize);
    if threads_wanted * per_thread == 1000 {
        per_thread += 1; // never the statement's own example, 1000
    }
    let got = count(threads_wanted, per_thread);
    let log: WorkLog = ctx.take_work(2000);
    let want = threads_wanted * per_thread;
    if log.started != log.finished || log.started < want {
        return fail("task_failed", format!("{}() returned while {} still being handled or not started: a spawned thread was never joined", what, if want - log.finished.min(want) == 1 { "1 visit was".to_string() } else { format!("{} visits were", want - log.finished.min(want)) }));
    }
    if got < want {
        // Every visit ran (the log says so) and returned 1, yet fewer were counted: increments
        // were overwritten between a read of the counter and the write of its new value.
        return fail("lost_updates", format!("{}({}, {}) counted {} visits, not {}: {} lost. Every visit was handled, but the counter was read and written back in two separate steps (an atomic load then store, or two separate lock() calls), so increments made in between were overwritten.", what, threads_wanted, per_thread, got, want, if want - got == 1 { "1 update was".to_string() } else { format!("{} updates were", want - got) })).values(want, got);
    }
    if got != want {
        return fail("wrong_result", format!("{}({}, {}) counted {} visits, not {}", what, threads_wanted, per_thread, got, want)).values(want, got);
    }
    let threads = log.cpu_by_thread.len();
    if threads < threads_wanted {
        return fail("not_parallel", format!("{}({}, {}) handled the visits on {} {}, not {}", what, threads_wanted, per_thread, threads, if threads == 1 { "thread" } else { "threads" }, threads_wanted));
    }
    if log.max_in_flight < 2 && log.thread_switches + 1 <= threads {
        return fail("needlessly_serial", format!("{}() used {} threads, but they ran one after another: each thread handled all of its visits before the next thread handled any, so no two visits ever ran at the same time. Each thread was waited for (joined, or its whole loop locked) before the next one started.", what, threads));
    }
    if log.max_in_flight < 2 {
        return fail("needlessly_serial", format!("{}() used {} threads, but never handled two visits at the same time: the threads took turns, and each held the lock while next_visit() ran.", what, threads));
    }
    pass(format!("{} visits counted on {} threads, up to {} at the same time", want, threads, log.max_in_flight))
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
