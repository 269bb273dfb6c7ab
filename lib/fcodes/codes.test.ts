import { describe, expect, it } from "vitest";
import {
  FCODE_ALPHABET,
  fcodeHint,
  fcodesCsv,
  generateFcode,
  groupFcode,
  hashFcode,
  normaliseFcode,
  sealFcode,
  unsealFcode,
} from "./codes";
import { fcodeState, validityText } from "./rules";

describe("F-codes as people see them", () => {
  it("has 32 symbols and none of the look-alikes", () => {
    expect(FCODE_ALPHABET).toHaveLength(32);
    expect(new Set(FCODE_ALPHABET).size).toBe(32);
    for (const c of "01OI") expect(FCODE_ALPHABET).not.toContain(c);
  });

  it("makes 16-character codes in four groups, every symbol used", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const code = generateFcode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      for (const c of code.replaceAll("-", "")) seen.add(c);
    }
    expect(seen.size).toBe(32);
  });

  it("reads what people type: case, spaces and hyphens do not matter; anything else is not a code", () => {
    expect(normaliseFcode(" abcd-efgh jkmn-pqrs ")).toBe("ABCDEFGHJKMNPQRS");
    expect(normaliseFcode("ABCD-EFGH-JKMN-PQR")).toBeNull();
    expect(normaliseFcode("ABCD-EFGH-JKMN-PQR0")).toBeNull();
    expect(normaliseFcode("ABCD-EFGH-JKMN-PQRSX")).toBeNull();
    expect(groupFcode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
    expect(fcodeHint("ABCDEFGHJKMNPQRS")).toBe("PQRS");
  });

  it("keeps a hash, not the code, and seals a given code so only the server's secret opens it", () => {
    const bare = "ABCDEFGHJKMNPQRS";
    expect(hashFcode(bare)).toBe(hashFcode(bare));
    expect(hashFcode(bare)).not.toContain(bare);
    expect(hashFcode(bare)).not.toBe(hashFcode("ABCDEFGHJKMNPQRT"));
    const sealed = sealFcode(bare, "a-secret-of-at-least-sixteen");
    expect(sealed).not.toContain(bare);
    expect(unsealFcode(sealed, "a-secret-of-at-least-sixteen")).toBe(bare);
    expect(unsealFcode(sealed, "another-secret-entirely")).toBeNull();
    expect(unsealFcode("junk", "a-secret-of-at-least-sixteen")).toBeNull();
  });

  it("writes the CSV with quoting where a batch name needs it", () => {
    expect(fcodesCsv([{ code: "ABCD-EFGH-JKMN-PQRS", batch: 'Club, "mods"', validUntil: "Sat" }])).toBe(
      'code,batch,valid_until\nABCD-EFGH-JKMN-PQRS,"Club, ""mods""",Sat',
    );
  });

  it("names a code's state from its hold and its window", () => {
    const window = { validFrom: new Date(1000), validUntil: new Date(2000) };
    const at = (t: number, over: Partial<Parameters<typeof fcodeState>[0]> = {}) =>
      fcodeState({
        givenTo: null,
        holdStatus: null,
        releaseReason: null,
        ...window,
        now: new Date(t),
        ...over,
      });
    expect(at(500)).toBe("not_yet");
    expect(at(1500)).toBe("unused");
    expect(at(1500, { givenTo: "fan" })).toBe("given");
    expect(at(1500, { holdStatus: "active" })).toBe("reserved");
    expect(at(1500, { holdStatus: "released", releaseReason: "expired" })).toBe("unused");
    expect(at(2500, { holdStatus: "converted" })).toBe("bought");
    expect(at(1500, { holdStatus: "released", releaseReason: "returned" })).toBe("bought");
    expect(at(2000)).toBe("expired");
  });

  it("says when a code works, in the store's zone", () => {
    const window = {
      validFrom: new Date("2026-03-14T04:00:00Z"),
      validUntil: new Date("2026-03-15T04:00:00Z"),
    };
    const at = (iso: string) => validityText(window, { now: new Date(iso), timeZone: "Asia/Shanghai" });
    expect(at("2026-03-14T00:00:00Z")).toBe(
      "Works from Sat, 14 Mar 2026, 12:00 GMT+8 until Sun, 15 Mar 2026, 12:00 GMT+8",
    );
    expect(at("2026-03-14T05:00:00Z")).toBe("Valid until Sun, 15 Mar 2026, 12:00 GMT+8");
    expect(at("2026-03-15T04:00:00Z")).toBe("Expired Sun, 15 Mar 2026, 12:00 GMT+8");
  });
});
