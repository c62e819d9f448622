// Hidden tests for rust/blocked-runtime. Pages arrive after a simulated network wait (paused
// clock); `checksum` is real CPU work (about 40 ms). The runtime's thread is timed between
// parks (Ctx::paused): computing there stalls every other task for that long.
use super::{fail, keyed, measure_work, now_ms, on_runtime_thread, on_test_runtime, pass, span, test_sleep, threshold, Clock, Ctx, Inputs, Test, Verdict};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

const LATENCY_MS: u64 = 50;
/// Default of exercise.json's `maxStallMs`: a blocking solution stalls for 40+ ms (about
/// 160 ms: the four run back to back), a good one for microseconds.
const MAX_STALL_MS: f64 = 50.0;

/// Downloads page `i` (waits 50 ms).
pub async fn fetch_page(i: u32) -> Vec<u8> {
    on_test_runtime("fetch_page");
    let start = now_ms();
    test_sleep("fetch_page", Duration::from_millis(LATENCY_MS)).await;
    span(&format!("fetch_page({})", i), "wait", start, now_ms());
    page_of(i)
}

/// Page `i`'s bytes depend on the grade and on the page (keyed): a page cannot be known
/// without downloading it.
fn page_of(i: u32) -> Vec<u8> {
    let mut x = keyed("page", i as u64);
    (0..4096u32)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// How many pages this test asks for (3 to 5), drawn for this grade.
fn pages(ctx: &mut Ctx) -> u32 {
    ctx.rng.int(3, 5) as u32
}

/// FNV-1a from `basis`.
fn fnv(page: &[u8], basis: u64) -> u64 {
    page.iter().fold(basis, |h, &b| (h ^ b as u64).wrapping_mul(1099511628211))
}

/// What checksum() returns: FNV-1a from a basis only this grade knows, mixed with a key and
/// cut to 48 bits (keyed). Nothing outside checksum() can compute it.
fn checksum_of(page: &[u8]) -> u64 {
    keyed("checksum", fnv(page, keyed("checksum-basis", 0))) >> 16
}

/// The host's own name for a page's contents, to tell which pages checksum() was given.
fn fingerprint(page: &[u8]) -> u64 {
    fnv(page, 1469598103934665603)
}

/// The pages of the current call that checksum() was asked about, and each page's number by
/// its fingerprint.
static CHECKSUMMED: Inputs<u32> = Inputs::new();
static PAGE_NUMBERS: Mutex<Vec<(u64, u32)>> = Mutex::new(Vec::new());

fn page_number(page: &[u8]) -> u32 {
    let fp = fingerprint(page);
    PAGE_NUMBERS.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|(f, _)| *f == fp).map_or(u32::MAX, |(_, i)| *i)
}
/// checksum() calls made on the thread of the test's runtime during the current call.
static ON_RUNTIME: AtomicUsize = AtomicUsize::new(0);

/// Checksums a page: about 40 ms of pure computation.
pub fn checksum(page: &[u8]) -> u64 {
    if on_runtime_thread() {
        ON_RUNTIME.fetch_add(1, Ordering::SeqCst);
    }
    CHECKSUMMED.claim(&[page_number(page)]);
    measure_work("checksum", || {
        // The "careful" part of the checksum: deliberately heavy computation.
        let mut h = fnv(page, 1469598103934665603);
        for round in 0..70_000_000u64 {
            h = std::hint::black_box(h.rotate_left(5) ^ round);
        }
        std::hint::black_box(h);
        checksum_of(page)
    })
}

fn expected(pages: u32) -> Vec<u64> {
    (0..pages).map(|i| checksum_of(&page_of(i))).collect()
}

