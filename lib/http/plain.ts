import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { type BodyResult, readBodyText, tooLarge } from "./body";
import type { HeaderReader } from "./request-info";

/*
 * Endpoints written once for Next's route handlers and for plain Node (the lean handler in front of Next,
 * scripts/server.mjs): a request is its headers and a bounded body, an answer a status, JSON and headers.
 */

export interface PlainRequest {
  headers: HeaderReader;
  readBody(maxBytes: number): Promise<BodyResult<{ text: string }>>;
}

export interface PlainResponse {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** A Web `Request` (a route handler's) as a PlainRequest. */
export function plainFromWeb(request: Request): PlainRequest {
  return { headers: request.headers, readBody: (maxBytes) => readBodyText(request, maxBytes) };
}

/** An answer as a Web `Response` (a route handler's). */
export function webFromPlain(answer: PlainResponse): Response {
  return Response.json(answer.json, {
    status: answer.status,
    ...(answer.headers ? { headers: answer.headers } : {}),
  });
}

/** A Node request as a PlainRequest: header names are lower-case there already, repeated ones joined. */
export function plainFromNode(req: IncomingMessage): PlainRequest {
  const headers: HeaderReader = {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
  return {
    headers,
    readBody: async (maxBytes) => {
      // Too large by its own account: answered without touching the stream, which Node then drains after the
      // answer (cancelling it would destroy the socket before the client reads the 413).
      const declared = headers.get("content-length")?.trim();
      if (declared && /^\d+$/.test(declared) && Number(declared) > maxBytes) return tooLarge(maxBytes);
      return readBodyText({ headers, body: Readable.toWeb(req) as ReadableStream<Uint8Array> }, maxBytes);
    },
  };
}

/** Writes an answer to a Node response, as `Response.json` would (no caching: every answer is this caller's). */
export function sendPlain(res: ServerResponse, answer: PlainResponse): void {
  const body = JSON.stringify(answer.json);
  res.writeHead(answer.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "private, no-store",
    ...answer.headers,
  });
  res.end(body);
}
