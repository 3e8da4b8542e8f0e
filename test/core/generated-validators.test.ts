/**
 * The JSON Schema validators precompiled by scripts/gen-validators.mjs (app/core/generated): they
 * are what the generator makes from today's schemas, and they judge exactly as Ajv compiling the
 * same schema at run time with the options each place used before (same verdict, same errors, same
 * defaults filled), on real files and on every one-step mutation of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type Options } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { API_VALIDATORS } from '../../app/core/generated/api-validators';
import { matchesPackSchema } from '../../app/core/generated/pack-validator';
import { validateProfileFile } from '../../app/core/generated/profile-file-validator';
import { validateProject } from '../../app/core/generated/project-validator';
import { validateSession } from '../../app/core/generated/session-validator';
import type { SchemaValidator } from '../../app/core/generated/schema-validator';
import { validateWorld } from '../../app/core/generated/world-validator';
import { PACK_SCHEMA } from '../../app/core/lessons/pack-schema';
import { PROFILE_FILE_SCHEMA } from '../../app/core/profile-file/profile-file-schema';
import { PROJECT_SCHEMA } from '../../app/core/project/project-schema';
import { WORLD_SCHEMA } from '../../app/core/simulator/world-schema';
import { SESSION_SCHEMA } from '../../app/core/workshop/session-schema';
import { PARAMS_SCHEMAS } from '../../app/shared/api-schemas';

const GENERATED = 'app/core/generated';

describe('the generated validators are up to date', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'robokit-validators-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('equal, file for file, what the generator makes from the schemas now', () => {
    execFileSync(process.execPath, ['scripts/gen-validators.mjs', '--out', fresh]);
    const made = readdirSync(fresh).sort();
    const present = readdirSync(GENERATED).filter((f) => f.endsWith('.js')).sort();
    expect(present, 'run node scripts/gen-validators.mjs').toEqual(made);
    for (const file of made) {
      const same = readFileSync(join(GENERATED, file), 'utf8') === readFileSync(join(fresh, file), 'utf8');
      expect(same, `${GENERATED}/${file} is stale: run node scripts/gen-validators.mjs`).toBe(true);
    }
  }, 60_000); // compiles every schema: ~3 s quiet, 25 s seen at load 20

  it('each generated module has its committed declaration, and each declaration its module', () => {
    const files = readdirSync(GENERATED);
    const modules = files.filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
    const declared = files.filter((f) => f.endsWith('.d.ts') && f !== 'schema-validator.d.ts').map((f) => f.slice(0, -5));
    expect(modules.sort()).toEqual(declared.sort());
  });

  it('has a validator for every API method', () => {
    const missing = Object.keys(PARAMS_SCHEMAS).filter((m) => typeof API_VALIDATORS[m] !== 'function');
    expect(missing).toEqual([]);
  });

  it('needs no eval (the renderer CSP) and imports nothing (the core stays pure)', () => {
    for (const file of readdirSync(GENERATED).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(GENERATED, file), 'utf8');
      expect(code, file).not.toMatch(/\bnew Function\b|\beval\(/);
      expect(code, file).not.toMatch(/^\s*import\b|\bimport\(/m);
    }
  });
});

/** Each site's options before precompilation (Ajv compiled the schema on first use). */
const SITES: readonly { name: string; options: Options; schema: object; generated: SchemaValidator; samples: () => unknown[] }[] = [
  {
    name: 'project (project.ts)',
    options: { allErrors: false, strict: true },
    schema: PROJECT_SCHEMA,
    generated: validateProject,
    samples: () => files('examples', '.robokit'),
  },
  {
    name: 'world (parse-world.ts)',
    options: { allErrors: false, strict: true, useDefaults: true, discriminator: true, verbose: true },
    schema: WORLD_SCHEMA,
    generated: validateWorld,
    samples: () => lessonFiles('worlds'),
  },
  {
    name: 'pack manifest (validate-manifest.ts)',
    options: {
      allErrors: true,
      strict: true,
      strictNumbers: true,
      verbose: true,
      keywords: [{ keyword: 'robokitRule', schemaType: 'string' }],
    },
    schema: PACK_SCHEMA,
    generated: matchesPackSchema,
    samples: () => readdirSync('lessons').map((d) => JSON.parse(readFileSync(`lessons/${d}/pack.json`, 'utf8')) as unknown),
  },  {
    name: 'workshop session (session.ts)',
    options: { allErrors: false, strict: true },
    schema: SESSION_SCHEMA,
    generated: validateSession,
    samples: () => files('test/fixtures/workshop', '.robokitsession'),
  },
  {
    name: 'robot profile (profile-file.ts)',
    options: { allErrors: false, strict: true },
    schema: PROFILE_FILE_SCHEMA,
    generated: validateProfileFile,
    samples: () => files('examples/robots', '.robokitprofile'),
  },
];

