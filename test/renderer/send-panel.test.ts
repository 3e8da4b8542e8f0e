// @vitest-environment jsdom
/**
 * « Envoyer dans le robot » in the robot panel, with a hand-written API: offered only on a connected
 * robot running the RoboKit firmware; on StandardFirmata one kind sentence and a button to the
 * installer; the size and the skipped blocks before sending; « Démarrer tout seul » passed on; the
 * end sentence; a refusal disables the button and says why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SendPanel } from '../../app/renderer/src/robot/send-panel';
import type { ApiErrorData, RobokitApi, RobotProgramCheck, RobotProgramProgress, SendRobotProgramRequest, SendRobotProgramResult } from '../../app/shared/api';

const skipped: ApiErrorData = {
  code: 'bytecode-say-skipped',
  messageKey: 'bytecode-say-skipped',
  params: {},
  blockId: 'hello',
  message: { fr: 'Le bloc « dire “Salut” » sera sauté : le robot n’a pas d’écran pour l’afficher.', en: 'skipped' },
};

function fakeApi(check: RobotProgramCheck) {
  const sent: SendRobotProgramRequest[] = [];
  let progress: ((p: RobotProgramProgress) => void) | undefined;
  const api = {
    checkRobotProgram: async () => check,
    sendRobotProgram: async (request: SendRobotProgramRequest): Promise<SendRobotProgramResult> => {
      sent.push(request);
      progress?.({ sent: 16, total: 40 });
      if (!check.fits) return { sent: false, max: check.max, problems: check.problems };
      return { sent: true, bytes: check.bytes, max: check.max, skipped: check.skipped, autostart: request.autostart };
    },
    onDidReportProgramUpload: (listener: (p: RobotProgramProgress) => void) => {
      progress = listener;
      return () => undefined;
    },
  } as unknown as RobokitApi;
  return { api, sent };
}

const ROBOKIT = { state: 'ready', port: '/dev/ttyACM0', profile: 'arduino-2wd', firmware: { kind: 'robokit', name: 'RoboKit', version: '1.0.0' } } as const;
const FIRMATA = { state: 'ready', port: '/dev/ttyACM0', profile: 'arduino-2wd', firmware: { kind: 'firmata', name: 'StandardFirmata.ino', version: '2.5' } } as const;
const text = (id: string): string => document.getElementById(id)!.textContent ?? '';
const shown = (id: string): boolean => !document.getElementById(id)!.closest('[hidden]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(check: RobotProgramCheck) {
  const { api, sent } = fakeApi(check);
  const installer: string[] = [];
  const marked: ApiErrorData[][] = [];
  const panel = new SendPanel(document.body, api, 'fr', {
    workspace: () => ({ blocks: { languageVersion: 0, blocks: [] } }),
    showProblems: (problems) => marked.push([...problems]),
    openInstaller: () => installer.push('robokit'),
  });
  return { panel, sent, installer, marked };
}

afterEach(() => document.body.replaceChildren());

describe('SendPanel', () => {
  it('asks to connect first, and says kindly on StandardFirmata that the RoboKit firmware is needed, with the install button', () => {
    const { panel, installer } = mount({ fits: true, bytes: 40, max: 896, skipped: [] });
    expect(text('send-note')).toMatch(/^Connecte ton robot/);
    expect(shown('send-robot')).toBe(false);
    panel.setStatus(FIRMATA);
    expect(text('send-note')).toMatch(/^Pour garder un programme, le robot a besoin du programme RoboKit\./);
    expect(shown('send-robot')).toBe(false);
    expect(shown('send-install')).toBe(true);
    (document.getElementById('send-install') as HTMLButtonElement).click();
    expect(installer).toEqual(['robokit']);
  });

  it('on a RoboKit robot: the size and the skipped block before sending, then « Démarrer tout seul » sent and the end sentence', async () => {
    const { panel, sent } = mount({ fits: true, bytes: 312, max: 896, skipped: [skipped] });
    panel.setStatus(ROBOKIT);
    await settle();
    expect(text('send-size')).toMatch(/^Ton programme utilise 312 octets sur 896\.$/);
    expect([...document.querySelectorAll('#send-skipped li')].map((li) => li.textContent)).toEqual([skipped.message!.fr]);
    (document.getElementById('send-autostart') as HTMLInputElement).checked = true;
    (document.getElementById('send-robot') as HTMLButtonElement).click();
    await settle();
    expect(sent).toEqual([{ workspace: { blocks: { languageVersion: 0, blocks: [] } }, autostart: true }]);
    expect(document.getElementById('send-result')!.dataset.outcome).toBe('sent');
    expect(text('send-result')).toMatch(/il démarrera tout seul quand tu l’allumeras/);
    expect((document.getElementById('send-progress') as HTMLProgressElement).value).toBe(100);
  });

  it('a program that cannot go in: the sentence at once, the button disabled', async () => {
    const problem: ApiErrorData = { ...skipped, code: 'bytecode-say-only', messageKey: 'bytecode-say-only', message: { fr: 'Ton programme ne fait que parler.', en: 'only talks' } };
    const { panel, marked } = mount({ fits: false, max: 896, problems: [problem] });
    panel.setStatus(ROBOKIT);
    await settle();
    expect(document.getElementById('send-result')!.dataset.outcome).toBe('refused');
    expect(text('send-result')).toMatch(/Ton programme ne fait que parler\./);
    expect((document.getElementById('send-robot') as HTMLButtonElement).disabled).toBe(true);
    // The block is marked in the editor as soon as the check says so, before any click…
    expect(marked).toEqual([[problem]]);
    // …and unmarked when the robot goes away.
    panel.setStatus({ state: 'none' });
    expect(marked).toEqual([[problem], []]);
  });

  it('a program that fits leaves the editor’s marks alone (a run’s marks are not the panel’s to clear)', async () => {
    const { panel, marked } = mount({ fits: true, bytes: 40, max: 896, skipped: [] });
    panel.setStatus(ROBOKIT);
    await settle();
    panel.setStatus({ state: 'none' });
    expect(marked).toEqual([]);
  });
});
