//! Runs async test code on tokio's paused clock and times, for real, how long the runtime's
//! only thread ran tasks without parking (a stall: code that computes or blocks in a task).

use super::trace::start_virtual;
use super::{lock, Ctx};
use std::sync::{Arc, Mutex};
use std::time::Instant;

static LONGEST_STALL: Mutex<f64> = Mutex::new(0.0);

fn note_busy_stretch(since: Instant) {
    let ms = since.elapsed().as_secs_f64() * 1000.0;
    let mut longest = lock(&LONGEST_STALL);
    *longest = longest.max(ms);
}

impl Ctx {
    /// Runs a future on tokio's paused clock (current_thread, start_paused): sleeps cost no real
    /// time and time only moves when every task waits, so overlap is measured exactly.
    ///
    /// It also times, on the real clock, every stretch the runtime thread spends running tasks
    /// between two parks: a task that computes or blocks without awaiting holds the only
    /// runtime thread for that long (`longest_stall_ms`).
    pub fn paused<F: std::future::Future>(&mut self, future: F) -> F::Output {
        let busy_since: Arc<Mutex<Option<Instant>>> = Default::default();
        let (on_unpark, on_park) = (busy_since.clone(), busy_since.clone());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .on_thread_unpark(move || *lock(&on_unpark) = Some(Instant::now()))
            .on_thread_park(move || {
                if let Some(t0) = lock(&on_park).take() {
                    note_busy_stretch(t0);
                }
            })
            .build()
            .expect("tokio runtime");
        *lock(&LONGEST_STALL) = 0.0;
        *lock(&busy_since) = Some(Instant::now());
        let out = runtime.block_on(async {
            let t0 = tokio::time::Instant::now();
            let offset = self.virtual_ms.unwrap_or(0.0);
            start_virtual(t0, offset);
            let out = future.await;
            self.last_virtual_ms = t0.elapsed().as_secs_f64() * 1000.0;
            self.virtual_ms = Some(offset + self.last_virtual_ms);
            out
        });
        if let Some(t0) = lock(&busy_since).take() {
            note_busy_stretch(t0);
        }
        let stall = *lock(&LONGEST_STALL);
        self.longest_stall_ms = Some(self.longest_stall_ms.unwrap_or(0.0).max(stall));
        out
    }
}
