// Builds the RoboKit firmware (firmware-bridge/firmware/robokit/, an Arduino sketch) into an Intel
// HEX image for the ATmega328P, with Debian's gcc-avr, avr-libc and arduino-core-avr, the flags of
// the Arduino IDE's AVR platform (platform.txt) minus debug info, so the image depends on the
// sources and the compiler only (no paths, no timestamps).
//
//   node scripts/build-firmware.mjs            build, write firmware-bridge/firmware/robokit.hex
//   node scripts/build-firmware.mjs --check    build, fail if it differs from the committed hex
//   node scripts/build-firmware.mjs --out F    build, write F
//
// Prints the flash and SRAM use (avr-size). Needs: apt-get install gcc-avr avr-libc arduino-core-avr
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKETCH = join(root, 'firmware-bridge', 'firmware', 'robokit');
const COMMITTED_HEX = join(root, 'firmware-bridge', 'firmware', 'robokit.hex');
const AVR_PLATFORM = '/usr/share/arduino/hardware/arduino/avr';
const CORE = join(AVR_PLATFORM, 'cores', 'arduino');
const VARIANT = join(AVR_PLATFORM, 'variants', 'standard');
const FLASH_LIMIT = 32256; // boards.txt uno.upload.maximum_size (32 KB less Optiboot's 512 bytes)
const SRAM_LIMIT = 2048;

const MCU = ['-mmcu=atmega328p', '-DF_CPU=16000000L', '-DARDUINO=10807', '-DARDUINO_AVR_UNO', '-DARDUINO_ARCH_AVR'];
const COMMON = ['-c', '-Os', '-ffunction-sections', '-fdata-sections', '-flto', ...MCU];
const C_FLAGS = [...COMMON, '-std=gnu11', '-fno-fat-lto-objects'];
// SPEC §8: Debian's avr-libc needs DECIMAL_DIG for the C++ headers.
const CXX_FLAGS = [...COMMON, '-std=gnu++11', '-fpermissive', '-fno-exceptions', '-fno-threadsafe-statics',
  '-Wno-error=narrowing', '-DDECIMAL_DIG=17'];
const S_FLAGS = ['-c', '-x', 'assembler-with-cpp', '-flto', ...MCU];
const LINK_FLAGS = ['-Os', '-flto', '-fuse-linker-plugin', '-Wl,--gc-sections', '-mmcu=atmega328p'];

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function compile(source, object, warnings, includes, cwd) {
  const flags = source.endsWith('.c') ? C_FLAGS : source.endsWith('.S') ? S_FLAGS : CXX_FLAGS;
  const compiler = source.endsWith('.cpp') ? 'avr-g++' : 'avr-gcc';
  try {
    run(compiler, [...flags, ...warnings, ...includes.map((dir) => `-I${dir}`), source, '-o', object], cwd);
  } catch (error) {
    throw new Error(`${compiler} failed on ${basename(source)}:\n${error.stderr ?? error.message}`);
  }
}

function sources(dir, extensions) {
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

/** Builds the sketch in a fresh folder; returns the hex text and avr-size's numbers. */
export function buildFirmware() {
  for (const tool of ['avr-gcc', 'avr-g++', 'avr-objcopy', 'avr-size']) {
    try {
      run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      throw new Error(`${tool} is missing: apt-get install gcc-avr avr-libc arduino-core-avr`);
    }
  }
  if (!existsSync(CORE)) throw new Error(`No Arduino AVR core in ${CORE}: apt-get install arduino-core-avr`);
  const build = mkdtempSync(join(tmpdir(), 'robokit-fw-'));
  try {
    const includes = [CORE, VARIANT];
    // The core, as the Arduino IDE builds it: an archive the linker takes only what it needs from.
    const coreObjects = [];
    for (const name of sources(CORE, ['.c', '.cpp', '.S'])) {
      const object = `core-${name}.o`;
      compile(join(CORE, name), object, ['-w'], includes, build);
      coreObjects.push(object);
    }
    run('avr-gcc-ar', ['rcs', 'core.a', ...coreObjects], build);
    // The sketch: the .ino is C++ once Arduino.h is included first (as the IDE does).
    const sketchObjects = [];
    const sketchIncludes = [SKETCH, ...includes];
    for (const name of sources(SKETCH, ['.ino', '.cpp'])) {
      let source = join(SKETCH, name);
      if (name.endsWith('.ino')) {
        source = join(build, `${name}.cpp`);
        writeFileSync(source, `#include <Arduino.h>\n${readFileSync(join(SKETCH, name), 'utf8')}`);
      }
      const object = `sketch-${name}.o`;
      compile(source, object, ['-Wall', '-Wextra', '-Werror'], sketchIncludes, build);
      sketchObjects.push(object);
    }
    run('avr-gcc', [...LINK_FLAGS, '-o', 'robokit.elf', ...sketchObjects, 'core.a', '-lm'], build);
    run('avr-objcopy', ['-O', 'ihex', '-R', '.eeprom', 'robokit.elf', 'robokit.hex'], build);
    if (process.env.KEEP_FIRMWARE_BUILD) run("cp", ["robokit.elf", process.env.KEEP_FIRMWARE_BUILD], build);
    const hex = readFileSync(join(build, 'robokit.hex'), 'utf8');
    const size = sizes(run('avr-size', ['-A', 'robokit.elf'], build));
    return { hex, ...size };
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

/** Flash = .text + .data (initial values live in flash); SRAM = .data + .bss (before the stack). */
function sizes(report) {
  const section = (name) => Number(report.match(new RegExp(`^\\${name}\\s+(\\d+)`, 'm'))?.[1] ?? 0);
  const text = section('.text');
  const data = section('.data');
  const bss = section('.bss');
  return { flashBytes: text + data, sramBytes: data + bss };
}

function describe({ flashBytes, sramBytes }) {
  const percent = (used, limit) => `${((100 * used) / limit).toFixed(1)} %`;
  return `flash ${flashBytes} / ${FLASH_LIMIT} bytes (${percent(flashBytes, FLASH_LIMIT)}), ` +
    `SRAM ${sramBytes} / ${SRAM_LIMIT} bytes (${percent(sramBytes, SRAM_LIMIT)}) before the stack`;
}

function main(argv) {
  const check = argv.includes('--check');
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : COMMITTED_HEX;
  const result = buildFirmware();
  console.log(`robokit firmware: ${describe(result)}`);
  if (result.flashBytes > FLASH_LIMIT || result.sramBytes > SRAM_LIMIT - 512) {
    console.error('The firmware is too big for an ATmega328P (flash), or leaves under 512 bytes of SRAM for the stack.');
    return 1;
  }
  if (check) {
    const committed = existsSync(COMMITTED_HEX) ? readFileSync(COMMITTED_HEX, 'utf8') : '';
    if (committed !== result.hex) {
      console.error(`${COMMITTED_HEX} differs from a build of the sources: run node scripts/build-firmware.mjs and commit it.`);
      return 1;
    }
    console.log('The committed hex matches a build of the sources byte for byte.');
    return 0;
  }
  writeFileSync(out, result.hex);
  console.log(`wrote ${out}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
