/**
 * `robokit serve [--port N]`: the app in a browser, robots on this computer. Listens on 127.0.0.1
 * only and prints a URL with a one-time token. Ctrl-C puts any robot in a safe state, then exits.
 */
import { runServe } from '../../host/serve/run-serve';
import { numberOption, parse } from '../args';
import { EXIT, type ExitCode, type Output } from '../output';

export async function serveCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values } = parse(argv, { port: { type: 'string' } }, { min: 0, max: 0 });
  const port = numberOption(values.port, 'port', undefined, 0);
  const { serve, stop } = await runServe(port === undefined ? {} : { port });
  output.err('RoboKit est prêt. Ouvre cette adresse dans ton navigateur (sur cet ordinateur seulement) :');
  output.err('RoboKit is ready. Open this address in your browser (on this computer only):');
  output.out(serve.url);
  await new Promise<void>((resolve) => {
    const quit = () => resolve();
    process.once('SIGINT', quit);
    process.once('SIGTERM', quit);
  });
  await stop();
  output.err('RoboKit s’est arrêté. / RoboKit stopped.');
  return EXIT.ok;
}
