// Collects the student's console output for the GradeResult. Capped per stream; it is shown
// to the student and never read by any verdict.
import { OUTPUT_CAP_BYTES } from "../../contract.ts";

export type Stream = "stdout" | "stderr";

export class OutputSink {
  private readonly parts: Record<Stream, string[]> = { stdout: [], stderr: [] };
  private readonly used: Record<Stream, number> = { stdout: 0, stderr: 0 };
  truncated = false;

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

  text(stream: Stream): string {
    return this.parts[stream].join("");
  }
}
