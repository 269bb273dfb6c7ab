import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type User, users } from "@/db/schema";
import { saveAddress } from "@/lib/addresses/addresses";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { recordPoints } from "@/lib/points/ledger";
import { HANGZHOU_ADDRESS } from "./sample-addresses";

export const qaAccountSchema = z.object({
  role: z.enum(["shopper", "marketer"]).default("shopper"),
  name: z.string().trim().min(1).max(80).optional(),
  /** A shopper ready to buy has a default delivery address; `false` for a test of adding the first one. */
  address: z.boolean().default(true),
  /** Lifetime points to start with (a Kite Club tier), written as one `adjustment` entry in the points ledger. */
  lifetimePoints: z.number().int().min(1).max(1_000_000).optional(),
});

export type QaAccount = Pick<User, "id" | "email" | "name"> & {
  role: z.output<typeof qaAccountSchema>["role"];
  /** Returned once, to the QA client that asked for the account, so it can sign in through the real form. */
  password: string;
};

/**
 * A fresh account for one e2e test (a shopper, or a marketer for the console's flows): a unique email and a
 * random password, so a test that changes an account's cart, orders, registrations or audit trail changes its own.
 * It has a default delivery address (so it can check out) unless asked for none.
 */
export async function createQaAccount(input: z.infer<typeof qaAccountSchema>): Promise<QaAccount> {
  const tag = randomBytes(6).toString("hex");
  const email = `qa-${input.role}-${tag}@example.com`;
  const name = input.name ?? `QA ${input.role} ${tag.slice(0, 4)}`;
  // Letters and digits, as the sign-up rule asks of a person's password.
  const password = `qa-${randomBytes(12).toString("base64url")}-7`;
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ email, name, role: input.role, passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  if (!row) throw new Error("inserting a QA account returned no row");
  if (input.address) {
    const saved = await saveAddress(db, {
      userId: row.id,
      raw: { ...HANGZHOU_ADDRESS, recipientName: name },
    });
    if (!saved.ok) throw new Error(`the QA address was refused: ${saved.message}`);
  }
  if (input.lifetimePoints) {
    const userId = row.id;
    const amount = input.lifetimePoints;
    await db.transaction((tx) =>
      recordPoints(tx, {
        userId,
        reason: "adjustment",
        cause: `qa:${tag}`,
        amount,
        note: "QA: starting tier",
      }),
    );
  }
  return { id: row.id, email, name, role: input.role, password };
}
