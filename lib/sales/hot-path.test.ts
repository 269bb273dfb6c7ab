import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSecret, SESSION_COOKIE } from "@/lib/auth/session-token";
import { handleReserve, reserveSaleId } from "./hot-path";

/*
 * The lean reserve handler over a real Node HTTP server: the answers that need no database (path matching,
 * origin and content-type checks, the session, the body's shape and ceiling) are the ones Next's route gives.
 */

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const saleId = reserveSaleId(req);
    if (saleId === null) {
      res.writeHead(418).end("next");
      return;
    }
    void handleReserve(req, res, saleId);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sessionCookie(): Promise<string> {
  const token = await encode({
    token: {
      sub: "0b6c2f43-5a9f-4d39-9b1e-1b4a3c1d2e3f",
      uid: "0b6c2f43-5a9f-4d39-9b1e-1b4a3c1d2e3f",
      role: "shopper",
    },
    secret: authSecret,
  });
  return `${SESSION_COOKIE(false)}=${token}`;
}

const reserve = (init: RequestInit & { path?: string } = {}) =>
  fetch(`${base}${init.path ?? "/api/sales/0b6c2f43-5a9f-4d39-9b1e-1b4a3c1d2e3f/reserve"}`, {
    method: "POST",
    ...init,
  });

describe("the lean reserve handler", () => {
  it("takes only POST /api/sales/{id}/reserve and leaves everything else to Next", async () => {
    expect((await fetch(`${base}/api/sales/abc/reserve`)).status).toBe(418);
    expect((await reserve({ path: "/api/sales/abc/reserve/x" })).status).toBe(418);
    expect((await reserve({ path: "/api/sales/abc/figures" })).status).toBe(418);
    expect(
      (await reserve({ path: "/api/sales/abc/reserve?x=1", headers: { "content-type": "text/plain" } }))
        .status,
    ).toBe(415);
  });

  it("refuses another site's request and non-JSON before reading the session", async () => {
    const text = await reserve({ headers: { "content-type": "text/plain" }, body: "{}" });
    expect(text.status).toBe(415);
    const crossSite = await reserve({
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ error: "Cross-site requests are not accepted here." });
  });

  it("asks a guest (or a forged cookie) to sign in", async () => {
    const guest = await reserve({ headers: { "content-type": "application/json" }, body: '{"skuId":1}' });
    expect(guest.status).toBe(401);
    const forged = await reserve({
      headers: { "content-type": "application/json", cookie: `${SESSION_COOKIE(false)}=not-a-token` },
      body: '{"skuId":1}',
    });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("cache-control")).toBe("private, no-store");
  });

  it("says what a signed-in fan's bad body should look like, and refuses an oversized one unread", async () => {
    const headers = { "content-type": "application/json", cookie: await sessionCookie() };
    for (const body of ["not json", '{"skuId":"1"}', '{"skuId":0}', `{"skuId":1,"requestKey":"x"}`]) {
      const r = await reserve({ headers, body });
      expect(r.status, body).toBe(400);
      expect(await r.json()).toEqual({ error: "Send { skuId: number, requestKey?: string }." });
    }
    const big = await reserve({ headers, body: JSON.stringify({ skuId: 1, pad: "x".repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect((await big.json()).code).toBe("payload_too_large");
    // Megabytes announced: the client still reads its 413 (the socket is not torn down under it).
    const huge = await reserve({
      headers,
      body: JSON.stringify({ skuId: 1, pad: "x".repeat(8 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });
});
