import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";

/**
 * Request bodies read with a ceiling, for every route handler that reads one. `Content-Length` is checked before
 * a byte is read; without it (chunked) the stream is counted as it arrives and cancelled at the limit, so a client
 * can never make the server buffer more than `maxBytes`. Failures map to 413 (too large) and 400 (not UTF-8 /
 * not JSON) through `bodyFailureResponse`.
 */

/** JSON bodies of our own APIs are a few hundred bytes; 16 KiB leaves room without letting anyone park megabytes. */
export const DEFAULT_JSON_BODY_LIMIT = 16 * 1024;

export type BodyFailureCode = "payload_too_large" | "invalid_body";

/** What a body is read from: a Web `Request`, or the lean handler's view of a Node request (./plain.ts). */
export interface BodySource {
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}
export type BodyResult<T extends object> = Result<T, BodyFailureCode>;

export function tooLarge(maxBytes: number) {
  return fail("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
}

/** The body as bytes, at most `maxBytes`. */
export async function readBodyBytes(
  request: BodySource,
  maxBytes: number,
): Promise<BodyResult<{ bytes: Uint8Array }>> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    const notANumber = !/^\d+$/.test(declared.trim()) || !Number.isSafeInteger(length);
    if (notANumber || length > maxBytes) {
      // Nothing of it will be read: let the sender stop.
      await request.body?.cancel().catch(() => {});
      return notANumber ? fail("invalid_body", "Content-Length is not a number.") : tooLarge(maxBytes);
    }
  }
  if (!request.body) return ok({ bytes: new Uint8Array(0) });
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return ok({ bytes });
}

/** The body as UTF-8 text, at most `maxBytes` (the exact bytes, for signatures: decoding is strict). */
export async function readBodyText(
  request: BodySource,
  maxBytes: number,
): Promise<BodyResult<{ text: string }>> {
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return read;
  try {
    return ok({ text: new TextDecoder("utf-8", { fatal: true }).decode(read.bytes) });
  } catch {
    return fail("invalid_body", "The request body is not UTF-8 text.");
  }
}

/** The body parsed as JSON, at most `maxBytes` (default 16 KiB). */
export async function readJsonBody(
  request: Request,
  maxBytes: number = DEFAULT_JSON_BODY_LIMIT,
): Promise<BodyResult<{ json: unknown }>> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  try {
    return ok({ json: JSON.parse(read.text) as unknown });
  } catch {
    return fail("invalid_body", "The request body is not JSON.");
  }
}

/** 413 for a body over the limit, 400 otherwise. */
export function bodyFailureResponse(failure: { code: BodyFailureCode; message: string }): Response {
  return Response.json(
    { error: failure.message, code: failure.code },
    { status: failure.code === "payload_too_large" ? 413 : 400 },
  );
}

/**
 * A JSON body checked against `schema`: its data, or the response to send. 413 when the body is too large; any
 * other failure (not JSON, not the shape) is a 400 whose `error` is `explain`'s, said so the caller can fix it.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  explain: string | ((error: z.ZodError) => unknown),
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok && body.code === "payload_too_large")
    return { ok: false, response: bodyFailureResponse(body) };
  const parsed = schema.safeParse(body.ok ? body.json : null);
  if (parsed.success) return { ok: true, data: parsed.data };
  const error = typeof explain === "string" ? explain : explain(parsed.error);
  return { ok: false, response: Response.json({ error }, { status: 400 }) };
}
