/** Lesson pack and challenge messages. */
import { defineMessages } from './define';

export const PACK_MESSAGES = defineMessages({});
