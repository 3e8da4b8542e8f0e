/** The RobotIo contract for the `l9110-hcsr04` profile on the emulated Uno running the built RoboKit firmware (rig/kit-contract.ts). */
import { kitContract } from './rig/kit-contract';
import { l9110Observer } from './rig/kit-observers';

kitContract('l9110-hcsr04', 'L9110 + HC-SR04 kit', (uno) => l9110Observer(uno));
