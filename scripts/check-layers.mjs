#!/usr/bin/env node
import { execSync } from "node:child_process";
// Long functions in lib/ and app/: more than 80 lines needs a comment right above saying why ("long because …").
// Usage: node scripts/check-layers.mjs [folder …] (default: lib app). Exits 1 when it finds any.
import { existsSync, readFileSync } from "node:fs";
import ts from "typescript";

const MAX_LINES = 80;
const folders = process.argv.length > 2 ? process.argv.slice(2) : ["lib", "app"];
const patterns = folders.flatMap((f) => {
  const dir = f.replace(/\/+$/, "");
  // :(glob): without it git's `**/` needs a folder, so files straight in lib/ (lib/action.ts) went unchecked.
  return [`':(glob)${dir}/**/*.ts'`, `':(glob)${dir}/**/*.tsx'`];
});
const files = execSync(`git ls-files --cached --others --exclude-standard -- ${patterns.join(" ")}`, {
  encoding: "utf8",
})
  .split("\n")
  // existsSync: a file deleted in the working tree is still in the index until the deletion is committed.
  .filter((f) => f && !/\.test\.tsx?$/.test(f) && existsSync(f));
const problems = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_LINES) {
        // The comment may stand over the function or over what holds it (`export const x = () => …`, a
        // `run: async () => …` property, `defineAction({ … })`), up to the statement it is part of.
        const why = [];
        for (let at = node; at && at !== source; at = at.parent) {
          for (const c of ts.getLeadingCommentRanges(text, at.getFullStart()) ?? [])
            why.push(text.slice(c.pos, c.end));
          if (ts.isStatement(at) || ts.isClassElement(at)) break;
        }
        if (!/long because/i.test(why.join("\n"))) {
          const name = node.name?.getText() ?? node.parent?.name?.getText?.() ?? "(anonymous)";
          problems.push(`${file}:${start + 1} ${name} is ${lines} lines`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
for (const p of problems) console.log(p);
console.log(`${problems.length} long functions`);
if (problems.length > 0) process.exit(1);
