// Precompiles every JSON Schema RoboKit validates with into plain ES modules (Ajv standalone code),
// so no process pays for Ajv's compiler at start-up and nothing needs `new Function` (the
// renderer's CSP has no unsafe-eval). Run by `scripts/build.mjs` (first step) and by the test
// global setup. Output: app/core/generated/*.js (gitignored), typed by the committed *.d.ts there.
//
//   node scripts/gen-validators.mjs [--out DIR]
//
// Each module is bundled with esbuild so that it imports nothing: Ajv's standalone output calls
// `require("ajv/dist/runtime/…")` even as ESM, and its runtime helpers are small and pure.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One module per place that validates. `options` are the Ajv options that place used when it
 * compiled at run time; `exports` picks the schemas (export name → schema) from the sources.
 */
const MODULES = [
  {
    file: 'project-validator.js',
    source: 'app/core/project/project-schema.ts',
    options: { strict: true, allErrors: false },
    exports: (s) => ({ validateProject: s.PROJECT_SCHEMA }),
  },
  {
    file: 'world-validator.js',
    source: 'app/core/simulator/world-schema.ts',
    options: { strict: true, allErrors: false, useDefaults: true, discriminator: true, verbose: true },
    exports: (s) => ({ validateWorld: s.WORLD_SCHEMA }),
  },
  {
    file: 'pack-validator.js',
    source: 'app/core/lessons/pack-schema.ts',
    options: {
      strict: true,
      allErrors: true,
      strictNumbers: true,
      verbose: true,
      keywords: [{ keyword: 'robokitRule', schemaType: 'string' }],
    },
    exports: (s) => ({ matchesPackSchema: s.PACK_SCHEMA }),
  },
  {
    file: 'session-validator.js',
    source: 'app/core/workshop/session-schema.ts',
    options: { strict: true, allErrors: false },
    exports: (s) => ({ validateSession: s.SESSION_SCHEMA }),
  },
  {
    file: 'profile-file-validator.js',
    source: 'app/core/profile-file/profile-file-schema.ts',
    options: { strict: true, allErrors: false },
    exports: (s) => ({ validateProfileFile: s.PROFILE_FILE_SCHEMA }),
  },
  {
    // Every method's params schema, whatever api-schemas.ts exports, plus one object of them all.
    file: 'api-validators.js',
    source: 'app/shared/api-schemas.ts',
    options: { strict: true, allErrors: false },
    exports: (s) => s.PARAMS_SCHEMAS,
    collect: 'API_VALIDATORS',
  },
];

/** The schema sources bundled into one in-memory ES module and imported. */
async function loadSchemas(source) {
  const out = await build({
    entryPoints: [join(root, source)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Ajv's standalone code for some schemas, with its runtime helpers bundled in. */
async function moduleCode(spec, schemas) {
  const { default: Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const ajv = new Ajv({ ...spec.options, code: { source: true, esm: true } });
  const names = Object.keys(schemas);
  // One function per schema object, as Ajv's compile cache gave at run time (NONE serves many).
  const firstNameOf = new Map();
  const aliases = [];
  for (const name of names) {
    // Ajv's own names are a prefix and a number (validate10, schema31, pattern0): no clash.
    if (!/^[A-Za-z]+$/.test(name)) throw new Error(`${spec.source}: export name "${name}" is not plain letters`);
    const first = firstNameOf.get(schemas[name]);
    if (first) {
      aliases.push(`export const ${name} = ${first};`);
    } else {
      firstNameOf.set(schemas[name], name);
      ajv.addSchema(schemas[name], name);
    }
  }
  let code = standaloneCode(ajv, Object.fromEntries([...firstNameOf.values()].map((n) => [n, n])));
  code += `\n${aliases.join('\n')}\n`;
  if (spec.collect) code += `export const ${spec.collect} = { ${names.join(', ')} };\n`;
  const bundled = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: spec.file },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const imports = Object.values(bundled.metafile.outputs).flatMap((o) => o.imports);
  if (imports.length > 0) throw new Error(`${spec.file}: generated code must import nothing, not ${imports[0].path}`);
  return bundled.outputFiles[0].text;
}

function header(spec) {
  const ajvVersion = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')).version;
  return [
    `// Generated by scripts/gen-validators.mjs from ${spec.source} (Ajv ${ajvVersion} standalone): do not edit.`,
    '/* eslint-disable */',
    '',
  ].join('\n');
}

/** Others may be running tests in the same tree: never show a half-written file, nor touch an equal one. */
function writeIfChanged(path, text) {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

export async function generateValidators(outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const spec of MODULES) {
    const schemas = spec.exports(await loadSchemas(spec.source));
    const code = header(spec) + (await moduleCode(spec, schemas));
    if (/\bnew Function\b|\beval\(/.test(code)) throw new Error(`${spec.file}: generated code must not eval`);
    writeIfChanged(join(outDir, spec.file), code);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--out');
  await generateValidators(at > 0 ? process.argv[at + 1] : join(root, 'app/core/generated'));
}
