// Writes firmware-bridge/firmware/robokit/distance_curve.h from the host's distance rule
// (app/core/hardware-rules.ts through firmware-bridge/firmware/distance-curve.ts), so the board
// and the host turn a Sharp reading into the same millimetres. Rebuild the hex after
// (node scripts/build-firmware.mjs); test/firmware-bridge/firmware/distance-curve.test.ts checks both.
//
//   node scripts/gen-distance-curve.mjs
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [join(root, 'firmware-bridge', 'firmware', 'distance-curve.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
const out = join(root, 'firmware-bridge', 'firmware', 'robokit', 'distance_curve.h');
writeFileSync(out, module.distanceCurveHeader());
console.log(`wrote ${out}`);