/// Runs checksums(n) on the paused clock, recording which pages checksum() was given and
/// on which thread it ran.
fn call(ctx: &mut Ctx, n: u32) -> Vec<u64> {
    *PAGE_NUMBERS.lock().unwrap_or_else(|e| e.into_inner()) = (0..n).map(|i| (fingerprint(&page_of(i)), i)).collect();
    CHECKSUMMED.start(0..n);
    ON_RUNTIME.store(0, Ordering::SeqCst);
    let got = ctx.paused(student_checksums(n));
    ctx.take_work(1000);
    got
}

/// A checksum that ran on the runtime's own thread held it for its whole computation (about
/// 40 ms), whatever the task did between two checksums: blocked_runtime, however the stretches
/// were cut (a short sleep after each one parks the runtime, but blocks it no less).
fn checksum_on_runtime(n: u32) -> Option<Verdict> {
    let on_runtime = ON_RUNTIME.load(Ordering::SeqCst);
    if on_runtime == 0 {
        return None;
    }
    Some(fail("blocked_runtime", format!("checksums({}) called checksum() on the runtime's own thread ({}): each call is about 40 ms of computation without an .await, and while it runs no other task (no download, no timer) can. An .await between two checksums does not help; the computation has to leave the runtime's thread.", n, if on_runtime == 1 { "once".to_string() } else { format!("{} times", on_runtime) })))
}

/// Pages whose checksum was never computed by checksum() (the host's own record).
fn never_checksummed(n: u32, got: &[u64]) -> Option<Verdict> {
    let never = CHECKSUMMED.take().and_then(|l| l.never_asked("checksum()", "pages"))?;
    Some(fail("wrong_result", format!("checksums({}) returned {} checksum{}, but {}: only checksum() can compute a page's checksum.", n, got.len(), if got.len() == 1 { "" } else { "s" }, never)).values(expected(n), got))
}

fn right_values(ctx: &mut Ctx) -> Verdict {
    let n = pages(ctx);
    let want = expected(n);
    ctx.take_work(1000);
    let got = call(ctx, n);
    if got.len() == want.len() {
        if let Some(v) = never_checksummed(n, &got) {
            return v;
        }
    }
    if got != want {
        return fail("wrong_result", format!("checksums({}) must return one checksum per page, in page order", n)).values(want, got);
    }
    if let Some(v) = checksum_on_runtime(n) {
        return v;
    }
    pass("one checksum per page, in order")
}

fn responsive(ctx: &mut Ctx) -> Verdict {
    let max = threshold("maxStallMs", MAX_STALL_MS);
    let n = pages(ctx);
    let _ = call(ctx, n);
    if let Some(v) = checksum_on_runtime(n) {
        return v;
    }
    let stall = ctx.longest_stall_ms.unwrap_or(0.0);
    if stall > max {
        return fail("blocked_runtime", format!("the runtime's thread was busy for {:.0} ms without reaching an .await (the limit is {:.0} ms), so no other task (no download, no timer) could run meanwhile.", stall, max));
    }
    pass(format!("the runtime never stalled for more than {:.1} ms (the limit is {:.0} ms)", stall, max))
}

fn overlapping(ctx: &mut Ctx) -> Verdict {
    let n = pages(ctx);
    let got = call(ctx, n);
    if let Some(v) = never_checksummed(n, &got) {
        return v;
    }
    let ms = ctx.last_virtual_ms;
    if ms > 1.5 * LATENCY_MS as f64 {
        return fail("no_overlap", format!("the {} downloads took {:.0} ms on the paused clock, but one takes {} ms: they waited one after another.", n, ms, LATENCY_MS));
    }
    if let Some(v) = checksum_on_runtime(n) {
        return v;
    }
    pass(format!("the downloads overlapped: {:.0} ms of waiting in all", ms))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "checksums() returns one checksum per page", clock: Clock::Virtual, run: right_values },
        Test { name: "the runtime is never blocked by the computation", clock: Clock::Virtual, run: responsive },
        Test { name: "the downloads wait at the same time", clock: Clock::Virtual, run: overlapping },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_checksums(pages: u32) -> impl std::future::Future<Output = Vec<u64>> {
    crate::student::checksums(pages)
}
