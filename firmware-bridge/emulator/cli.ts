/**
 * `npm run emulate`: a virtual arduino-2wd robot (an emulated Uno running StandardFirmata, or with
 * `--firmware robokit` the RoboKit firmware built from this repository) for trying RoboKit without
 * hardware. Prints the port to use and what the robot's pins do.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulatedUno, type EmulatedUno } from './emulated-uno';
import { projectRoot } from './paths';

/** arduino-2wd wiring (SPEC §4). */
const LEFT = { dir: 4, pwm: 5 };
const RIGHT = { dir: 7, pwm: 6 };
const LIGHT = 13;
const BUZZER = 8;
const PEN = 9;
const BUTTON = 2;
/** Quiet sensors: nothing ahead (A0 ≈ 80 cm), light floor under both line sensors, daylight. */
const RESTING_VOLTS: ReadonlyArray<[channel: number, volts: number]> = [
  [0, 0.4],
  [1, 1],
  [2, 1],
  [3, 2.5],
];
/** Firmata's default servo range (544–2400 µs for 0–180°). */
const SERVO_MIN_US = 544;
const SERVO_MAX_US = 2400;
const SETTLE_MS = 60;
const POLL_MS = 100;

const USAGE = `Usage / utilisation : npm run emulate [-- --dir DOSSIER] [--firmware firmata|robokit]
  Démarre un Arduino Uno virtuel (StandardFirmata, ou le programme RoboKit) câblé comme le robot arduino-2wd.
  Starts a virtual Arduino Uno (StandardFirmata, or the RoboKit firmware) wired like the arduino-2wd robot.`;

type Say = (fr: string, en: string) => void;

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const dirIndex = argv.indexOf('--dir');
  const dir = dirIndex >= 0 ? argv[dirIndex + 1] : join(tmpdir(), 'robokit-uno');
  const firmwareIndex = argv.indexOf('--firmware');
  const firmware = firmwareIndex >= 0 ? argv[firmwareIndex + 1] : 'firmata';
  if (!dir || (firmware !== 'firmata' && firmware !== 'robokit')) {
    console.error(USAGE);
    return 2;
  }
  console.log('Démarrage de l’Arduino Uno virtuel… / Starting the virtual Arduino Uno…');
  const robokit = firmware === 'robokit';
  const rig = await startEmulatedUno({ dir, ...(robokit ? { hexPath: join(projectRoot(), 'firmware-bridge', 'firmware', 'robokit.hex') } : {}) });
  for (const [channel, volts] of RESTING_VOLTS) rig.setAnalogVoltage(channel, volts);
  const say: Say = (fr, en) => console.log(`[${(rig.emulatedMs() / 1000).toFixed(3).padStart(8)} s] ${fr} / ${en}`);
  console.log(
    [
      '',
      `  Port série à utiliser dans RoboKit : ${rig.path}`,
      `  Serial port to use in RoboKit:      ${rig.path}`,
      '',
      '  Robot arduino-2wd : moteurs D4–D7, lumière D13, buzzer D8, stylo D9, bouton D2.',
      '  Touche « b » : appuyer/relâcher le bouton. Ctrl-C : arrêter.',
      '  Key "b": press/release the button. Ctrl-C: stop.',
      ...(robokit
        ? ['  Programme RoboKit : il arrête les moteurs 300 ms après le silence de l’ordinateur.', '  RoboKit firmware: it stops the motors 300 ms after the computer goes silent.']
        : ['  Au démarrage, StandardFirmata fait clignoter sa version sur D13 (≈ 2 s).', '  At boot, StandardFirmata blinks its version on D13 (≈ 2 s).']),
      '',
    ].join('\n'),
  );
  const stopWatching = watchRobot(rig, say);
  const stopKeys = watchKeys(rig, say);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopKeys();
  stopWatching();
  await rig.stop();
  console.log('Arduino virtuel arrêté. / Virtual Arduino stopped.');
  return 0;
}

