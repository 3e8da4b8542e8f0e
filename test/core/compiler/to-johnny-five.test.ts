/**
 * The Johnny-Five script, run in a sandbox against a hand-written fake `johnny-five` and a virtual
 * clock: we check which hardware calls it makes, in order, and when.
 */
import { EventEmitter } from 'node:events';
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { compile, compileProjectToJs } from '../../../app/core/compiler';
import type { Program } from '../../../app/core/ir';
import { BUILT_IN_PROFILES, type Profile } from '../../../app/core/profiles';
import { loadGoldens } from './golden-files';

const arduino = BUILT_IN_PROFILES['arduino-2wd']!;
const servoBot = BUILT_IN_PROFILES['servo-bot']!;

/** What the fake board runs, and the arguments the script is started with. */
interface WorldOptions {
  readonly firmware?: 'firmata' | 'robokit' | 'silent';
  readonly args?: readonly string[];
}

/** A fake board world: every call is logged as `t=<virtual ms> <what>`. */
function fakeWorld(analog: Record<string, number> = {}, buttonDown = false, options: WorldOptions = {}) {
  const log: string[] = [];
  /** Ports opened and IOs made, apart from the hardware calls. */
  const links: string[] = [];
  let now = 0;
  const at = (what: string) => log.push(`t=${Math.round(now)} ${what}`);
  const linked = (what: string) => links.push(`t=${Math.round(now)} ${what}`);
  class Board extends EventEmitter {
    readonly io: { MODES: Record<string, number> };
    constructor(readonly opts: { io: EventEmitter & { MODES: Record<string, number> } }) {
      super();
      this.io = opts.io;
      setImmediate(() => this.emit('ready'));
    }
    pinMode(pin: number, mode: number) { at(`pinMode(${pin}, ${mode})`); }
    digitalWrite(pin: number, level: number) { at(`digitalWrite(${pin}, ${level})`); }
    analogWrite(pin: number, value: number) { at(`analogWrite(${pin}, ${value})`); }
  }
  /** The board's serial port: it answers the script's question as the firmware would (the probe runs at 115200). */
  class SerialPort extends EventEmitter {
    isOpen = true;
    constructor(readonly opts: { path: string; baudRate: number }) {
      super();
      linked(`open ${opts.path} at ${opts.baudRate}`);
    }
    write(data: Buffer | string) {
      const bytes = Buffer.from(data);
      const firmware = options.firmware ?? 'firmata';
      if (firmware === 'firmata' && bytes.includes(0xf9)) this.emit('data', Buffer.from([0xf9, 2, 5]));
      // The RoboKit firmware: `err` to the line holding Firmata's 0xF9, its hello to `hello`.
      if (firmware === 'robokit' && bytes.includes(0xf9)) this.emit('data', Buffer.from('err unknown\n'));
      if (firmware === 'robokit' && bytes.toString().includes('hello\n')) this.emit('data', Buffer.from('hello fw=robokit v=1.0.0 proto=1 name=Léa Zoé\n', 'utf8'));
    }
    close(done: () => void) {
      this.isOpen = false;
      setImmediate(done);
    }
  }
  class Firmata extends EventEmitter {
    readonly MODES = { OUTPUT: 1, PWM: 3 };
    constructor(readonly port: SerialPort) {
      super();
      linked('io firmata');
    }
  }
  class RobokitIo extends EventEmitter {
    readonly MODES = { OUTPUT: 1, PWM: 3 };
    constructor(readonly opts: { port: string; profile: unknown }) {
      super();
      linked(`io robokit ${opts.port} ${JSON.stringify(opts.profile)}`);
    }
    close() {
      linked('io closed');
      return Promise.resolve();
    }
  }
  class Led {
    constructor(readonly pin: number) {}
    on() { at(`led${this.pin}.on()`); }
    off() { at(`led${this.pin}.off()`); }
  }
  class Sensor extends EventEmitter {
    value: number;
    constructor(opts: { pin: string }) {
      super();
      this.value = analog[opts.pin] ?? 0;
    }
  }
  class Button {
    isDown = buttonDown;
  }
  class Servo {
    readonly pin: number;
    constructor(opts: { pin: number; pwmRange: number[]; startAt?: number }) {
      this.pin = opts.pin;
      at(`servo${this.pin} ${opts.pwmRange.join('-')} µs${opts.startAt === undefined ? '' : ` at ${opts.startAt}`}`);
    }
    to(angle: number) { at(`servo${this.pin}.to(${angle})`); }
  }
  const five = { Board, Led, Sensor, Button, Servo };
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const said: string[] = [];
  const packages: Record<string, unknown> = {
    'johnny-five': five,
    serialport: { SerialPort },
    'firmata-io': { Firmata },
    'robokit-io': { RobokitIo },
  };
  type Timer = { cancelled: boolean };
  const sandbox = {
    require: (name: string) => {
      if (name in packages) return packages[name];
      throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
    },
    setTimeout: (fn: () => void, ms: number): Timer => {
      const timer = { cancelled: false };
      setImmediate(() => {
        if (timer.cancelled) return;
        now += ms;
        fn();
      });
      return timer;
    },
    clearTimeout: (timer: Timer | undefined) => timer && (timer.cancelled = true),
    // A repeated question is asked once more (enough for the fake port).
    setInterval(fn: () => void, ms: number): Timer {
      return sandbox.setTimeout(fn, ms);
    },
    clearInterval: (timer: Timer | undefined) => timer && (timer.cancelled = true),
    process: { argv: ['node', 'programme.js', ...(options.args ?? ['/dev/ttyACM0'])], on: () => undefined, exit: (code: number) => { at(`exit(${code})`); exited(code); } },
    console: { log: (...args: unknown[]) => said.push(args.join(' ')), error: (...args: unknown[]) => said.push(args.join(' ')) },
    Buffer,
    Math,
    Number,
    Promise,
  };
  return { log, links, said, exit, sandbox };
}

