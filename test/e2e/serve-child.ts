/**
 * `robokit serve` in its own process for the browser tests and UI benchmarks, so the server's
 * event loop is not shared with the test runner. Prints one JSON line `{url, origin}` once
 * listening, and `{url}` with a fresh link for each line read on stdin (as Enter in `robokit serve`);
 * stops cleanly on SIGTERM. Arguments: RENDERER_DIR DATA_DIR [ROBOT_PORT…] (extra serial
 * ports for the robot panel, as `robokit serve --robot-port`).
 */
import { createInterface } from 'node:readline';
import { runServe } from '../../app/host/serve/run-serve';

const [rendererDir, dataDir, ...robotPorts] = process.argv.slice(2);
if (!rendererDir || !dataDir) {
  process.stderr.write('usage: serve-child RENDERER_DIR DATA_DIR [ROBOT_PORT…]\n');
  process.exit(2);
}
const server = await runServe({ port: 0, rendererDir, dataDir, robotPorts });
process.stdout.write(`${JSON.stringify({ url: server.serve.url, origin: server.serve.origin })}\n`);
createInterface({ input: process.stdin }).on('line', () => process.stdout.write(`${JSON.stringify({ url: server.serve.newLink() })}\n`));
process.on('SIGTERM', () => {
  void server.stop().finally(() => process.exit(0));
});
