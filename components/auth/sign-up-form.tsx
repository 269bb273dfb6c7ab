"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type ReactNode, useActionState, useEffect, useRef, useState } from "react";
import { readReferralCode } from "@/components/club/referral-capture";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import type { ActionState, FormAction } from "@/lib/action";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/limits";

export function SignUpForm({
  callbackUrl,
  signUp,
}: {
  callbackUrl: string;
  signUp: FormAction<{ email: string }>;
}) {
  const router = useRouter();
  const password = useRef("");
  const [signInError, setSignInError] = useState<ReactNode>(null);
  const [referralCode, setReferralCode] = useState("");
  useEffect(() => setReferralCode(readReferralCode()), []);
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  const EXISTING_ACCOUNT = (
    <>
      If an account already exists for this email, <TextLink href={signInHref}>sign in instead</TextLink> with
      its password (<TextLink href="/forgot-password">forgot it?</TextLink>), or use another email.
    </>
  );
  const [state, formAction, pending] = useActionState(
    async (prev: ActionState<{ email: string }>, formData: FormData) => {
      password.current = String(formData.get("password") ?? "");
      const result = await signUp(prev, formData);
      if (result?.ok) {
        const signedIn = await signIn("credentials", {
          email: result.email,
          password: password.current,
          redirect: false,
        });
        password.current = "";
        if (signedIn?.error) {
          // Sign-up answers alike for new and existing emails (lib/auth/users.ts signUp), so this is where an
          // existing account with another password ends up; a cooldown message from sign-in is shown as it is.
          setSignInError(signedIn.error === "CredentialsSignin" ? EXISTING_ACCOUNT : signedIn.error);
        } else {
          router.push(callbackUrl);
          router.refresh();
        }
      }
      return result;
    },
    null,
  );
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <InputField
        label="Name"
        name="name"
        autoComplete="name"
        required
        errors={fieldErrors?.name}
        maxLength={MAX_DISPLAY_NAME_LENGTH}
      />
      <InputField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={fieldErrors?.email}
      />
      <InputField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors?.password}
        hint="At least 10 characters, mixing letters with numbers or symbols."
      />
      <InputField
        label="Referral code (optional)"
        name="ref"
        autoComplete="off"
        value={referralCode}
        onChange={(event) => setReferralCode(event.target.value)}
        maxLength={32}
        errors={fieldErrors?.ref}
        hint="From a friend's share link: they earn points when your first order is paid."
      />
      <p aria-live="polite" role="status" className="min-h-5 text-sm text-accent-700">
        {state && !state.ok
          ? state.message
          : (signInError ?? (state?.ok ? "Account created. Signing you in…" : null))}
      </p>
      <Button type="submit" pending={pending} pendingLabel="Creating your account…" className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-ink-600">
        Already a Kite fan?{" "}
        <Link href={signInHref} className="font-semibold text-accent-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
