// Hidden tests for rust/threads-join. `slow_square` is the CPU work the student hands to threads;
// it measures itself (thread CPU clock, calls running at once), so verdicts never rest on
// wall-clock speed.
use super::{fail, measure_work_if, meet_calls_of, pass, Clock, Ctx, Inputs, Test, Verdict, WorkLog};
use std::collections::HashSet;
use std::sync::Mutex;
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// Threads (other than the test's own) that have run slow_square and not yet exited: a
/// thread-local guard notes each one on its first call and drops it when the thread ends.
/// A joined thread has always ended (its thread-locals are destroyed before join returns).
static ALIVE: Mutex<Option<HashSet<ThreadId>>> = Mutex::new(None);

struct ExitGuard(ThreadId);

impl Drop for ExitGuard {
    fn drop(&mut self) {
        if let Some(set) = ALIVE.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            set.remove(&self.0);
        }
    }
}

thread_local! {
    static EXIT: ExitGuard = {
        let id = std::thread::current().id();
        ALIVE.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashSet::new).insert(id);
        ExitGuard(id)
    };
}

fn alive_workers() -> usize {
    let me = std::thread::current().id();
    ALIVE.lock().unwrap_or_else(|e| e.into_inner()).as_ref().map_or(0, |s| s.iter().filter(|&&t| t != me).count())
}

/// The inputs of the current call of squares() that slow_square was asked about: only calls
/// on those inputs, each input once, count as work (threads, overlap).
static SQUARED: Inputs<u64> = Inputs::new();

/// Squares `x` the slow way: about 10 ms of pure computation.
pub fn slow_square(x: u64) -> u64 {
    EXIT.with(|_| ());
    let counts = SQUARED.claim(&[x]);
    measure_work_if(counts, &format!("slow_square({})", x), || {
        let mut noise = x;
        for i in 0..8_000_000u64 {
            noise = std::hint::black_box(noise.wrapping_mul(6364136223846793005).wrapping_add(i));
        }
        std::hint::black_box(noise);
        x * x
    })
}

/// Runs squares(inputs) and takes the work log; the ledger of inputs squared stays open for
/// `unjoined` (a thread nobody joined may square an input after squares() returned).
fn call(ctx: &mut Ctx, inputs: &[u64]) -> (Vec<u64>, WorkLog, usize) {
    SQUARED.start(inputs.iter().copied());
    let got = student_squares(inputs.to_vec());
    let claims_at_return = claims();
    let log = ctx.take_work(2000);
    settle();
    (got, log, claims_at_return)
}

/// After squares() returned: while a thread that squared something is still alive (nobody
/// joined it), waits until no new call of slow_square has begun for 200 ms (at most 2 s), so a
/// repeat such a thread makes after returning is on the record however busy the machine is.
/// Solutions that join every thread never wait here.
fn settle() {
    let deadline = Instant::now() + Duration::from_millis(2000);
    let mut seen = claims();
    let mut quiet_since = Instant::now();
    while alive_workers() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        let now = claims();
        if now != seen {
            seen = now;
            quiet_since = Instant::now();
        } else if quiet_since.elapsed() > Duration::from_millis(200) {
            break;
        }
    }
}

fn claims() -> usize {
    SQUARED.peek(|l| l.claims()).unwrap_or(0)
}

fn missing_squares() -> usize {
    SQUARED.peek(|l| l.missing().0).unwrap_or(0)
}

