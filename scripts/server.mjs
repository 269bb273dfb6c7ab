#!/usr/bin/env node
// The store's HTTP server: Next's own request handler behind a plain Node server that records who connected.
//
// Why not bare `next start`: Next fills `X-Forwarded-For` from the socket only when the client sent none, and keeps
// a client's header as it is, so behind no proxy a route cannot tell the real address from one the client wrote.
// This server passes the socket's address in `x-kite-socket-address` (replacing any copy a client sent), and
// lib/http.ts picks the client from it and TRUSTED_PROXIES (README: Security). Same flags as `next start`:
//   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0] [--keepAliveTimeout 65000]
//
// It also answers the flash sale's click, POST /api/sales/{id}/reserve, itself: lib/sales/hot-path.ts, bundled by
// scripts/build-hot-path.mjs at start, calls the very function Next's route calls (lib/sales/reserve-endpoint.ts)
// without Next's request machinery around it (README: Hot path). KITE_LEAN_RESERVE=0 leaves that path to Next.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { buildHotPath } from "./build-hot-path.mjs";
import { installQueryProbes, queryProbesAllowed } from "./query-probes.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", short: "H", default: process.env.HOSTNAME ?? "" },
    keepAliveTimeout: { type: "string", default: "65000" },
  },
});

process.env.NODE_ENV = "production";
// Read by lib/http.ts: the socket-address header is ours only when this server wrote it.
process.env.KITE_SOCKET_ADDRESS_HEADER = "1";

const { default: next } = await import("next");
const port = Number(values.port);
const hostname = values.hostname || undefined;
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Outside production, a request may ask for its database queries to be counted (scripts/query-probes.mjs).
const withQueryProbe = queryProbesAllowed() ? installQueryProbes() : null;

const hotPath = process.env.KITE_LEAN_RESERVE === "0" ? null : await import(await buildHotPath());

function serve(req, res) {
  const saleId = hotPath?.reserveSaleId(req);
  if (saleId != null) hotPath.handleReserve(req, res, saleId);
  else handle(req, res);
}

const server = createServer((req, res) => {
  req.headers["x-kite-socket-address"] = req.socket.remoteAddress ?? "";
  if (withQueryProbe) withQueryProbe(req.headers, () => serve(req, res));
  else serve(req, res);
});
// Longer than a load balancer's 60 s idle timeout (and a test client's pooled sockets): with Node's default 5 s a
// client can reuse a socket just as the server closes it and get ECONNRESET (seen in CI).
server.keepAliveTimeout = Number(values.keepAliveTimeout);
server.headersTimeout = server.keepAliveTimeout + 1000;
server.listen(port, hostname, () => {
  console.log(
    `› Next is serving on http://${hostname ?? "localhost"}:${port}` +
      (hotPath ? " (flash-sale reservations by the lean handler)" : ""),
  );
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
