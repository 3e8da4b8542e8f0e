import { describe, expect, it } from 'vitest';
import { compileBytecode } from '../../../app/core/bytecode/compile-bytecode';
import { crc16, HEADER_BYTES, OP, PROGRAM_MAX_BYTES } from '../../../app/core/bytecode/format';
import type { Stmt } from '../../../app/core/ir';
import { BUILT_IN_PROFILES, type Profile } from '../../../app/core/profiles';
import { arith, compare, distance, get, num, program, text } from '../runtime/ir';

const ROBOT = BUILT_IN_PROFILES['arduino-2wd'] as Profile;
const SERVO = BUILT_IN_PROFILES['servo-bot'] as Profile;
const move = (seconds: number, id = 'm'): Stmt => ({ kind: 'motors.move', direction: 'forward', speed: num(50), seconds: num(seconds), blockId: id });

describe('compileBytecode', () => {
  it('writes the header, the code and a CRC-16 the robot can check', () => {
    const result = compileBytecode(program([move(1)]), ROBOT, { seed: 42, fixedSeed: true });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const image = result.image;
    const view = new DataView(image.buffer);
    expect([...image.subarray(0, 4)]).toEqual([0x52, 0x4b, 1, 1]);
    const n = view.getUint16(4, true);
    expect(image.length).toBe(HEADER_BYTES + n + 2);
    expect(view.getFloat32(8, true)).toBeCloseTo(1000 / 90, 4); // 180 °/s at 100 % → 90 °/s at the turn power
    expect(view.getUint32(12, true)).toBe(42);
    expect([...image.subarray(HEADER_BYTES, HEADER_BYTES + n)]).toEqual([OP.ENTER, 0, OP.PUSH_I8, 50, OP.PUSH_I8, 1, OP.MOVE, 0, OP.END]);
    expect(view.getUint16(HEADER_BYTES + n, true)).toBe(crc16(image, HEADER_BYTES + n));
  });

  it('CRC-16/CCITT-FALSE of "123456789" is 0x29B1 (the standard check value)', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });

  it('skips say blocks and says so', () => {
    const result = compileBytecode(program([{ kind: 'say', text: num(3), blockId: 'bubble' }, move(1)]), ROBOT);
    expect(result.ok && result.skipped).toEqual([{ code: 'bytecode-say-skipped', blockId: 'bubble' }]);
  });

  it('refuses text, yes/no comparisons and parts the robot lacks, naming the block', () => {
    const withText = compileBytecode(program([{ kind: 'var.set', name: 'x', value: text('bonjour', 'txt'), blockId: 's' }]), ROBOT);
    expect(withText).toEqual({ ok: false, problems: [{ code: 'bytecode-text', blockId: 'txt' }] });
    const yesNo = compileBytecode(
      program([{ kind: 'var.set', name: 'proche', value: compare('LT', distance(), num(20)), blockId: 's1' }, { kind: 'wait.until', condition: compare('EQ', get('proche'), num(1), 'cmp'), blockId: 'w' }]),
      ROBOT,
    );
    expect(yesNo).toEqual({ ok: false, problems: [{ code: 'bytecode-compare-yes-no', blockId: 'cmp' }] });
    const pen = compileBytecode(program([{ kind: 'pen.set', down: true, blockId: 'pen' }]), SERVO);
    expect(pen).toEqual({ ok: false, problems: [{ code: 'bytecode-missing-part', blockId: 'pen', params: { capability: 'pen' } }] });
  });

  it('refuses a program larger than the robot keeps, with its size', () => {
    const body = Array.from({ length: 200 }, (_, i) => move(1.5 + i, `m${i}`));
    const result = compileBytecode(program(body), ROBOT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.code).toBe('bytecode-too-big');
    expect(result.bytes).toBeGreaterThan(PROGRAM_MAX_BYTES);
  });

  it('writes whole numbers in one or two bytes and others as float32', () => {
    const result = compileBytecode(program([{ kind: 'var.set', name: 'x', value: arith('ADD', num(1000), num(0.5)), blockId: 's' }]), ROBOT);
    if (!result.ok) throw new Error('refused');
    const code = [...result.image.subarray(HEADER_BYTES, result.image.length - 2)];
    expect(code).toEqual([OP.ENTER, 0, OP.PUSH_I16, 0xe8, 0x03, OP.PUSH_F, 0, 0, 0, 0x3f, OP.ADD, OP.STORE_G, 0, OP.END]);
  });
});
