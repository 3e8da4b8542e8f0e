/**
 * Looking at an emulated Uno that runs the RoboKit firmware wired as the arduino-2wd profile, from
 * its pins (never from the line protocol): motors from the direction pins and PWM duty, the
 * buzzer's pitch from D8's edges in board time, the pen servo's pulse, and the sensors' inputs.
 */
import { distanceVolts } from '../../../app/core/hardware-rules';
import type { EmulatedUno } from '../../../firmware-bridge/emulator';
import type { ContractObserver } from '../../contract/robot-io-contract';

/** The edges of `pin` on `uno` while `during` runs (a light blinking: « Identifier »). */
export async function edgesDuring(uno: EmulatedUno, pin: number, during: () => Promise<unknown>): Promise<number> {
  let edges = 0;
  const off = uno.onPinChange((p) => {
    if (p === pin) edges++;
  });
  try {
    await during();
  } finally {
    off();
  }
  return edges;
}

/** The buzzer's recent edges on D8, to measure the pitch the board plays. */
export class ToneMeter {
  private edges: number[] = [];
  readonly dispose: () => void;
  constructor(private readonly uno: EmulatedUno, pin = 8) {
    this.dispose = uno.onPinChange((p, _level, tMs) => {
      if (p !== pin) return;
      this.edges.push(tMs);
      if (this.edges.length > 400) this.edges.splice(0, 200);
    });
  }
  /** Hz over the edges of the last 40 ms of board time; 0 when D8 has not moved in that time. */
  hz(): number {
    const now = this.uno.emulatedMs();
    const recent = this.edges.filter((t) => t >= now - 40);
    if (recent.length < 3) return 0;
    const span = recent.at(-1)! - recent[0]!;
    return span > 0 ? ((recent.length - 1) / 2) * (1000 / span) : 0;
  }
}

/** Several sensor reports of board time (the adapter watches every 20 ms), then a beat for the host. */
export async function settleBoard(uno: EmulatedUno, boardMs = 120): Promise<void> {
  const until = uno.emulatedMs() + boardMs;
  await uno.waitFor(() => uno.emulatedMs() >= until, 10_000);
  await new Promise((r) => setTimeout(r, 20));
}

export function arduino2wdObserver(uno: EmulatedUno, tone: ToneMeter): ContractObserver {
  const signed = (dirPin: number, pwmPin: number): number => ((uno.digital(dirPin) === 1 ? 1 : -1) * uno.pwm(pwmPin) * 100) / 255 || 0;
  return {
    motors: () => ({ left: signed(4, 5), right: signed(7, 6) }),
    light: () => uno.digital(13) === 1,
    toneHz: () => tone.hz(),
    penDown: () => (uno.servoPulseUs(9) ?? 2000) < 1160, // down 30° ≈ 853 µs, up 90° ≈ 1472 µs
    setDistance: (cm) => uno.setAnalogVoltage(0, distanceVolts(cm)),
    setLine: (side, dark) => uno.setAnalogVoltage(side === 'left' ? 1 : 2, dark ? 4 : 0.5),
    setLight: (level) => uno.setAnalogVoltage(3, (level * 5) / 100),
    setButton: (pressed) => uno.setDigitalInput(2, pressed ? 0 : 1),
    settle: () => settleBoard(uno),
    // One PWM step is 0.4 %; the Sharp table's steps ≈ 1 cm at 40 cm; one ADC step 0.1 % of light;
    // the pitch is the board's timer's (within 1 %) measured over 40 ms of edges.
    tolerance: { motors: 0.6, distance: 1.5, light: 1, toneHz: 12 },
  };
}
