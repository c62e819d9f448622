//! Runs async test code on tokio's paused clock and times, for real, how long the runtime's
//! only thread ran tasks without parking (a stall: code that computes or blocks in a task).

use super::trace::start_virtual;
use super::work::RunClock;
use super::{lock, Ctx};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;
use std::time::Duration;

static LONGEST_STALL: Mutex<f64> = Mutex::new(0.0);
/// The thread running the test's paused runtime, while one runs.
static TEST_RUNTIME: Mutex<Option<ThreadId>> = Mutex::new(None);
/// What ran outside the test's runtime during the current test (the first few).
static FOREIGN: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// The test's paused runtime, while one runs: the exercise's waits go on its timer and clock.
static TEST_HANDLE: Mutex<Option<tokio::runtime::Handle>> = Mutex::new(None);
/// Services awaited on the test runtime's thread but inside another runtime's context (the
/// first few) during the current test.
static OTHER_CONTEXT: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Called by the exercise's simulated services (network waits and the like) as they start:
/// they must run on the test's own runtime. Sequential work hidden on a runtime or thread the
/// student's code made (its own paused clock jumps at once) would read 0 ms on the test's clock.
pub(in crate::interleave) fn on_test_runtime(what: &str) {
    let owner = *lock(&TEST_RUNTIME);
    if let Some(owner) = owner {
        if std::thread::current().id() != owner {
            let mut seen = lock(&FOREIGN);
            if seen.len() < 3 {
                seen.push(what.to_string());
            }
        }
    }
}

/// True on the thread that runs the test's paused runtime, while it runs: code there holds
/// the only thread every task of the test needs (not a thread of spawn_blocking's pool, not a
/// thread of the student's own).
pub(in crate::interleave) fn on_runtime_thread() -> bool {
    *lock(&TEST_RUNTIME) == Some(std::thread::current().id())
}

/// The services that ran off the test's runtime during this test (and forgets them).
pub(super) fn take_foreign() -> Vec<String> {
    std::mem::take(&mut *lock(&FOREIGN))
}

/// The services awaited on the test's thread inside a runtime the student's code built (and
/// forgets them).
pub(super) fn take_other_context() -> Vec<String> {
    std::mem::take(&mut *lock(&OTHER_CONTEXT))
}

/// The test runtime's clock, read through its handle whatever runtime the calling code entered.
fn test_clock(handle: &tokio::runtime::Handle) -> tokio::time::Instant {
    let _enter = handle.enter();
    tokio::time::Instant::now()
}

/// The test's paused runtime, while one runs.
pub(in crate::interleave) fn test_handle() -> Option<tokio::runtime::Handle> {
    lock(&TEST_HANDLE).clone()
}

/// The sleep of an exercise's simulated wait (`what` names the service) on the runtime's
/// thread, made on the test runtime's timer, so that only the test's own clock can end it.
///
/// The student's code cannot move that clock: a paused runtime of its own, entered on the
/// test's thread (`Handle::enter`) and polled there by another executor
/// (`futures::executor::block_on`), would otherwise take the wait on its own clock, which jumps
/// through it at once while the test's clock reads 0 ms. Code running inside a context whose
/// clock is not the test's is recorded (`take_other_context`, a `no_overlap` verdict that says
/// so) and its sleep is left on that clock, so the test ends at once with that message instead
/// of hanging. A context that reads the very same instant as the test's clock gets the test's
/// timer: polled by an executor that holds the runtime's thread, that sleep can never end, and
/// the watchdog reports the blocked runtime.
///
/// Off the runtime's thread (or outside a paused run) this is the ambient `tokio::time::sleep`:
/// callers judge those threads themselves (`on_test_runtime`, thread budgets), and a thread of
/// the test runtime's blocking pool must not wait on its paused clock (tokio does not move it
/// while blocking work runs).
pub(in crate::interleave) fn test_sleep(what: &str, duration: Duration) -> tokio::time::Sleep {
    let handle = match test_handle() {
        Some(handle) if on_runtime_thread() => handle,
        _ => return tokio::time::sleep(duration),
    };
    let ambient = tokio::runtime::Handle::try_current().ok().map(|_| tokio::time::Instant::now());
    match ambient {
        Some(now) if now != test_clock(&handle) => {
            let mut seen = lock(&OTHER_CONTEXT);
            if seen.len() < 3 && !seen.iter().any(|s| s == what) {
                seen.push(what.to_string());
            }
            tokio::time::sleep(duration)
        }
        _ => {
            let _enter = handle.enter();
            tokio::time::sleep(duration)
        }
    }
}

/// Real time the runtime's thread may run without parking before the watchdog ends the test
/// (on a `RunClock`, as the next: time the machine gave the program no core is not counted).
const GIVE_UP_BUSY: Duration = Duration::from_millis(3000);
/// Real time every task may wait, with nothing computing anywhere, before that is a deadlock.
const GIVE_UP_PARKED: Duration = Duration::from_millis(5000);
/// CPU the whole process may use meanwhile and still count as idle (the watchdog's own ticks).
const IDLE_CPU_MS: f64 = 20.0;

thread_local! {
    /// Where the runtime thread's current busy stretch began: its CPU time and voluntary
    /// context switches then.
    static STRETCH: std::cell::Cell<(f64, i64)> = const { std::cell::Cell::new((0.0, 0)) };
}

fn begin_busy_stretch() {
    STRETCH.with(|s| s.set((super::work::thread_cpu_ms(), super::work::voluntary_switches())));
}

