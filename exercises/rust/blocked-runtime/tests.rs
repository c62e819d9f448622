// Hidden tests for rust/blocked-runtime. Pages arrive after a simulated network wait (paused
// clock); `checksum` is real CPU work (about 40 ms). The runtime's thread is timed between
// parks (Ctx::paused): computing there stalls every other task for that long.
use super::{fail, measure_work, now_ms, on_test_runtime, pass, salt, span, threshold, Clock, Ctx, Test, Verdict};
use std::time::Duration;

const LATENCY_MS: u64 = 50;
/// Default of exercise.json's `maxStallMs`: a blocking solution stalls for 40+ ms (about
/// 160 ms: the four run back to back), a good one for microseconds.
const MAX_STALL_MS: f64 = 50.0;

/// Downloads page `i` (waits 50 ms).
pub async fn fetch_page(i: u32) -> Vec<u8> {
    on_test_runtime("fetch_page");
    let start = now_ms();
    tokio::time::sleep(Duration::from_millis(LATENCY_MS)).await;
    span(&format!("fetch_page({})", i), "wait", start, now_ms());
    page_of(i)
}

/// Page `i`'s bytes depend on the grade (salt): its checksum cannot be known without it.
fn page_of(i: u32) -> Vec<u8> {
    let salt = (salt() % 251) as u32;
    (0..4096u32).map(|b| (b * 31 + i * 7 + salt) as u8).collect()
}

/// How many pages this test asks for (3 to 5), drawn for this grade.
fn pages(ctx: &mut Ctx) -> u32 {
    ctx.rng.int(3, 5) as u32
}

fn fnv(page: &[u8]) -> u64 {
    page.iter().fold(1469598103934665603u64, |h, &b| (h ^ b as u64).wrapping_mul(1099511628211))
}

/// Checksums a page: about 40 ms of pure computation.
pub fn checksum(page: &[u8]) -> u64 {
    measure_work("checksum", || {
        // The "careful" part of the checksum: deliberately heavy computation.
        let mut h = fnv(page);
        for round in 0..70_000_000u64 {
            h = std::hint::black_box(h.rotate_left(5) ^ round);
        }
        std::hint::black_box(h);
        fnv(page)
    })
}

fn expected(pages: u32) -> Vec<u64> {
    (0..pages).map(|i| fnv(&page_of(i))).collect()
}

fn right_values(ctx: &mut Ctx) -> Verdict {
    let n = pages(ctx);
    let want = expected(n);
    ctx.take_work(1000);
    let got = ctx.paused(student_checksums(n));
    ctx.take_work(1000);
    if got != want {
        return fail("wrong_result", format!("checksums({}) must return one checksum per page, in page order", n)).values(want, got);
    }
    pass("one checksum per page, in order")
}

fn responsive(ctx: &mut Ctx) -> Verdict {
    let max = threshold("maxStallMs", MAX_STALL_MS);
    let n = pages(ctx);
    let _ = ctx.paused(student_checksums(n));
    ctx.take_work(1000);
    let stall = ctx.longest_stall_ms.unwrap_or(0.0);
    if stall > max {
        return fail("blocked_runtime", format!("the runtime's thread was busy for {:.0} ms without reaching an .await (the limit is {:.0} ms), so no other task (no download, no timer) could run meanwhile.", stall, max));
    }
    pass(format!("the runtime never stalled for more than {:.1} ms (the limit is {:.0} ms)", stall, max))
}

fn overlapping(ctx: &mut Ctx) -> Verdict {
    let n = pages(ctx);
    let _ = ctx.paused(student_checksums(n));
    ctx.take_work(1000);
    let ms = ctx.last_virtual_ms;
    if ms > 1.5 * LATENCY_MS as f64 {
        return fail("no_overlap", format!("the {} downloads took {:.0} ms on the paused clock, but one takes {} ms: they waited one after another.", n, ms, LATENCY_MS));
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
