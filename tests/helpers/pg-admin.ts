import pg from "pg";

/**
 * Creating and dropping whole PostgreSQL databases from the server's admin database, for vitest (tests/helpers/db.ts,
 * global-setup.ts) and Playwright (e2e/support/instances.ts) alike: no vitest import here.
 */

export interface ScratchDatabase {
  name: string;
  /** The admin URL with this database's name as its path. */
  url: string;
  /** `drop database if exists … with (force)`. */
  drop(): Promise<void>;
}

/** Runs `statements` one after another on a new connection to `adminUrl`, then ends it. */
async function onAdmin(
  adminUrl: string,
  statements: string[],
  unreachable?: (error: Error) => Error,
): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw unreachable ? unreachable(error as Error) : error;
  }
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Creates database `name` on the server of `adminUrl`: cloned from `template` if given, empty otherwise; with
 * `replace`, one of that name left over from an earlier run is dropped first. `unreachable` turns a failed
 * connection to the admin database into the error to throw (a message that says what to start).
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  {
    template,
    replace = false,
    unreachable,
  }: { template?: string; replace?: boolean; unreachable?: (error: Error) => Error } = {},
): Promise<ScratchDatabase> {
  const drop = `drop database if exists ${name} with (force)`;
  const create = template ? `create database ${name} template ${template}` : `create database ${name}`;
  await onAdmin(adminUrl, replace ? [drop, create] : [create], unreachable);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onAdmin(adminUrl, [drop]) };
}
