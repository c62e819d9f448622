//! Makes a read-modify-write that is not one indivisible step lose updates on every grade, not
//! only when the machine happens to interleave it. An exercise's work function calls `contend`
//! after its measured work, as it returns to the student's code (which then reads and writes a
//! shared counter). On some calls, drawn from the grade's seed, the calling thread pauses:
//! - right away, so a counter read *before* the call and written after it is overwritten by
//!   the other threads meanwhile;
//! - or (x86-64) a few instructions into the student's code after the call returns, at an
//!   instruction drawn from 1 to MAX_STEPS: the processor's trap flag stops the thread after
//!   each instruction until the drawn one, and there it sleeps. A load and its store, two
//!   lock() calls, a compare_exchange whose failure is ignored: whatever the student does
//!   between reading the counter and writing it back, the pause lands there on some calls, and
//!   the other threads' updates meanwhile are overwritten. Measured outside the sandbox: of 1000
//!   updates, a load-then-store kept 550-910 and two lock() calls 260-370, on 2 cores and on 1.
//!
//! Neither touches what the verdicts measure (the calls' CPU time, spans and overlap are taken
//! inside `measure_work`, before this), and both only delay: a counter updated atomically, or
//! under one lock for the whole update, or summed locally, is right whatever the timing.

use super::keyed;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// One call in PAUSE_EVERY pauses at once; of the others, one in STEP_EVERY pauses at an
/// instruction of the student's code.
const PAUSE_EVERY: u64 = 16;
const STEP_EVERY: u64 = 4;
/// The latest instruction after the return a pause may land on.
const MAX_STEPS: u64 = 64;
/// Long enough for the other threads to update the counter meanwhile, on one core too.
const PAUSE: Duration = Duration::from_micros(200);

static CALLS: AtomicU64 = AtomicU64::new(0);

/// Called by a work function on the way back to the student's code (see the module comment).
pub(in crate::interleave) fn contend() {
    let draw = keyed("contend", CALLS.fetch_add(1, Ordering::Relaxed));
    if draw % PAUSE_EVERY == 0 {
        std::thread::sleep(PAUSE);
    } else if (draw >> 8) % STEP_EVERY == 0 {
        step::pause_after(1 + ((draw >> 16) % MAX_STEPS) as u32);
    }
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
mod step {
    use super::PAUSE;
    use std::cell::Cell;
    use std::sync::Once;

    thread_local! {
        /// Instructions left before this thread's pause (0: not stepping).
        static STEPS: Cell<u32> = const { Cell::new(0) };
    }

    /// glibc's struct sigaction on x86-64.
    #[repr(C)]
    struct SigAction {
        handler: usize,
        mask: [u64; 16],
        flags: i32,
        restorer: usize,
    }
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn sigaction(signal: i32, act: *const SigAction, old: *mut SigAction) -> i32;
        fn nanosleep(request: *const Timespec, remaining: *mut Timespec) -> i32;
    }
    const SIGTRAP: i32 = 5;
    const SA_SIGINFO: i32 = 4;
    const SA_RESTART: i32 = 0x1000_0000;
    /// The trap flag in RFLAGS, and where the saved RFLAGS sits in glibc's ucontext_t
    /// (uc_mcontext.gregs[REG_EFL]: gregs start at byte 40, REG_EFL is 17).
    const TRAP_FLAG: u64 = 0x100;
    const SAVED_RFLAGS: usize = 40 + 17 * 8;

    /// Runs after each instruction while the trap flag is set: counts down, and at the drawn
    /// instruction clears the flag in the interrupted context and sleeps. Only async-signal-safe
    /// work: a const thread-local without destructor, and nanosleep.
    extern "C" fn on_trap(_signal: i32, _info: *mut u8, context: *mut u8) {
        let left = STEPS.try_with(|s| s.get()).unwrap_or(0);
        if left > 1 {
            let _ = STEPS.try_with(|s| s.set(left - 1));
            return;
        }
        let _ = STEPS.try_with(|s| s.set(0));
        // SAFETY: the kernel passes the interrupted thread's ucontext_t, laid out as above.
        unsafe { *(context.add(SAVED_RFLAGS) as *mut u64) &= !TRAP_FLAG };
        if left == 1 {
            let pause = Timespec { sec: 0, nsec: PAUSE.as_nanos() as i64 };
            // SAFETY: valid pointers; nanosleep is async-signal-safe.
            unsafe { nanosleep(&pause, std::ptr::null_mut()) };
        }
    }

    fn install() {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(|| {
            let act = SigAction { handler: on_trap as *const () as usize, mask: [0; 16], flags: SA_SIGINFO | SA_RESTART, restorer: 0 };
            // SAFETY: a valid struct sigaction; the handler only does async-signal-safe work.
            unsafe { sigaction(SIGTRAP, &act, std::ptr::null_mut()) };
        });
    }

    /// Sets the trap flag: the calling thread pauses `steps` instructions from here.
    #[inline(never)]
    pub(super) fn pause_after(steps: u32) {
        install();
        STEPS.with(|s| s.set(steps));
        // SAFETY: sets RFLAGS.TF only; the handler above clears it.
        unsafe { std::arch::asm!("pushfq", "or qword ptr [rsp], 0x100", "popfq") };
    }
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
mod step {
    /// Without a trap flag to step with, only the pause at once applies.
    pub(super) fn pause_after(_steps: u32) {
        std::thread::sleep(super::PAUSE);
    }
}
