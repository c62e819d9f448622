// One grading child process: spawned with the flags isolated-vm and the TS runner need, fed
// one job over IPC, watched by a wall-clock watchdog that SIGKILLs it (the second clock for
// untrusted code: the runner's own limits are the first).
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { Socket } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { GradeResult } from "../contract.ts";
import { JIT_FLAG } from "../runners/ts/jit-flag.ts";
import { procSched, UnstarvedClock } from "../runners/ts/unstarved-clock.ts";
import { ChildMessage, type GradeJob } from "./child-protocol.ts";

export type ChildOutcome =
  | { kind: "result"; result: GradeResult }
  | {
      kind: "crash";
      code: number | null;
      signal: NodeJS.Signals | null;
      stderr: string;
      watchdog: boolean;
      /** The watchdog's wall-time net fired before the child had its own time's worth: the machine was too busy. */
      starvedOut: boolean;
      memoryKill: boolean;
      /** Its heartbeat stopped: the process hung (seen rarely inside isolated-vm), whatever the student's code. */
      stalled: boolean;
      /** The child said, over IPC, that isolated-vm reported a catastrophic error before it ended. */
      catastrophe: "memory" | "other" | null;
    };

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ENTRY = path.join(import.meta.dirname, "child-entry.ts");
const STDERR_TAIL = 8 * 1024;
/**
 * Resident memory at which the watchdog kills a grading child. Far above what the runner's
 * own limits allow (per isolate, and per call for all isolates together), so only memory
 * that escaped those limits reaches it; the host has GBs, a shared worker must not lose them.
 */
export const CHILD_MEMORY_CAP_MB = 2048;
const MEMORY_POLL_MS = 50;
/**
 * Silence after which a working child counts as hung. Its heartbeat comes every 500 ms and
 * nothing in the runner holds its event loop for more than milliseconds, so this sits far
 * above a crowded machine's scheduling delays and far below the wall-clock watchdog.
 */
export const CHILD_STALL_MS = 15_000;
/** Raw wall time, as a multiple of the watchdog's budget, after which a starved child is given up. */
const WALL_NET_FACTOR = 5;

export class GraderChild {
  readonly ready: Promise<void>;
  private readonly process: ChildProcess;
  private readonly exited: Promise<void>;
  private stderr = "";
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private result: GradeResult | null = null;
  private catastrophe: "memory" | "other" | null = null;
  private watchdogFired = false;
  private memoryKill = false;
  private stalled = false;
  private starvedOut = false;
  private lastHeard = 0;
  /** The clock heartbeats are read on: the running job's unstarved clock. */
  private heard: () => number = () => performance.now();

  constructor() {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    // Only what node and tsx need: no database URL or secrets reach the process that runs students' code.
    const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
    for (const key of ["PATH", "HOME", "TMPDIR"]) {
      const value = process.env[key];
      if (value) env[key] = value;
    }
    this.process = spawn(process.execPath, ["--no-node-snapshot", JIT_FLAG, "--import", tsx, ENTRY], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.process.stderr?.setEncoding("utf8");
    this.process.stderr?.on("data", (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL);
    });
    // "close", not "exit": it comes after the IPC channel and stderr are drained, so a result
    // sent just before exiting is never lost.
    this.exited = new Promise((resolve) => {
      this.process.once("close", (code, signal) => {
        this.exit = { code, signal };
        resolve();
      });
      this.process.once("error", (error) => {
        this.stderr += `\n${error.message}`;
        this.exit ??= { code: null, signal: null };
        resolve();
      });
    });
    this.ready = new Promise((resolve, reject) => {
      this.process.on("message", (raw: unknown) => {
        const parsed = ChildMessage.safeParse(raw);
        if (!parsed.success) return;
        this.lastHeard = this.heard();
        if (parsed.data.type === "ready") resolve();
        else if (parsed.data.type === "result") this.result = parsed.data.result;
        else if (parsed.data.type === "catastrophe") this.catastrophe = parsed.data.kind;
      });
      void this.exited.then(() =>
        reject(new Error(`grading child exited before it was ready: ${this.describeExit()}`)),
      );
    });
    this.ready.catch(() => {});
    this.hold(false);
  }

