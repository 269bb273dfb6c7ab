import { toSafeLocalPath } from "@/lib/http/safe-path";

/**
 * A same-origin path to return to after signing in (lib/http/safe-path.ts: decoded, no control characters or
 * backslashes, one leading slash, stays on our origin); anything else → "/".
 */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return toSafeLocalPath(raw) ?? "/";
}
