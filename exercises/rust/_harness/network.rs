//! A simulated network service for the hidden tests (rust/download-many, rust/async-vs-threads):
//! a call waits on tokio's paused clock (exact overlap) and notes which OS thread ran it, so "a
//! thread per request" is judged by counting threads. Also a panic watch that counts the
//! sandbox refusing another thread, wherever that panic happens.

use super::test_sleep;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// How long `close` waits, in real time, for calls still running on threads nobody joined.
const STRAGGLERS_MS: u64 = 2000;

/// One service's record of the current run (a static in the exercise's tests).
pub(in crate::interleave) struct Network {
    /// Threads that made a call during the current run (None outside one).
    callers: Mutex<Option<HashSet<ThreadId>>>,
    in_flight: AtomicUsize,
    /// The thread that runs the test's paused runtime (set for the duration of a run).
    runtime_thread: Mutex<Option<ThreadId>>,
}

/// What `close` saw of a run.
pub(in crate::interleave) struct Callers {
    /// OS threads that made calls.
    pub(in crate::interleave) threads: usize,
    /// Of those, threads other than the test's runtime thread (a private runtime, or a thread
    /// per call): their waits are not on the test's clock.
    pub(in crate::interleave) off_runtime: usize,
}

/// Counts a call as in flight until it is dropped (when the call ends or is cancelled).
pub(in crate::interleave) struct InFlight(&'static Network);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Network {
    pub(in crate::interleave) const fn new() -> Self {
        Network { callers: Mutex::new(None), in_flight: AtomicUsize::new(0), runtime_thread: Mutex::new(None) }
    }

    /// The start of one call: in flight until the guard drops, its thread noted.
    pub(in crate::interleave) fn call(&'static self) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        if let Some(set) = self.callers.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            set.insert(std::thread::current().id());
        }
        InFlight(self)
    }

    /// Waits `ms` for a simulated reply. On the test's paused runtime this is a virtual wait. A
    /// thread of that runtime's blocking pool (spawn_blocking + Handle::block_on) cannot wait on
    /// the paused clock: tokio does not move it while blocking work runs, so it would hang for
    /// ever. That thread waits for real instead, as a thread per call would.
    pub(in crate::interleave) async fn wait(&self, what: &str, ms: u64) {
        let on_runtime_thread = *self.runtime_thread.lock().unwrap_or_else(|e| e.into_inner()) == Some(std::thread::current().id());
        if !on_runtime_thread && tokio::runtime::Handle::try_current().is_ok() && clock_frozen() {
            std::thread::sleep(Duration::from_millis(ms));
        } else {
            test_sleep(what, Duration::from_millis(ms)).await;
        }
    }

    /// Before the student's function runs on this (the test's) thread.
    pub(in crate::interleave) fn open(&self) {
        *self.callers.lock().unwrap_or_else(|e| e.into_inner()) = Some(HashSet::new());
        *self.runtime_thread.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::thread::current().id());
    }

    /// After it returned (on the same thread): waits up to STRAGGLERS_MS of real time for calls
    /// still running on threads nobody joined, then says which threads made calls.
    pub(in crate::interleave) fn close(&self) -> Callers {
        let runtime = std::thread::current().id();
        *self.runtime_thread.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let deadline = Instant::now() + Duration::from_millis(STRAGGLERS_MS);
        while self.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        let callers = self.callers.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
        Callers { threads: callers.len(), off_runtime: callers.iter().filter(|&&t| t != runtime).count() }
    }
}

/// True inside a runtime whose clock is paused: its time stands still while real time passes.
fn clock_frozen() -> bool {
    let before = tokio::time::Instant::now();
    let real = Instant::now();
    while real.elapsed() < Duration::from_micros(20) {
        std::hint::spin_loop();
    }
    tokio::time::Instant::now() == before
}

/// Counts panics that mean "the OS refused another thread" (and keeps the first panic's text),
/// wherever they happen; the harness's own hook still runs afterwards.
pub(in crate::interleave) struct PanicWatch {
    spawn_failures: AtomicUsize,
    first_panic: Mutex<Option<String>>,
    hook: Once,
}

impl PanicWatch {
    pub(in crate::interleave) const fn new() -> Self {
        PanicWatch { spawn_failures: AtomicUsize::new(0), first_panic: Mutex::new(None), hook: Once::new() }
    }

    /// Installs the hook (once) and forgets what earlier runs saw.
    pub(in crate::interleave) fn start(&'static self) {
        self.hook.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let text = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
                self.first_panic.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(|| text.clone());
                if text.contains("failed to spawn thread") || text.contains("Resource temporarily unavailable") || text.contains("spawn worker thread") {
                    self.spawn_failures.fetch_add(1, Ordering::SeqCst);
                }
                previous(info)
            }));
        });
        self.spawn_failures.store(0, Ordering::SeqCst);
        *self.first_panic.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Threads the sandbox refused since `start`.
    pub(in crate::interleave) fn spawn_failures(&self) -> usize {
        self.spawn_failures.load(Ordering::SeqCst)
    }

    /// The first panic's text since `start` (taken: a second call gives None).
    pub(in crate::interleave) fn first_panic(&self) -> Option<String> {
        self.first_panic.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}
