// Child-process helpers for the platform orchestrator: spawn with prefixed logs, stop gracefully.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export type Child = { name: string; proc: ChildProcess; exited: Promise<number> };

export function startChild(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Child {
  const proc = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = options.log ?? ((line: string) => process.stderr.write(`[${options.name}] ${line}\n`));
  for (const stream of [proc.stdout, proc.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", log);
  }
  const exited = new Promise<number>((resolve) => {
    proc.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    proc.on("error", () => resolve(1));
  });
  return { name: options.name, proc, exited };
}

/** SIGTERM, then SIGKILL after the grace period (the worker drains its current job first). */
export async function stopChild(child: Child, graceMs = 15_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, child?: Child): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child?.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child?.name ?? "process"} exited before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
