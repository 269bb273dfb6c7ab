"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      // "CredentialsSignin" is next-auth's word for a wrong password; any other error is a sentence of ours
      // (a sign-in cooldown saying when to retry, lib/auth/throttle.ts).
      const said = result?.error && result.error !== "CredentialsSignin" ? result.error : null;
      setError(said ?? "Email or password is incorrect.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <InputField label="Email" name="email" type="email" autoComplete="email" required />
      <InputField label="Password" name="password" type="password" autoComplete="current-password" required />
      <p className="-mt-2 text-right text-sm">
        <TextLink href="/forgot-password">Forgot your password?</TextLink>
      </p>
      <p aria-live="polite" className="min-h-5 text-sm text-accent-700" role="status">
        {error}
      </p>
      <Button type="submit" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm text-ink-600">
        New to Kite?{" "}
        <Link
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-semibold text-accent-700 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
