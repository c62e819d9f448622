// Hidden tests for rust/rayon-sum. `score` is the heavy per-item computation (about 3 ms of
// CPU); measure_work records which thread ran each call, its CPU time and how many ran at the
// same moment. The verdict reads how the CPU work was divided between threads (work spread),
// which holds whatever else the machine is doing; the wall-clock speedup against a sequential
// run in the same test is shown, never judged (another program may own the other core).
use super::{fail, measure_work_if, meet_first_calls, pass, salt, threshold, Clock, Ctx, Inputs, Test, Verdict, WorkLog};
use std::time::Instant;

/// Threads of the pool the student's function runs in, whatever rayon's default would be on
/// this machine (it follows the CPUs the process may use: 1 on a one-CPU container).
const POOL_THREADS: usize = 4;
const ITEMS: u64 = 48;

fn score_raw(item: u64) -> u64 {
    let mut h = item.wrapping_mul(0x9E3779B97F4A7C15) | 1;
    for round in 0..4_000_000u64 {
        h = std::hint::black_box(h.rotate_left(7) ^ round).wrapping_mul(3);
    }
    h % 1_000_000
}

/// The items of the current call of total_score that `score` was asked about: only calls on
/// those items, each item once, count as work.
static SCORED: Inputs<u64> = Inputs::new();

/// Scores one item: about 3 ms of pure computation. Returns a number below 1,000,000.
pub fn score(item: u64) -> u64 {
    let counts = SCORED.claim(&[item]);
    measure_work_if(counts, &format!("score({})", item), || score_raw(item))
}

/// " (5 calls of score() on other items … were not counted)", or nothing.
fn uncounted(log: &WorkLog) -> String {
    match log.uncounted {
        0 => String::new(),
        1 => " (1 call of score() on an item that is not one of the 48, or one already scored, was not counted as work)".to_string(),
        n => format!(" ({} calls of score() on items that are not among the 48, or already scored, were not counted as work)", n),
    }
}

/// The items, different in every grade (salt).
fn items(n: u64) -> Vec<u64> {
    let salt = salt() % 10_000;
    (0..n).map(|i| i * 7 + 3 + salt).collect()
}

fn pool() -> Result<rayon::ThreadPool, Verdict> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(POOL_THREADS)
        .thread_name(|i| format!("tests:rayon-{}", i))
        .build()
        .map_err(|e| fail("resource_limit", format!("the tests could not start rayon's threads: {}", e)))
}

fn wrong_total(n: usize, want: u64, got: u64) -> Verdict {
    let hint = if got > want {
        format!(" It is {} too large: a reduce or fold whose identity is not 0 adds that identity once for every piece rayon splits the work into.", got - want)
    } else {
        format!(" It is {} too small.", want - got)
    };
    fail("wrong_result", format!("total_score() of {} items returned {}, but the scores add up to {}.{}", n, got, want, hint)).values(want, got)
}

fn right_totals(ctx: &mut Ctx) -> Verdict {
    let pool = match pool() {
        Ok(pool) => pool,
        Err(verdict) => return verdict,
    };
    for n in [0u64, 1, 13] {
        let data = items(n);
        let want: u64 = data.iter().map(|&x| score_raw(x)).sum();
        SCORED.start(data.iter().copied());
        let got = pool.install(|| student_total_score(&data));
        ctx.take_work(1000);
        if got != want {
            return wrong_total(data.len(), want, got);
        }
    }
    pass("total_score() adds up every item's score")
}

