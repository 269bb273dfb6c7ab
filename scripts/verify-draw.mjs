#!/usr/bin/env node
// Reruns a Kite draw from its revealed seed and entries, with nothing but Node (no project imports).
//
//   node scripts/verify-draw.mjs https://kite.example/api/sales/<sale id>/draw
//   node scripts/verify-draw.mjs draw.json
//   node scripts/verify-draw.mjs entries.csv --seed <hex> --units 100     (one entry id per line)
//
// The algorithm (lib/sales/draw-order.ts says the same):
//   commitment = SHA-256(seed)                   (the seed's hex text, UTF-8)
//   rank(entry) = SHA-256(seed + ":" + entryId)  (hex)
//   order = entries sorted by rank, then entryId (ascending)
//   the first `units` entries win; the rest are the reserve list, in order.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

export function drawOrder(seed, entryIds) {
  return entryIds
    .map((id) => ({ id, rank: sha256(`${seed}:${id}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => e.id);
}

async function load(source) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.text();
  }
  return readFile(source, "utf8");
}

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args) {
  const source = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (!source) {
    console.error("Usage: node scripts/verify-draw.mjs <draw.json | URL | entries.csv --seed HEX --units N>");
    return 2;
  }
  const text = await load(source);
  let published = {};
  let entries;
  if (text.trimStart().startsWith("{")) {
    published = JSON.parse(text);
    entries = published.entries;
  } else {
    entries = text
      .split(/\r?\n/)
      .map((line) => line.split(",")[0].trim())
      .filter((id) => /^[0-9a-f]+$/.test(id));
  }
  const seed = option(args, "--seed") ?? published.seed;
  const units = Number(option(args, "--units") ?? published.units);
  if (!seed || !Array.isArray(entries) || !Number.isInteger(units)) {
    console.error("Need the seed, the entries and the number of units (from the JSON or --seed/--units).");
    return 2;
  }
  let failed = false;
  if (published.commitment) {
    const matches = sha256(seed) === published.commitment;
    console.log(`commitment ${matches ? "matches" : "DOES NOT MATCH"} the seed (SHA-256 ${sha256(seed)})`);
    failed ||= !matches;
  }
  const order = drawOrder(seed, entries);
  const winners = order.slice(0, units);
  console.log(`${entries.length} entries, ${units} units`);
  console.log("winners, in drawn order:");
  for (const [i, id] of winners.entries()) console.log(`  ${i + 1}. ${id}`);
  console.log("reserve list, in order:");
  for (const [i, id] of order.slice(units).entries()) console.log(`  ${i + 1}. ${id}`);
  if (Array.isArray(published.winners)) {
    const same =
      published.winners.length === winners.length && published.winners.every((id, i) => id === winners[i]);
    console.log(same ? "the published winners match" : "the published winners DO NOT MATCH");
    failed ||= !same;
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
