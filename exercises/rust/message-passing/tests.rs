// Hidden tests for rust/message-passing. `read_sensor` is the producers' work; it counts the
// readings made and marks every thread that made one (a thread-local whose destructor runs
// when that thread ends). The student's function runs on a thread of its own, so a receive
// loop that never ends is seen as what it is: every reading made, every producer gone, and
// the collector still waiting, because a Sender it holds itself keeps the channel open.
use super::{fail, measure_work, panics_so_far, pass, salt, threshold, Clock, Ctx, Test, Verdict};
use std::collections::BTreeMap;
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

fn value_of(sensor: usize, seq: usize) -> u64 {
    let mut x = ((sensor as u64 + 1) * 1_000_003 + seq as u64) ^ salt();
    x = x.wrapping_mul(0x9E3779B97F4A7C15);
    x % 1000
}

/// Reads sensor `sensor` for the `seq`-th time (about 50 µs of work).
pub fn read_sensor(sensor: usize, seq: usize) -> Reading {
    let epoch = EPOCH.load(SeqCst);
    MARK.with(|_| {});
    let reading = measure_work(&format!("read_sensor({})", sensor), || {
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
    for counter in [&PRODUCED, &PRODUCERS_SEEN, &PRODUCERS_ENDED] {
        counter.store(0, SeqCst);
    }
    let what = format!("collect_readings({}, {})", sensors, per_sensor);
    let want = sensors * per_sensor;
    let handle = std::thread::Builder::new()
        .name(COLLECTOR.to_string())
        .spawn(move || student_collect_readings(sensors, per_sensor))
        .map_err(|e| fail("resource_limit", format!("the tests could not start a thread: {}", e)))?;
    let grace = Duration::from_millis(threshold("deadlockGraceMs", 1000.0) as u64);
    let give_up = Instant::now() + Duration::from_millis(threshold("giveUpMs", 4000.0) as u64);
    let mut all_made_at: Option<Instant> = None;
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
            all_made_at = Some(Instant::now());
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
        if Instant::now() > give_up {
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
    }
    pass("every reading arrived exactly once and collect_readings() returned when the producers were done")
}

fn one_thread_per_sensor(ctx: &mut Ctx) -> Verdict {
    let (sensors, per_sensor) = (4, 25);
    let got = match call(sensors, per_sensor) {
        Ok(got) => got,
        Err(verdict) => return verdict,
    };
    let log = ctx.take_work(500);
    if let Some(verdict) = check_readings(sensors, per_sensor, got) {
        return verdict;
    }
    let threads = log.cpu_by_thread.len();
    if threads < sensors {
        return fail("not_parallel", format!("the readings of {} sensors were made on {} {}, not on one producer thread per sensor", sensors, threads, if threads == 1 { "thread" } else { "threads" }));
    }
    pass(format!("{} producer threads sent {} readings into one channel", threads, sensors * per_sensor))
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
