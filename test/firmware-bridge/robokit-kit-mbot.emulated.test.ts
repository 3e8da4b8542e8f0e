/** The RobotIo contract for the `mbot` profile on the emulated Uno running the built RoboKit firmware (rig/kit-contract.ts). */
import { kitContract } from './rig/kit-contract';
import { mbotObserver } from './rig/kit-observers';

kitContract('mbot', 'mBot (mCore)', (uno, tone) => mbotObserver(uno, tone!));
