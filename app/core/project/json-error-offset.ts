/**
 * Where JSON text goes wrong, for engines whose error says no position (V8 only says "Unexpected
 * token 'x'" for a bare word or a stray character). A small scanner that follows the JSON grammar
 * and returns the offset of the first character it cannot accept, or -1 if the text is valid (or
 * nested deeper than `maxDepth`, which callers refuse before parsing anyway).
 */
const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Failed {
  constructor(readonly at: number) {}
}

export function jsonErrorOffset(text: string, maxDepth = 512): number {
  let i = 0;
  const fail = (): never => {
    throw new Failed(i);
  };
  const space = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) fail();
    i++;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    expect('"');
  };
  const value = (depth: number): void => {
    if (depth > maxDepth) throw new Failed(-1);
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        return expect(close);
      }
    }
    if (c === '"') return string();
    const word = LITERALS.find((w) => text.startsWith(w, i));
    if (word) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    fail();
  };
  try {
    value(0);
    space();
    if (i < text.length) fail();
    return -1;
  } catch (e) {
    if (e instanceof Failed) return e.at;
    throw e;
  }
}
