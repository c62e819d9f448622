//! CPU work the exercise's instrumented functions do, timed on each thread's own CPU clock so
//! the work spread (total ÷ busiest thread) does not depend on what else the machine runs.

use super::patience::Patience;
use super::trace::{now_ms, span, thread_label};
use super::{lock, Ctx};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// The work log of the current measurement, tagged with its generation: a call that began in
/// an earlier one (a thread nobody joined) cannot touch the current log.
static WORK: Mutex<(usize, Option<WorkLog>)> = Mutex::new((0, None));
/// Signalled (with WORK) when a thread arrives at its first counted call, and when a new
/// measurement starts.
static ARRIVED: Condvar = Condvar::new();
/// Whether the running test judges overlap (`meet_first_calls`); every test starts without.
static MEET: AtomicBool = AtomicBool::new(false);
/// How many threads the rendezvous waits for (2 for `meet_first_calls`, n for `meet_calls_of`).
static MEET_N: AtomicUsize = AtomicUsize::new(2);
/// Counted calls whose real-time spans are kept per measurement (enough for every exercise).
const MAX_CALLS: usize = 20_000;
/// The real clock of the call spans overlap is judged on (the test's own clock may be virtual).
static EPOCH: Mutex<Option<Instant>> = Mutex::new(None);

fn real_ms() -> f64 {
    let epoch = *lock(&EPOCH).get_or_insert_with(Instant::now);
    epoch.elapsed().as_secs_f64() * 1000.0
}

/// True when the calling thread is a worker of a rayon pool, any pool: the global one, one the
/// tests built, or one the student's code built (`ThreadPoolBuilder`), whatever its threads
/// are called.
pub(in crate::interleave) fn on_rayon_pool() -> bool {
    rayon::current_thread_index().is_some()
}
/// Quiet time (`Patience`: no other thread of the program computing or waiting for a core) the
/// first thread to arrive at a counted call waits for the others (see `meet_first_calls`). A
/// thread joined before the next one was spawned waits it out alone, once: nothing else of the
/// program runs meanwhile. Threads started together are running or ready to run until they
/// arrive, which stops this clock, however crowded the machine.
const MEET_WAIT: Duration = Duration::from_millis(250);
/// Wall time after which the first thread goes on whatever the others do (a thread of the
/// program spinning for ever would otherwise hold it).
const MEET_CAP: Duration = Duration::from_millis(2000);
/// How often a waiting thread looks at the program's CPU and pressure.
const MEET_POLL: Duration = Duration::from_millis(5);

/// What the exercise's instrumented work functions saw during one test.
#[derive(Default, Clone)]
pub(in crate::interleave) struct WorkLog {
    pub(in crate::interleave) started: usize,
    pub(in crate::interleave) finished: usize,
    pub(in crate::interleave) in_flight: usize,
    /// Most calls running at the same moment.
    pub(in crate::interleave) max_in_flight: usize,
    /// CPU ms per thread that ran work.
    pub(in crate::interleave) cpu_by_thread: HashMap<String, f64>,
    /// How often a call began on another thread than the call before it: threads - 1 when
    /// each thread did all its calls before the next thread began any (joined one by one).
    pub(in crate::interleave) thread_switches: usize,
    /// Calls that did not count as work (`measure_work_if` with `false`): decoys on inputs
    /// that are not the test's, or repeats of work already done.
    pub(in crate::interleave) uncounted: usize,
    pub(in crate::interleave) uncounted_finished: usize,
    uncounted_in_flight: usize,
    last_thread: Option<String>,
    /// Threads that made a counted call in this measurement, in order of arrival.
    arrived: Vec<ThreadId>,
    /// A thread waited out the rendezvous without meeting enough others: later ones go on.
    meet_over: bool,
    /// Counted calls made on a worker thread of some rayon pool (`on_rayon_pool`).
    pub(in crate::interleave) pool_calls: usize,
    /// Counted calls, for `overlap_share`. At most MAX_CALLS.
    pub(in crate::interleave) calls: Vec<CallSpan>,
}

/// One counted call: its thread, its start and end in real ms (after the rendezvous), and the
/// CPU ms it used on its thread's clock (its work, whatever the machine did meanwhile).
#[derive(Clone)]
pub(in crate::interleave) struct CallSpan {
    pub(in crate::interleave) thread: String,
    pub(in crate::interleave) start: f64,
    pub(in crate::interleave) end: f64,
    pub(in crate::interleave) cpu_ms: f64,
}

