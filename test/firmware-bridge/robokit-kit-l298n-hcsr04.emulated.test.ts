/** The RobotIo contract for the `l298n-hcsr04` profile on the emulated Uno running the built RoboKit firmware (rig/kit-contract.ts). */
import { kitContract } from './rig/kit-contract';
import { l298nObserver } from './rig/kit-observers';

kitContract('l298n-hcsr04', 'L298N + HC-SR04 kit', (uno, tone) => l298nObserver(uno, tone!));
