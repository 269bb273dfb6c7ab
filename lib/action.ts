import "server-only";
import type { z } from "zod";

/** What every server action returns: a typed success, or a message a person can act on. */
export type ActionResult<T extends object = object> =
  | ({ ok: true; message?: string } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

export type ActionState<T extends object = object> = ActionResult<T> | null;

/** Parses FormData (strings) with a zod schema and returns field errors in the ActionResult shape. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S> } | { ok: false; error: string; fieldErrors: Record<string, string[]> } {
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("$ACTION")) raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  return { ok: false, error: "Please check the highlighted fields.", fieldErrors };
}

/** Logs an unexpected failure and returns a safe message; bugs never reach the client as raw errors. */
export function unexpected(error: unknown, context: string): { ok: false; error: string } {
  console.error(`[action] ${context} failed`, error);
  return { ok: false, error: "Something went wrong on our side. Please try again in a moment." };
}
