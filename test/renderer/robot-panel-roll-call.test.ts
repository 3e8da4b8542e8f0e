// @vitest-environment jsdom
/**
 * The robot panel asks the robots on the free ports their names (a roll call) when the ports are
 * loaded or « Chercher les robots » is pressed, but not when the language changes: opening a port
 * resets a real Uno, and the names are already known. The port labels still change language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RobotPanel } from '../../app/renderer/src/robot/robot-panel';
import type { PortInfo, ProfileSummary, RobokitApi } from '../../app/shared/api';

const PROFILES: ProfileSummary[] = [
  { id: 'sim', name: { fr: 'Robot simulé', en: 'Simulated robot' }, transport: 'sim', capabilities: ['motors'], source: 'built-in' },
  { id: 'arduino-2wd', name: { fr: 'Robot Arduino', en: 'Arduino robot' }, transport: 'firmata', capabilities: ['motors'], source: 'built-in' },
];

/** A host whose one board answers the roll call as « Robot Lila »; it counts the calls. */
function fakeHost() {
  const calls = { listPorts: 0, rollCall: 0 };
  let locale: 'fr' | 'en' = 'fr';
  const port = (): PortInfo => ({ path: '/dev/ttyACM0', label: locale === 'fr' ? 'Robot Lila — Arduino Uno sur /dev/ttyACM0' : 'Robot Lila — Arduino Uno on /dev/ttyACM0', likelyRobot: true, usbId: '2341:0043', robotName: 'Robot Lila' });
  const known: Partial<RobokitApi> = {
    listProfiles: async () => PROFILES,
    listPorts: async () => {
      calls.listPorts++;
      return [port()];
    },
    rollCall: async () => {
      calls.rollCall++;
      return [port()];
    },
  };
  const api = new Proxy(known, {
    get: (target, name: string) => {
      if (name in target) return target[name as keyof RobokitApi];
      // Event subscriptions give back their unsubscribe; anything else answers nothing.
      return name.startsWith('onDid') ? () => () => undefined : async () => undefined;
    },
  }) as RobokitApi;
  return { api, calls, speak: (l: 'fr' | 'en') => (locale = l) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const options = () => [...document.querySelectorAll('#robot-select option')].map((o) => o.textContent);

afterEach(() => document.body.replaceChildren());

describe('RobotPanel roll call', () => {
  it('asks the robots when the ports load and on « Chercher les robots », not on a language switch', async () => {
    const host = fakeHost();
    const panel = new RobotPanel(document.body, host.api, 'fr', { workspace: () => ({ blocks: { languageVersion: 0, blocks: [] } }), showProblems: () => undefined });
    await panel.load('arduino-2wd');
    expect(host.calls).toEqual({ listPorts: 1, rollCall: 1 });
    expect(options()).toEqual(['Robot simulé', 'Robot Lila — Arduino Uno sur /dev/ttyACM0']);

    (document.getElementById('refresh-ports') as HTMLButtonElement).click();
    await settle();
    await settle();
    expect(host.calls).toEqual({ listPorts: 2, rollCall: 2 });

    host.speak('en');
    panel.setLocale('en');
    await settle();
    await settle();
    expect(host.calls).toEqual({ listPorts: 3, rollCall: 2 });
    // Relabelled in the new language, the robot's name kept.
    expect(options()).toEqual(['Simulated robot', 'Robot Lila — Arduino Uno on /dev/ttyACM0']);
  });
});
