/** Desktop app and host messages. */
import { defineMessages } from './define';

export const APP_MESSAGES = defineMessages({});
