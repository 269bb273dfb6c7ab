/** A same-site path to return to after signing in; anything else (absolute or protocol-relative URLs) → "/". */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw.slice(0, 500);
}