function watchRobot(rig: EmulatedUno, say: Say): () => void {
  let buzzerEdges = 0;
  let buzzer = 'off';
  let penAngle: number | null = null;
  let motors = describeMotors(rig);
  let motorTimer: NodeJS.Timeout | null = null;
  const reportMotors = () => {
    motorTimer = null;
    const now = describeMotors(rig);
    if (now.fr !== motors.fr) say(now.fr, now.en);
    motors = now;
  };
  const onMotorPin = (pin: number) => {
    if (![LEFT.dir, LEFT.pwm, RIGHT.dir, RIGHT.pwm].includes(pin)) return;
    motorTimer ??= setTimeout(reportMotors, SETTLE_MS);
  };
  const offPin = rig.onPinChange((pin, level) => {
    onMotorPin(pin);
    if (pin === LIGHT) say(level ? 'lumière allumée' : 'lumière éteinte', level ? 'light on' : 'light off');
    if (pin === BUZZER) buzzerEdges += level;
  });
  const offPwm = rig.onPwmChange(onMotorPin);
  const poll = setInterval(() => {
    const hz = (buzzerEdges * 1000) / POLL_MS;
    buzzerEdges = 0;
    const nowBuzzer = hz > 0 ? `${Math.round(hz / 10) * 10}` : rig.digital(BUZZER) ? 'on' : 'off';
    if (nowBuzzer !== buzzer) {
      if (nowBuzzer === 'off') say('buzzer silencieux', 'buzzer silent');
      else if (nowBuzzer === 'on') say('buzzer allumé', 'buzzer on');
      else if (buzzer === 'off' || buzzer === 'on') say(`buzzer : ≈ ${nowBuzzer} Hz`, `buzzer: ≈ ${nowBuzzer} Hz`);
      buzzer = nowBuzzer;
    }
    const pulse = rig.servoPulseUs(PEN);
    const angle = pulse === null ? null : Math.round(((pulse - SERVO_MIN_US) / (SERVO_MAX_US - SERVO_MIN_US)) * 180);
    if (angle !== null && (penAngle === null || Math.abs(angle - penAngle) >= 3)) {
      const down = angle < 60;
      say(`stylo ${down ? 'baissé' : 'levé'} (${angle}°)`, `pen ${down ? 'down' : 'up'} (${angle}°)`);
      penAngle = angle;
    }
  }, POLL_MS);

  return () => {
    offPin();
    offPwm();
    clearInterval(poll);
    if (motorTimer) clearTimeout(motorTimer);
  };
}

function describeMotors(rig: EmulatedUno): { fr: string; en: string } {
  const side = (motor: { dir: number; pwm: number }) => {
    const percent = Math.round((rig.pwm(motor.pwm) / 255) * 100);
    if (percent === 0) return { fr: 'arrêt', en: 'stopped' };
    return rig.digital(motor.dir)
      ? { fr: `avant ${percent} %`, en: `forward ${percent}%` }
      : { fr: `arrière ${percent} %`, en: `backward ${percent}%` };
  };
  const left = side(LEFT);
  const right = side(RIGHT);
  return {
    fr: `moteurs : gauche ${left.fr}, droit ${right.fr}`,
    en: `motors: left ${left.en}, right ${right.en}`,
  };
}

/** "b" toggles the robot's button (D2, pull-up: pressed = LOW); Ctrl-C still stops. */
function watchKeys(rig: EmulatedUno, say: Say): () => void {
  const input = process.stdin;
  if (!input.isTTY) return () => {};
  let pressed = false;
  input.setRawMode(true);
  input.resume();
  const onData = (data: Buffer) => {
    for (const byte of data) {
      if (byte === 0x03) process.kill(process.pid, 'SIGINT');
      if (byte !== 0x62 && byte !== 0x42) continue; // b / B
      pressed = !pressed;
      rig.setDigitalInput(BUTTON, pressed ? 0 : 1);
      say(pressed ? 'bouton appuyé' : 'bouton relâché', pressed ? 'button pressed' : 'button released');
    }
  };
  input.on('data', onData);
  return () => {
    input.off('data', onData);
    input.setRawMode(false);
    input.pause();
  };
}
