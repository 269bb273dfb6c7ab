import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { ReferralCapture } from "@/components/club/referral-capture";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { VisitorProvider } from "@/components/visitor/visitor-provider";
import { getCachedCategories } from "@/lib/catalog/cached";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: { default: "Kite · Premium specs, honest prices", template: "%s" },
  description: "Kite phones, tablets, wearables and more, sold straight to fans. Flash sales every week.",
  icons: { icon: "/favicon.svg" },
  // Share pictures (opengraph-image.tsx) need absolute addresses: the store's own.
  ...(env.NEXTAUTH_URL ? { metadataBase: new URL(env.NEXTAUTH_URL) } : {}),
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#d93f24" };

/**
 * The same for every visitor, so the shopper pages under it can be cached (issue 16): who is signed in and the cart
 * count come from /api/me through <VisitorProvider>, after the page loads.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const categories = await getCachedCategories();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <VisitorProvider>
          <ReferralCapture />
          <SiteHeader categories={categories} />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter categories={categories} />
        </VisitorProvider>
      </body>
    </html>
  );
}
