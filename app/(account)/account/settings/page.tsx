import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSubpage } from "@/components/account/account-subpage";
import { EmailForm, PasswordForm, ProfileForm, SettingsSection } from "@/components/account/settings-forms";
import { getCurrentAccount } from "@/lib/auth/session";
import { EMAIL_CHANGE_LINK_HOURS } from "@/lib/limits";
import { changePasswordAction, requestEmailChangeAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Account settings · Kite" };

const NOTICES: Record<string, string> = {
  "email-changed": "Your email is changed. Sign in with it from now on; we told your old address.",
};

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await getCurrentAccount();
  if (!user) redirect("/sign-in?callbackUrl=/account/settings");
  const { notice } = await searchParams;
  const said = notice ? NOTICES[notice] : undefined;
  return (
    <AccountSubpage back="/account" backLabel="Your account" title="Settings">
      {said ? (
        <p role="status" className="mb-6 rounded-2xl bg-emerald-50 p-4 text-sm font-medium text-emerald-800">
          {said}
        </p>
      ) : null}
      <div className="space-y-6">
        <SettingsSection
          id="profile"
          title="Profile"
          intro="The name we greet you with, on the site and in mails."
        >
          <ProfileForm name={user.name} save={updateProfileAction} />
        </SettingsSection>
        <SettingsSection
          id="email"
          title="Email"
          intro={
            <>
              You sign in with <strong className="font-semibold text-ink-800 break-all">{user.email}</strong>.
              To change it, we mail a link to the new address; it changes when you open it (within{" "}
              {EMAIL_CHANGE_LINK_HOURS} hours).
            </>
          }
        >
          <EmailForm change={requestEmailChangeAction} />
        </SettingsSection>
        <SettingsSection id="password" title="Password" intro="Changing it signs out your other devices.">
          <PasswordForm change={changePasswordAction} />
        </SettingsSection>
      </div>
    </AccountSubpage>
  );
}
