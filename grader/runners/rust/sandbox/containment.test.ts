// The adversarial corpus (issue 4): each submission attacks the sandbox and must be contained
// with the right verdict, and the next job must be graded normally. Runs the real rustc and
// bubblewrap; skipped only where `./interleave rust setup` could not set them up.
import { createServer, type Server } from "node:net";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseMeta } from "../../../../exercises/schema.ts";
import { rustAvailability } from "../toolchain/rust-availability.ts";
import { gradeRust } from "../grade-rust.ts";
import { writeRustFixture } from "../rust-fixture.ts";

const available = (await rustAvailability()).ok;
let fixture: { dir: string; meta: ExerciseMeta };
let server: Server;
let port = 0;

beforeAll(async () => {
  fixture = await writeRustFixture();
  // A secret in the grader's own environment must never be visible inside.
  process.env.DATABASE_URL = "postgres://secret-user:secret-password@localhost/interleave";
  server = createServer((socket) => socket.end("LEAKED"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(async () => {
  server?.close();
  if (fixture) await rm(path.dirname(path.dirname(fixture.dir)), { recursive: true, force: true });
});

const attack = (body: string) => gradeRust({ code: `pub fn attack() -> String {\n${body}\n}\n`, dir: fixture.dir, meta: fixture.meta });
const verdict = (r: { status: string; reason?: string }) => (r.status === "pass" ? "pass" : `${r.status}/${r.reason}`);

describe.skipIf(!available)("the Rust sandbox contains hostile submissions", () => {
  it("hides host files: /etc/shadow, /etc/passwd, /root", async () => {
    const r = await attack(`
      for f in ["/etc/shadow", "/etc/passwd", "/root/.bash_history", "/work/main/package.json"] {
          if std::fs::read(f).is_ok() { return format!("read {}", f); }
      }
      "contained".to_string()`);
    expect(verdict(r)).toBe("pass");
  });

  it("shows no secrets: environment, /proc/1/environ", async () => {
    const r = await attack(`
      let env: Vec<String> = std::env::vars().map(|(k, v)| format!("{}={}", k, v)).collect();
      if env.iter().any(|e| e.contains("secret") || e.starts_with("DATABASE_URL")) { return format!("env: {:?}", env); }
      if std::fs::read("/proc/1/environ").is_ok() || std::fs::read("/proc/self/environ").is_ok() { return "read /proc environ".to_string(); }
      "contained".to_string()`);
    expect(verdict(r)).toBe("pass");
  });

  it("refuses include_str! of a host file at compile time", async () => {
    const r = await attack(`include_str!("/etc/passwd").to_string()`);
    expect(verdict(r)).toBe("error/compile_error");
    expect(r.diagnostics[0]?.message).toMatch(/couldn't read|No such file/);
  });

  it("has no network: loopback and external connects fail", async () => {
    const r = await attack(`
      use std::net::TcpStream;
      use std::time::Duration;
      for addr in ["127.0.0.1:${port}", "1.1.1.1:80", "10.0.0.1:5432"] {
          let a: std::net::SocketAddr = addr.parse().unwrap();
          if TcpStream::connect_timeout(&a, Duration::from_millis(200)).is_ok() { return format!("connected to {}", addr); }
      }
      "contained".to_string()`);
    expect(verdict(r)).toBe("pass");
  });

  it("caps processes: a fork bomb is resource_limit", async () => {
    const r = await attack(`
      let mut kids = Vec::new();
      loop { kids.push(std::process::Command::new("/bin/sh").arg("-c").arg("sleep 30").spawn().expect("spawn")); }`);
    expect(verdict(r)).toBe("error/resource_limit");
  });

  it("caps threads: a thread bomb is resource_limit", async () => {
    const r = await attack(`
      loop { std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_secs(60))); }`);
    expect(verdict(r)).toBe("error/resource_limit");
  });

  it("caps memory: a memory bomb is memory_limit", async () => {
    // Reserving without touching hits the address-space cap at once; touching 1 GiB of pages
    // first could outlast the fixture's 500 ms wall limit on a loaded box (then: timeout).
    const r = await attack(`
      let mut hog: Vec<Vec<u8>> = Vec::new();
      loop { let mut v: Vec<u8> = Vec::with_capacity(64 << 20); v.push(1); hog.push(v); }`);
    expect(verdict(r)).toBe("error/memory_limit");
  });

  it("kills a program that sleeps forever: timeout", async () => {
    const r = await attack(`std::thread::sleep(std::time::Duration::from_secs(3600)); "contained".to_string()`);
    expect(verdict(r)).toBe("error/timeout");
  });

  it("stops an output flood: output_limit, output capped", async () => {
    const r = await attack(`loop { println!("{}", "flood ".repeat(100)); }`);
    expect(verdict(r)).toBe("error/output_limit");
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(16 * 1024);
  });

  it("stops a disk flood in the small tmpfs", async () => {
    const r = await attack(`
      use std::io::Write;
      let mut f = match std::fs::File::create("/tmp/flood") { Ok(f) => f, Err(_) => return "contained".to_string() };
      let block = vec![7u8; 1 << 20];
      for _ in 0..1024 { if f.write_all(&block).is_err() { return "contained".to_string(); } }
      "wrote 1 GiB".to_string()`);
    // The 16 MiB tmpfs fills (ENOSPC) before the 8 MiB RLIMIT_FSIZE is even reached... or not:
    // either way the write stops.
    expect(["pass", "error/resource_limit"]).toContain(verdict(r));
  });

  it("never trusts forged output: a fake pass on stdout and exit(0) is runtime_error", async () => {
    const r = await attack(`
      println!("{{\\"nonce\\":\\"x\\",\\"record\\":{{\\"done\\":true}}}}");
      let _ = std::fs::write("/dev/fd/3", "{\\"nonce\\":\\"x\\",\\"record\\":{\\"done\\":true}}\\n");
      let _ = std::process::Command::new("/bin/sh").arg("-c").arg("echo forged >&3").status();
      std::process::exit(0)`);
    expect(verdict(r)).toBe("error/runtime_error");
    expect(r.tests.every((t) => t.status !== "pass")).toBe(true);
  });

  it("rejects unsafe code (the way to the results channel)", async () => {
    const r = await attack(`unsafe { std::ptr::null::<u8>().read_volatile(); } "x".to_string()`);
    expect(verdict(r)).toBe("error/compile_error");
    expect(r.diagnostics[0]?.code).toBe("unsafe_code");
  });

  it("reports a stack overflow as runtime_error", async () => {
    const r = await attack(`
      fn down(n: u64) -> u64 { if n == 0 { 0 } else { 1 + down(std::hint::black_box(n + 1)) } }
      down(1).to_string()`);
    expect(verdict(r)).toBe("error/runtime_error");
    expect(r.message).toMatch(/stack/);
  });

  it("grades the next job normally", async () => {
    const r = await attack(`"contained".to_string()`);
    expect(verdict(r)).toBe("pass");
  });
});

describe.skipIf(!available)("the Rust compiler is contained too", () => {
  it("stops endless const evaluation", async () => {
    const r = await gradeRust({ code: "const SPIN: u64 = { let mut i = 0u64; loop { i = i.wrapping_add(1); } };\npub fn attack() -> String { SPIN.to_string() }\n", dir: fixture.dir, meta: fixture.meta });
    expect(["error/compile_error", "error/timeout"]).toContain(verdict(r));
  });

  it("stops a macro that expands forever", async () => {
    const r = await gradeRust({ code: "macro_rules! boom { () => { boom!(); boom!(); } }\nboom!();\npub fn attack() -> String { String::new() }\n", dir: fixture.dir, meta: fixture.meta });
    expect(verdict(r)).toBe("error/compile_error");
    expect(r.diagnostics[0]?.message).toMatch(/recursion limit/);
  });

  it("refuses a huge static (the binary would exceed the file-size cap) or compiles it within limits", async () => {
    const r = await gradeRust({ code: "static BIG: [u8; 1 << 30] = [1; 1 << 30];\npub fn attack() -> String { if std::hint::black_box(&BIG)[12345] == 1 { \"contained\".into() } else { \"?\".into() } }\n", dir: fixture.dir, meta: fixture.meta });
    expect(["error/compile_error", "error/resource_limit", "error/timeout"]).toContain(verdict(r));
  });
});
