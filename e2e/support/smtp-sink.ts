/**
 * The e2e suite's mail server: a real SMTP server (the `smtp-server` package) that the store started by
 * scripts/e2e-server.mjs sends to (SMTP_URL), writing each message it accepts as `<arrival>.eml` into a folder
 * the tests read (e2e/support/mail.ts). Runs as its own process beside the store; usage: `tsx smtp-sink.ts <port> <dir>`.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

const [port, dir] = process.argv.slice(2);
if (!port || !dir) throw new Error("usage: smtp-sink.ts <port> <dir>");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

let arrivals = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", callback);
    stream.on("end", () => {
      arrivals += 1;
      writeFileSync(join(dir, `${String(arrivals).padStart(6, "0")}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
server.listen(Number(port), "127.0.0.1", () =>
  console.log(`[smtp-sink] listening on ${port}, writing to ${dir}`),
);
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