/// A new test starts: a new measurement, and no rendezvous until the test asks for one.
pub(super) fn start_test() {
    MEET.store(false, Ordering::SeqCst);
    MEET_N.store(2, Ordering::SeqCst);
    new_generation();
}

/// For a test that judges whether counted calls overlapped (`max_in_flight`): from now on
/// until the test ends, the first thread to arrive at a counted call in a measurement waits
/// (on a condition variable, up to MEET_WAIT of quiet time) until a second thread arrives at
/// one, and every later thread goes straight on. Overlap then depends on the program, not on
/// how quickly a busy machine or a single core scheduled the second thread: threads that run
/// at the same time always meet (the first call is still in flight when the second begins),
/// while in a program that finishes one thread's call before the next thread can begin (joined
/// after each spawn, a lock held around the call, a channel handing over turns) the first
/// thread waits alone and nothing overlaps, exactly as without the wait. The wait is not part
/// of the call's CPU time or timeline span, and never happens on the test's paused runtime's
/// thread (where it would read as a blocked runtime).
pub(in crate::interleave) fn meet_first_calls() {
    MEET_N.store(2, Ordering::SeqCst);
    MEET.store(true, Ordering::SeqCst);
}

/// `meet_first_calls` for a test that gives each of `n` threads a part of its own: the first
/// threads to arrive at a counted call wait (each up to MEET_WAIT of quiet time from its
/// arrival) until `n` threads have arrived, so threads started together all have a call in
/// flight at once (`max_in_flight` reaches `n`) however the machine schedules them. Once a
/// thread has waited out MEET_WAIT without the others arriving (they were not started yet:
/// joined one by one), nobody waits any more in that measurement.
pub(in crate::interleave) fn meet_calls_of(n: usize) {
    MEET_N.store(n.max(2), Ordering::SeqCst);
    MEET.store(true, Ordering::SeqCst);
}

/// The rendezvous of `meet_first_calls`, for a counted call that began in `generation` (it is
/// already in flight, so a second thread arriving meanwhile overlaps it).
fn meet(generation: usize) {
    if !MEET.load(Ordering::SeqCst) || super::on_runtime_thread() {
        return;
    }
    let me = std::thread::current().id();
    let wanted = MEET_N.load(Ordering::SeqCst);
    let mut work = lock(&WORK);
    if work.0 != generation {
        return;
    }
    {
        let log = work.1.get_or_insert_with(WorkLog::default);
        if log.arrived.contains(&me) || log.meet_over {
            return;
        }
        log.arrived.push(me);
        if log.arrived.len() >= wanted {
            ARRIVED.notify_all();
            return;
        }
    }
    let mut patience = Patience::start();
    loop {
        let waiting = work.0 == generation && work.1.as_ref().map_or(false, |l| l.arrived.len() < wanted && !l.meet_over);
        if !waiting {
            return;
        }
        let quiet = patience.quiet_ms();
        if quiet >= MEET_WAIT.as_secs_f64() * 1000.0 || patience.wall_ms() >= MEET_CAP.as_secs_f64() * 1000.0 {
            if work.0 == generation {
                if let Some(log) = work.1.as_mut() {
                    log.meet_over = true;
                }
                ARRIVED.notify_all();
            }
            return;
        }
        work = ARRIVED.wait_timeout(work, MEET_POLL).map(|(g, _)| g).unwrap_or_else(|e| e.into_inner().0);
    }
}

/// Starts a new measurement and returns the log of the one it ends.
pub(super) fn new_generation() -> WorkLog {
    let mut work = lock(&WORK);
    work.0 += 1;
    ARRIVED.notify_all();
    work.1.take().unwrap_or_default()
}

/// Runs one unit of an exercise's CPU work, timing it on the calling thread's CPU clock (so
/// the verdict does not depend on what else the machine is doing) and on the trace.
pub(in crate::interleave) fn measure_work<T>(task: &str, f: impl FnOnce() -> T) -> T {
    let generation = {
        let mut work = lock(&WORK);
        let log = work.1.get_or_insert_with(WorkLog::default);
        log.started += 1;
        log.in_flight += 1;
        log.max_in_flight = log.max_in_flight.max(log.in_flight);
        let here = thread_label();
        if log.last_thread.as_ref().is_some_and(|last| *last != here) {
            log.thread_switches += 1;
        }
        log.last_thread = Some(here);
        work.0
    };
    meet(generation);
    let pooled = on_rayon_pool();
    let (start, cpu0, real0) = (now_ms(), thread_cpu_ms(), real_ms());
    let out = f();
    let (end, cpu, real1) = (now_ms(), thread_cpu_ms() - cpu0, real_ms());
    let mut work = lock(&WORK);
    if work.0 == generation {
        span(task, "run", start, end);
        let log = work.1.get_or_insert_with(WorkLog::default);
        if pooled {
            log.pool_calls += 1;
        }
        if log.calls.len() < MAX_CALLS {
            log.calls.push(CallSpan { thread: thread_label(), start: real0, end: real1, cpu_ms: cpu });
        }
        log.finished += 1;
        log.in_flight = log.in_flight.saturating_sub(1);
        *log.cpu_by_thread.entry(thread_label()).or_insert(0.0) += cpu;
    }
    out
}

