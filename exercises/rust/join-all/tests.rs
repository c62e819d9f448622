// Hidden tests for rust/join-all. `fetch_price` waits on tokio's paused clock (80-120 ms,
// different per id, so finishing order differs from asking order); the virtual time of the
// whole call shows exactly how much of the waiting overlapped. Each fetch is counted per id.
use super::{fail, keyed, now_ms, on_test_runtime, pass, span, test_sleep, threshold, Clock, Ctx, Test, Verdict};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

static FETCHES: Mutex<BTreeMap<u32, usize>> = Mutex::new(BTreeMap::new());

fn fetches() -> std::sync::MutexGuard<'static, BTreeMap<u32, usize>> {
    FETCHES.lock().unwrap_or_else(|e| e.into_inner())
}

/// How long the price service takes for `id`: 80 to 120 ms.
pub fn latency_ms(id: u32) -> u64 {
    80 + (id as u64 * 13) % 41
}

/// Depends on the grade and on the id alone (keyed): a price cannot be known without asking
/// the service for it, and knowing some prices tells nothing about the others.
fn price_of(id: u32) -> u64 {
    100 + keyed("price", id as u64) % 900
}

/// `n` distinct ids drawn for this grade, the first slower than the last (the fetches always
/// finish in another order than they were asked in) and, from three on, one of them slow
/// (110 ms or more: a fixed guess of how long to wait always loses a price).
fn draw_ids(ctx: &mut Ctx, n: usize) -> Vec<u32> {
    loop {
        let ids: Vec<u32> = ctx.rng.distinct(n, 1, 9999).into_iter().map(|id| id as u32).collect();
        let ordered = n < 2 || latency_ms(ids[0]) > latency_ms(ids[n - 1]);
        let slow = n < 3 || ids.iter().any(|&id| latency_ms(id) >= 110);
        if ordered && slow {
            return ids;
        }
    }
}

/// Asks the price service for product `id`'s price in cents (waits 80-120 ms).
pub async fn fetch_price(id: u32) -> u64 {
    on_test_runtime("fetch_price");
    *fetches().entry(id).or_insert(0) += 1;
    let start = now_ms();
    test_sleep("fetch_price", Duration::from_millis(latency_ms(id))).await;
    span(&format!("fetch_price({})", id), "wait", start, now_ms());
    price_of(id)
}

fn call(ctx: &mut Ctx, ids: &[u32]) -> Result<Vec<u64>, Verdict> {
    fetches().clear();
    let got = ctx.paused(student_fetch_prices(ids.to_vec()));
    let want: Vec<u64> = ids.iter().map(|&id| price_of(id)).collect();
    let what = format!("fetch_prices({:?})", ids);
    // The host's own record: every price must have come from the service.
    let never: Vec<u32> = {
        let asked = fetches();
        ids.iter().copied().filter(|id| !asked.contains_key(id)).collect()
    };
    if !never.is_empty() && got.len() == want.len() {
        let some: Vec<String> = never.iter().take(3).map(|id| id.to_string()).collect();
        return Err(fail("wrong_result", format!("{} returned {} price{}, but fetch_price was never asked for {} of the ids (e.g. {}): a price is only known by asking the service for it.", what, got.len(), if got.len() == 1 { "" } else { "s" }, never.len(), some.join(", "))).values(want, got));
    }
    if got == want {
        let extra: Vec<String> = fetches().iter().filter(|(_, &n)| n > 1).map(|(id, n)| format!("{} ({} times)", id, n)).collect();
        if !extra.is_empty() {
            return Err(fail("wrong_result", format!("{} returned the right prices but asked the service more than once for some ids: {}.", what, extra.join(", "))));
        }
        return Ok(got);
    }
    let mut sorted_got = got.clone();
    let mut sorted_want = want.clone();
    sorted_got.sort();
    sorted_want.sort();
    let why = if sorted_got == sorted_want {
        "the prices are all there, but not in the order of the ids: they came back in the order the fetches finished (FuturesUnordered, or pushes from spawned tasks?).".to_string()
    } else if got.len() < want.len() {
        format!("{} of the {} prices {} missing (a future dropped, or a task nobody awaited?).", want.len() - got.len(), want.len(), if want.len() - got.len() == 1 { "is" } else { "are" })
    } else {
        "the prices are not the ones fetch_price returned for these ids.".to_string()
    };
    Err(fail("wrong_result", format!("{} returned {} price{}: {}", what, got.len(), if got.len() == 1 { "" } else { "s" }, why)).values(want, got))
}

fn right_prices(ctx: &mut Ctx) -> Verdict {
    let lists = [draw_ids(ctx, 3), Vec::new(), draw_ids(ctx, 1), draw_ids(ctx, 20)];
    for ids in lists {
        if let Err(verdict) = call(ctx, &ids) {
            return verdict;
        }
    }
    pass("fetch_prices() returns every price, in the order of the ids")
}

fn waits_overlap(ctx: &mut Ctx) -> Verdict {
    let ids = draw_ids(ctx, 20);
    if let Err(verdict) = call(ctx, &ids) {
        return verdict;
    }
    let ms = ctx.last_virtual_ms;
    let slowest = ids.iter().map(|&id| latency_ms(id)).max().unwrap_or(0) as f64;
    let in_turn: f64 = ids.iter().map(|&id| latency_ms(id) as f64).sum();
    // All at once costs exactly the slowest fetch; one after another costs the sum (~17x more).
    if ms > threshold("maxSlowestFactor", 1.5) * slowest {
        let how = if ms >= 0.9 * in_turn { "one after another" } else { "only partly at the same time (in batches?)" };
        return fail("no_overlap", format!("the {} fetches took {:.0} ms on the paused clock: they waited {}. The slowest fetch alone takes {:.0} ms and all of them in turn {:.0} ms.", ids.len(), ms, how, slowest, in_turn));
    }
    pass(format!("the {} fetches waited at the same time: {:.0} ms in all, the time of the slowest one (in turn they would take {:.0} ms)", ids.len(), ms, in_turn))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "fetch_prices() returns every price in order", clock: Clock::Virtual, run: right_prices },
        Test { name: "the 20 fetches wait at the same time", clock: Clock::Virtual, run: waits_overlap },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_fetch_prices(ids: Vec<u32>) -> impl std::future::Future<Output = Vec<u64>> {
    crate::student::fetch_prices(ids)
}