fn spread_over_threads(ctx: &mut Ctx) -> Verdict {
    let pool = match pool() {
        Ok(pool) => pool,
        Err(verdict) => return verdict,
    };
    let data = items(ITEMS);
    let started = Instant::now();
    let want: u64 = data.iter().map(|&x| score_raw(x)).sum();
    let sequential_ms = started.elapsed().as_secs_f64() * 1000.0;
    // Overlap is judged: threads that run at the same time must meet whatever the machine.
    meet_first_calls();
    let started = Instant::now();
    SCORED.start(data.iter().copied());
    let got = pool.install(|| student_total_score(&data));
    let parallel_ms = started.elapsed().as_secs_f64() * 1000.0;
    let log = ctx.take_work(1000);
    let scored = SCORED.take();
    if got != want {
        return wrong_total(data.len(), want, got);
    }
    let speedup = sequential_ms / parallel_ms.max(0.001);
    ctx.speedup = Some(speedup);
    let spread = ctx.work_spread.unwrap_or(0.0);
    let threads = log.cpu_by_thread.len();
    let info = format!("{:.0} ms here against {:.0} ms for a plain loop: {:.1}x (shown for information: other programs share this machine's cores)", parallel_ms, sequential_ms, speedup);
    let others = uncounted(&log);
    // An item scored twice is work done for nothing (and whichever call came second did not
    // count): each item exactly once.
    if let Some(again) = scored.as_ref().and_then(|s| s.asked_again("score()", "item")) {
        return fail("wrong_result", format!("total_score() of {} items returned the right total, but {}: each item must be scored by score() exactly once.", ITEMS, again));
    }
    if log.finished == 0 {
        return fail("not_parallel", format!("total_score() returned the right total, but score() never scored any of the {} items{}: the scores were computed some other way, and none of that work was spread over the pool's {} threads. Time: {}.", ITEMS, others, POOL_THREADS, info));
    }
    if threads <= 1 {
        return fail("not_parallel", format!("all {} items scored by score() were scored on one thread{}, while the pool had {} threads: .iter() (or a plain loop) runs on the calling thread, one item after another. Time: {}.", log.finished, others, POOL_THREADS, info));
    }
    if log.max_in_flight < 2 {
        return fail("needlessly_serial", format!("the items were scored on {} threads, but never two at the same moment: something made them take turns (a Mutex locked around score()?){}. Time: {}.", threads, others, info));
    }
    // Two threads at the same moment once is not parallel work: the share of the scoring work
    // (each call's CPU time, spread over its real-time span) done while another thread was
    // scoring too must be at least half. One item scored beside a sequential stretch overlaps one item's worth.
    let share = log.overlap_share();
    if share < 0.5 {
        return fail("needlessly_serial", format!("the items were scored on {} threads, but {:.0}% of the scoring work (CPU time) was done while no other thread was scoring (at least 50% at the same time expected): the work ran mostly one part after another (a part waited for before the next started?){}. Time: {}.", threads, (1.0 - share) * 100.0, others, info));
    }
    // One thread gives exactly 1.0 on any machine; 64 pool threads on a crowded 2-core box
    // read 1.5 once (work stealing favours the threads that get a core), so the line sits
    // where the busiest thread did 80% of the work. The overlap share above already requires
    // half the work done beside another thread.
    let min_spread = threshold("minWorkSpread", 1.25);
    if spread < min_spread {
        return fail("not_parallel", format!("one thread did most of the work: the CPU time spread over threads is {:.2} (at least {:.2} expected; {} threads would give about {}){}. Time: {}.", spread, min_spread, POOL_THREADS, POOL_THREADS, others, info));
    }
    // Every item must have been scored by score(), exactly once.
    if let Some(scored) = scored {
        if let Some(why) = scored.never_asked("score()", "items") {
            return fail("wrong_result", format!("total_score() of {} items returned the right total, but {}: each item must be scored by score() exactly once.", ITEMS, why));
        }
    }
    pass(format!("the CPU work was spread {:.1}x over {} threads, up to {} items at the same moment, two or more at once for {:.0}% of the scoring work; {}", spread, threads, log.max_in_flight, share * 100.0, info))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "total_score() adds up every score", clock: Clock::Real, run: right_totals },
        Test { name: "the scoring is spread over the pool's threads", clock: Clock::Real, run: spread_over_threads },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_total_score(items: &[u64]) -> u64 {
    crate::student::total_score(items)
}
