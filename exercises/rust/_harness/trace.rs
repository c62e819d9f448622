//! The running test's clock (real, or a paused tokio runtime's virtual time) and its timeline
//! spans, in ms from the test's start.

use super::channel::json;
use super::lock;
use std::sync::Mutex;
use std::time::Instant;

/// One timeline span, in ms from the test's start on the test's clock.
struct Span {
    task: String,
    thread: String,
    kind: &'static str,
    start: f64,
    end: f64,
}

enum Origin {
    Real(Instant),
    /// The paused runtime's start, the virtual ms earlier runtimes of this test used, and that
    /// runtime (its clock is read through it, not through whatever runtime the caller entered).
    Virtual(tokio::time::Instant, f64, tokio::runtime::Handle),
}

static ORIGIN: Mutex<Option<Origin>> = Mutex::new(None);
static SPANS: Mutex<Vec<Span>> = Mutex::new(Vec::new());
/// A runaway test cannot grow the record without bound.
const MAX_SPANS: usize = 5000;

/// A new test starts: no spans, real time from now.
pub(super) fn start_test() {
    lock(&SPANS).clear();
    *lock(&ORIGIN) = Some(Origin::Real(Instant::now()));
}

/// A paused runtime starts at `t0`, after `offset` virtual ms of earlier ones in this test.
pub(super) fn start_virtual(t0: tokio::time::Instant, offset: f64, runtime: tokio::runtime::Handle) {
    *lock(&ORIGIN) = Some(Origin::Virtual(t0, offset, runtime));
}

/// Milliseconds since the running test started, on its clock.
pub(in crate::interleave) fn now_ms() -> f64 {
    match &*lock(&ORIGIN) {
        Some(Origin::Virtual(t0, offset, runtime)) => {
            let _enter = runtime.enter();
            offset + tokio::time::Instant::now().duration_since(*t0).as_secs_f64() * 1000.0
        }
        Some(Origin::Real(t0)) => t0.elapsed().as_secs_f64() * 1000.0,
        None => 0.0,
    }
}

/// Records a span of the running test's trace (kind: run | wait | blocked | lock).
pub(in crate::interleave) fn span(task: &str, kind: &'static str, start: f64, end: f64) {
    let name = thread_label();
    let mut spans = lock(&SPANS);
    if spans.len() < MAX_SPANS {
        spans.push(Span { task: task.to_string(), thread: name, kind, start, end });
    }
}

/// The calling thread as the timeline names its lane.
pub(super) fn thread_label() -> String {
    let thread = std::thread::current();
    let id = format!("{:?}", thread.id()).replace("ThreadId(", "#").replace(')', "");
    match thread.name() {
        Some("main") => "main".to_string(),
        // Pool threads share a name (tokio-runtime-worker, …): the id tells them apart.
        Some(name) => format!("{} {}", name, id),
        None => format!("thread {}", id),
    }
}

/// A lane or task name as the trace may hold it (at most 200 characters in the contract): a
/// thread the student named at length is shortened, never a reason to drop the test's record.
fn clip(name: &str) -> String {
    if name.chars().count() <= 100 {
        return name.to_string();
    }
    let mut short: String = name.chars().take(99).collect();
    short.push('…');
    short
}

/// The test's spans as a JSON array (GradeResult trace), leaving none behind.
pub(super) fn take_json() -> String {
    let spans = std::mem::take(&mut *lock(&SPANS));
    let items: Vec<String> = spans
        .iter()
        .map(|s| format!("{{\"task\":{},\"thread\":{},\"kind\":\"{}\",\"start\":{:.3},\"end\":{:.3}}}", json(&clip(&s.task)), json(&clip(&s.thread)), s.kind, s.start.max(0.0), s.end.max(s.start).max(0.0)))
        .collect();
    format!("[{}]", items.join(","))
}
