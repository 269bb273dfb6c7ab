"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useVisitor } from "@/components/visitor/visitor-provider";

/**
 * Share this page with a friend: the Web Share sheet where the browser has one, else the link copied. A signed-in
 * fan's link carries their referral code (`?ref=`, from /api/me), so the cached page is the same for everyone and
 * only the link differs. The result is announced.
 */
export function ShareButton({ title, className = "" }: { title: string; className?: string }) {
  const { visitor } = useVisitor();
  const [said, setSaid] = useState("");
  const code = visitor?.club?.referralCode;

  async function share() {
    const url = new URL(window.location.pathname, window.location.origin);
    if (code) url.searchParams.set("ref", code);
    const link = url.toString();
    setSaid("");
    try {
      if (typeof navigator.share === "function") {
        await navigator.share({ title, url: link });
        setSaid("Shared.");
        return;
      }
      await navigator.clipboard.writeText(link);
      setSaid(code ? "Link copied, with your referral code." : "Link copied.");
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      setSaid(`Copy this link: ${link}`);
    }
  }

  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 ${className}`}>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={share}
        data-share-link={code ? "ref" : "plain"}
      >
        Share with a friend
      </Button>
      <span aria-live="polite" role="status" className="text-sm text-ink-600 break-all">
        {said}
      </span>
    </div>
  );
}
