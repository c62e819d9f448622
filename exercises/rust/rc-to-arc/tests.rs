// Hidden tests for rust/rc-to-arc. `sum_slice` is the per-thread work; it measures which
// thread ran it, so "the threads really did the summing" is checked without timing.
use super::{fail, measure_work_if, meet_calls_of, on_rayon_pool, pass, salt, Clock, Ctx, Test, Verdict};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The numbers of the current call sum_slice was given (the host's own record). The data's
/// numbers are below 1000, so a count per value keeps this as cheap as the sum itself: a
/// costlier record would change which threads a pool hands the parts to.
struct Tally {
    /// How many more times each value may be summed.
    left: Vec<usize>,
    /// Numbers summed beyond what the data holds (or not in it), by counted calls or not.
    extra: usize,
    /// Numbers summed by counted calls, per thread.
    per_thread: BTreeMap<String, usize>,
    /// Numbers summed by counted calls on a rayon pool's worker threads (any pool).
    pooled: usize,
}

static SUMMED: Mutex<Option<Tally>> = Mutex::new(None);

fn summed() -> std::sync::MutexGuard<'static, Option<Tally>> {
    SUMMED.lock().unwrap_or_else(|e| e.into_inner())
}

fn start(data: &[u64]) {
    let mut left = vec![0usize; 1000];
    for &x in data {
        left[x as usize] += 1;
    }
    *summed() = Some(Tally { left, extra: 0, per_thread: BTreeMap::new(), pooled: 0 });
}

/// Records one call; true when it counts as work: a non-empty slice of the data's numbers,
/// none of them summed more often than the data holds it.
fn claim(part: &[u64]) -> bool {
    let mut guard = summed();
    let Some(tally) = guard.as_mut() else { return true };
    if part.is_empty() {
        return false;
    }
    let mut fresh = true;
    for &x in part {
        match tally.left.get_mut(x as usize) {
            Some(left) if *left > 0 => *left -= 1,
            _ => {
                fresh = false;
                tally.extra += 1;
            }
        }
    }
    if fresh {
        let thread = std::thread::current();
        *tally.per_thread.entry(format!("{:?}", thread.id())).or_insert(0) += part.len();
        if on_rayon_pool() {
            tally.pooled += part.len();
        }
    }
    fresh
}

/// Adds up one slice of the data (the work each thread does).
pub fn sum_slice(part: &[u64]) -> u64 {
    let counts = claim(part);
    measure_work_if(counts, &format!("sum_slice({} items)", part.len()), || part.iter().sum())
}

/// The numbers to add up, different in every grade (salt).
fn data(n: u64) -> Vec<u64> {
    let salt = salt() % 1000;
    (1..=n).map(|i| (i * 3 + salt) % 1000).collect()
}

fn right_sums(ctx: &mut Ctx) -> Verdict {
    // Uneven splits, one part per item, and more parts than items, in sizes drawn per grade.
    let cases = [(ctx.rng.int(900, 1100), 4usize), (ctx.rng.int(10, 20), 3), (7, 7), (ctx.rng.int(2, 6), 8)];
    for (n, parts) in cases {
        let want: u64 = data(n).iter().sum();
        start(&data(n));
        let got = student_parallel_sum(data(n), parts);
        ctx.take_work(1000);
        if got != want {
            return fail("wrong_result", format!("parallel_sum of {} numbers in {} parts returned the wrong total", n, parts)).values(want, got);
        }
    }
    pass("every total is right")
}

fn uses_threads(ctx: &mut Ctx) -> Verdict {
    // The 4 parts' threads, started together, all meet at their first sum_slice() call, so
    // all 4 are summing at once whatever the machine; threads joined one by one cannot.
    meet_calls_of(4);
    let want: u64 = data(100_000).iter().sum();
    start(&data(100_000));
    let got = student_parallel_sum(data(100_000), 4);
    let log = ctx.take_work(1000);
    let tally = summed().take();
    if got != want {
        return fail("wrong_result", "parallel_sum of 100000 numbers in 4 parts returned the wrong total").values(want, got);
    }
    let others = match log.uncounted {
        0 => String::new(),
        1 => " (1 call of sum_slice() on an empty slice, on numbers that are not the data, or on numbers already summed, was not counted)".to_string(),
        n => format!(" ({} calls of sum_slice() on empty slices, on numbers that are not the data, or on numbers already summed, were not counted)", n),
    };
    let threads = log.cpu_by_thread.len();
    if log.finished == 0 {
        return fail("not_parallel", format!("parallel_sum returned the right total, but sum_slice() summed none of the data{}: the total was added up some other way, not by the 4 threads.", others));
    }
    // A pool hands parts to whichever of its threads is free: whether 4 parts land on 4 threads
    // depends on timing (a loaded CI once saw it happen), so a pool's threads are never a part's own.
    if let Some(pooled) = tally.as_ref().map(|t| t.pooled).filter(|&n| n > 0) {
        return fail("not_parallel", format!("{} of the 100000 numbers were summed on a rayon pool's worker threads: a pool runs each part on whichever of its threads is free, so parts share a thread or not depending on timing. Give each part a thread of its own (thread::spawn or thread::scope){}", pooled, others));
    }
    if threads < 4 {
        return fail("not_parallel", format!("the 4 parts were summed on {} {}, not each on a thread of its own{}", threads, if threads == 1 { "thread" } else { "threads" }, others));
    }
    let Some(tally) = tally else { return pass("each part was summed on its own thread") };
    // A part is about a quarter of the data: a thread that summed a few numbers beside the
    // others did not sum a part.
    let with_a_part = tally.per_thread.values().filter(|&&n| n * 8 >= 100_000).count();
    if with_a_part < 4 {
        return fail("not_parallel", format!("sum_slice() ran on {} threads, but only {} of them summed a part (at least an eighth of the 100000 numbers); the others summed a few numbers beside them{}", threads, with_a_part, others));
    }
    // The 4 threads must sum at the same time: a thread joined before the next is spawned
    // runs its part alone.
    if log.max_in_flight < 4 {
        return fail("not_parallel", format!("the 4 parts were summed on 4 threads, but at most {} of them were summing at the same time: each thread was joined before the next one started (spawn and join in the same loop?), so the parts ran one after another. Spawn all 4 threads first, then join them{}", log.max_in_flight, others));
    }
    // The slices summed must cover the data: every number once.
    let missing: usize = tally.left.iter().sum();
    if missing > 0 || tally.extra > 0 {
        let why = if missing > 0 { format!("sum_slice() was never given {} of the 100000 numbers", missing) } else { format!("sum_slice() was given {} numbers more than the data holds", tally.extra) };
        return fail("wrong_result", format!("parallel_sum of 100000 numbers in 4 parts returned the right total, but {}: the 4 parts together must be the whole data, each number summed once by sum_slice().", why));
    }
    pass("each part was summed on its own thread")
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "parallel_sum() adds up everything", clock: Clock::Real, run: right_sums },
        Test { name: "each part is summed on its own thread", clock: Clock::Real, run: uses_threads },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    crate::student::parallel_sum(data, parts)
}