/// `measure_work` for a call that counts as the test's work, or, when `counts` is false (its
/// input is not the test's, or was processed already), the same computation kept out of the
/// work log: it adds no thread, no CPU time and no overlap, however many threads make such
/// calls. It still shows on the timeline.
pub(in crate::interleave) fn measure_work_if<T>(counts: bool, task: &str, f: impl FnOnce() -> T) -> T {
    if counts {
        return measure_work(task, f);
    }
    let generation = {
        let mut work = lock(&WORK);
        let log = work.1.get_or_insert_with(WorkLog::default);
        log.uncounted += 1;
        log.uncounted_in_flight += 1;
        work.0
    };
    let start = now_ms();
    let out = f();
    let end = now_ms();
    let mut work = lock(&WORK);
    if work.0 == generation {
        span(&format!("{} (not counted)", task), "run", start, end);
        let log = work.1.get_or_insert_with(WorkLog::default);
        log.uncounted_finished += 1;
        log.uncounted_in_flight = log.uncounted_in_flight.saturating_sub(1);
    }
    out
}

/// What a test gave an instrumented work function to process (ids, readings, numbers), unit
/// by unit, and what the function was asked for since: the host's own record, whatever the
/// student's code returns. A call counts as work (`claim` says true) only when every unit it
/// was given belongs to the input and had not been processed as often as the input holds it,
/// so junk inputs, empty slices and repeats are no work at all.
pub(in crate::interleave) struct Ledger<K> {
    /// How many more times each unit of the input may be processed.
    left: std::collections::BTreeMap<K, usize>,
    /// How many times each unit appears in the input.
    total: std::collections::BTreeMap<K, usize>,
    /// Units processed more often than the input holds them (the first few) and how many.
    repeated: Vec<K>,
    repeats: usize,
    /// Calls whose input was not (all) part of the test's, or empty.
    foreign_calls: usize,
    /// Units processed by calls that counted.
    processed: usize,
    /// Calls recorded, of any kind.
    claims: usize,
}

impl<K: Ord + Clone> Ledger<K> {
    pub(in crate::interleave) fn new(units: impl IntoIterator<Item = K>) -> Ledger<K> {
        let mut left = std::collections::BTreeMap::new();
        for unit in units {
            *left.entry(unit).or_insert(0) += 1;
        }
        Ledger { total: left.clone(), left, repeated: Vec::new(), repeats: 0, foreign_calls: 0, processed: 0, claims: 0 }
    }

    /// Records one call on `units`; true when it counts as the test's work.
    pub(in crate::interleave) fn claim(&mut self, units: &[K]) -> bool {
        self.claims += 1;
        if units.is_empty() || units.iter().any(|u| !self.left.contains_key(u)) || self.beyond_the_input(units) {
            self.foreign_calls += 1;
            return false;
        }
        let mut fresh = true;
        for unit in units {
            let left = self.left.get_mut(unit).expect("checked above");
            if *left == 0 {
                fresh = false;
                self.repeats += 1;
                if self.repeated.len() < 3 && !self.repeated.contains(unit) {
                    self.repeated.push(unit.clone());
                }
            } else {
                *left -= 1;
                self.processed += 1;
            }
        }
        fresh
    }

    /// True when the call holds some unit more often than the whole input does (a slice of
    /// zeros when the input holds one zero): that is other data, not a repeat of the input.
    fn beyond_the_input(&self, units: &[K]) -> bool {
        if units.len() < 2 {
            return false;
        }
        let mut seen: std::collections::BTreeMap<&K, usize> = std::collections::BTreeMap::new();
        for unit in units {
            let n = seen.entry(unit).or_insert(0);
            *n += 1;
            if *n > self.total[unit] {
                return true;
            }
        }
        false
    }

    /// How many units of the input were never processed, and a few of them.
    pub(in crate::interleave) fn missing(&self) -> (usize, Vec<K>) {
        let count = self.left.values().sum();
        let some = self.left.iter().filter(|(_, &n)| n > 0).take(3).map(|(k, _)| k.clone()).collect();
        (count, some)
    }

