/**
 * The host side of the idle-CPU benchmark, in its own process (the emulated board's worker thread
 * must not count): connect to the robot at argv[2] with the connect options in argv[3] (JSON), say
 * "ready", stay connected and idle until stdin closes, then close the connection and exit. Bundled
 * and started by link-idle-cpu.bench.ts.
 */
import { BUILT_IN_PROFILES } from '../app/core/profiles';
import { type ConnectOptions, RobotConnection } from '../firmware-bridge/src/connection';

const path = process.argv[2];
if (!path) throw new Error('usage: link-idle-child PATH');
const options = JSON.parse(process.argv[3] ?? '{}') as ConnectOptions;
const connection = await RobotConnection.connect(path, BUILT_IN_PROFILES['arduino-2wd']!, { ...options, reconnect: false });
const before = process.cpuUsage();
const since = performance.now();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.once('end', () => {
  const used = process.cpuUsage(before);
  process.stdout.write(`${JSON.stringify({ cpuUs: used.user + used.system, ms: performance.now() - since, state: connection.state })}\n`);
  void connection.close().then(() => process.exit(0));
});
