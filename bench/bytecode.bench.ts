/**
 * Stored programs (issue #11): bytes of bytecode for every built-in lesson solution. Goal: all fit
 * in the robot's 896 bytes of EEPROM. (Upload time and VM speed are not measured here yet.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileBytecode } from '../app/core/bytecode/compile-bytecode';
import { PROGRAM_MAX_BYTES } from '../app/core/bytecode/format';
import { compile } from '../app/core/compiler';
import { findProfile } from '../app/core/profiles';
import { projectRoot } from '../firmware-bridge/emulator/paths';
import { median, report } from './stats';

function solutionSizes(): Array<{ file: string; bytes: number | null }> {
  const root = join(projectRoot(), 'lessons');
  const sizes: Array<{ file: string; bytes: number | null }> = [];
  for (const pack of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort()) {
    const projects = join(root, pack, 'projects');
    for (const file of readdirSync(projects).filter((f) => f.endsWith('-solution.robokit')).sort()) {
      const project = JSON.parse(readFileSync(join(projects, file), 'utf8')) as { profile: string; workspace: unknown };
      const profile = findProfile(project.profile)!;
      const program = compile(project.workspace, { profile }).program;
      const result = program ? compileBytecode(program, profile) : null;
      sizes.push({ file: `${pack}/${file}`, bytes: result?.ok ? result.image.length : null });
    }
  }
  return sizes;
}

function main(): number {
  const sizes = solutionSizes();
  const fitting = sizes.filter((s) => s.bytes !== null).map((s) => s.bytes!);
  const largest = Math.max(...fitting);
  for (const s of sizes) console.log(`  ${s.file}: ${s.bytes ?? 'refused'} bytes`);
  return report('Bytecode benchmark', [
    {
      name: 'Built-in lesson solutions that fit in the robot',
      ok: fitting.length === sizes.length,
      figure: `${fitting.length} of ${sizes.length}`,
      target: 'all',
    },
    {
      name: 'Largest built-in solution',
      ok: largest <= PROGRAM_MAX_BYTES,
      figure: `${largest} bytes (median ${median(fitting)})`,
      baseline: `EEPROM ${PROGRAM_MAX_BYTES} bytes`,
      ratio: (largest / PROGRAM_MAX_BYTES).toFixed(2),
      target: `≤ ${PROGRAM_MAX_BYTES} bytes`,
    },
  ]);
}

process.exitCode = main();
