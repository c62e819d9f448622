// Hidden tests for rust/message-passing. `read_sensor` is the producers' work; it counts the
// readings made and marks every thread that made one (a thread-local whose destructor runs
// when that thread ends). The student's function runs on a thread of its own, so a receive
// loop that never ends is seen as what it is: every reading made, every producer gone, and
// the collector still waiting, because a Sender it holds itself keeps the channel open.
use super::{fail, keyed, measure_work_if, meet_calls_of, panics_so_far, pass, threshold, Clock, RunClock, Ctx, Inputs, Test, Verdict, WorkLog};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::{Duration, Instant};

/// One measurement: which sensor, its sequence number on that sensor, and the value read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reading {
    pub sensor: usize,
    pub seq: usize,
    pub value: u64,
}

/// The current call's number: threads of an earlier call (never joined) cannot count in this one.
static EPOCH: AtomicUsize = AtomicUsize::new(0);
static PRODUCED: AtomicUsize = AtomicUsize::new(0);
static PRODUCERS_SEEN: AtomicUsize = AtomicUsize::new(0);
static PRODUCERS_ENDED: AtomicUsize = AtomicUsize::new(0);
const COLLECTOR: &str = "tests:collect_readings";

struct ProducerMark(usize);

impl Drop for ProducerMark {
    fn drop(&mut self) {
        if self.0 == EPOCH.load(SeqCst) {
            PRODUCERS_ENDED.fetch_add(1, SeqCst);
        }
    }
}

thread_local! {
    static MARK: Option<ProducerMark> = {
        // The collector's own thread is not a producer, even when it reads sensors itself.
        if std::thread::current().name() == Some(COLLECTOR) {
            None
        } else {
            PRODUCERS_SEEN.fetch_add(1, SeqCst);
            Some(ProducerMark(EPOCH.load(SeqCst)))
        }
    };
}

/// Depends on the grade, the sensor and the sequence number (keyed): a value cannot be known
/// without reading it, and one value tells nothing about another.
fn value_of(sensor: usize, seq: usize) -> u64 {
    keyed("reading", ((sensor as u64) << 32) | seq as u64) % 1000
}

/// The readings of the current call that read_sensor made (the host's own record): only a
/// reading of the call's sensors, made once, on a thread other than the collector's, counts
/// as a producer's work.
static MADE: Inputs<(usize, usize)> = Inputs::new();
/// Readings of the call made on the collector's own thread.
static ON_COLLECTOR: AtomicUsize = AtomicUsize::new(0);
/// Readings made per (sensor, producer thread) during the current call (counted ones only).
static BY_THREAD: Mutex<BTreeMap<(usize, String), usize>> = Mutex::new(BTreeMap::new());

fn by_thread() -> std::sync::MutexGuard<'static, BTreeMap<(usize, String), usize>> {
    BY_THREAD.lock().unwrap_or_else(|e| e.into_inner())
}

/// Threads that made most (more than half) of one sensor's readings: thread s reads sensor s,
/// so there is one per sensor; a thread that read two sensors counts once, and one that made
/// a reading or two of a sensor counts for none.
fn producers(per_sensor: usize) -> usize {
    let mut owners: Vec<String> = by_thread().iter().filter(|(_, &n)| 2 * n > per_sensor).map(|((_, thread), _)| thread.clone()).collect();
    owners.sort();
    owners.dedup();
    owners.len()
}

/// Reads sensor `sensor` for the `seq`-th time (about 50 µs of work).
pub fn read_sensor(sensor: usize, seq: usize) -> Reading {
    let epoch = EPOCH.load(SeqCst);
    MARK.with(|_| {});
    let fresh = MADE.claim(&[(sensor, seq)]);
    let on_collector = std::thread::current().name() == Some(COLLECTOR);
    if on_collector && fresh {
        ON_COLLECTOR.fetch_add(1, SeqCst);
    }
    if fresh && !on_collector {
        *by_thread().entry((sensor, format!("{:?}", std::thread::current().id()))).or_insert(0) += 1;
    }
    let reading = measure_work_if(fresh && !on_collector, &format!("read_sensor({})", sensor), || {
        let mut x = 1u64;
        for i in 0..30_000u64 {
            x = std::hint::black_box(x.wrapping_mul(2862933555777941757).wrapping_add(i));
        }
        std::hint::black_box(x);
        Reading { sensor, seq, value: value_of(sensor, seq) }
    });
    if epoch == EPOCH.load(SeqCst) {
        PRODUCED.fetch_add(1, SeqCst);
    }
    reading
}

fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".to_string())
}

/// Runs `collect_readings` on its own thread and waits for it, telling a receive loop that
/// can never end apart from slow work: once every reading is made, a correct collector
/// returns within microseconds, so `deadlockGraceMs` (default 1 s) is far from both sides.
fn call(sensors: usize, per_sensor: usize) -> Result<Vec<Reading>, Verdict> {
    EPOCH.fetch_add(1, SeqCst);
    MADE.start((0..sensors).flat_map(|s| (0..per_sensor).map(move |i| (s, i))));
    by_thread().clear();
    for counter in [&PRODUCED, &PRODUCERS_SEEN, &PRODUCERS_ENDED, &ON_COLLECTOR] {
        counter.store(0, SeqCst);
    }
    let what = format!("collect_readings({}, {})", sensors, per_sensor);
    let want = sensors * per_sensor;
    let handle = std::thread::Builder::new()
        .name(COLLECTOR.to_string())
        .spawn(move || student_collect_readings(sensors, per_sensor))
        .map_err(|e| fail("resource_limit", format!("the tests could not start a thread: {}", e)))?;
    let grace = Duration::from_millis(threshold("deadlockGraceMs", 1000.0) as u64);
    // Both on a RunClock: time the machine gave the program no core at all is not waiting.
    let (started, give_up) = (RunClock::start(), Duration::from_millis(threshold("giveUpMs", 4000.0) as u64));
    let mut all_made_at: Option<RunClock> = None;
    loop {
        if handle.is_finished() {
            let result = handle.join().map_err(|p| fail("runtime_error", format!("{} panicked: {}", what, panic_text(p))));
            // Let producers nobody joined end, so they cannot spill into the next test.
            let deadline = Instant::now() + Duration::from_millis(500);
            while PRODUCERS_ENDED.load(SeqCst) < PRODUCERS_SEEN.load(SeqCst) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
            return result;
        }
        let made = PRODUCED.load(SeqCst);
        if made >= want && all_made_at.is_none() {
            all_made_at = Some(RunClock::start());
        }
        let running = PRODUCERS_SEEN.load(SeqCst).saturating_sub(PRODUCERS_ENDED.load(SeqCst));
        if all_made_at.map_or(false, |t| t.elapsed() > grace) {
            let waited = grace.as_secs_f64();
            return Err(if running == 0 {
                fail("deadlock", format!("{} and every producer thread has ended, yet {} was still waiting {:.1} s later. Its receive loop waits for a message that can never come: `for r in rx` (or `rx.recv()`) only stops once every Sender is dropped, and one is still alive, most likely the original `tx` that collect_readings itself holds.", all_made(want), what, waited))
            } else {
                fail("deadlock", format!("{}, but {} not ended and {} had not returned {:.1} s later: {} stuck (sending into a full sync_channel that nobody reads any more?).", all_made(want), if running == 1 { "1 producer thread has".to_string() } else { format!("{} producer threads have", running) }, what, waited, if running == 1 { "it is" } else { "they are" }))
            });
        }
        if started.elapsed() > give_up {
            return Err(fail("deadlock", format!("{} had not returned after {:.0} s and only {} of {} made: the producers or the collector are waiting for each other (receiving before the producers started, or joining a producer that waits on a full channel?).", what, threshold("giveUpMs", 4000.0) / 1000.0, made, readings(want, "was", "were"))));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// "1 reading", "5 readings", followed by the verb's singular or plural form when one is given.
fn readings(n: usize, one: &str, many: &str) -> String {
    let (noun, verb) = if n == 1 { ("reading", one) } else { ("readings", many) };
    if verb.is_empty() { format!("{} {}", n, noun) } else { format!("{} {} {}", n, noun, verb) }
}

/// "the only reading was made", "all 12 readings were made".
fn all_made(n: usize) -> String {
    if n == 1 { "the only reading was made".to_string() } else { format!("all {} readings were made", n) }
}

fn expected(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    (0..sensors).flat_map(|s| (0..per_sensor).map(move |i| Reading { sensor: s, seq: i, value: value_of(s, i) })).collect()
}

/// Every reading exactly once, in any order.
fn check_readings(sensors: usize, per_sensor: usize, mut got: Vec<Reading>) -> Option<Verdict> {
    let want = expected(sensors, per_sensor);
    got.sort();
    if got == want {
        return None;
    }
    let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for r in &got {
        *seen.entry((r.sensor, r.seq)).or_insert(0) += 1;
    }
    let missing: Vec<String> = want.iter().filter(|r| !seen.contains_key(&(r.sensor, r.seq))).map(|r| format!("sensor {} #{}", r.sensor, r.seq)).collect();
    let twice = seen.values().filter(|&&n| n > 1).count();
    let unexpected: Vec<String> = seen.keys().filter(|(sensor, seq)| !want.iter().any(|r| r.sensor == *sensor && r.seq == *seq)).map(|(sensor, seq)| format!("sensor {} #{}", sensor, seq)).collect();
    let mut why = Vec::new();
    if !missing.is_empty() {
        let shown: Vec<String> = missing.iter().take(3).cloned().collect();
        why.push(format!("{} never arrived (e.g. {})", missing.len(), shown.join(", ")));
    }
    if twice > 0 {
        why.push(format!("{} arrived more than once", twice));
    }
    if !unexpected.is_empty() {
        let shown: Vec<String> = unexpected.iter().take(3).cloned().collect();
        why.push(format!("{} {} never made by read_sensor (e.g. {})", unexpected.len(), if unexpected.len() == 1 { "was" } else { "were" }, shown.join(", ")));
    }
    if why.is_empty() {
        why.push("some values differ from what read_sensor returned".to_string());
    }
    // A send that fails because the receiver already returned is a consequence, not the cause.
    if let Some(panic) = panics_so_far().iter().find(|p| !p.contains("SendError")) {
        return Some(fail("task_failed", format!("collect_readings({}, {}) returned {}, not {}, because a producer thread panicked ({}): its remaining readings were never sent.", sensors, per_sensor, readings(got.len(), "", ""), want.len(), panic)).values(want.len(), got.len()));
    }
    let count = if got.len() == want.len() { format!("returned {}, as many as expected, but not the right ones", readings(got.len(), "", "")) } else { format!("returned {}, not {}", readings(got.len(), "", ""), want.len()) };
    let message = format!("collect_readings({}, {}) {}: {}.", sensors, per_sensor, count, why.join("; "));
    Some(fail("wrong_result", message).values(want.len(), got.len()))
}

fn every_reading_once(ctx: &mut Ctx) -> Verdict {
    // Several sensors with several readings each, one reading in all, and a wider fan-in,
    // in sizes drawn per grade.
    let cases = [(ctx.rng.int(2, 4) as usize, ctx.rng.int(5, 12) as usize), (1, 1), (ctx.rng.int(5, 6) as usize, ctx.rng.int(3, 5) as usize)];
    for (sensors, per_sensor) in cases {
        let got = match call(sensors, per_sensor) {
            Ok(got) => got,
            Err(verdict) => return verdict,
        };
        ctx.take_work(500);
        if let Some(verdict) = check_readings(sensors, per_sensor, got) {
            return verdict;
        }
        if let Some(verdict) = never_made(sensors, per_sensor) {
            return verdict;
        }
    }
    pass("every reading arrived exactly once and collect_readings() returned when the producers were done")
}

fn one_thread_per_sensor(ctx: &mut Ctx) -> Verdict {
    let (sensors, per_sensor) = (4, 25);
    // The producers, started together, all meet at their first reading, so all 4 are reading at
    // once whatever the machine; producers joined one by one cannot.
    meet_calls_of(sensors);
    let got = match call(sensors, per_sensor) {
        Ok(got) => got,
        Err(verdict) => return verdict,
    };
    let log = ctx.take_work(500);
    if let Some(verdict) = check_readings(sensors, per_sensor, got) {
        return verdict;
    }
    if let Some(verdict) = never_made(sensors, per_sensor) {
        return verdict;
    }
    let others = uncounted(&log);
    let on_collector = ON_COLLECTOR.load(SeqCst);
    if on_collector > 0 {
        return fail("not_parallel", format!("{} of the {} readings were made by collect_readings() on its own thread, not by a producer thread{}: the collector should only receive what the producers send.", on_collector, sensors * per_sensor, others));
    }
    let threads = log.cpu_by_thread.len();
    // A rayon pool runs each sensor's loop on whichever of its threads is free: whether 4
    // sensors land on 4 threads depends on timing, so its threads are never a producer's own.
    if log.pool_calls > 0 {
        return fail("not_parallel", format!("{} of the {} readings were made on a rayon pool's worker threads: a pool runs each sensor on whichever of its threads is free, so sensors share a thread or not depending on timing. Give each sensor a producer thread of its own (thread::spawn or thread::scope){}", log.pool_calls, sensors * per_sensor, others));
    }
    if threads < sensors {
        return fail("not_parallel", format!("the readings of {} sensors were made on {} {}, not on one producer thread per sensor{}", sensors, threads, if threads == 1 { "thread" } else { "threads" }, others));
    }
    let producers = producers(per_sensor);
    if producers < sensors {
        return fail("not_parallel", format!("the readings of {} sensors were made on {} threads, but only {} of them read a sensor of {} own (most of its {} readings), not one producer thread per sensor{}", sensors, threads, producers, if producers == 1 { "its" } else { "their" }, per_sensor, others));
    }
    if log.max_in_flight < sensors {
        return fail("not_parallel", format!("the {} sensors were read on {} producer threads, but at most {} of them {} reading at the same time: each producer was joined before the next started (spawn and join in the same loop?), so the sensors were read one after another. Spawn every producer first, then receive, then join them{}", sensors, producers, log.max_in_flight, if log.max_in_flight == 1 { "was" } else { "were" }, others));
    }
    if let Some(again) = MADE.take().and_then(|l| l.asked_again("read_sensor()", "(sensor, seq) reading")) {
        return fail("wrong_result", format!("collect_readings({}, {}) returned the right readings, but {}: each reading must be made exactly once.", sensors, per_sensor, again));
    }
    pass(format!("{} producer threads sent {} readings into one channel", threads, sensors * per_sensor))
}

/// Readings returned right although read_sensor never made them (the host's own record).
fn never_made(sensors: usize, per_sensor: usize) -> Option<Verdict> {
    let never = MADE.peek(|l| l.never_asked("read_sensor()", "readings")).flatten()?;
    Some(fail("wrong_result", format!("collect_readings({}, {}) returned the readings, but {}: a reading is only known by reading the sensor.", sensors, per_sensor, never)))
}

/// " (3 calls of read_sensor() … were not counted)", or nothing.
fn uncounted(log: &WorkLog) -> String {
    match log.uncounted {
        0 => String::new(),
        1 => " (1 call of read_sensor() for a reading already made, for another sensor, or on the collector's thread, was not counted as a producer's work)".to_string(),
        n => format!(" ({} calls of read_sensor() for readings already made, for other sensors, or on the collector's thread, were not counted as a producer's work)", n),
    }
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "every reading arrives exactly once", clock: Clock::Real, run: every_reading_once },
        Test { name: "each sensor sends from its own thread", clock: Clock::Real, run: one_thread_per_sensor },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    crate::student::collect_readings(sensors, per_sensor)
}
