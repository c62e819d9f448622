// Hidden tests for rust/profile-fetch. The database row and the avatar are simulated services
// that wait on tokio's paused clock (exact overlap). The old blocking avatar client knows which
// thread runs the test's runtime, so calling it there is caught for certain, not by timing.
use super::{fail, keyed, now_ms, on_test_runtime, pass, span, test_sleep, threshold, Clock, Ctx, Test, Verdict};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::thread::ThreadId;
use std::time::Duration;

const LATENCY_MS: u64 = 50;
/// The CDN says "no avatar" quickly: 10 ms.
const FAST_ERROR_MS: u64 = 10;
/// Ids an earlier statement named as the failing ones: in every grade they are ordinary users
/// (and asked for), so errors remembered for them are made up.
const OLD_FAILING_IDS: [u32; 2] = [404, 13];
/// Default of exercise.json's `maxStallMs`: a 100 ms std::thread::sleep stalls the runtime's
/// thread for at least 100 ms, a good solution for well under 2 ms even on a loaded machine.
const MAX_STALL_MS: f64 = 50.0;

#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    pub id: u32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Avatar {
    pub user_id: u32,
    pub png: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub row: UserRow,
    pub avatar: Avatar,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    NoSuchUser(u32),
    NoAvatar(u32),
}

async fn wait(name: String, ms: u64) {
    on_test_runtime(&name);
    let start = now_ms();
    test_sleep(&name, Duration::from_millis(ms)).await;
    span(&name, "wait", start, now_ms());
}

/// An id in 1..=9999 drawn for the grade from `tag` (keyed), never one of `not`.
fn grade_id(tag: &str, not: &[u32]) -> u32 {
    (0..).map(|k| 1 + (keyed(tag, k) % 9999) as u32).find(|id| !not.contains(id)).expect("an id")
}

/// The user without a database row in this grade: only the services know which one it is.
fn missing_user() -> u32 {
    grade_id("missing-user", &OLD_FAILING_IDS)
}

/// The user whose avatar the CDN cannot find in this grade (who has a row).
fn no_avatar() -> u32 {
    grade_id("no-avatar", &[OLD_FAILING_IDS[0], OLD_FAILING_IDS[1], missing_user()])
}

fn row_of(id: u32) -> Result<UserRow, FetchError> {
    if id == missing_user() {
        return Err(FetchError::NoSuchUser(id));
    }
    Ok(UserRow { id, name: format!("user-{}-{}", id, keyed("name", id as u64) % 10_000) })
}

fn avatar_of(id: u32) -> Result<Avatar, FetchError> {
    if id == no_avatar() {
        return Err(FetchError::NoAvatar(id));
    }
    Ok(Avatar { user_id: id, png: vec![0x89, b'P', b'N', b'G', (keyed("avatar", id as u64) % 251) as u8] })
}

/// What the services were asked during the current call (the host's own record): user ids
/// of load_row, and of load_avatar or load_avatar_blocking.
static ROWS_ASKED: Mutex<Vec<u32>> = Mutex::new(Vec::new());
static AVATARS_ASKED: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn note(list: &Mutex<Vec<u32>>, id: u32) {
    let mut list = list.lock().unwrap_or_else(|e| e.into_inner());
    if list.len() < 1000 {
        list.push(id);
    }
}

fn asked(list: &Mutex<Vec<u32>>, id: u32) -> bool {
    list.lock().unwrap_or_else(|e| e.into_inner()).contains(&id)
}

/// Reads the user's row from the database (waits 50 ms).
pub async fn load_row(id: u32) -> Result<UserRow, FetchError> {
    note(&ROWS_ASKED, id);
    wait(format!("load_row({})", id), LATENCY_MS).await;
    row_of(id)
}

