import { describe, expect, it } from 'vitest';
import { analogChannel } from '../../firmware-bridge/src/sensors';

describe('analog channels', () => {
  it.each([
    ['A0', 0],
    ['A3', 3],
    [14, 0],
    [17, 3],
    [2, 2],
  ] as const)('%s is analog channel %s', (pin, ch) => {
    expect(analogChannel(pin)).toBe(ch);
  });
});
