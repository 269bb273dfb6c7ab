import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { MAX_WEBHOOK_BYTES } from "@/lib/checkout/webhook";

/**
 * The webhook route is reachable without authentication, so it refuses a body over the limit before any
 * signature work: by Content-Length without reading it, and by counting when there is no Content-Length.
 */
describe("POST /api/stripe/webhook body limit", () => {
  it("answers 413 to a 30 MB body announced by Content-Length, without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://store.test/api/stripe/webhook", {
      method: "POST",
      headers: { "content-length": String(30 * 1024 * 1024), "stripe-signature": "t=1,v1=00" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    // A ReadableStream pulls once on its own to fill its queue; the route itself read nothing.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without Content-Length once it passes the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 30 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://store.test/api/stripe/webhook", {
      method: "POST",
      headers: { "stripe-signature": "t=1,v1=00" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 3 * 64 * 1024);
  });
});
