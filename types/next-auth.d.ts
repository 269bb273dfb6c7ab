import type { UserRole } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: UserRole;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: UserRole;
    /** When this session signed in (ms): sessions from before `users.sessions_valid_after` are over. */
    authAt?: number;
  }
}
