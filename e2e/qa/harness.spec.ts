import { QA_SECRET } from "../support/env";
import { expect, test } from "../support/fixtures";

test.describe("qa: the harness itself", () => {
  test("health names the database engine", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { ok: boolean; database: string };
    expect(body.ok).toBe(true);
    expect(["pglite", "postgres"]).toContain(body.database);
  });

  test("the test clock moves now for one client and refuses a wrong secret", async ({
    request,
    storeDay,
  }) => {
    const wrong = await request.post("/api/qa/clock", {
      headers: { authorization: "Bearer nope" },
      data: { offsetMs: 1000 },
    });
    expect(wrong.status()).toBe(401);
    const at = storeDay.at(12);
    const res = await request.post("/api/qa/clock", {
      headers: { authorization: `Bearer ${QA_SECRET}` },
      data: { at: at.toISOString() },
    });
    expect(res.status()).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const read = await request.get("/api/qa/clock", {
      headers: { authorization: `Bearer ${QA_SECRET}`, "x-kite-clock": token },
    });
    const { now } = (await read.json()) as { now: string };
    expect(Math.abs(Date.parse(now) - at.getTime())).toBeLessThan(60_000);
    const bad = await request.post("/api/qa/clock", {
      headers: { authorization: `Bearer ${QA_SECRET}` },
      data: { at: "tomorrow-ish" },
    });
    expect(bad.status()).toBe(400);
  });
});
