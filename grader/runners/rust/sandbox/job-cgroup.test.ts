import { describe, expect, it } from "vitest";
import { entriesOverBudget } from "../prune-build-cache.ts";
import { keyed, parseProcCgroup, pressureSomeTotalUs, runDelayNs } from "./job-cgroup.ts";

describe("job cgroups (job-cgroup.ts)", () => {
  it("reads this process's cgroup per controller, v1 and v2 lines alike", () => {
    const own = parseProcCgroup(
      "9:name=systemd:/\n8:pids:/\n4:memory:/process_api/abc\n2:cpu,cpuacct:/x\n0::/user.slice\n",
    );
    expect(own.get("memory")).toBe("/process_api/abc");
    expect(own.get("pids")).toBe("/");
    expect(own.get("cpuacct")).toBe("/x");
    expect(own.get("cpu")).toBe("/x");
    expect(own.get("")).toBe("/user.slice");
  });

  it("reads counters from flat key-value files", () => {
    expect(keyed("oom_kill_disable 0\nunder_oom 0\noom_kill 3\n", "oom_kill")).toBe(3);
    expect(keyed("usage_usec 1500\nuser_usec 1000\n", "usage_usec")).toBe(1500);
    expect(keyed("max 0\n", "oom_kill")).toBe(0);
  });

  it("reads a job's time waiting for a core: cpu.pressure's some total, a thread's run delay", () => {
    expect(
      pressureSomeTotalUs(
        "some avg10=17.39 avg60=3.14 avg300=0.65 total=2835765\nfull avg10=10.32 avg60=1.86 avg300=0.38 total=1786526\n",
      ),
    ).toBe(2835765);
    expect(pressureSomeTotalUs("")).toBe(0);
    expect(runDelayNs("199088769 59430200 714\n")).toBe(59430200);
    expect(runDelayNs("")).toBe(0);
  });
});

describe("build cache bounded by bytes (prune-build-cache.ts)", () => {
  it("drops the oldest entries beyond the budget, keeps the newest that fit", () => {
    const entries = [
      { name: "old", mtime: 1, bytes: 400 },
      { name: "new", mtime: 3, bytes: 400 },
      { name: "mid", mtime: 2, bytes: 400 },
    ];
    expect(entriesOverBudget(entries, 1000).map((e) => e.name)).toEqual(["old"]);
    expect(entriesOverBudget(entries, 2000)).toEqual([]);
    // One huge binary goes, however new, rather than everything else.
    expect(entriesOverBudget([{ name: "huge", mtime: 9, bytes: 5000 }, ...entries], 1000).map((e) => e.name)).toEqual([
      "huge",
      "old",
    ]);
  });
});
