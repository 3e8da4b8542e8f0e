/**
 * Seeded generators of hostile input for the `robokit serve` fuzz: HTTP requests that do not parse
 * or lie, with and without the token and the session cookie, WebSocket upgrades, WebSocket frames that break the protocol,
 * and API messages (JSON or not, deep, huge, wrong types, every method name and others).
 */
import { randomInt } from '../../../app/core/random';
import { METHOD_NAMES } from '../../../app/shared/api';

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function randomBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function randomText(random: Random, max: number): string {
  const alphabet = ['a', '/', '%', '.', '?', '#', '\\', '\u0000', '\r', '\n', ' ', 'é', '\ud800', '😀', '"', '{', '[', ':', '@', '~', '%2e', '%00', '%zz', '..'];
  let text = '';
  const length = randomInt(random, 0, max);
  for (let i = 0; i < length; i++) text += pick(random, alphabet);
  return text;
}

const TARGETS = [
  '//a:99999/', '//', '///', '//evil.example/', '//[::1', '/%', '/%zz', '/%E0%A4%A', '/..%2f..%2fetc/passwd', '/..',
  '/../../package.json', '/assets/%2e%2e/%2e%2e/x', '/\\..\\..\\x', 'http://127.0.0.1/', 'http://evil.example/', '*',
  'a', '', ' ', '/api', '/api?token=x', '/api/', '/API', '/?token=', '/index.html', '/index.html?%', '/%00', '/.env',
  '/assets', '/a?b#c', `/${'a'.repeat(20_000)}`, `/${'%2f'.repeat(3000)}`, '/\u00e9', '/\ud83d', '/;/',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'PATCH', 'get', 'G ET', 'BREW', ''];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1x', '', 'HTTP/1.1 extra'];

/** One HTTP request (or something that looks like one) as bytes. */
export function httpRequest(random: Random, port: number, origin: string, cookie: string): Buffer {
  const roll = random();
  if (roll < 0.05) return randomBytes(random, randomInt(random, 1, 4096));
  const roll2 = random();
  const target =
    roll2 < 0.5 ? pick(random, TARGETS)
    : roll2 < 0.6 ? `/?token=${pick(random, ['', '0'.repeat(32), randomText(random, 40), 'a&token=b'])}`
    : `/${randomText(random, 64)}`;
  const host = pick(random, [`127.0.0.1:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, 'evil.example', '', `127.0.0.1:${port}\r\nHost: x`]);
  const lines = [`${pick(random, METHODS)} ${target} ${pick(random, VERSIONS)}`];
  if (random() < 0.9) lines.push(`Host: ${host}`);
  const headers = [
    'Connection: close',
    'Connection: keep-alive',
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Content-Length: 1\r\nContent-Length: 2',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: chunked, identity',
    `X-Big: ${'x'.repeat(randomInt(random, 1, 20_000))}`,
    'Expect: 100-continue',
    `Cookie: ${randomText(random, 40)}`,
    `Cookie: ${cookie}`,
    `Cookie: ${cookie}`,
    `Cookie: ${cookie.replace(/=.*/, '=')}${'0'.repeat(32)}`,
    `Cookie: ${cookie}; ${cookie}x`,
    `Bad Header: ${randomText(random, 10)}`,
    ':',
    'X-Null: \u0000',
  ];
  const count = randomInt(random, 0, 4);
  for (let i = 0; i < count; i++) lines.push(pick(random, headers));
  if (random() < 0.01) for (let i = 0; i < 200; i++) lines.push(`X-${i}: ${i}`);
  if (random() < 0.25) lines.push(...upgradeHeaders(random, origin));
  const body = random() < 0.2 ? pick(random, ['hello', '0\r\n\r\n', 'zz\r\nxx\r\n', '5\r\nab']) : '';
  const end = pick(random, ['\r\n\r\n', '\r\n\r\n', '\n\n', '\r\n', '']);
  return Buffer.from(lines.join('\r\n') + end + body, 'latin1');
}

function upgradeHeaders(random: Random, origin: string): string[] {
  const protocols = pick(random, ['robokit.v1', 'robokit.v1', 'robokit.v2', 'robokit.v1, x', `${'robokit.v1, '.repeat(300)}x`, '', ',,,']);
  return [
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Version: ${pick(random, ['13', '8', '', 'x'])}`,
    `Sec-WebSocket-Key: ${pick(random, ['dGhlIHNhbXBsZSBub25jZQ==', '', 'short', '!!!!!!!!!!!!!!!!!!!!!!!='])}`,
    `Sec-WebSocket-Protocol: ${protocols}`,
    `Origin: ${pick(random, [origin, origin, 'null', 'http://evil.example', ''])}`,
  ];
}

/** A well-formed upgrade with the session cookie (then raw frames follow). */
export function goodUpgrade(port: number, origin: string, cookie: string): Buffer {
  return Buffer.from(
    [
      'GET /api HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Protocol: robokit.v1',
      `Cookie: ${cookie}`,
      `Origin: ${origin}`,
    ].join('\r\n') + '\r\n\r\n',
  );
}

/** A client frame: FIN/RSV/opcode byte, masked or not, any declared length. */
function frame(first: number, payload: Buffer, options: { mask?: boolean; declared?: bigint } = {}): Buffer {
  const mask = options.mask ?? true;
  const length = options.declared ?? BigInt(payload.length);
  const header: number[] = [first];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126n) header.push(maskBit | Number(length));
  else if (length < 65536n) header.push(maskBit | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  else {
    header.push(maskBit | 127);
    for (let shift = 56n; shift >= 0n; shift -= 8n) header.push(Number((length >> shift) & 0xffn));
  }
  const key = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload);
  if (mask) for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(header), mask ? key : Buffer.alloc(0), body]);
}

