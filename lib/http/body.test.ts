import { describe, expect, it } from "vitest";
import { bodyFailureResponse, readJsonBody } from "./body";

function streamOf(chunks: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  // highWaterMark 0: nothing is pulled until someone reads.
  return new ReadableStream(
    {
      pull(controller) {
        onPull?.();
        const chunk = chunks[i++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 0 },
  );
}

describe("request bodies with a ceiling", () => {
  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    let pulled = 0;
    const request = new Request("http://x/api", {
      method: "POST",
      headers: { "content-length": String(8 * 1024 * 1024) },
      body: streamOf(["{}"], () => pulled++),
      duplex: "half",
    } as RequestInit);
    const result = await readJsonBody(request, 1024);
    expect(result).toMatchObject({ ok: false, code: "payload_too_large" });
    expect(pulled).toBe(0);
    if (!result.ok) expect(bodyFailureResponse(result).status).toBe(413);
  });

  it("stops a chunked body at the limit instead of buffering it", async () => {
    let pulled = 0;
    const chunk = "x".repeat(1000);
    const request = new Request("http://x/api", {
      method: "POST",
      body: streamOf(
        Array.from({ length: 8000 }, () => chunk),
        () => pulled++,
      ),
      duplex: "half",
    } as RequestInit);
    const result = await readJsonBody(request, 16 * 1024);
    expect(result).toMatchObject({ ok: false, code: "payload_too_large" });
    expect(pulled).toBeLessThan(30);
  });

  it("reads JSON under the limit; bad JSON is a 400", async () => {
    const good = new Request("http://x/api", { method: "POST", body: JSON.stringify({ skuId: 1 }) });
    expect(await readJsonBody(good)).toEqual({ ok: true, json: { skuId: 1 } });
    const bad = new Request("http://x/api", { method: "POST", body: "{nope" });
    const result = await readJsonBody(bad);
    expect(result).toMatchObject({ ok: false, code: "invalid_body" });
    if (!result.ok) expect(bodyFailureResponse(result).status).toBe(400);
  });
});
