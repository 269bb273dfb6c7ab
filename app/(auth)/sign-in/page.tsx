import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth/auth-page";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";

/** What the page says when another flow sends the person here (`?notice=`). */
const SIGN_IN_NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed. Sign in with the new one; other devices were signed out.",
};

export const metadata: Metadata = { title: "Sign in · Kite" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = params.notice ? SIGN_IN_NOTICES[params.notice] : undefined;
  return (
    <AuthPage title="Sign in" intro="Welcome back to the Kite Club.">
      {notice ? (
        <p role="status" className="mb-4 rounded-2xl bg-emerald-50 p-4 text-sm font-medium text-emerald-800">
          {notice}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </AuthPage>
  );
}