/// Downloads the user's avatar from the image CDN (waits 50 ms; "no avatar" comes back after 10 ms).
pub async fn load_avatar(id: u32) -> Result<Avatar, FetchError> {
    note(&AVATARS_ASKED, id);
    let ms = if id == no_avatar() { FAST_ERROR_MS } else { LATENCY_MS };
    wait(format!("load_avatar({})", id), ms).await;
    avatar_of(id)
}

static RUNTIME_THREAD: Mutex<Option<ThreadId>> = Mutex::new(None);
static BLOCKED_RUNTIME: AtomicBool = AtomicBool::new(false);

/// The old blocking CDN client: holds the calling thread for 50 ms (like std::thread::sleep).
pub fn load_avatar_blocking(id: u32) -> Result<Avatar, FetchError> {
    note(&AVATARS_ASKED, id);
    let on_runtime = *RUNTIME_THREAD.lock().unwrap_or_else(|e| e.into_inner()) == Some(std::thread::current().id());
    if on_runtime {
        BLOCKED_RUNTIME.store(true, Ordering::SeqCst);
    }
    let start = now_ms();
    std::thread::sleep(Duration::from_millis(LATENCY_MS));
    span(&format!("load_avatar_blocking({})", id), "blocked", start, now_ms().max(start + LATENCY_MS as f64));
    avatar_of(id)
}

fn expected(id: u32) -> Result<Profile, FetchError> {
    Ok(Profile { row: row_of(id)?, avatar: avatar_of(id)? })
}

/// Runs the student's profile(id) on the paused clock; a panic becomes a readable verdict.
fn run_profile(ctx: &mut Ctx, id: u32) -> Result<Result<Profile, FetchError>, Verdict> {
    *RUNTIME_THREAD.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::thread::current().id());
    BLOCKED_RUNTIME.store(false, Ordering::SeqCst);
    ROWS_ASKED.lock().unwrap_or_else(|e| e.into_inner()).clear();
    AVATARS_ASKED.lock().unwrap_or_else(|e| e.into_inner()).clear();
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ctx.paused(student_profile(id))));
    *RUNTIME_THREAD.lock().unwrap_or_else(|e| e.into_inner()) = None;
    got.map_err(|_| {
        fail("wrong_result", format!("profile({}) panicked instead of returning a Result (an .unwrap() or .expect() on a failed fetch?)", id))
            .values(expected(id), "a panic")
    })
}

fn blocked(ctx: &Ctx) -> Option<Verdict> {
    if BLOCKED_RUNTIME.load(Ordering::SeqCst) {
        let held = ctx.longest_stall_ms.unwrap_or(0.0).max(LATENCY_MS as f64);
        return Some(fail("blocked_runtime", format!("load_avatar_blocking() ran on the runtime's own thread and held it for {:.0} ms: while it blocked, no other task and no timer could make progress (the database wait stood still).", held)));
    }
    let stall = ctx.longest_stall_ms.unwrap_or(0.0);
    let max = threshold("maxStallMs", MAX_STALL_MS);
    if stall > max {
        return Some(fail("blocked_runtime", format!("the runtime's thread was busy for {:.0} ms without reaching an .await (the limit is {:.0} ms), so nothing else could run meanwhile (a blocking call such as std::thread::sleep inside an async fn?).", stall, max)));
    }
    None
}

/// The fetches behind the answer profile(id) should give that were never made: a part of
/// the answer (a row, an avatar, an error) the services were never asked for was made up.
fn never_asked(id: u32, got: &Result<Profile, FetchError>) -> Option<Verdict> {
    let mut never = Vec::new();
    let needs_row = expected(id).is_ok() || id == missing_user();
    let needs_avatar = expected(id).is_ok() || id == no_avatar();
    if needs_row && !asked(&ROWS_ASKED, id) {
        never.push("load_row");
    }
    if needs_avatar && !asked(&AVATARS_ASKED, id) {
        never.push("load_avatar");
    }
    if never.is_empty() {
        return None;
    }
    let what = match got {
        Ok(_) => "a profile".to_string(),
        Err(e) => format!("Err({:?})", e),
    };
    Some(fail("wrong_result", format!("profile({}) returned {}, but {} never asked about user {}: only the services know a user's row and avatar, and which users have none.", id, what, if never.len() == 2 { "neither load_row nor load_avatar was".to_string() } else { format!("{} was", never[0]) }, id)).values(expected(id), got))
}

