/**
 * The shared RobotIo contract, run against the simulator. Sensor inputs are produced the
 * simulator's own way: the robot is placed in a test world (the arena's right border ahead at a
 * chosen distance, over a lane whose dark lines give the wanted line-sensor pair) and the room
 * light is set with the ambient-light slider. Nothing in the Simulation is overridden.
 */
import { robotIoContract, type ContractAdapter } from '../../contract/robot-io-contract';
import { Simulation } from '../../../app/core/simulator/simulation';
import { DISTANCE_SENSOR_AHEAD_CM } from '../../../app/core/simulator/robot-body';
import { BUILT_IN_PROFILES, type Profile } from '../../../app/core/profiles';
import type { Side } from '../../../app/core/ir';
import { makeWorld, SIM_PROFILE } from './make-world';

const WIDTH = 400;
/** Robot y for each (left, right) line reading; sensors sit 2 cm each side of the centre (heading 0). */
const LANES: Record<string, number> = { 'true,false': 50, 'false,true': 100, 'true,true': 150, 'false,false': 200 };
const line = (y: number, width: number) => ({ points: [[0, y], [WIDTH, y]] as [number, number][], width });

const contractWorld = makeWorld({
  size: { width: WIDTH, height: 250 },
  robot: { x: 300, y: LANES['false,false']!, heading: 0 },
  lines: [line(52.5, 2), line(97.5, 2), line(150, 5)],
});

function simAdapter(profile: Profile): () => Promise<ContractAdapter> {
  return () => {
    const sim = new Simulation(contractWorld, profile);
    const state = { distance: 50, left: false, right: false };
    const place = () =>
      sim.placeRobot({ x: WIDTH - DISTANCE_SENSOR_AHEAD_CM - state.distance, y: LANES[`${state.left},${state.right}`]!, heading: 0 });
    const adapter: ContractAdapter = {
      io: sim.io,
      observe: {
        motors: () => sim.snapshot().motors,
        light: () => sim.snapshot().lightOn,
        toneHz: () => sim.snapshot().toneHz,
        penDown: () => sim.snapshot().penDown,
        setDistance: (cm) => ((state.distance = cm), place()),
        setLine: (side: Side, dark) => ((state[side] = dark), place()),
        setLight: (level) => sim.setAmbientLight(level),
        setButton: (pressed) => sim.pressButton(pressed),
        // Commands act at once in the simulator; stepping shows they also hold over time.
        settle: () => (sim.step(10), Promise.resolve()),
      },
      dispose: () => Promise.resolve(),
    };
    return Promise.resolve(adapter);
  };
}

robotIoContract('simulator, sim profile', simAdapter(SIM_PROFILE));
const servoBot = BUILT_IN_PROFILES['servo-bot']!;
robotIoContract('simulator, servo-bot twin', simAdapter(servoBot), { capabilities: servoBot.capabilities });
// Every kit's twin (SPEC: any project runs in the simulator), with exactly the kit's parts.
for (const id of ['mbot', 'l298n-hcsr04', 'l9110-hcsr04']) {
  const kit = BUILT_IN_PROFILES[id]!;
  robotIoContract(`simulator, ${id} twin`, simAdapter(kit), { capabilities: kit.capabilities });
}
