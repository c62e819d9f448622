// Explains a deadlock from host state alone: nothing is running, no timer is pending, and
// the main function has not finished, so nothing can ever wake it. The message names who
// waits for what, because "it hangs" teaches nothing (DESIGN.md, research notes).
import type { Channels } from "./channels.ts";
import type { WaitRecord } from "./runtime.ts";

type PendingWait = WaitRecord & { holder: "main" | number; channel?: number };

export function describeDeadlock(options: {
  exportName: string;
  waits: PendingWait[];
  channels: Channels;
  sleepers?: string[];
}): string {
  const { exportName, channels, sleepers = [] } = options;
  const waits = options.waits.filter((w) => !w.daemon);
  const head = `${exportName}(…) can never finish: nothing is running and no timer is pending`;
  if (sleepers.length > 0) {
    const who =
      sleepers.length === 1
        ? `${sleepers[0]} sleeps`
        : `${sleepers.slice(0, 4).join(", ")}${sleepers.length > 4 ? ` and ${sleepers.length - 4} more` : ""} sleep`;
    const others = waits
      .slice(0, 3)
      .map(
        (w) =>
          `${w.holder === "main" ? `task ${w.task}` : w.thread} waits for ${w.channel !== undefined ? `rx.recv() on ${channels.describe(w.channel)}` : w.label}`,
      );
    return (
      `${head}: ${who} in Atomics.wait with no timeout${others.length > 0 ? `, and ${others.join("; ")}` : ""}. ` +
      "No thread is left that could call Atomics.notify, so they sleep forever."
    );
  }
  if (waits.length === 0) {
    return `${head}, yet it is still awaiting something — a promise that nothing will ever resolve (a \`new Promise\` whose resolve is never called, or an await on work that was never started).`;
  }
  const parts = waits.slice(0, 4).map((w) => {
    const who = w.holder === "main" ? `task ${w.task}` : w.thread;
    const what = w.channel !== undefined ? `rx.recv() on ${channels.describe(w.channel)}` : w.label;
    return `${who} waits for ${what}`;
  });
  const more = waits.length > 4 ? `, and ${waits.length - 4} more` : "";
  const hints: string[] = [];
  const describedChannels = waits.filter((w) => w.channel !== undefined).map((w) => channels.describe(w.channel ?? 0));
  if (describedChannels.some((d) => d.includes("held by the main function"))) {
    hints.push("The main function still holds an open Sender, and a channel ends only when every Sender is closed.");
  }
  if (waits.some((w) => w.kind === "join") && waits.some((w) => w.holder !== "main")) {
    hints.push("Main waits for a worker that waits for main.");
  }
  return `${head}: ${parts.join("; ")}${more}.${hints.length > 0 ? ` ${hints.join(" ")}` : ""}`;
}
