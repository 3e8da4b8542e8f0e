/**
 * Lines on a bare serial link (before, or instead of, a LineTransport): the roll call opens a port,
 * says one or two things to the RoboKit firmware and lets go.
 */
import { AppError } from '../../app/core/errors';
import type { Scheduler } from './command-queue';
import type { SerialLink } from './serial-link';

/**
 * Resolves with the first line from the board that `accept` takes, or undefined after `timeoutMs`
 * (or when the link closes). Call before sending what the line answers.
 */
export function untilLine(link: SerialLink, accept: (line: string) => boolean, scheduler: Scheduler, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const done = (result: string | undefined): void => {
      off();
      offClose();
      cancel();
      resolve(result);
    };
    const off = link.onData((chunk) => {
      text += Buffer.from(chunk).toString('utf8');
      let end: number;
      while ((end = text.indexOf('\n')) >= 0) {
        const line = text.slice(0, end).replace(/\r$/, '');
        text = text.slice(end + 1);
        if (accept(line)) return done(line);
      }
    });
    const offClose = link.onClose(() => done(undefined));
    const cancel = scheduler.setTimer(() => done(undefined), timeoutMs);
  });
}

const isAnswer = (line: string): boolean => line === 'ok' || line.startsWith('ok ') || line.startsWith('err ');

/**
 * Sends one line and resolves with the board's next answer line (`ok…`/`err…`); events and other
 * lines are skipped. Rejects with `robot-no-answer` after `timeoutMs`.
 */
export async function askLine(link: SerialLink, line: string, scheduler: Scheduler, timeoutMs: number, path: string): Promise<string> {
  const answer = untilLine(link, isAnswer, scheduler, timeoutMs);
  link.write(Buffer.from(`${line}\n`), () => {});
  const said = await answer;
  if (said === undefined) throw new AppError({ code: 'robot-no-answer', params: { path } });
  return said;
}