describe.each(SITES)('the generated $name validator', ({ options, schema, generated, samples }) => {
  it('judges real files and their one-step mutations as Ajv compiling at run time did', () => {
    const compiled = new Ajv(options).compile(schema);
    const cases = samples().flatMap((s) => [s, ...spread(mutations(s), 150)]);
    expect(cases.length).toBeGreaterThan(50);
    let invalid = 0;
    for (const data of cases) {
      const outcome = judge(generated, data);
      expect(outcome).toEqual(judge(compiled, data));
      if (!outcome.valid) invalid++;
    }
    expect(invalid).toBeGreaterThan(cases.length / 4);
  }, 60_000); // compiles every schema: ~3 s quiet, 25 s seen at load 20
});

describe('the generated API params validators', () => {
  it('judge every method’s params as Ajv compiling PARAMS_SCHEMAS at run time did', () => {
    const ajv = new Ajv({ strict: true, allErrors: false });
    const project = files('examples', '.robokit')[0];
    const params: unknown[] = [
      {},
      { from: 'dialog' },
      { from: 'text', text: 'x', fileName: 'a.robokit' },
      { from: 'bytes', name: 'a', base64: 'AAAA', uploadId: '0'.repeat(32), more: true },
      { packId: 'fr.robokit.premiers-pas', lessonId: 'avancer', workspace: {} },
      { id: 'plan-vide', port: '/dev/ttyUSB0', profile: 'robokit-uno' },
      { workspace: {}, profile: 'robokit-uno', target: 'sim', world: 'plan', paused: false },
      { project, saveAs: true },
      { locale: 'fr', world: null, highContrast: true },
      { profile: files('examples/robots', '.robokitprofile')[0] },
      { id: 'robot-lila' },
    ];
    const cases = params.flatMap((p) => [p, ...mutations(p)]);
    for (const [method, schema] of Object.entries(PARAMS_SCHEMAS)) {
      const compiled = ajv.compile(schema);
      const generated = API_VALIDATORS[method]!;
      for (const data of cases) expect(judge(generated, data), method).toEqual(judge(compiled, data));
    }
  }, 60_000); // compiles every schema: ~3 s quiet, 25 s seen at load 20
});

interface Outcome {
  valid: boolean;
  errors: unknown;
  /** The data after validation: defaults filled in (worlds). */
  data: unknown;
}

function judge(validate: (data: unknown) => boolean | Promise<unknown>, data: unknown): Outcome {
  const copy = structuredClone(data);
  const valid = validate(copy) === true;
  return { valid, errors: valid ? null : (validate as SchemaValidator).errors, data: copy };
}

/** Every value at every path replaced by a value of another kind, deleted, or joined by a stranger. */
function mutations(value: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, rebuild: (v: unknown) => unknown, depth: number): void => {
    for (const other of [null, 'x', -1, 2.5, 1e9, true, [], {}, '']) {
      if (JSON.stringify(other) !== JSON.stringify(node)) out.push(rebuild(other));
    }
    if (depth > 6 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      node.slice(0, 3).forEach((item, i) => {
        visit(item, (v) => rebuild(node.map((x, j) => (j === i ? v : x))), depth + 1);
        out.push(rebuild(node.filter((_, j) => j !== i)));
      });
      return;
    }
    const record = node as Record<string, unknown>;
    out.push(rebuild({ ...record, zzUnknown: 1 }));
    for (const key of Object.keys(record)) {
      visit(record[key], (v) => rebuild({ ...record, [key]: v }), depth + 1);
      const { [key]: _gone, ...rest } = record;
      out.push(rebuild(rest));
    }
  };
  visit(value, (v) => v, 0);
  return out;
}

/** At most `n` items, taken evenly across the list (mutations of big files run to thousands). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

function files(dir: string, ext: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}

function lessonFiles(sub: string): unknown[] {
  return readdirSync('lessons').flatMap((d) => files(`lessons/${d}/${sub}`, '.json'));
}
