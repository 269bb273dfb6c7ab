import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account · Kite" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Join the Kite Club</h1>
      <p className="mt-1 mb-6 text-ink-600">One account for orders, flash sales and F-codes.</p>
      <SignUpForm callbackUrl={callbackUrl} signUp={signUpAction} />
    </div>
  );
}
