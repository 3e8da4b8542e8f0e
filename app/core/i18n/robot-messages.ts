/** Robot connection and hardware messages (firmware bridge). */
import { defineMessages } from './define';

export const ROBOT_MESSAGES = defineMessages({});
