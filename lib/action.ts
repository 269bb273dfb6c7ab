import "server-only";
import { randomUUID } from "node:crypto";
import { refresh, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentAccount, getCurrentMarketer, getCurrentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/users";
import { type Db, getDb } from "@/lib/db";
import { MAX_FORM_FIELDS, MAX_FORM_VALUE_LENGTH } from "@/lib/limits";
import { getRequestNow } from "@/lib/qa/now";
import {
  type Failure,
  fail,
  fieldErrorsFrom,
  invalid,
  type Result,
  SOMETHING_WENT_WRONG,
} from "@/lib/result";

/*
 * The one shape of a server action. A server action is a public POST endpoint, so each one is a declaration:
 *
 *   export const saveThing = defineAction({
 *     name: "saveThing",
 *     caller: "marketer",                      // "guest" | "user" | "account" (re-read) | "marketer"
 *     input: z.object({ … }),                  // FormData fields, parsed (strings: use z.coerce)
 *     run: ({ input, caller, db, now }) => …,  // the work, in lib/: returns a Result
 *     tags: (out) => ["hero"],                  // cache tags the write touches
 *     redirectTo: (out) => "/admin/…",          // where to go on success (last, outside any try/catch)
 *   });
 *
 * and the wrapper does the rest in one order: caller → input → work → tags → refresh → redirect. Failures are
 * `Failure`s (code + message + field errors); a thrown error is a bug: logged, answered with a safe sentence.
 */

/** `account`: a user whose session is checked against the database (account settings; see getCurrentAccount). */
export type Caller = "guest" | "user" | "account" | "marketer";
type CallerValue<C extends Caller> = C extends "guest" ? SessionUser | null : SessionUser;

/** What a form's `useActionState` holds: nothing yet, or the last Result plus what the form needs to redraw. */
export type ActionState<T extends object = object> =
  | null
  | (Result<T> & {
      /** On failure: the text fields as submitted, so the form keeps what was typed (never passwords). */
      values?: Record<string, string>;
      /** Replaces a form's one-time request key after it was used. */
      nextRequestKey?: string;
    });

/** The function a client form calls; pages hand it to client components as a prop. */
export type FormAction<T extends object = object> = (
  prev: ActionState<T>,
  formData: FormData,
) => Promise<ActionState<T>>;

export interface ActionContext<C extends Caller, I> {
  input: I;
  caller: CallerValue<C>;
  db: Db;
  now: Date;
}

export interface ActionDefinition<C extends Caller, S extends z.ZodType, T extends object> {
  /** For logs: which action failed. */
  name: string;
  caller: C;
  /** What a refused caller reads (code `unauthenticated` or `forbidden`). */
  callerMessage?: string;
  /** Send a guest here instead of answering (for buttons that only make sense signed in). */
  signInTo?: string;
  input: S;
  run: (ctx: ActionContext<C, z.infer<S>>) => Promise<Result<T>>;
  tags?: (out: T, input: z.infer<S>) => Promise<readonly string[]> | readonly string[];
  /** Re-render the current page's server components after a success (Next's `refresh()`). */
  refresh?: boolean;
  redirectTo?: (out: T, input: z.infer<S>) => string | null | undefined;
  /** Echo the submitted text fields on failure (forms whose fields are not secrets). */
  echoValues?: boolean;
  /** Hand the form a fresh one-time key after an unexpected failure (forms that send `requestKey`). */
  renewRequestKey?: boolean;
  /**
   * The longest one text field may be (default MAX_FORM_VALUE_LENGTH): raised only by a form that carries a
   * document (a pasted CSV), whose own rule then bounds it with a sentence of its own. The request body is bounded
   * by Next (SERVER_ACTION_BODY_LIMIT_BYTES) before any of this runs.
   */
  maxValueLength?: number;
}

export const MARKETERS_ONLY = "Only marketers can do this. Sign in with a marketer account.";
const SIGN_IN_FIRST = "Sign in first.";

/** Builds a server action from its declaration. Use it for every action, in the route's `actions.ts`. */
export function defineAction<C extends Caller, S extends z.ZodType, T extends object>(
  def: ActionDefinition<C, S, T>,
): FormAction<T> {
  return async function action(_prev, formData) {
    const caller = await resolveCaller(def);
    if (caller.failure) return caller.failure;

    const raw = formFields(formData, def.maxValueLength);
    if (!raw.ok) return raw;
    const parsed = def.input.safeParse(raw.fields);
    if (!parsed.success) {
      return withValues(def, invalid(fieldErrorsFrom(parsed.error)), raw.fields);
    }

    let destination: string | null | undefined;
    let result: Result<T>;
    try {
      const ctx = { input: parsed.data, caller: caller.value, db: await getDb(), now: await getRequestNow() };
      result = await def.run(ctx as ActionContext<C, z.infer<S>>);
      if (!result.ok) return withValues(def, result, raw.fields);
      for (const tag of (await def.tags?.(result, parsed.data)) ?? []) updateTag(tag);
      destination = def.redirectTo?.(result, parsed.data);
      if (def.refresh && !destination) refresh();
    } catch (error) {
      const failure = withValues<T>(def, unexpected(error, def.name), raw.fields);
      return def.renewRequestKey && failure ? { ...failure, nextRequestKey: randomUUID() } : failure;
    }
    if (destination) redirect(destination);
    return result;
  };
}

/** What the actions of one route usually share: who may call them, what a refused caller reads, where a guest goes. */
type SharedCaller<C extends Caller> = Pick<
  ActionDefinition<C, z.ZodType, object>,
  "caller" | "callerMessage" | "signInTo"
>;

/**
 * defineAction for the actions of one route that share their caller: the shared part once, the rest per action.
 *
 *   const accountAction = actionsFor({ caller: "account", signInTo: SIGN_IN });
 *   export const saveThing = accountAction({ name: "saveThing", input: …, run: … });
 */
export function actionsFor<C extends Caller>(shared: SharedCaller<C>) {
  return <S extends z.ZodType, T extends object>(
    def: Omit<ActionDefinition<C, S, T>, keyof SharedCaller<C>>,
  ): FormAction<T> => defineAction<C, S, T>({ ...shared, ...def });
}

async function resolveCaller<C extends Caller>(
  def: Pick<ActionDefinition<C, z.ZodType, object>, "caller" | "callerMessage" | "signInTo">,
): Promise<{ failure: Failure; value?: undefined } | { failure?: undefined; value: CallerValue<C> }> {
  if (def.caller === "guest") return { value: (await getCurrentUser()) as CallerValue<C> };
  if (def.caller === "marketer") {
    const marketer = await getCurrentMarketer();
    if (marketer) return { value: marketer as CallerValue<C> };
    if (def.signInTo && !(await getCurrentUser())) redirect(def.signInTo);
    return { failure: fail("forbidden", def.callerMessage ?? MARKETERS_ONLY) };
  }
  const user = def.caller === "account" ? await getCurrentAccount() : await getCurrentUser();
  if (user) return { value: user as CallerValue<C> };
  if (def.signInTo) redirect(def.signInTo);
  return { failure: fail("unauthenticated", def.callerMessage ?? SIGN_IN_FIRST) };
}

/** FormData → plain strings, bounded: React's own `$ACTION…` fields and files are left out. */
export function formFields(
  formData: FormData,
  maxValueLength: number = MAX_FORM_VALUE_LENGTH,
): { ok: true; fields: Record<string, string> } | Failure<"invalid"> {
  const fields: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    count += 1;
    if (count > MAX_FORM_FIELDS || key.length > 200 || value.length > maxValueLength) {
      return fail("invalid", "That form is larger than any form of ours. Reload the page and try again.");
    }
    fields[key] = value;
  }
  return { ok: true, fields };
}

/** A schema for forms whose field names are data (`sku:<id>:price`): every text field, as submitted. */
export const anyFormFields = z.record(z.string(), z.string());

function withValues<T extends object>(
  def: { echoValues?: boolean },
  failure: Failure,
  fields: Record<string, string>,
): ActionState<T> {
  if (!def.echoValues) return failure;
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => !/password/i.test(key)));
  return { ...failure, values };
}

/** Logs an unexpected failure and returns a safe message; bugs never reach the client as raw errors. */
export function unexpected(error: unknown, context: string): Failure<"internal"> {
  console.error(`[action] ${context} failed`, error);
  return fail("internal", SOMETHING_WENT_WRONG);
}
