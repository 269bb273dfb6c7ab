import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { toCsv } from "@/lib/csv";

/**
 * F-codes as people see them: 16 characters from an alphabet without look-alikes (no 0/O or 1/I: the digits 2–9
 * and the letters but I and O), in four groups of four for reading aloud ("7KQ4-MZ9C-…"). 32 symbols, so each
 * character is 5 bits and a code 80 bits, drawn from the operating system's CSPRNG (one random byte per character
 * masked to 5 bits: 256 is a multiple of 32, so every symbol is equally likely).
 */
export const FCODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const FCODE_LENGTH = 16;
const GROUP = 4;

/** A new code, grouped: XXXX-XXXX-XXXX-XXXX. */
export function generateFcode(): string {
  const bytes = randomBytes(FCODE_LENGTH);
  let raw = "";
  for (const byte of bytes) raw += FCODE_ALPHABET[byte & 31];
  return groupFcode(raw);
}

/** 16 bare characters → XXXX-XXXX-XXXX-XXXX. */
export function groupFcode(raw: string): string {
  return raw.match(new RegExp(`.{1,${GROUP}}`, "g"))?.join("-") ?? raw;
}

/**
 * What a person typed or a link carried, as the bare 16 characters: case, spaces and hyphens do not matter. Null
 * when it cannot be a code (wrong length, a character outside the alphabet), so it costs no database look-up.
 */
export function normaliseFcode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== FCODE_LENGTH) return null;
  for (const c of raw) if (!FCODE_ALPHABET.includes(c)) return null;
  return raw;
}

/**
 * What the database keeps instead of the code. Plain SHA-256 (no salt, no slow hash) is enough here because the
 * code is 80 random bits, not a password a person chose: a stolen table gives an attacker 2^80 guesses per code
 * to try, which no amount of hardware makes feasible, and an unsalted hash lets redemption find the row by index.
 */
export function hashFcode(normalised: string): string {
  return createHash("sha256").update(`kite-fcode:${normalised}`).digest("base64url");
}

/** The last four characters, shown so people can tell their codes apart without the code itself. */
export function fcodeHint(normalised: string): string {
  return normalised.slice(-GROUP);
}

/** "…-7KQ4". */
export function maskedFcode(hint: string): string {
  return `••••-••••-••••-${hint}`;
}

/*
 * A code given to a fan is also kept sealed for them, so their account page can show it and its share link. The
 * key is derived from the server's secret (NEXTAUTH_SECRET), which is not in the database: a database leak still
 * reveals no usable code.
 */
function sealingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "kite-fcodes", "fcode-seal-v1", 32));
}

export function sealFcode(normalised: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(secret), iv);
  const body = Buffer.concat([cipher.update(normalised, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The sealed code, or null when it cannot be opened (another secret, a damaged value). */
export function unsealFcode(sealed: string, secret: string): string | null {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The codes of a batch as the CSV the marketer downloads once: a header, then one code per line. */
export function fcodesCsv(rows: { code: string; batch: string; validUntil: string }[]): string {
  return toCsv(
    ["code", "batch", "valid_until"],
    rows.map((r) => [r.code, r.batch, r.validUntil]),
  );
}
