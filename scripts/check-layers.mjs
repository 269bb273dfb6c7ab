#!/usr/bin/env node
import { execSync } from "node:child_process";
// Long functions in lib/ and app/: more than 80 lines needs a comment right above saying why ("long because …").
import { readFileSync } from "node:fs";
import ts from "typescript";

const MAX_LINES = 80;
const files = execSync(
  "git ls-files --cached --others --exclude-standard -- 'lib/**/*.ts' 'lib/**/*.tsx' 'app/**/*.ts' 'app/**/*.tsx'",
  { encoding: "utf8" },
)
  .split("\n")
  .filter((f) => f && !/\.test\.tsx?$/.test(f));
const problems = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_LINES) {
        const comments =
          ts.getLeadingCommentRanges(
            text,
            (ts.isArrowFunction(node) || ts.isFunctionExpression(node)
              ? (node.parent?.parent?.parent ?? node)
              : node
            ).getFullStart(),
          ) ?? [];
        const why = comments.map((c) => text.slice(c.pos, c.end)).join("\n");
        if (!/long because/i.test(why)) {
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
