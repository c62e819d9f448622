// Hidden tests for rust/spawn-tasks. `fetch_name` waits on the paused clock (40-120 ms by id),
// so overlap is exact and tasks finish in a different order than they were spawned.
use super::{fail, keyed, now_ms, on_test_runtime, pass, span, test_sleep, Clock, Ctx, Inputs, Test, Verdict};
use std::time::Duration;

fn latency_ms(id: u32) -> u64 {
    40 * (3 - id as u64 % 3)
}

/// Looks up the name of account `id` (waits 40, 80 or 120 ms depending on the id).
pub async fn fetch_name(id: u32) -> String {
    on_test_runtime("fetch_name");
    ASKED.claim(&[id]);
    let start = now_ms();
    test_sleep("fetch_name", Duration::from_millis(latency_ms(id))).await;
    span(&format!("fetch_name({})", id), "wait", start, now_ms());
    name_of(id)
}

/// Depends on the grade and on the id alone (keyed): one name tells nothing about another.
fn name_of(id: u32) -> String {
    format!("account-{}-{}", id, keyed("account", id as u64) % 10_000)
}

/// The ids `fetch_name` was asked for during the current call (the host's own record).
static ASKED: Inputs<u32> = Inputs::new();

/// Runs fetch_names(ids) on the paused clock; a list of the right length whose names were
/// never looked up is wrong_result, whatever it holds.
fn call(ctx: &mut Ctx, ids: &[u32]) -> Result<Vec<String>, Verdict> {
    ASKED.start(ids.iter().copied());
    let got = ctx.paused(student_fetch_names(ids.to_vec()));
    let never = ASKED.take().and_then(|asked| asked.never_asked("fetch_name", "ids"));
    if let Some(never) = never {
        if got.len() == ids.len() {
            let want: Vec<String> = ids.iter().map(|&id| name_of(id)).collect();
            return Err(fail("wrong_result", format!("fetch_names() returned {} names, but {}: a name is only known by looking it up.", got.len(), never)).values(want, got));
        }
    }
    Ok(got)
}

/// Six ids drawn for this grade; the first waits longest and the last shortest, so the tasks
/// always finish in another order than they were spawned.
fn draw_ids(ctx: &mut Ctx) -> Vec<u32> {
    let mut ids: Vec<u32> = Vec::new();
    while ids.len() < 6 {
        let id = ctx.rng.int(1, 999) as u32;
        let fits = match ids.len() {
            0 => latency_ms(id) == 120,
            5 => latency_ms(id) == 40,
            _ => true,
        };
        if fits && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

fn right_names(ctx: &mut Ctx) -> Verdict {
    let ids = draw_ids(ctx);
    let want: Vec<String> = ids.iter().map(|&id| name_of(id)).collect();
    let got = match call(ctx, &ids) {
        Ok(got) => got,
        Err(v) => return v,
    };
    if got != want {
        return fail("wrong_result", "fetch_names() must return one name per id, in the order of the ids").values(want, got);
    }
    let empty = ctx.paused(student_fetch_names(Vec::new()));
    if !empty.is_empty() {
        return fail("wrong_result", "fetch_names(vec![]) must return an empty Vec").values(Vec::<String>::new(), empty);
    }
    pass("every name, in id order")
}

fn overlapping(ctx: &mut Ctx) -> Verdict {
    let ids = draw_ids(ctx);
    if let Err(v) = call(ctx, &ids) {
        return v;
    }
    let ms = ctx.last_virtual_ms;
    let slowest = ids.iter().map(|&id| latency_ms(id)).max().unwrap_or(0) as f64;
    if ms > slowest * 1.25 {
        return fail("no_overlap", format!("fetching {} names took {:.0} ms on the paused clock, but the slowest takes {:.0} ms: the lookups waited one after another.", ids.len(), ms, slowest));
    }
    pass(format!("all lookups overlapped: {:.0} ms in all", ms))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "fetch_names() returns every name in order", clock: Clock::Virtual, run: right_names },
        Test { name: "the lookups run at the same time", clock: Clock::Virtual, run: overlapping },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_fetch_names(ids: Vec<u32>) -> impl std::future::Future<Output = Vec<String>> {
    crate::student::fetch_names(ids)
}