    /// How many times a unit was processed beyond what the input holds, and a few of them.
    pub(in crate::interleave) fn repeated(&self) -> (usize, Vec<K>) {
        (self.repeats, self.repeated.clone())
    }

    /// Calls on input that is not the test's (or empty).
    pub(in crate::interleave) fn foreign_calls(&self) -> usize {
        self.foreign_calls
    }

    /// Calls recorded so far, of any kind (a number that grows after the student's function
    /// returned means a thread nobody joined made a call).
    pub(in crate::interleave) fn claims(&self) -> usize {
        self.claims
    }
}

impl<K: Ord + Clone + std::fmt::Debug> Ledger<K> {
    /// "fetch_price() was never asked for 19 of the 20 ids (e.g. 12, 873, 4)", or None when
    /// every unit was processed. `what` names the function, `units` the input's units.
    pub(in crate::interleave) fn never_asked(&self, what: &str, units: &str) -> Option<String> {
        let (count, some) = self.missing();
        let total: usize = self.processed + count;
        (count > 0).then(|| format!("{} was never asked for {} of the {} {} (e.g. {})", what, count, total, units, list(&some)))
    }

    /// "fetch_price() was asked more than once for the same id (3 times too many; e.g. 12)".
    pub(in crate::interleave) fn asked_again(&self, what: &str, unit: &str) -> Option<String> {
        let (count, some) = self.repeated();
        (count > 0).then(|| format!("{} was asked more than once for the same {} ({} {} too many; e.g. {})", what, unit, count, if count == 1 { "time" } else { "times" }, list(&some)))
    }
}

fn list<K: std::fmt::Debug>(items: &[K]) -> String {
    items.iter().map(|k| format!("{:?}", k)).collect::<Vec<_>>().join(", ")
}

/// A `Ledger` in a static, as the exercise's work functions reach it: `start` before the
/// student's function runs, `claim` in the work function, `take` afterwards. Outside a test's
/// measurement (`None`) every call counts, as before.
pub(in crate::interleave) struct Inputs<K>(Mutex<Option<Ledger<K>>>);

impl<K: Ord + Clone> Inputs<K> {
    pub(in crate::interleave) const fn new() -> Inputs<K> {
        Inputs(Mutex::new(None))
    }

    pub(in crate::interleave) fn start(&self, units: impl IntoIterator<Item = K>) {
        *lock(&self.0) = Some(Ledger::new(units));
    }

    pub(in crate::interleave) fn claim(&self, units: &[K]) -> bool {
        lock(&self.0).as_mut().map_or(true, |ledger| ledger.claim(units))
    }

    /// The ledger so far; it keeps recording (a thread nobody joined may still call in).
    pub(in crate::interleave) fn peek<T>(&self, f: impl FnOnce(&Ledger<K>) -> T) -> Option<T> {
        lock(&self.0).as_ref().map(f)
    }

    pub(in crate::interleave) fn take(&self) -> Option<Ledger<K>> {
        lock(&self.0).take()
    }
}

/// Where the sandbox shows this program's own cpu.pressure file, read-only (absent where the
/// host's kernel keeps none: then `crowded_ms` is 0 and every `RunClock` is plain wall time).
const PRESSURE: &str = "/run/interleave/cpu.pressure";

/// Wall ms so far during which every thread of this program that was ready to run waited for a
/// core: the machine was busy with other programs and this one could not run at all. (The
/// "full" line of the job's CPU pressure. The program's own threads outnumbering the cores do
/// not count: some thread of it runs then.)
pub(in crate::interleave) fn crowded_ms() -> f64 {
    pressure_ms("full ")
}

/// Wall ms so far during which at least one thread of this program was ready to run and waited
/// for a core (the "some" line of the job's CPU pressure): other programs' threads, or its own
/// outnumbering the cores, held them all.
pub(in crate::interleave) fn some_waited_ms() -> f64 {
    pressure_ms("some ")
}

fn pressure_ms(line: &str) -> f64 {
    static MISSING: AtomicBool = AtomicBool::new(false);
    if MISSING.load(Ordering::Relaxed) {
        return 0.0;
    }
    match std::fs::read_to_string(PRESSURE) {
        Ok(text) => text
            .lines()
            .find(|l| l.starts_with(line))
            .and_then(|l| l.split_whitespace().find_map(|f| f.strip_prefix("total=")))
            .and_then(|us| us.parse::<f64>().ok())
            .map_or(0.0, |us| us / 1000.0),
        Err(_) => {
            MISSING.store(true, Ordering::Relaxed);
            0.0
        }
    }
}

