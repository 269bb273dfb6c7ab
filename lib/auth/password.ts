import bcrypt from "bcryptjs";
import { z } from "zod";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(72, "Use at most 72 characters.")
  .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "Mix letters with numbers or symbols.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common.");

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890a",
  "qwerty12345",
  "iloveyou123",
  "letmein1234",
  "welcome1234",
  "kite123456",
  "passw0rd123",
  "abc1234567",
]);
