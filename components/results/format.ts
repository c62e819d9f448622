import type { Timing } from "@/grader/contract";

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

/** The timing numbers a test reported, as label/value pairs in a stable order. */
export function timingEntries(
  timing: Timing | undefined,
  clock: "virtual" | "real",
): Array<{ label: string; value: string; hint: string }> {
  if (!timing) return [];
  const out: Array<{ label: string; value: string; hint: string }> = [];
  const add = (present: number | undefined, label: string, value: (n: number) => string, hint: string) => {
    if (present !== undefined) out.push({ label, value: value(present), hint });
  };
  add(
    timing.virtualMs,
    "virtual time",
    formatMs,
    "Time on the virtual clock: waits cost their full length, CPU work costs nothing.",
  );
  add(timing.wallMs, "wall", formatMs, clock === "virtual" ? "Real time the test took to run." : "Real elapsed time.");
  add(timing.cpuMs, "CPU", formatMs, "CPU time used by all threads together.");
  add(
    timing.workSpread,
    "work spread",
    (n) => `${n.toFixed(2)}×`,
    "Total CPU ÷ the busiest thread's CPU: ≈1 means one thread did the work, ≈k means k threads shared it.",
  );
  add(timing.threadsUsed, "threads", (n) => String(n), "Threads (or worker isolates) your code used.");
  add(
    timing.speedup,
    "speedup",
    (n) => `${n.toFixed(2)}×`,
    "Wall-clock speedup against a sequential baseline measured in the same run (information only).",
  );
  add(
    timing.longestStallMs,
    "longest stall",
    formatMs,
    "The longest stretch of synchronous work that kept other tasks waiting.",
  );
  return out;
}

/** JSON for expected/actual values, shortened so a huge value cannot swamp the page. */
export function formatValue(value: unknown, max = 2000): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value, null, 2) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatRelativeTime(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

export function formatClockTime(date: Date): string {
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