/// Real time the program could run: wall time since `start` less the time the machine gave it
/// no core at all (`crowded_ms`). Watchdogs and stall timings use it so that a crowded machine
/// does not turn a slow moment into a verdict; a program that sleeps or waits for ever waits
/// for no core, so for it this is plain wall time.
#[derive(Clone, Copy)]
pub(in crate::interleave) struct RunClock {
    wall: Instant,
    crowded: f64,
}

impl RunClock {
    pub(in crate::interleave) fn start() -> RunClock {
        RunClock { wall: Instant::now(), crowded: crowded_ms() }
    }

    /// Wall ms since `start`, less the ms the program could not run meanwhile.
    pub(in crate::interleave) fn elapsed_ms(&self) -> f64 {
        let wall = self.wall.elapsed().as_secs_f64() * 1000.0;
        (wall - (crowded_ms() - self.crowded).max(0.0)).max(0.0)
    }

    pub(in crate::interleave) fn elapsed(&self) -> Duration {
        Duration::from_secs_f64(self.elapsed_ms() / 1000.0)
    }
}

/// CPU time of the calling thread in ms (Linux CLOCK_THREAD_CPUTIME_ID).
pub(in crate::interleave) fn thread_cpu_ms() -> f64 {
    cpu_clock_ms(3)
}

/// CPU time of the whole process in ms, every thread together (CLOCK_PROCESS_CPUTIME_ID).
pub(in crate::interleave) fn process_cpu_ms() -> f64 {
    cpu_clock_ms(2)
}

/// How often the calling thread gave up its core by itself (slept, waited on a lock, blocked
/// in a call): getrusage(RUSAGE_THREAD).ru_nvcsw. Being preempted on a busy machine is counted
/// elsewhere (ru_nivcsw), which is what tells a blocked thread from a descheduled one.
pub(in crate::interleave) fn voluntary_switches() -> i64 {
    #[repr(C)]
    struct Rusage {
        times: [i64; 4],
        counters: [i64; 14],
    }
    extern "C" {
        fn getrusage(who: i32, usage: *mut Rusage) -> i32;
    }
    let mut usage = Rusage { times: [0; 4], counters: [0; 14] };
    // SAFETY: a valid out-pointer of the kernel's struct rusage layout; 1 is RUSAGE_THREAD.
    unsafe { getrusage(1, &mut usage) };
    usage.counters[12]
}

fn cpu_clock_ms(clock: i32) -> f64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: a valid out-pointer; clock 2 is CLOCK_PROCESS_CPUTIME_ID, 3 CLOCK_THREAD_CPUTIME_ID.
    unsafe { clock_gettime(clock, &mut ts) };
    ts.sec as f64 * 1000.0 + ts.nsec as f64 / 1e6
}

impl Ctx {
    /// The work log since the test started (or since the last `take_work`), and records its
    /// spread. Waits up to `grace_ms` for calls still running (threads nobody joined) to end,
    /// so they cannot spill into the next test; the returned log shows them as unfinished.
    pub(in crate::interleave) fn take_work(&mut self, grace_ms: u64) -> WorkLog {
        let log = new_generation();
        if log.in_flight > 0 || log.uncounted_in_flight > 0 || log.started == 0 {
            // Let stray threads (never joined) finish or start, so they cannot spill over.
            let deadline = Instant::now() + Duration::from_millis(grace_ms);
            let mut quiet_since = Instant::now();
            while Instant::now() < deadline {
                let busy = lock(&WORK).1.as_ref().map_or(false, |l| l.in_flight > 0 || l.uncounted_in_flight > 0);
                if busy {
                    quiet_since = Instant::now();
                } else if quiet_since.elapsed() > Duration::from_millis(50) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            new_generation();
        }
        self.spread(&log.cpu_by_thread);
        log
    }

    /// Folds per-thread CPU times into work spread (total ÷ busiest thread) and threads used.
    pub(in crate::interleave) fn spread(&mut self, per_thread_cpu_ms: &HashMap<String, f64>) {
        let total: f64 = per_thread_cpu_ms.values().sum();
        let busiest = per_thread_cpu_ms.values().cloned().fold(0.0, f64::max);
        self.cpu_ms = Some(total);
        self.threads_used = Some(per_thread_cpu_ms.len());
        self.work_spread = Some(if busiest > 0.0 { total / busiest } else { 0.0 });
    }
}
