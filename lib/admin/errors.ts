/** What the console's commands return: the ActionResult shape, so actions pass it through as is. */
export type AdminResult<T extends object = object> =
  | ({ ok: true; message: string } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export type AdminFailure = Extract<AdminResult, { ok: false }>;

/** Thrown inside a transaction to roll it back and hand a typed refusal to the caller. */
export class Refusal extends Error {
  constructor(readonly result: AdminFailure) {
    super(result.error);
    this.name = "Refusal";
  }
}

export function refuse(error: string, fieldErrors?: Record<string, string[]>): AdminFailure {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

export const CHECK_FIELDS = "Please check the highlighted fields.";

/** Runs a transaction body; a Refusal thrown inside rolls everything back and becomes the result. */
export async function refusable<T>(run: () => Promise<T>): Promise<T | AdminFailure> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}
