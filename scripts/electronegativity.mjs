#!/usr/bin/env node
// Static security scan of the Electron code with Electronegativity (SPEC §7, §8).
//
//   node scripts/electronegativity.mjs [DIR_OR_FILE ...] [--out FILE.csv]
//
// Default input: app/electron (the sources; the bundles in dist/electron are .cjs files, which
// Electronegativity does not read — scanning them finds nothing and fails its global checks, so
// they are not scanned: they are built from these sources). Electronegativity always
// exits 0, so this script writes a CSV report of its findings (--out, default a temporary file),
// parses it back, and exits 1 on any HIGH or MEDIUM finding other than the review-only checks
// (answered in docs/security.md), on a file it could not parse, or on a dangerous webPreferences
// value it reports only as informational (checked here too).
// The report is written from the runner's result: Electronegativity's own CSV writer writes the
// header and the rows with two concurrent fs.writeFile calls and can produce a garbled file.
// Runs offline: Electronegativity's CLI fetches translations from the network at start-up, so the
// scanner is called through its runner with its bundled English messages instead.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const PKG = 'node_modules/@doyensec/electronegativity';

/** Review-only checks (SPEC §8): reported on any app, answered in docs/security.md. */
export const REVIEW_ONLY = new Set(['PRELOAD_JS_CHECK', 'AUXCLICK_JS_CHECK', 'CSP_GLOBAL_CHECK']);
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/** webPreferences values that must never appear, whatever the scanner says about them. */
const FORBIDDEN_OPTIONS = [
  /\bnodeIntegration\s*:\s*true\b/,
  /\bnodeIntegrationInWorker\s*:\s*true\b/,
  /\bnodeIntegrationInSubFrames\s*:\s*true\b/,
  /\bcontextIsolation\s*:\s*false\b/,
  /\bsandbox\s*:\s*false\b/,
  /\bwebSecurity\s*:\s*false\b/,
  /\ballowRunningInsecureContent\s*:\s*true\b/,
  /\benableRemoteModule\s*:\s*true\b/,
  /\bexperimentalFeatures\s*:\s*true\b/,
  /\bwebviewTag\s*:\s*true\b/,
];

function parseArgs(argv) {
  const inputs = [];
  let out = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else inputs.push(argv[i]);
  }
  if (inputs.length === 0) inputs.push('app/electron');
  return { inputs: inputs.map((p) => resolve(p)), out };
}

/** Electronegativity's CSV: id, severity, confidence, file, line:column, sample, description, url. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1);
}

function sourceFiles(input) {
  if (statSync(input).isFile()) return [input];
  return readdirSync(input, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(c|m)?(j|t)sx?$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}

function forbiddenOptions(input) {
  const found = [];
  for (const file of sourceFiles(input)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, n) => {
      for (const pattern of FORBIDDEN_OPTIONS) {
        if (pattern.test(line)) found.push(`${file}:${n + 1}: ${line.trim()}`);
      }
    });
  }
  return found;
}

/**
 * Electronegativity fetches translations and Electron's release list with `got`. This scan must
 * stay on this computer: its `got` is replaced by one that fails at once (it then uses its bundled
 * English messages and skips the release-based advice).
 */
function keepOffline() {
  const gotPath = require.resolve('got', { paths: [resolve(PKG)] });
  const Module = require('node:module');
  const offline = () => Promise.reject(new Error('offline: RoboKit scans without network'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offline, { default: offline, get: offline });
  require.cache[gotPath] = stub;
}

async function scan(input, csvFile, electronVersion) {
  keepOffline();
  const i18n = require(require.resolve('i18n', { paths: [resolve(PKG)] }));
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: resolve(PKG, 'dist/locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
  const run = require(resolve(PKG, 'dist/runner.js'));
  const result = await run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      isRelative: false,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const quote = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = [CSV_HEADER, ...result.issues.map((i) => [
    i.id, i.severity.name, i.confidence.name, i.file, `${i.location.line}:${i.location.column}`, i.sample, i.description,
  ].map(quote).join(','))];
  writeFileSync(csvFile, `${lines.join('\n')}\n`);
  return { rows: parseCsv(readFileSync(csvFile, 'utf8')).slice(1), errors: result.errors ?? [] };
}

const CSV_HEADER = 'issue,severity,confidence,file,location,sample,description';

export async function main(argv) {
  const { inputs, out } = parseArgs(argv);
  const electronVersion = JSON.parse(readFileSync(resolve('node_modules/electron/package.json'), 'utf8')).version;
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const problems = [];
  let findings = 0;
  for (const [n, input] of inputs.entries()) {
    if (!existsSync(input)) {
      problems.push(`missing input: ${input}`);
      continue;
    }
    const csvFile = out && inputs.length === 1 ? out : join(dir, `report-${n}.csv`);
    const { rows, errors } = await scan(input, csvFile, electronVersion);
    findings += rows.length;
    for (const error of errors) {
      if (!error.tolerable) problems.push(`could not parse ${error.file}: ${error.message}`);
    }
    for (const [id, severity, confidence, file, where] of rows) {
      const failing = FAILING_SEVERITIES.has(severity) && !REVIEW_ONLY.has(id);
      const line = `${severity} ${id} (${confidence}) ${file}:${where}`;
      if (failing) problems.push(line);
      else console.error(`  review: ${line}`);
    }
    for (const hit of forbiddenOptions(input)) problems.push(`forbidden webPreferences value: ${hit}`);
    console.error(`electronegativity: ${input}: ${rows.length} finding(s), report ${csvFile}`);
  }
  if (problems.length > 0) {
    console.error(`electronegativity: FAILED\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  console.error(`electronegativity: OK (${findings} finding(s), all review-only or low; see docs/security.md)`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('electronegativity.mjs')) {
  process.exitCode = await main(process.argv.slice(2));
}
