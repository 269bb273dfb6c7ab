import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCartOwner, getCurrentUser } from "@/lib/auth/session";
import { getCartItemCount } from "@/lib/cart/cart";
import { getCachedCategories } from "@/lib/catalog/cached";
import { getDb } from "@/lib/db";

export const metadata: Metadata = {
  title: { default: "Kite · Premium specs, honest prices", template: "%s" },
  description: "Kite phones, tablets, wearables and more, sold straight to fans. Flash sales every week.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#d93f24" };

// Every page reads the session and the database at request time; nothing is prerendered at build.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [categories, user, owner] = await Promise.all([
    getCachedCategories(),
    getCurrentUser(),
    getCartOwner(),
  ]);
  const cartCount = await getCartItemCount(await getDb(), owner);
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader categories={categories} user={user} cartCount={cartCount} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
