/**
 * `robokit serve [--port N] [--robot-port PATH]`: the app in a browser, robots on this computer.
 * Listens on 127.0.0.1 only and prints a URL with a one-time token (the browser that opens it first
 * keeps a session: any number of tabs, closed and reopened). Enter in the terminal prints a fresh
 * link, for another browser. Ctrl-C puts any robot in a safe state, then exits. `--robot-port` offers one more serial port in the robot panel, for a port the
 * system's list does not show: the emulated Uno of `npm run emulate` (a pseudo-terminal).
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../core/errors';
import { runServe } from '../../host/serve/run-serve';
import { numberOption, parse } from '../args';
import { EXIT, type ExitCode, type Output } from '../output';

export async function serveCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values } = parse(argv, { port: { type: 'string' }, 'robot-port': { type: 'string' } }, { min: 0, max: 0 });
  const port = numberOption(values.port, 'port', undefined, 0);
  const robotPort = values['robot-port'];
  if (robotPort === '') throw new AppError({ code: 'bad-usage', params: { detail: '--robot-port needs a path' } });
  const { serve, stop } = await runServe({
    ...(port === undefined ? {} : { port }),
    ...(typeof robotPort === 'string' ? { robotPorts: [resolve(robotPort)] } : {}),
  });
  output.err('RoboKit est prêt. Ouvre cette adresse dans ton navigateur (sur cet ordinateur seulement) :');
  output.err('RoboKit is ready. Open this address in your browser (on this computer only):');
  output.out(serve.url);
  output.err('Pour un autre navigateur, appuie sur Entrée : un nouveau lien s’affiche. / For another browser, press Enter: a new link is printed.');
  output.err(`Atelier : la vue projecteur est à ${serve.origin}/#projecteur (dans le même navigateur). / Workshop: the projector view is at ${serve.origin}/#projecteur (in the same browser).`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => output.out(serve.newLink()));
  await new Promise<void>((resolve) => {
    const quit = () => resolve();
    process.once('SIGINT', quit);
    process.once('SIGTERM', quit);
  });
  lines.close();
  await stop();
  output.err('RoboKit s’est arrêté. / RoboKit stopped.');
  return EXIT.ok;
}
