//! How long a thread has waited *for nothing*: real time during which no other thread of the
//! program computed or was ready to run. A thread waiting for others to arrive (the rendezvous
//! of `work::meet`) gives up only after enough of that, so a busy machine, or threads of the
//! program taking turns on too few cores, cannot make it give up on threads that are still
//! coming: while they run, or wait for a core, the wait does not run down.

use super::work::{process_cpu_ms, some_waited_ms, thread_cpu_ms};
use std::time::Instant;

pub(in crate::interleave) struct Patience {
    wall: Instant,
    /// At the last `quiet_ms`: wall ms since `wall`, the job's "some" CPU pressure, the
    /// process's CPU and the waiting thread's own.
    last: (f64, f64, f64, f64),
    quiet: f64,
}

impl Patience {
    /// Starts on the waiting thread.
    pub(in crate::interleave) fn start() -> Patience {
        Patience { wall: Instant::now(), last: (0.0, some_waited_ms(), process_cpu_ms(), thread_cpu_ms()), quiet: 0.0 }
    }

    /// Wall ms since `start`.
    pub(in crate::interleave) fn wall_ms(&self) -> f64 {
        self.wall.elapsed().as_secs_f64() * 1000.0
    }

    /// Quiet ms so far: of the wall time since the last call, what is left after the time
    /// some thread of the program waited for a core and the CPU time the other threads used
    /// (call it every few ms: a stretch with both counts the same time twice, which only makes
    /// the wait longer).
    pub(in crate::interleave) fn quiet_ms(&mut self) -> f64 {
        let now = (self.wall_ms(), some_waited_ms(), process_cpu_ms(), thread_cpu_ms());
        let wall = now.0 - self.last.0;
        let waited = (now.1 - self.last.1).max(0.0);
        let others = ((now.2 - self.last.2) - (now.3 - self.last.3)).max(0.0);
        self.quiet += (wall - waited - others).max(0.0);
        self.last = now;
        self.quiet
    }
}
