import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FIRMATA_HEX_SHA256, sha256 } from '../../../firmware-bridge/emulator/fetch-firmata';
import { FIRMWARE_IMAGES, firmwareDir, loadFirmwareImage } from '../../../firmware-bridge/src/install/firmware-images';
import { compareVersions, firmwareStatus } from '../../../firmware-bridge/src/install/firmware-status';
import { parseFirmata, parseHello } from '../../../firmware-bridge/src/install/identify-firmware';
import { troubleshooting } from '../../../app/core/troubleshooting';
import { guessBoard } from '../../../firmware-bridge/src/ports';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what answers on the port', () => {
  it('reads the RoboKit firmware hello line: name, version, protocol, robot name (with spaces) and id', () => {
    const info = parseHello(bytes('noise\nhello fw=robokit ver=1.2.3 proto=1 board=uno id=3F2A9C01 caps=motors,light kit=arduino-2wd name=Robot Lila\n'));
    expect(info).toEqual({
      firmware: 'robokit',
      name: 'robokit',
      version: '1.2.3',
      protocol: 1,
      robotName: 'Robot Lila',
      robotId: '3F2A9C01',
      board: 'uno',
      kit: 'arduino-2wd',
    });
  });

  it('waits for the end of the hello line, and refuses another firmware’s hello', () => {
    expect(parseHello(bytes('hello fw=robokit ver=1.0.0 proto=1 name=Lil'))).toBeNull();
    expect(parseHello(bytes('hello fw=other ver=9 name=-\n'))).toBeNull();
    expect(parseHello(bytes('hello fw=robokit ver=1.0.0 proto=1 kit=- name=-\n'))).toEqual({ firmware: 'robokit', name: 'robokit', version: '1.0.0', protocol: 1 });
  });

  it('reads StandardFirmata’s firmware report (name in 7-bit pairs)', () => {
    const name = [...'StandardFirmata.ino'].flatMap((c) => [c.charCodeAt(0) & 0x7f, c.charCodeAt(0) >> 7]);
    const report = Uint8Array.from([0xf9, 2, 5, 0xf0, 0x79, 2, 5, ...name, 0xf7]);
    expect(parseFirmata(report)).toEqual({ firmware: 'firmata', name: 'StandardFirmata', version: '2.5' });
    expect(parseFirmata(report.subarray(0, report.length - 1))).toBeNull();
  });
});

describe('is it up to date?', () => {
  it('compares versions by number', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.9', '1.0.0')).toBe(-1);
  });

  it('an older RoboKit firmware gets the update sentence; the shipped one is up to date', () => {
    const latest = FIRMWARE_IMAGES.robokit.version;
    expect(firmwareStatus({ firmware: 'robokit', name: 'robokit', version: '0.9.0' })).toMatchObject({ upToDate: false, code: 'firmware-old', latest });
    expect(firmwareStatus({ firmware: 'robokit', name: 'robokit', version: latest })).toMatchObject({ upToDate: true, code: 'firmware-up-to-date' });
  });
});

describe('which board, and which advice', () => {
  it('tells ATmega328P boards and USB-serial clones from boards RoboKit must not flash', () => {
    expect(guessBoard('2341', '0043')).toMatchObject({ kind: 'arduino-uno', mcu: 'atmega328p', bootBauds: [115200] });
    expect(guessBoard('1a86', '7523')).toMatchObject({ kind: 'ch340', mcu: 'unknown', bootBauds: [115200, 57600] });
    expect(guessBoard('0403', '6001')).toMatchObject({ kind: 'ftdi', bootBauds: [57600, 115200] });
    for (const [vid, pid] of [['2341', '0042'], ['2341', '8036'], ['2341', '0058'], ['0d28', '0204']]) {
      expect(guessBoard(vid, pid).mcu).toBe('other');
    }
    expect(guessBoard(undefined, undefined)).toMatchObject({ mcu: 'unknown', bootBauds: [115200] });
  });

  it('gives advice from the real failure and the system', () => {
    expect(troubleshooting('robot-port-not-found', 'linux')).toEqual(['help-no-port', 'help-brltty']);
    expect(troubleshooting('robot-port-not-found', 'win32')).toEqual(['help-no-port', 'driver-ch340']);
    expect(troubleshooting('robot-port-busy', 'linux')).toEqual(['help-port-busy-linux', 'help-brltty']);
    expect(troubleshooting('robot-port-busy', 'darwin')).toEqual([]);
    expect(troubleshooting('firmware-none', 'linux')).toEqual(['help-offer-install']);
    expect(troubleshooting('firmware-bootloader-silent', 'darwin', guessBoard('1a86', '7523').kind)).toEqual(['driver-ch340']);
  });
});

describe('the images RoboKit ships', () => {
  it('StandardFirmata is the very image the test rig verifies, and fits below the bootloader', async () => {
    const dir = firmwareDir()!;
    expect(sha256(await readFile(`${dir}/${FIRMWARE_IMAGES.firmata.file}`))).toBe(FIRMATA_HEX_SHA256);
    const loaded = await loadFirmwareImage('firmata');
    expect(loaded.bytes.length % 128).toBe(0);
    expect(loaded.bytes.length).toBeGreaterThan(10_000);
    expect(loaded.bytes.length).toBeLessThanOrEqual(0x7e00);
  });

  it('the RoboKit firmware’s version is the one its sources declare (robokit.h)', async () => {
    const header = await readFile(`${firmwareDir()!}/robokit/robokit.h`, 'utf8');
    expect(header).toContain(`#define FIRMWARE_VERSION "${FIRMWARE_IMAGES.robokit.version}"`);
    const loaded = await loadFirmwareImage('robokit');
    expect(loaded.bytes.length).toBeGreaterThan(10_000);
  });

  it('a missing image is a clear error, not a crash', async () => {
    await expect(loadFirmwareImage('firmata', '/nonexistent')).rejects.toMatchObject({ code: 'firmware-image-missing' });
  });
});
