// Hidden tests for rust/rc-to-arc. `sum_slice` is the per-thread work; it measures which
// thread ran it, so "the threads really did the summing" is checked without timing.
use super::{fail, measure_work, pass, salt, Clock, Ctx, Test, Verdict};

/// Adds up one slice of the data (the work each thread does).
pub fn sum_slice(part: &[u64]) -> u64 {
    measure_work(&format!("sum_slice({} items)", part.len()), || part.iter().sum())
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
        let got = student_parallel_sum(data(n), parts);
        ctx.take_work(1000);
        if got != want {
            return fail("wrong_result", format!("parallel_sum of {} numbers in {} parts returned the wrong total", n, parts)).values(want, got);
        }
    }
    pass("every total is right")
}

fn uses_threads(ctx: &mut Ctx) -> Verdict {
    let want: u64 = data(100_000).iter().sum();
    let got = student_parallel_sum(data(100_000), 4);
    let log = ctx.take_work(1000);
    if got != want {
        return fail("wrong_result", "parallel_sum of 100000 numbers in 4 parts returned the wrong total").values(want, got);
    }
    let threads = log.cpu_by_thread.len();
    if threads < 4 {
        return fail("not_parallel", format!("the 4 parts were summed on {} {}, not each on a thread of its own", threads, if threads == 1 { "thread" } else { "threads" }));
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