/** Frames that break the WebSocket protocol in one way each (the server must close, not die). */
export function badFrames(random: Random): Buffer {
  const json = Buffer.from('{"id":1,"method":"getHostInfo"}');
  const cases: Array<() => Buffer> = [
    () => frame(0x81, json, { mask: false }), // a client frame must be masked
    () => frame(0x80 | randomInt(random, 3, 7), json), // reserved data opcodes
    () => frame(0x80 | randomInt(random, 0xb, 0xf), json), // reserved control opcodes
    () => frame(0xc1, json), // RSV1 without an extension
    () => frame(0xa1, json), // RSV2
    () => frame(0x80, json), // continuation with nothing to continue
    () => Buffer.concat([frame(0x01, json), frame(0x01, json)]), // a new message inside a fragmented one
    () => frame(0x09, Buffer.from('ping')), // a fragmented control frame
    () => frame(0x89, randomBytes(random, 126)), // a control frame longer than 125
    () => frame(0x81, Buffer.from([0xff, 0xfe, 0xc3, 0x28])), // invalid UTF-8 text
    () => frame(0x88, Buffer.from([0x03, 0xe7])), // close code 999
    () => frame(0x88, Buffer.from([0x0b])), // a 1-byte close payload
    () => frame(0x81, Buffer.alloc(0), { declared: 2n ** 63n - 1n }), // absurd length
    () => frame(0x82, Buffer.alloc(0), { declared: 9n * 1024n * 1024n }), // over the size limit
    () => Buffer.concat([frame(0x81, json).subarray(0, 5)]), // cut short
    () => randomBytes(random, randomInt(random, 1, 512)),
  ];
  return pick(random, cases)();
}

/** A value of random shape: objects, arrays, strings, numbers; sometimes deep or wide. */
function randomValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (depth > 4 || roll < 0.3) {
    return pick(random, [null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, '', 'a', '../../etc/passwd', '\u0000', 'COM1', 'x'.repeat(1000), randomText(random, 30), 'fr', 'en', 'sim', 'arduino-2wd', 'robot']);
  }
  if (roll < 0.6) return Array.from({ length: randomInt(random, 0, 4) }, () => randomValue(random, depth + 1));
  const keys = ['id', 'project', 'workspace', 'text', 'fileName', 'port', 'profile', 'target', 'pack', 'lesson', 'locale', 'name', '__proto__', 'constructor', 'prototype', 'data', 'from', 'blocks', 'format', 'version'];
  const out: Record<string, unknown> = {};
  for (let i = randomInt(random, 0, 4); i > 0; i--) out[pick(random, keys)] = randomValue(random, depth + 1);
  return out;
}

function deep(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

/**
 * Methods whose host work stays in memory. The others reach the disk or the hardware for real
 * (lesson packs, autosaves, serial ports): called now and then, not thousands of times — a valid
 * call costs tens of milliseconds on this machine, and the point here is the transport and the
 * validation in front of them.
 */
const LIGHT_METHODS = ['getHostInfo', 'listProfiles', 'listWorlds', 'getWorld', 'pause', 'resume', 'step', 'stop', 'disconnect'] as const;
const HEAVY = METHOD_NAMES.filter((m) => !(LIGHT_METHODS as readonly string[]).includes(m));

/** One API message as text (or a Buffer for a binary frame). */
export function apiMessage(random: Random, id: number): string | Buffer {
  const roll = random();
  const methods: readonly string[] = random() < 0.01 ? HEAVY : LIGHT_METHODS;
  const method = random() < 0.8 ? pick(random, methods) : pick(random, ['', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'onDidEmitRunEvent', 'shutdown', 'lastGasp', 'openFromOs', randomText(random, 20)]);
  if (roll < 0.05) return randomText(random, 200);
  if (roll < 0.08) return randomBytes(random, randomInt(random, 0, 300));
  if (roll < 0.1) return `{"id":${id},"method":"${method}","params":${deep(random() < 0.05 ? 200_000 : randomInt(random, 500, 5_000))}}`;
  if (roll < 0.11) return `{"id":${id},"method":"autosave","params":{"project":{"format":"robokit-project","version":1,"name":"x","profile":"sim","workspace":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}}`;
  if (roll < 0.112) return JSON.stringify({ id, method: 'openProject', params: { from: 'text', text: 'x'.repeat(randomInt(random, 1, 3_000_000)) } });
  if (roll < 0.15) return JSON.stringify({ id: pick(random, [null, -1.5, 'x'.repeat(100), {}, [], true]), method, params: {} });
  if (roll < 0.17) return `{"id":${id},"method":"${method}","params":{"a":1,"a":2,"__proto__":{"polluted":true}}}`;
  return JSON.stringify({ id, method, params: randomValue(random) });
}
