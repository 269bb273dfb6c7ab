import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentMarketer, getCurrentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/users";

/**
 * For console pages: the signed-in marketer (role re-read from the database), else a guest is sent to sign in
 * and anyone else gets the ordinary 404, so the console's pages do not reveal that they exist. (Actions check
 * their caller through defineAction's `caller: "marketer"`.)
 */
export async function requireMarketerPage(callbackPath: string): Promise<SessionUser> {
  const marketer = await getCurrentMarketer();
  if (marketer) return marketer;
  if (!(await getCurrentUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  notFound();
}
