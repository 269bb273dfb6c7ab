"use client";

import { useEffect } from "react";
import { normaliseReferralCode, REFERRAL_CODE_PATTERN } from "@/lib/points/rules";

/** Where a share link's code waits (this browser only) until the visitor signs up. */
export const REFERRAL_STORAGE_KEY = "kite-ref";

/** The referral code a share link brought, if any: from this page's `?ref=`, else remembered from an earlier page. */
export function readReferralCode(): string {
  try {
    const fromUrl = normaliseReferralCode(new URLSearchParams(window.location.search).get("ref") ?? "");
    if (REFERRAL_CODE_PATTERN.test(fromUrl)) return fromUrl;
    return window.localStorage.getItem(REFERRAL_STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

/**
 * Remembers a share link's `?ref=` in the browser, so a friend who looks around before signing up still brings the
 * code to the sign-up form. The page itself never reads it: cached pages stay the same for everyone.
 */
export function ReferralCapture() {
  useEffect(() => {
    const code = normaliseReferralCode(new URLSearchParams(window.location.search).get("ref") ?? "");
    if (!REFERRAL_CODE_PATTERN.test(code)) return;
    try {
      window.localStorage.setItem(REFERRAL_STORAGE_KEY, code);
    } catch {
      // Storage off (private mode): the code still fills the form when sign-up is the page the link opened.
    }
  }, []);
  return null;
}