/// A call of slow_square still running when squares() returned, or one that began after it
/// returned (the ledger records every call as it begins): a thread nobody joined.
fn unjoined(log: &WorkLog, inputs: usize, claims_at_return: usize) -> Option<Verdict> {
    let unfinished = (log.started - log.finished) + (log.uncounted - log.uncounted_finished);
    if missing_squares() > 0 {
        // Not squared yet, or never: a thread nobody joined may still be starting.
        let missing = missing_squares();
        let deadline = Instant::now() + Duration::from_millis(300);
        while Instant::now() < deadline && missing_squares() == missing {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    let late = claims() - claims_at_return;
    let open = unfinished + late;
    if open > 0 {
        return Some(fail("task_failed", format!("squares() returned while {} of slow_square {} still running or not started yet ({} inputs): a spawned thread was never joined", if open == 1 { "1 call".to_string() } else { format!("{} calls", open) }, if open == 1 { "was" } else { "were" }, inputs)));
    }
    None
}

/// An input squared more than once, on the host's record, which (after `settle`) holds the
/// calls of threads nobody joined too. Judged before `unjoined`: whether such a repeat is still
/// running when squares() returns depends on how busy the machine is; that it happened does not.
fn repeated(inputs: &[u64], unjoined: bool) -> Option<Verdict> {
    let why = SQUARED.peek(|l| l.asked_again("slow_square()", "input")).flatten()?;
    let also = if unjoined { " (and a thread nobody joined was still squaring after squares() returned)" } else { "" };
    Some(fail("wrong_result", format!("squares({:?}): {}{}: each input must be squared by slow_square() exactly once.", inputs, why, also)))
}

/// Every input squared by slow_square (the host's own record).
fn not_squared(inputs: &[u64]) -> Option<Verdict> {
    let ledger = SQUARED.take()?;
    let why = ledger.never_asked("slow_square()", "inputs")?;
    Some(fail("wrong_result", format!("squares({:?}) returned the right squares, but {}: each input must be squared by slow_square() exactly once.", inputs, why)))
}

/// One call of squares(inputs), checked in the order a student can act on: inputs squared twice,
/// threads left running, the values (`wrong` words that message), squares not made by
/// slow_square(). The call's work log when all of that holds.
fn checked_call(ctx: &mut Ctx, inputs: &[u64], wrong: impl FnOnce() -> String) -> Result<WorkLog, Verdict> {
    let want: Vec<u64> = inputs.iter().map(|x| x * x).collect();
    let (got, log, at_return) = call(ctx, inputs);
    let open = unjoined(&log, inputs.len(), at_return);
    if let Some(v) = repeated(inputs, open.is_some()) {
        return Err(v);
    }
    if let Some(v) = open {
        return Err(v);
    }
    if got != want {
        return Err(fail("wrong_result", wrong()).values(want, got));
    }
    if let Some(v) = not_squared(inputs) {
        return Err(v);
    }
    Ok(log)
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
        if let Err(v) = checked_call(ctx, &inputs, || format!("squares({:?}) must return the squares in the order of the inputs", inputs)) {
            return v;
        }
    }
    pass("every square is there, in input order, and every thread was joined")
}

fn runs_in_parallel(ctx: &mut Ctx) -> Verdict {
    // Overlap is judged: the five threads, started together, all meet at their call whatever
    // the machine; threads joined one by one (all or some of them) cannot.
    let inputs: Vec<u64> = ctx.rng.distinct(5, 1, 1000);
    meet_calls_of(inputs.len());
    let log = match checked_call(ctx, &inputs, || "squares() returned the wrong values".to_string()) {
        Ok(log) => log,
        Err(v) => return v,
    };
    // Only the calls on the inputs count: a decoy squaring something else adds no thread and
    // no overlap.
    let others = match log.uncounted {
        0 => String::new(),
        1 => " (1 call of slow_square() on a number that is not one of the inputs was not counted)".to_string(),
        n => format!(" ({} calls of slow_square() on numbers that are not the inputs were not counted)", n),
    };
    let threads = log.cpu_by_thread.len();
    // A rayon pool (the global one or one built for the call) runs each input on whichever of
    // its threads is free: whether five land on five threads depends on timing, so its threads
    // are never an input's own thread, whatever happened in this run.
    if log.pool_calls > 0 {
        return fail("not_parallel", format!("{} of the 5 calls of slow_square ran on a rayon pool's worker threads: a pool runs each input on whichever of its threads is free, so inputs share a thread or not depending on timing. Give each input a thread of its own (thread::spawn or thread::scope){}", log.pool_calls, others));
    }
    if threads < inputs.len() {
        return fail("not_parallel", format!("the 5 calls of slow_square on the inputs ran on {} {}, not one thread per input{}", threads, if threads == 1 { "thread" } else { "threads" }, others));
    }
    if log.max_in_flight < 2 {
        return fail("needlessly_serial", format!("each input was squared on its own thread, but never two at the same time: the threads ran one after another (each joined before the next one was spawned?){}.", others));
    }
    if log.max_in_flight < inputs.len() {
        return fail("needlessly_serial", format!("each input was squared on its own thread, but at most {} of the 5 threads were squaring at the same time: the others ran one after another (spawned and joined one by one?){}. Spawn every thread first, then join them.", log.max_in_flight, others));
    }
    pass(format!("5 threads, all {} squares computed at the same time", log.max_in_flight))
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
