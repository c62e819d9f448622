// Hidden tests for rust/threads-join. `slow_square` is the CPU work the student hands to threads;
// it measures itself (thread CPU clock, calls running at once), so verdicts never rest on
// wall-clock speed.
use super::{fail, measure_work, pass, Clock, Ctx, Test, Verdict, WorkLog};

/// Squares `x` the slow way: about 10 ms of pure computation.
pub fn slow_square(x: u64) -> u64 {
    measure_work(&format!("slow_square({})", x), || {
        let mut noise = x;
        for i in 0..8_000_000u64 {
            noise = std::hint::black_box(noise.wrapping_mul(6364136223846793005).wrapping_add(i));
        }
        std::hint::black_box(noise);
        x * x
    })
}

fn unjoined(log: &WorkLog, inputs: usize) -> Option<Verdict> {
    let unfinished = log.started - log.finished;
    if unfinished > 0 || log.started < inputs {
        return Some(fail("task_failed", format!("squares() returned while {} of {} calls of slow_square {} still running or not started: a spawned thread was never joined", unfinished.max(inputs - log.started.min(inputs)), inputs, if unfinished.max(inputs - log.started.min(inputs)) == 1 { "was" } else { "were" })));
    }
    None
}

fn right_squares(ctx: &mut Ctx) -> Verdict {
    // Five distinct inputs each time, drawn per grade; the second list is not in order, so
    // squares collected in finishing order come out wrong.
    let first: Vec<u64> = ctx.rng.distinct(5, 1, 1000);
    let mut second: Vec<u64> = ctx.rng.distinct(5, 1, 1000);
    if second.windows(2).all(|w| w[0] <= w[1]) {
        second.reverse();
    }
    for inputs in [first, second] {
        let want: Vec<u64> = inputs.iter().map(|x| x * x).collect();
        let got = student_squares(inputs.clone());
        let log = ctx.take_work(2000);
        if let Some(v) = unjoined(&log, inputs.len()) {
            return v;
        }
        if got != want {
            return fail("wrong_result", format!("squares({:?}) must return the squares in the order of the inputs", inputs)).values(want, got);
        }
    }
    pass("every square is there, in input order, and every thread was joined")
}

fn runs_in_parallel(ctx: &mut Ctx) -> Verdict {
    let inputs: Vec<u64> = ctx.rng.distinct(5, 1, 1000);
    let want: Vec<u64> = inputs.iter().map(|x| x * x).collect();
    let got = student_squares(inputs.clone());
    let log = ctx.take_work(2000);
    if let Some(v) = unjoined(&log, inputs.len()) {
        return v;
    }
    if got != want {
        return fail("wrong_result", "squares() returned the wrong values").values(want, got);
    }
    let threads = log.cpu_by_thread.len();
    if threads < inputs.len() {
        return fail("not_parallel", format!("the 5 calls of slow_square ran on {} {}, not one thread per input", threads, if threads == 1 { "thread" } else { "threads" }));
    }
    if log.max_in_flight < 2 {
        return fail("needlessly_serial", "each call ran on its own thread, but never two at the same time: the threads ran one after another (each joined before the next one was spawned?).");
    }
    pass(format!("5 threads, up to {} squares computed at the same time", log.max_in_flight))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "squares() returns every square in order", clock: Clock::Real, run: right_squares },
        Test { name: "the squares are computed on several threads at once", clock: Clock::Real, run: runs_in_parallel },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_squares(inputs: Vec<u64>) -> Vec<u64> {
    crate::student::squares(inputs)
}
