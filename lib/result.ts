import type { z } from "zod";

/**
 * The one write contract of the store. Every write in `lib/` and every server action answers with a `Result`:
 * a typed success, or a `Failure` with a machine `code` (for code and tests), a `message` a person can act on
 * (for the page), and optional `fieldErrors` keyed by form field name. Expected refusals are returned; only
 * bugs throw. Pure and import-free (types only), so client components can read it too.
 */

export type FieldErrors = Record<string, string[]>;

/** Machine words for failures that several domains share; a domain adds its own (`sold_out`, `slug_taken`…). */
export type CommonCode =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "unavailable"
  | "internal";

export interface Failure<C extends string = string> {
  ok: false;
  code: C;
  message: string;
  fieldErrors?: FieldErrors;
  /** Set with `rate_limited`: how long until the same request may succeed. */
  retryAfterSeconds?: number;
}

export type Success<T extends object = object> = { ok: true } & T;

export type Result<T extends object = object, C extends string = string> = Success<T> | Failure<C>;

export const CHECK_FIELDS = "Please check the highlighted fields.";
export const SOMETHING_WENT_WRONG = "Something went wrong on our side. Please try again in a moment.";

export function ok(): Success;
export function ok<T extends object>(value: T): Success<T>;
export function ok<T extends object>(value?: T): Success<T> {
  return { ok: true, ...(value as T) };
}

export function fail<C extends string>(
  code: C,
  message: string,
  extra: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
): Failure<C> {
  const failure: Failure<C> = { ok: false, code, message };
  if (extra.fieldErrors && Object.keys(extra.fieldErrors).length > 0) failure.fieldErrors = extra.fieldErrors;
  if (extra.retryAfterSeconds !== undefined) failure.retryAfterSeconds = extra.retryAfterSeconds;
  return failure;
}

/** A refusal tied to form fields: code `invalid`, the standard sentence, the errors per field. */
export function invalid(fieldErrors: FieldErrors, message: string = CHECK_FIELDS): Failure<"invalid"> {
  return fail("invalid", message, { fieldErrors });
}

/** zod issues → field errors, keyed by the dotted path (`skus.0.quantity`), `form` for the object itself. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) addFieldError(fieldErrors, issue.path.join(".") || "form", issue.message);
  return fieldErrors;
}

export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  const list = errors[field] ?? [];
  if (!list.includes(message)) errors[field] = [...list, message];
}

/** Parses with a zod schema into a Result: the data, or `invalid` with field errors. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<{ data: z.infer<S> }, "invalid"> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok({ data: parsed.data }) : invalid(fieldErrorsFrom(parsed.error));
}

/**
 * The refusal of a compare-and-set that matched nothing: the row changed meanwhile (`conflict`, saying what it is
 * now) or is gone (`not_found`). `current` is the row as it is now, read after the write missed.
 */
export function changedMeanwhile<T>(
  current: T | undefined,
  { conflict, gone }: { conflict: (current: T) => string; gone: string },
): Failure<"conflict" | "not_found"> {
  return current === undefined ? fail("not_found", gone) : fail("conflict", conflict(current));
}

/** Thrown inside a transaction to roll it back and hand a typed refusal to the caller (see `refusable`). */
export class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = "Refusal";
  }
}

/** Runs a body (usually a transaction); a `Refusal` thrown inside rolls it back and becomes the result. */
export async function refusable<T>(run: () => Promise<T>): Promise<T | Failure> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}
