import "server-only";
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { CART_COOKIE, mergeGuestCart } from "@/lib/cart/cart";
import { getDb } from "@/lib/db";
import { getClientIp } from "@/lib/http";
import { resolveAuthRedirect } from "@/lib/http/safe-path";
import { getRateLimiter } from "@/lib/rate-limit/limiter";
import { SOMETHING_WENT_WRONG } from "@/lib/result";
import { authSecret, decodeSessionToken } from "./session-token";
import { getSessionAccount, type SignInResult, signInWithPassword } from "./users";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

export { authSecret } from "./session-token";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // The same JWE as next-auth's own decode, with the derived key cached (./session-token).
  jwt: { decode: decodeSessionToken },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        let result: SignInResult;
        try {
          result = await signInWithPassword(await getDb(), getRateLimiter(), {
            ...parsed.data,
            ip: await getClientIp(),
            now: new Date(),
          });
        } catch (error) {
          // next-auth shows a thrown error's message to the person: never a raw one.
          console.error("[auth] sign-in failed", error);
          throw new Error(SOMETHING_WENT_WRONG);
        }
        if (result.ok) return result.user;
        // next-auth hands a thrown message to the form (`error`); a plain null reads "incorrect".
        if (result.code === "rate_limited") throw new Error(result.message);
        return null;
      },
    }),
  ],
  callbacks: {
    // next-auth's default accepts any path starting with "/", so `/\tevil.example` left for another origin.
    redirect: resolveAuthRedirect,
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.name = user.name;
        token.email = user.email;
        // Real time, like the token's own iat: a password change ends sessions from before it (getSessionAccount).
        token.authAt = Date.now();
        return token;
      }
      // Each time next-auth refreshes the cookie, a session from before a password change becomes a guest's.
      if (!token.uid) return token;
      const account = await getSessionAccount(await getDb(), { userId: token.uid, authAt: token.authAt });
      return account ? { ...token, name: account.name, email: account.email, role: account.role } : {};
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = {
          id: token.uid,
          role: token.role,
          name: token.name ?? "",
          email: token.email ?? "",
        };
      }
      return session;
    },
  },
  events: {
    // A guest's cart follows them into their account.
    async signIn({ user }) {
      const jar = await cookies();
      const guestCartId = jar.get(CART_COOKIE)?.value;
      if (!guestCartId) return;
      await mergeGuestCart(await getDb(), { guestCartId, userId: user.id });
      jar.delete(CART_COOKIE);
    },
  },
};
