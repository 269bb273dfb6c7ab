import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireMarketerPage } from "@/lib/auth/marketer-page";

export const metadata: Metadata = {
  title: { default: "Kite Console", template: "%s · Kite Console" },
  robots: { index: false, follow: false },
};

/**
 * The console's frame. It checks the caller too (so a shopper's 404 is the shop's own, not one inside the
 * console), but every page, route handler and action below checks again by itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const marketer = await requireMarketerPage("/admin");
  return (
    <div className="border-t border-ink-100 bg-white">
      <div className="mx-auto grid max-w-7xl grid-cols-1 gap-6 px-4 py-6 lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10 lg:py-8">
        <AdminNav marketer={{ name: marketer.name, email: marketer.email }} />
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
