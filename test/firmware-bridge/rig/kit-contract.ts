/**
 * The shared RobotIo contract for one kit profile: the RoboKit firmware adapter on the emulated Uno
 * running the BUILT firmware, the rig wired like that kit (kit-observers.ts), a fresh connection for
 * each test. The profile's capabilities are the contract's: what the kit lacks is absent.
 * Each kit calls this from its own test file, so each runs in its own rig.
 */
import { afterAll, beforeAll } from 'vitest';
import { findProfile } from '../../../app/core/profiles';
import { startEmulatedUno, type EmulatedUno } from '../../../firmware-bridge/emulator';
import { RobotConnection } from '../../../firmware-bridge/src/connection';
import { robotIoContract, type ContractObserver } from '../../contract/robot-io-contract';
import { ROBOKIT_HEX } from '../firmware/line-port';
import { ToneMeter } from './robokit-observer';

/** Long timeouts: on a loaded 2-core machine the emulator can run at a tenth of real time. */
const OPTIONS = { timeoutMs: 30_000, reconnect: false, line: { lostAfterMs: 3000 } } as const;

export function kitContract(profileId: string, kit: string, observer: (uno: EmulatedUno, tone: ToneMeter | undefined) => ContractObserver): void {
  const profile = findProfile(profileId)!;
  let uno: EmulatedUno;
  let tone: ToneMeter | undefined;

  beforeAll(async () => {
    uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
    if (profile.pins.buzzer) tone = new ToneMeter(uno, profile.pins.buzzer.pin);
    await uno.waitFor(() => uno.emulatedMs() > 500, 30_000);
  }, 60_000);
  afterAll(async () => {
    tone?.dispose();
    await uno?.stop();
  });

  robotIoContract(
    `RoboKit firmware on the emulated Uno wired as the ${kit} (${profileId})`,
    async () => {
      const connection = await RobotConnection.connect(uno.path, profile, OPTIONS);
      return { io: connection.io, observe: observer(uno, tone), dispose: () => connection.close() };
    },
    { capabilities: profile.capabilities },
  );
}
