// Collects the student's console output for the GradeResult. Capped per stream; it is shown
// to the student and its content is never read by any verdict (only a flood of calls is).
import { OUTPUT_CAP_BYTES } from "../../contract.ts";

export type Stream = "stdout" | "stderr";

/** console calls made after a stream was full; beyond this the run is stopped as a flood. */
export const FLOOD_CALLS = 100_000;

export class OutputSink {
  private readonly parts: Record<Stream, string[]> = { stdout: [], stderr: [] };
  private readonly used: Record<Stream, number> = { stdout: 0, stderr: 0 };
  truncated = false;
  /** console calls that arrived after their stream was full. */
  overflowCalls = 0;

  constructor(private readonly capBytes: number = OUTPUT_CAP_BYTES) {}

  /** Appends text; returns false once the stream is full so writers can stop calling. */
  write(stream: Stream, text: string): boolean {
    const left = this.capBytes - this.used[stream];
    if (left <= 0) {
      this.truncated = true;
      return false;
    }
    const bytes = Buffer.from(text, "utf8");
    let cut = Math.min(bytes.length, left);
    // Never split a UTF-8 sequence: back off over continuation bytes (0b10xxxxxx).
    while (cut < bytes.length && cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
    if (cut < bytes.length) this.truncated = true;
    this.parts[stream].push(cut === bytes.length ? text : bytes.subarray(0, cut).toString("utf8"));
    this.used[stream] += cut;
    // A stream cut short is full, even if a multi-byte character left a few bytes unused.
    if (cut < bytes.length) this.used[stream] = this.capBytes;
    return this.used[stream] < this.capBytes;
  }

  dropped(calls: number): void {
    this.overflowCalls += calls;
    this.truncated = true;
  }

  /** The student's code keeps printing long after the cap: output_limit, not a slow loop. */
  get flooded(): boolean {
    return this.overflowCalls > FLOOD_CALLS;
  }

  text(stream: Stream): string {
    return this.parts[stream].join("");
  }
}
