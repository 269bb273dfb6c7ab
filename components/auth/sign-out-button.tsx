"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded-full border border-ink-300 px-5 py-2 text-sm font-semibold hover:border-ink-500"
    >
      Sign out
    </button>
  );
}