/// A stretch of running tasks without parking ends. Its length as a stall: the CPU it used
/// when the thread never gave up its core by itself (then any extra wall time was the machine
/// running other programs, not the student's code); its real time when it did (a
/// std::thread::sleep, a blocking call or a lock wait inside async code), on a `RunClock`: less
/// the time the whole program had no core (a thread it waited for could not run either).
fn note_busy_stretch(since: RunClock) {
    let (cpu0, switches0) = STRETCH.with(|s| s.get());
    let wall = since.elapsed_ms();
    let cpu = (super::work::thread_cpu_ms() - cpu0).max(0.0);
    let blocked = super::work::voluntary_switches() > switches0;
    let ms = if blocked { wall } else { cpu.min(wall) };
    let mut longest = lock(&LONGEST_STALL);
    *longest = longest.max(ms);
}

impl Ctx {
    /// Runs a future on tokio's paused clock (current_thread, start_paused): sleeps cost no real
    /// time and time only moves when every task waits, so overlap is measured exactly.
    ///
    /// It also times every stretch the runtime thread spends running tasks between two parks
    /// (see note_busy_stretch): a task that computes or blocks without awaiting holds the only
    /// runtime thread for that long (`longest_stall_ms`).
    pub(in crate::interleave) fn paused<F: std::future::Future>(&mut self, future: F) -> F::Output {
        let busy_since: Arc<Mutex<Option<RunClock>>> = Default::default();
        let (on_unpark, on_park) = (busy_since.clone(), busy_since.clone());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .on_thread_unpark(move || {
                begin_busy_stretch();
                *lock(&on_unpark) = Some(RunClock::start());
            })
            .on_thread_park(move || {
                if let Some(t0) = lock(&on_park).take() {
                    note_busy_stretch(t0);
                }
            })
            .build()
            .expect("tokio runtime");
        *lock(&LONGEST_STALL) = 0.0;
        begin_busy_stretch();
        *lock(&busy_since) = Some(RunClock::start());
        *lock(&TEST_RUNTIME) = Some(std::thread::current().id());
        *lock(&TEST_HANDLE) = Some(runtime.handle().clone());
        let finished = Arc::new(AtomicBool::new(false));
        watch_for_a_stuck_runtime(busy_since.clone(), finished.clone());
        let out = runtime.block_on(async {
            let t0 = tokio::time::Instant::now();
            let offset = self.virtual_ms.unwrap_or(0.0);
            start_virtual(t0, offset, tokio::runtime::Handle::current());
            let out = future.await;
            self.last_virtual_ms = t0.elapsed().as_secs_f64() * 1000.0;
            self.virtual_ms = Some(offset + self.last_virtual_ms);
            out
        });
        finished.store(true, Ordering::SeqCst);
        *lock(&TEST_RUNTIME) = None;
        *lock(&TEST_HANDLE) = None;
        if let Some(t0) = lock(&busy_since).take() {
            note_busy_stretch(t0);
        }
        let stall = *lock(&LONGEST_STALL);
        self.longest_stall_ms = Some(self.longest_stall_ms.unwrap_or(0.0).max(stall));
        out
    }
}

/// A runtime whose only thread never parks again (a std::sync::Mutex guard held across an
/// .await that another task then locks, a blocking loop) would hold the test until the wall
/// limit: the watchdog ends the test as blocked_runtime after GIVE_UP_BUSY of real time. One
/// that stays parked while nothing in the process computes (every task waits for something
/// only another waiting task could give) is a deadlock after GIVE_UP_PARKED: on the paused
/// clock, a timer would have fired at once.
fn watch_for_a_stuck_runtime(busy_since: Arc<Mutex<Option<RunClock>>>, finished: Arc<AtomicBool>) {
    let _ = std::thread::Builder::new().name("interleave-watchdog".into()).spawn(move || {
        let mut parked: Option<(RunClock, f64)> = None;
        while !finished.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(50));
            let busy = lock(&busy_since).map(|t0| t0.elapsed());
            if busy.is_some() {
                parked = None;
            } else {
                let (since, cpu) = *parked.get_or_insert_with(|| (RunClock::start(), super::work::process_cpu_ms()));
                let computed = super::work::process_cpu_ms() - cpu;
                if since.elapsed() > GIVE_UP_PARKED && computed < IDLE_CPU_MS && !finished.load(Ordering::SeqCst) {
                    super::abandon_test(super::fail(
                        "deadlock",
                        format!(
                            "every task of the runtime has been waiting for {:.1} s while nothing in your program ran, so none of them can ever wake up: they wait for something only another waiting task could give (a message on a channel nobody sends on, a JoinHandle of a task that waits for this one, a lock whose holder is waiting too)",
                            since.elapsed().as_secs_f64()
                        ),
                    ));
                }
                if computed >= IDLE_CPU_MS {
                    parked = None;
                }
            }
            if let Some(busy) = busy {
                if busy > GIVE_UP_BUSY && !finished.load(Ordering::SeqCst) {
                    super::abandon_test(super::fail(
                        "blocked_runtime",
                        format!(
                            "the runtime's only thread has been busy for {:.1} s without reaching an .await, so no other task can run and the test was stopped: something blocks it for good (a std::sync::Mutex guard held across .await while another task waits for it, a blocking call, a loop that never awaits, or an executor of your own such as futures::executor::block_on polling the exercise's functions there: their waits end only on the test's runtime, which cannot run while its thread is held)",
                            busy.as_secs_f64()
                        ),
                    ));
                }
            }
        }
    });
}
