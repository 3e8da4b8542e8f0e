/** `robokit ports [--json]`: serial ports, likely robots first, with a guess of the board. Exit 0. */
import { listPorts } from '../../../firmware-bridge/src/ports';
import { parse } from '../args';
import { EXIT, type ExitCode, type Output } from '../output';

export async function portsCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values } = parse(argv, { json: { type: 'boolean', default: false } }, { min: 0, max: 0 });
  const ports = await listPorts();
  if (values.json === true) {
    output.out(JSON.stringify(ports));
    return EXIT.ok;
  }
  if (ports.length === 0) {
    output.err('robokit : aucun port série. Branche le robot en USB (et installe le pilote si besoin).');
    output.err('robokit: no serial port. Plug the robot in over USB (and install the driver if needed).');
    return EXIT.ok;
  }
  for (const p of ports) {
    const id = p.usbId ? ` [${p.usbId}]` : '';
    output.out(`${p.board.likelyArduino ? '🤖' : '  '} ${p.path}  ${p.board.label.fr} / ${p.board.label.en}${id}`);
    if (p.board.driverHint) output.out(`     ${p.board.driverHint.fr} / ${p.board.driverHint.en}`);
  }
  return EXIT.ok;
}