/** Only what moves the robot: writes, LEDs and servos after setup. */
const actions = (log: readonly string[]) => log.filter((l) => !/pinMode|µs/.test(l));

async function run(program: Program, profile: Profile, world = fakeWorld()) {
  runInNewContext(compileProjectToJs(program, profile), world.sandbox);
  expect(await world.exit).toBe(0);
  return world;
}

type Json = Record<string, unknown>;
const num = (id: string, value: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: value } } });
function programOf(profile: Profile, ...body: Json[]): Program {
  for (let i = body.length - 2; i >= 0; i--) body[i]!['next'] = { block: body[i + 1] };
  const ws = { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', next: { block: body[0] } }] } };
  const { program, diagnostics } = compile(ws, { profile });
  expect(diagnostics).toEqual([]);
  return program!;
}
const move = (id: string, speed: number, seconds: number, dir = 'FORWARD') => ({ type: 'robot_move', id, fields: { DIRECTION: dir }, inputs: { SPEED: num(`${id}s`, speed), SECONDS: num(`${id}t`, seconds) } });

describe('compileProjectToJs', () => {
  it('drives the H-bridge motors at 50 % = PWM 128 for the asked time, then stops, as the Firmata adapter writes them', async () => {
    const program = programOf(arduino, move('m', 50, 1), { type: 'robot_turn', id: 't', fields: { DIRECTION: 'LEFT' }, inputs: { DEGREES: num('d', 90) } });
    const { log } = await run(program, arduino);
    expect(log.slice(0, 4)).toEqual(['t=0 pinMode(5, 3)', 't=0 pinMode(4, 1)', 't=0 pinMode(6, 3)', 't=0 pinMode(7, 1)']);
    expect(actions(log)).toEqual([
      // Forward: direction HIGH, then the duty, motor by motor.
      't=0 digitalWrite(4, 1)', 't=0 analogWrite(5, 128)', 't=0 digitalWrite(7, 1)', 't=0 analogWrite(6, 128)',
      't=1000 digitalWrite(4, 1)', 't=1000 analogWrite(5, 0)', 't=1000 digitalWrite(7, 1)', 't=1000 analogWrite(6, 0)',
      // 180 °/s at 100 %, so 90 °/s at 50 %: a quarter turn left (left wheel back) takes one second.
      't=1000 digitalWrite(4, 0)', 't=1000 analogWrite(5, 128)', 't=1000 digitalWrite(7, 1)', 't=1000 analogWrite(6, 128)',
      't=2000 digitalWrite(4, 1)', 't=2000 analogWrite(5, 0)', 't=2000 digitalWrite(7, 1)', 't=2000 analogWrite(6, 0)',
      // The end: PWM 0 and direction pins LOW, as RoboKit's stop, then exit after a moment.
      't=2000 analogWrite(5, 0)', 't=2000 digitalWrite(4, 0)', 't=2000 analogWrite(6, 0)', 't=2000 digitalWrite(7, 0)',
      't=2100 exit(0)',
    ]);
  });

  it('turns the other way for a negative angle, and drives backwards for a negative speed, as the runtime does', async () => {
    const turn = (id: string, dir: string, degrees: number) => ({ type: 'robot_turn', id, fields: { DIRECTION: dir }, inputs: { DEGREES: num(`${id}d`, degrees) } });
    const { log } = await run(programOf(arduino, turn('a', 'LEFT', -45), turn('b', 'RIGHT', -90), move('m', -25, 0.5)), arduino);
    const starts = actions(log).filter((l) => /analogWrite\(5, [1-9]/.test(l) || /digitalWrite\(4/.test(l));
    expect(starts).toEqual([
      // LEFT −45°: the left wheel forward (a right turn) for half a second.
      't=0 digitalWrite(4, 1)', 't=0 analogWrite(5, 128)', 't=500 digitalWrite(4, 1)',
      // RIGHT −90°: the left wheel back (a left turn) for one second.
      't=500 digitalWrite(4, 0)', 't=500 analogWrite(5, 128)', 't=1500 digitalWrite(4, 1)',
      // FORWARD at −25 %: backwards, PWM 64.
      't=1500 digitalWrite(4, 0)', 't=1500 analogWrite(5, 64)', 't=2000 digitalWrite(4, 1)',
      't=2000 digitalWrite(4, 0)',
    ]);
  });

  it('plays light, sound, pen, loops, variables and procedures', async () => {
    const ws = {
      blocks: { languageVersion: 0, blocks: [
        { type: 'robokit_start', id: 'start', next: { block: {
          type: 'controls_repeat_ext', id: 'rep', inputs: { TIMES: num('n', 2), DO: { block: { type: 'procedures_callnoreturn', id: 'c', extraState: { name: 'bip bip', params: ['fois'] }, inputs: { ARG0: num('a', 300) } } } },
          next: { block: { type: 'robot_pen', id: 'pen', fields: { STATE: 'DOWN' }, next: { block: { type: 'robokit_say', id: 'say', inputs: { TEXT: { block: { type: 'variables_get', id: 'g', fields: { VAR: { id: 'v' } } } } } } } } },
        } } },
        { type: 'procedures_defnoreturn', id: 'def', fields: { NAME: 'bip bip' }, extraState: { params: [{ name: 'fois', id: 'p' }] }, inputs: { STACK: { block: {
          type: 'robot_led', id: 'on', fields: { STATE: 'ON' }, next: { block: { type: 'robot_beep', id: 'b', inputs: { FREQUENCY: { block: { type: 'variables_get', id: 'gp', fields: { VAR: { id: 'p' } } } }, SECONDS: num('s', 0.5) },
            next: { block: { type: 'math_change', id: 'ch', fields: { VAR: { id: 'v' } }, inputs: { DELTA: num('one', 1) } } } } },
        } } } },
      ] },
      variables: [{ name: 'compte', id: 'v' }, { name: 'fois', id: 'p' }],
    };
    const { program } = compile(ws, { profile: arduino });
    const { log, said } = await run(program!, arduino);
    expect(log).toContain('t=0 servo9 544-2400 µs at 90');
    expect(actions(log)).toEqual([
      // The buzzer is on/off on D8, as RoboKit's Firmata adapter plays it.
      't=0 led13.on()', 't=0 digitalWrite(8, 1)', 't=500 digitalWrite(8, 0)',
      't=500 led13.on()', 't=500 digitalWrite(8, 1)', 't=1000 digitalWrite(8, 0)',
      't=1000 servo9.to(30)',
      't=1000 analogWrite(5, 0)', 't=1000 digitalWrite(4, 0)', 't=1000 analogWrite(6, 0)', 't=1000 digitalWrite(7, 0)',
      't=1000 digitalWrite(8, 0)', 't=1100 exit(0)',
    ]);
    expect(said).toEqual(['Robot : /dev/ttyACM0 (StandardFirmata)', '🤖 2']);
  });

  it('reads the sensors: distance in cm from the Sharp voltage, line, light and button', async () => {
    const ws = (condition: Json) => programOf(arduino, {
      type: 'controls_if', id: 'if', inputs: { IF0: { block: condition }, DO0: { block: { type: 'robot_led', id: 'l', fields: { STATE: 'ON' } } } },
    });
    const near = ws({ type: 'logic_compare', id: 'c', fields: { OP: 'LT' }, inputs: { A: { block: { type: 'robot_distance', id: 'd' } }, B: num('n', 20) } });
    // 307 / 1023 × 5 V ≈ 1.5 V, that is 27.86 × 1.5^-1.15 ≈ 17.6 cm: nearer than 20.
    expect((await run(near, arduino, fakeWorld({ A0: 307 }))).log).toContain('t=0 led13.on()');
    expect((await run(near, arduino, fakeWorld({ A0: 100 }))).log).not.toContain('t=0 led13.on()');
    const line = ws({ type: 'robot_line', id: 'ln', fields: { SIDE: 'RIGHT' } });
    expect((await run(line, arduino, fakeWorld({ A2: 800 }))).log).toContain('t=0 led13.on()');
    expect((await run(line, arduino, fakeWorld({ A1: 800 }))).log).not.toContain('t=0 led13.on()');
    const bright = ws({ type: 'logic_compare', id: 'c', fields: { OP: 'GT' }, inputs: { A: { block: { type: 'robot_light', id: 'li' } }, B: num('n', 50) } });
    expect((await run(bright, arduino, fakeWorld({ A3: 1023 }))).log).toContain('t=0 led13.on()');
    const button = ws({ type: 'robot_button', id: 'bt' });
    expect((await run(button, arduino, fakeWorld({}, true))).log).toContain('t=0 led13.on()');
    expect((await run(button, arduino, fakeWorld({}, false))).log).not.toContain('t=0 led13.on()');
  });

  it('drives continuous servos on servo-bot, the right one mirrored, 1000–2000 µs', async () => {
    const { log } = await run(programOf(servoBot, move('m', 50, 1)), servoBot);
    expect(log.slice(0, 2)).toEqual(['t=0 servo10 1000-2000 µs', 't=0 servo11 1000-2000 µs']);
    expect(actions(log).slice(0, 4)).toEqual(['t=0 servo10.to(135)', 't=0 servo11.to(45)', 't=1000 servo10.to(90)', 't=1000 servo11.to(90)']);
  });

  it('gives readable identifiers for pupils’ names', () => {
    const program = programOf(arduino, { type: 'variables_set', id: 's', fields: { VAR: { id: 'x', name: 'mon score²' } }, inputs: { VALUE: num('n', 1) } });
    const withClash = { ...program, variables: ['mon score²', 'lumiere', 'fois1', '3 tours'] };
    const code = compileProjectToJs(withClash, arduino);
    expect(code).toContain('let mon_score_ = 0;');
    expect(code).toContain('let lumiere2 = 0;');
    expect(code).toContain('let fois1_ = 0;');
    expect(code).toContain('let _3_tours = 0;');
  });

  it('writes a script that parses for every golden program, for each profile', () => {
    for (const { golden } of loadGoldens()) {
      const { program } = compile(golden.workspace, { profile: BUILT_IN_PROFILES['sim']! });
      if (!program) continue;
      for (const profile of Object.values(BUILT_IN_PROFILES)) {
        expect(() => new Script(compileProjectToJs(program, profile))).not.toThrow();
      }
    }
  });

  it('asks the board which program it runs: StandardFirmata through firmata-io, the RoboKit firmware through its IO plugin', async () => {
    const program = programOf(arduino, move('m', 50, 1));
    const firmata = await run(program, arduino, fakeWorld({}, false, { firmware: 'firmata' }));
    expect(firmata.links).toEqual(['t=0 open /dev/ttyACM0 at 115200', 't=0 open /dev/ttyACM0 at 57600', 't=0 io firmata']);
    const robokit = await run(program, arduino, fakeWorld({}, false, { firmware: 'robokit' }));
    expect(robokit.links).toEqual(['t=0 open /dev/ttyACM0 at 115200', 't=300 io robokit /dev/ttyACM0 "arduino-2wd"', 't=1400 io closed']);
    // The same hardware calls either way (the IO plugin maps them onto the robot's parts).
    const untimed = (log: readonly string[]) => actions(log).map((l) => l.replace(/^t=\d+ /, ''));
    expect(untimed(robokit.log)).toEqual(untimed(firmata.log));
    // A board that says nothing is taken for StandardFirmata.
    const silent = await run(program, arduino, fakeWorld({}, false, { firmware: 'silent' }));
    expect(silent.links).toEqual(['t=0 open /dev/ttyACM0 at 115200', 't=8300 open /dev/ttyACM0 at 57600', 't=8300 io firmata']);
  });

  it('is told the program with --robokit or --firmata (no question asked), the port being any other argument', async () => {
    const program = programOf(arduino, move('m', 50, 1));
    const told = await run(program, arduino, fakeWorld({}, false, { firmware: 'silent', args: ['--robokit', 'COM3'] }));
    expect(told.links).toEqual(['t=0 io robokit COM3 "arduino-2wd"', 't=1100 io closed']);
    const firmata = await run(program, arduino, fakeWorld({}, false, { firmware: 'silent', args: ['/dev/ttyUSB0', '--firmata'] }));
    expect(firmata.links).toEqual(['t=0 open /dev/ttyUSB0 at 57600', 't=0 io firmata']);
  });

  it('says in French and English what to install when the RoboKit IO plugin is missing', async () => {
    const missing = fakeWorld({}, false, { firmware: 'robokit' });
    const require = missing.sandbox.require;
    missing.sandbox.require = (name: string) => (name === 'robokit-io' ? require('nope') : require(name));
    runInNewContext(compileProjectToJs(programOf(arduino, move('m', 50, 1)), arduino), missing.sandbox);
    expect(await missing.exit).toBe(2);
    expect(missing.said.join('\n')).toMatch(/Il manque le paquet « robokit-io »/);
    expect(missing.said.join('\n')).toContain('The package "robokit-io" is missing');
    expect(missing.said.join('\n')).toContain('npm install johnny-five@2 serialport@13 <dossier de RoboKit>/dist/robokit-io');
    expect(missing.said.join('\n')).toContain('dist/robokit-io');
  });

  it('speaks French to its reader', () => {
    const code = compileProjectToJs(programOf(arduino, move('m', 50, 1)), arduino);
    expect(code).toContain('// Attendre un certain nombre de secondes.');
    expect(code).toContain('new five.Board({ io: lien, repl: false, debug: false, timeout: 30000 })');
    expect(code).toContain('npm install johnny-five@2 firmata-io@2 serialport@13');
    expect(code).toContain("options.find((o) => !o.startsWith('--')) || (await trouverCarte())");
    expect(code).toContain('function attendre(secondes)');
    expect(code).toContain("process.on('SIGINT'");
  });
});
