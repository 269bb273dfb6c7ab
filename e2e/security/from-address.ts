import { request as httpRequest } from "node:http";

/**
 * HTTP from a chosen loopback address (127.0.0.0/8 all reaches this machine), so a test owns its per-address rate
 * limit buckets whatever the rest of the suite does from 127.0.0.1, and sees what the server takes for "the
 * address": the socket, whatever X-Forwarded-For says.
 */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function sendFrom(
  localAddress: string,
  url: string,
  {
    method = "GET",
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        localAddress,
        headers: { host: target.host, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A loopback address no other test uses: 127.<worker-ish random>.x.y. */
export function freshLoopback(): string {
  const n = Math.floor(Math.random() * 250 * 250 * 250);
  return `127.${1 + Math.floor(n / 62500)}.${Math.floor(n / 250) % 250}.${1 + (n % 250)}`;
}

/**
 * One password sign-in through next-auth's own endpoints (CSRF token, then the credentials callback), as the form
 * does it. Returns next-auth's error word or our sentence, or null when signed in.
 */
export async function signInFrom(
  localAddress: string,
  baseURL: string,
  { email, password, forwardedFor }: { email: string; password: string; forwardedFor?: string },
): Promise<string | null> {
  const extra: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await sendFrom(localAddress, `${baseURL}/api/auth/csrf`, { headers: extra });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const setCookie = csrf.headers["set-cookie"] ?? [];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie]).map((c) => c.split(";")[0]).join("; ");
  const reply = await sendFrom(localAddress, `${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: baseURL }).toString(),
  });
  const { url } = JSON.parse(reply.body) as { url: string };
  return new URL(url).searchParams.get("error");
}
