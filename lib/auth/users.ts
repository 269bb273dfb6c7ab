import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type UserRole, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { type Failure, fail, type Result } from "@/lib/result";
import { hashPassword, passwordSchema, verifyPassword } from "./password";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(80, "Use at most 80 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export type CreateUserResult = Result<{ user: SessionUser }, "email_taken">;

const emailTaken = (): Failure<"email_taken"> =>
  fail("email_taken", "Please check the highlighted fields.", {
    fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
  });

export async function createUser(db: Db, input: SignUpInput): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, role: "shopper" })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!row) return emailTaken();
  return { ok: true, user: row };
}

export async function verifyCredentials(
  db: Db,
  { email, password }: { email: string; password: string },
): Promise<SessionUser | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!row) {
    // Same cost as a real check, so response time does not reveal which emails exist.
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash))) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function getUserById(db: Db, { userId }: { userId: string }): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8k1Q0Y8lQnJp6C2Dl0g1YxZL3W6mC2";
