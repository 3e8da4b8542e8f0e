/**
 * The `robokit` command line (SPEC §6): composition root of the CLI process. Commands load lazily,
 * so `robokit run --robot sim` never loads Johnny-Five, serialport or the web server.
 */
import { AppError, BugError } from '../core/errors';
import { EXIT, explain, processOutput, type ExitCode, type Output } from './output';

type Command = (argv: string[], output: Output) => Promise<ExitCode>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run')).runCommand,
  compile: async () => (await import('./commands/compile')).compileCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  pack: async () => (await import('./commands/pack')).packCommand,
  ports: async () => (await import('./commands/ports')).portsCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  firmware: async () => (await import('./commands/firmware')).firmwareCommand,
  upload: async () => (await import('./commands/upload')).uploadCommand,
};

const USAGE = `RoboKit — programmer un robot avec des blocs / program a robot with blocks

  robokit run FILE.robokit [--robot sim|auto|PATH] [--profile ID] [--world FILE|ID] [--timeout S] [--json]
  robokit compile FILE.robokit [--format ir|js] [--profile ID]
  robokit check FILE.robokit --pack PACK --lesson ID [--json]
  robokit pack validate PACK
  robokit pack build DIR -o FILE.robokitpack
  robokit ports [--json]
  robokit firmware install --port PATH [--firmware robokit|firmata] [--json]
  robokit firmware info --port PATH [--json]
  robokit upload FILE.robokit --robot PATH [--profile ID] [--autostart] [--json]
  robokit serve [--port N] [--robot-port PATH]

  --profile : un robot intégré (mbot, arduino-2wd…), un fichier .robokitprofile, ou un robot de la classe / a built-in robot, a .robokitprofile file, or a class's own robot
`;

export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.err(USAGE);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const load = COMMANDS[name];
  if (!load) {
    explain(output, 'bad-usage', { detail: `« ${name} » ?` });
    output.err(USAGE);
    return EXIT.badInput;
  }
  try {
    return await (await load())(rest, output);
  } catch (e) {
    return reportFailure(e, output);
  }
}

/** One or two sentences for people; never a stack trace. */
function reportFailure(e: unknown, output: Output): ExitCode {
  if (e instanceof AppError) {
    explain(output, e.code, e.params);
    const unreachable = e.code.startsWith('robot-') && e.code !== 'robot-wrong-profile';
    return unreachable ? EXIT.robotUnreachable : EXIT.badInput;
  }
  const what = e instanceof BugError ? e.message : e instanceof Error ? e.name : String(e);
  output.err(`robokit : une erreur inattendue est survenue (${what}). Ce n’est pas ta faute.`);
  output.err(`robokit: something unexpected went wrong (${what}). It is not your fault.`);
  return EXIT.runtimeError;
}
