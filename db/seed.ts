import type { Db } from "./client";

/** Placeholder until the demo catalogue lands. */
export async function seedDemo(_db: Db, _options: { onlyIfEmpty?: boolean } = {}): Promise<void> {}
