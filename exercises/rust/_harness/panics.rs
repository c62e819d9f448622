//! Panics in student code, on any thread: recorded by a hook so a test that ran to its end
//! although a task panicked still fails, with the panic named (`task_failed`).

use super::lock;
use super::verdict::{fail, Verdict};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// The payload of the harness's own test panic (a type only this module can name).
struct Canary;
static CANARY_SEEN: AtomicBool = AtomicBool::new(false);

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// Panics of the current test raised while a tokio runtime was running them.
static ASYNC_PANICS: Mutex<usize> = Mutex::new(0);

pub(super) fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        if info.payload().is::<Canary>() {
            CANARY_SEEN.store(true, Ordering::SeqCst);
            return;
        }
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("unnamed").to_string();
        let what = info.payload().downcast_ref::<&str>().map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let at = info.location().map(|l| where_in(l.file(), l.line())).unwrap_or_default();
        eprintln!("thread '{}' panicked{}: {}", name, at, what);
        // Inside a tokio runtime: a spawned task's panic, which tokio catches and hands to its
        // JoinHandle (or the main future's own, which then unwinds out of block_on).
        if tokio::runtime::Handle::try_current().is_ok() {
            *lock(&ASYNC_PANICS) += 1;
        }
        lock(&PANICS).push(format!("thread '{}' panicked{}: {}", name, at, what));
    }));
}

/// Whether the harness's hook still sees panics: a panic of our own, caught at once, must reach
/// it. Safe code can replace the hook (std::panic::set_hook), and a silent hook would hide every
/// panic of the student's threads and tasks from the tests.
pub(super) fn hook_intact() -> bool {
    CANARY_SEEN.store(false, Ordering::SeqCst);
    let _ = std::panic::catch_unwind(|| std::panic::panic_any(Canary));
    CANARY_SEEN.load(Ordering::SeqCst)
}

/// Where a panic happened, as the student can use it: a line of their file, or not theirs at
/// all (the standard library's own line, say slice.rs:1234, would only mislead).
fn where_in(file: &str, line: u32) -> String {
    if file.starts_with("/src/") {
        format!(" at line {}", line)
    } else if file.starts_with("/crate-") {
        " in the tests' code (called with a value your code returned?)".to_string()
    } else {
        " inside the standard library or a crate, called from your code".to_string()
    }
}

/// Threads the tests run the student's code on (the main thread, the tests' pools and helper
/// threads, whose names start with "tests:"): a panic there is the student's own code failing,
/// not a thread or task the student spawned.
fn on_a_tests_thread(panic: &str) -> bool {
    panic.starts_with("thread 'main'") || panic.starts_with("thread 'tests:")
}

/// The panics seen so far in the running test (any thread), as "thread '…' panicked at line …: …".
pub(in crate::interleave) fn panics_so_far() -> Vec<String> {
    lock(&PANICS).clone()
}

/// The test's panics, and how many of them a tokio runtime caught; none are left behind.
pub(super) fn take() -> (Vec<String>, usize) {
    (std::mem::take(&mut *lock(&PANICS)), std::mem::take(&mut *lock(&ASYNC_PANICS)))
}

/// The verdict of a test that panicked (or whose tasks did) instead of returning one.
pub(super) fn verdict(panics: &[String]) -> Verdict {
    let first = panics.first().cloned().unwrap_or_else(|| "the test panicked".to_string());
    if panics.iter().any(|p| p.contains("failed to spawn thread") || p.contains("Resource temporarily unavailable")) {
        return fail("resource_limit", format!("the sandbox's process/thread cap was hit: {}", first));
    }
    if let Some(spawned) = panics.iter().find(|p| !on_a_tests_thread(p)) {
        return fail("task_failed", format!("a thread or task your code started failed: {}", spawned));
    }
    // `handle.await.unwrap()` on a task that panicked: the task's own panic came first.
    if panics.iter().any(|p| p.contains("JoinError::Panic")) {
        return task_verdict(panics);
    }
    let own = first.split_once("panicked").map(|(_, rest)| format!("panicked{}", rest)).unwrap_or(first);
    fail("runtime_error", format!("your code {}", own))
}

/// A spawned task panicked and tokio handed the panic to its JoinHandle.
pub(super) fn task_verdict(panics: &[String]) -> Verdict {
    let first = panics.first().cloned().unwrap_or_else(|| "a task panicked".to_string());
    let what = first.strip_prefix("thread 'main' ").unwrap_or(&first);
    fail("task_failed", format!("a spawned task {} — its JoinHandle returned Err(JoinError::Panic(..)); a task's panic does not stop the other tasks", what))
}