  get alive(): boolean {
    return this.exit === null;
  }

  /** Sends one job and waits for the result or the child's end, whichever the watchdogs allow. */
  async run(
    job: GradeJob,
    options: { watchdogMs: number; memoryCapMb?: number; stallMs?: number; signal?: AbortSignal },
  ): Promise<ChildOutcome> {
    this.hold(true);
    // Both watchdogs read the child's own time: wall time minus what its most starved thread
    // spent waiting for a core (see UnstarvedClock), so a crowded machine does not make a hang.
    // Raw wall time only backs them up, far off, and then says the machine was too busy.
    const clock = new UnstarvedClock(this.process.pid === undefined ? procSched("self") : procSched(this.process.pid));
    const netMs = options.watchdogMs * WALL_NET_FACTOR;
    const capMb = options.memoryCapMb ?? CHILD_MEMORY_CAP_MB;
    const stallMs = options.stallMs ?? CHILD_STALL_MS;
    let sent = false;
    const watch = setInterval(() => {
      if (!this.alive || this.result) return;
      const own = clock.bound();
      if (own > options.watchdogMs || clock.wallMs() > netMs) {
        this.watchdogFired = true;
        this.starvedOut = clock.elapsedMs() <= options.watchdogMs;
        this.kill();
        return;
      }
      if (sent && own - this.lastHeard > stallMs) {
        this.stalled = true;
        this.kill();
      }
      void this.residentMb().then((mb) => {
        if (mb !== null && mb > capMb && this.alive) {
          this.memoryKill = true;
          this.kill();
        }
      });
    }, MEMORY_POLL_MS);
    const onAbort = () => this.kill();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await this.ready;
      this.heard = () => clock.bound();
      this.lastHeard = clock.bound();
      sent = true;
      this.process.send(job);
      await Promise.race([this.exited, this.resultArrived()]);
    } catch {
      // the child died before it was ready: reported below from its exit status
    } finally {
      this.heard = () => performance.now();
      clearInterval(watch);
      options.signal?.removeEventListener("abort", onAbort);
      this.kill();
      this.hold(false);
    }
    options.signal?.throwIfAborted();
    if (this.result) return { kind: "result", result: this.result };
    await this.exited;
    return {
      kind: "crash",
      code: this.exit?.code ?? null,
      signal: this.exit?.signal ?? null,
      stderr: this.stderr,
      watchdog: this.watchdogFired,
      starvedOut: this.starvedOut,
      memoryKill: this.memoryKill,
      stalled: this.stalled,
      catastrophe: this.catastrophe,
    };
  }

  /** The child's resident set from /proc (Linux); null where that is not available. */
  private async residentMb(): Promise<number | null> {
    if (this.process.pid === undefined) return null;
    try {
      const status = await readFile(`/proc/${this.process.pid}/status`, "utf8");
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      return kb === undefined ? null : Number(kb) / 1024;
    } catch {
      return null;
    }
  }

  kill(): void {
    if (this.alive) this.process.kill("SIGKILL");
  }

  private resultArrived(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.result ? resolve() : undefined);
      this.process.on("message", check);
      check();
    });
  }

  /** A waiting child must not keep the parent alive; a working one must. */
  private hold(on: boolean): void {
    const handles = [
      this.process,
      this.process.channel,
      this.process.stderr instanceof Socket ? this.process.stderr : null,
    ];
    for (const handle of handles) {
      if (handle) {
        if (on) handle.ref();
        else handle.unref();
      }
    }
  }

  private describeExit(): string {
    const how = this.exit?.signal ? `signal ${this.exit.signal}` : `code ${this.exit?.code ?? "?"}`;
    return `${how}${this.stderr ? `: ${this.stderr.trim().split("\n").slice(-3).join(" | ")}` : ""}`;
  }
}
