// Reads a JSON request body with a hard byte cap (streamed, so a huge body is refused without
// buffering it), then validates it with zod. Every failure is an AppError the wrapper maps.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeZodError, zodErrorCode } from "./errors-to-response";

/**
 * Bodies carry at most 64 KiB of code; JSON escaping can grow text up to six times (\uXXXX),
 * so the transport cap sits above that and the code rules judge the code itself.
 */
export const MAX_JSON_BODY_BYTES = 512 * 1024;

export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { maxBytes?: number } = {},
): Promise<z.infer<T>> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const tooLarge = () =>
    new AppError("too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);

  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const bytes = await readCapped(request, maxBytes, tooLarge);
  if (bytes.length === 0) throw new AppError("bad_request", "The request body is empty; send a JSON object.");

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError(zodErrorCode(parsed.error), describeZodError(parsed.error));
  return parsed.data;
}

async function readCapped(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