/// A user with a row and an avatar, drawn for this grade.
fn ordinary_id(ctx: &mut Ctx) -> u32 {
    loop {
        let id = ctx.rng.int(1, 9999) as u32;
        if id != missing_user() && id != no_avatar() {
            return id;
        }
    }
}

fn right_profile(ctx: &mut Ctx) -> Verdict {
    // The ids the statement once named as failing are ordinary users, in every grade.
    let mut ids = vec![ordinary_id(ctx), ordinary_id(ctx)];
    ids.extend(OLD_FAILING_IDS);
    for id in ids {
        let got = match run_profile(ctx, id) {
            Ok(got) => got,
            Err(v) => return v,
        };
        if let Some(v) = blocked(ctx).or_else(|| never_asked(id, &got)) {
            return v;
        }
        if got != expected(id) {
            return fail("wrong_result", format!("profile({}) must combine user {}'s row and avatar", id, id)).values(expected(id), got);
        }
    }
    pass("profile() puts the right row and avatar together")
}

fn errors_returned(ctx: &mut Ctx) -> Verdict {
    let mut fast = String::new();
    for id in [no_avatar(), missing_user()] {
        let got = match run_profile(ctx, id) {
            Ok(got) => got,
            Err(v) => return v,
        };
        if let Some(v) = blocked(ctx).or_else(|| never_asked(id, &got)) {
            return v;
        }
        if got != expected(id) {
            return fail("wrong_result", format!("profile({}) must return the fetch's error when one of the two fetches fails, not a made-up profile", id)).values(expected(id), got);
        }
        if id == no_avatar() {
            fast = if ctx.last_virtual_ms <= FAST_ERROR_MS as f64 * 1.5 {
                format!(" The missing avatar was reported after {:.0} ms: you stopped waiting at the first error.", ctx.last_virtual_ms)
            } else {
                format!(" (For information: the missing avatar is known after {} ms, but profile() returned after {:.0} ms: it went on waiting after the first error.)", FAST_ERROR_MS, ctx.last_virtual_ms)
            };
        }
    }
    pass(format!("a failed fetch comes back as Err.{}", fast))
}

fn fetches_overlap(ctx: &mut Ctx) -> Verdict {
    let id = ordinary_id(ctx);
    let got = match run_profile(ctx, id) {
        Ok(got) => got,
        Err(v) => return v,
    };
    let ms = ctx.last_virtual_ms;
    if let Some(v) = blocked(ctx).or_else(|| never_asked(id, &got)) {
        return v;
    }
    if got != expected(id) {
        return fail("wrong_result", format!("profile({}) returned the wrong profile", id)).values(expected(id), got);
    }
    if ms > 1.5 * LATENCY_MS as f64 {
        return fail("no_overlap", format!("profile() took {:.0} ms on the paused clock, but each fetch takes {} ms: the row and the avatar were fetched one after another.", ms, LATENCY_MS));
    }
    pass(format!("the row and the avatar were fetched at the same time: {:.0} ms in all", ms))
}

pub fn tests() -> Vec<Test> {
    vec![
        Test { name: "profile() returns the user's row and avatar", clock: Clock::Virtual, run: right_profile },
        Test { name: "a failed fetch is returned as an error", clock: Clock::Virtual, run: errors_returned },
        Test { name: "the two fetches wait at the same time", clock: Clock::Virtual, run: fetches_overlap },
    ]
}

// ---- the student's functions, pinned to the statement's exact types -------------------
// A look-alike type (say, one whose PartialEq always says "equal") does not compile.
fn student_profile(id: u32) -> impl std::future::Future<Output = Result<Profile, FetchError>> {
    crate::student::profile(id)
}
