import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../app/core/project/json-error-offset';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": x}', 6],
    ['MZ\u0090', 0],
    ['{\n"a": tru\n}', 7],
    ['{"a":1,}', 7],
    ['{"a":1 "b":2}', 7],
    ['[1, 2', 5],
    ['{"a": "x\n"}', 8],
    ['{"a": 01}', 7],
    ['{"a": "\\q"}', 8],
  ])('%j goes wrong at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "é\\u00e9\\n"]} ', '"x"', '0'])('%j is valid (-1), as JSON.parse says', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBe(-1);
  });
});
