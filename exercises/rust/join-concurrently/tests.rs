// Hidden tests for rust/join-concurrently. The student's file is `crate::student`; the three
// simulated services below are what it imports from `crate::exercise`.
use super::{fail, keyed, now_ms, on_test_runtime, pass, span, test_sleep, Clock, Ctx, Test, Verdict};
use std::sync::Mutex;
use std::time::Duration;

const LATENCY_MS: u64 = 100;

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub user: String,
    pub orders: Vec<u32>,
    pub suggestions: Vec<String>,
}

/// The (service, user id) pairs asked for during the current call: the host's own record.
static ASKED: Mutex<Vec<(&'static str, u32)>> = Mutex::new(Vec::new());

fn asked() -> std::sync::MutexGuard<'static, Vec<(&'static str, u32)>> {
    ASKED.lock().unwrap_or_else(|e| e.into_inner())
}

async fn service(name: &'static str, id: u32, ms: u64) {
    on_test_runtime(name);
    asked().push((name, id));
    let start = now_ms();
    test_sleep(name, Duration::from_millis(ms)).await;
    span(name, "wait", start, now_ms());
}

/// Looks up a user's display name (takes 100 ms).
pub async fn load_user(id: u32) -> String {
    service("load_user", id, LATENCY_MS).await;
    user_of(id)
}

/// Looks up a user's recent order numbers (takes 100 ms).
pub async fn load_orders(id: u32) -> Vec<u32> {
    service("load_orders", id, LATENCY_MS).await;
    orders_of(id)
}

/// Computes product suggestions for a user (takes 100 ms).
pub async fn load_suggestions(id: u32) -> Vec<String> {
    service("load_suggestions", id, LATENCY_MS).await;
    suggestions_of(id)
}

// What the services answer depends on the grade, the service and the user (keyed): it cannot
// be known without asking that service, and one answer tells nothing about another.
fn user_of(id: u32) -> String {
    format!("user-{}-{}", id, keyed("user", id as u64) % 10_000)
}

fn orders_of(id: u32) -> Vec<u32> {
    let base = id * 10 + (keyed("orders", id as u64) % 7) as u32;
    vec![base + 1, base + 2]
}

fn suggestions_of(id: u32) -> Vec<String> {
    vec![format!("book-{}", keyed("suggestions", id as u64) % 500), "tea".to_string()]
}

/// Runs dashboard(id) on the paused clock and checks its data, and that each of the three
/// services was asked about this user (a part never asked for was made up).
fn call(ctx: &mut Ctx, id: u32) -> Result<(), Verdict> {
    asked().clear();
    let got = ctx.paused(student_dashboard(id));
    let asked: Vec<(&'static str, u32)> = std::mem::take(&mut *asked());
    let never: Vec<&str> = ["load_user", "load_orders", "load_suggestions"].into_iter().filter(|s| !asked.contains(&(*s, id))).collect();
    if !never.is_empty() {
        return Err(fail("wrong_result", format!("dashboard({}) returned a Dashboard, but {} never asked about user {}: every part must come from its service.", id, never.join(" and "), id)).values(expected(id), got));
    }
    if got != expected(id) {
        return Err(fail("wrong_result", format!("dashboard({}) returned the wrong data", id)).values(expected(id), got));
    }
    Ok(())
}

fn expected(id: u32) -> Dashboard {
    Dashboard { user: user_of(id), orders: orders_of(id), suggestions: suggestions_of(id) }
}

fn right_data(ctx: &mut Ctx) -> Verdict {
    let ids = [ctx.rng.int(1, 9999) as u32, ctx.rng.int(1, 9999) as u32];
    for id in ids {
        if let Err(v) = call(ctx, id) {
            return v;
        }
    }
    pass("dashboard() returns the user, orders and suggestions")
}

fn loads_overlap(ctx: &mut Ctx) -> Verdict {
    let id = ctx.rng.int(1, 9999) as u32;
    if let Err(v) = call(ctx, id) {
        return v;
    }
    let ms = ctx.last_virtual_ms;
    if ms > 1.5 * LATENCY_MS as f64 {
        return fail("no_overlap", format!("dashboard() took {:.0} ms on the paused clock, but each load takes {} ms: the loads waited one after another.", ms, LATENCY_MS));
    }
    pass(format!("the three loads overlapped: {:.0} ms in all", ms))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "dashboard() returns the right data", clock: Clock::Virtual, run: right_data },
        Test { name: "the three loads wait at the same time", clock: Clock::Virtual, run: loads_overlap },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_dashboard(id: u32) -> impl std::future::Future<Output = Dashboard> {
    crate::student::dashboard(id)
}
