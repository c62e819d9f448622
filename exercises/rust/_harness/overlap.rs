//! How much of the counted work was done while another thread was doing counted work too.

use super::work::WorkLog;
use std::collections::HashMap;

impl WorkLog {
    /// The share (0 to 1) of the counted work, weighted by each call's CPU time, done while a
    /// call of another thread was running too. A call's work is taken as spread evenly over its
    /// real-time span, and the part of the span during which another thread had a call running
    /// counts as overlapped. So a thread that did one item beside a long sequential stretch adds
    /// one item's worth, and halves scored one after another read about 0 whatever ran beside
    /// them; threads that ran their work at the same time read about 1.
    ///
    /// Weighting by CPU, not by wall time, keeps the share from moving with the load: on a busy
    /// machine, or one core, overlapping calls take longer on the wall clock than the same work
    /// alone, which would make the overlapped stretches weigh more. A call whose thread waits
    /// for a core is still running (its span goes on): that is the machine's doing, not turns.
    pub(in crate::interleave) fn overlap_share(&self) -> f64 {
        let mut names: HashMap<&str, usize> = HashMap::new();
        // (time, +1 start / -1 end, call)
        let mut events: Vec<(f64, i32, usize)> = Vec::with_capacity(self.calls.len() * 2);
        let mut thread_of = Vec::with_capacity(self.calls.len());
        for (i, call) in self.calls.iter().enumerate() {
            let n = names.len();
            thread_of.push(*names.entry(call.thread.as_str()).or_insert(n));
            events.push((call.start, 1, i));
            events.push((call.end.max(call.start), -1, i));
        }
        events.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal).then(a.1.cmp(&b.1)));
        let mut per_thread = vec![0usize; names.len()];
        let mut running: Vec<usize> = Vec::new();
        let mut threads = 0usize;
        let mut overlapped_ms = vec![0.0f64; self.calls.len()];
        let mut last = events.first().map_or(0.0, |e| e.0);
        for (at, step, call) in events {
            let len = at - last;
            if len > 0.0 && threads >= 2 {
                for &c in &running {
                    overlapped_ms[c] += len;
                }
            }
            last = at;
            let t = thread_of[call];
            if step > 0 {
                running.push(call);
                per_thread[t] += 1;
                if per_thread[t] == 1 {
                    threads += 1;
                }
            } else {
                running.retain(|&c| c != call);
                per_thread[t] = per_thread[t].saturating_sub(1);
                if per_thread[t] == 0 {
                    threads = threads.saturating_sub(1);
                }
            }
        }
        let (mut work, mut shared) = (0.0f64, 0.0f64);
        for (call, overlapped) in self.calls.iter().zip(overlapped_ms) {
            let span = call.end - call.start;
            let cpu = call.cpu_ms.max(0.0);
            work += cpu;
            if span > 0.0 {
                shared += cpu * (overlapped / span).min(1.0);
            }
        }
        if work > 0.0 {
            shared / work
        } else {
            0.0
        }
    }
}
