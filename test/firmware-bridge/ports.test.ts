import { describe, expect, it } from 'vitest';
import { FIRMATA_BOARD_USB_IDS } from '../../app/core/usb-boards';
import { findRobotPort, guessBoard, listPorts, type RawPortInfo } from '../../firmware-bridge/src/ports';

describe('guessBoard', () => {
  it('guesses as a robot every board the exported Johnny-Five script looks for', () => {
    for (const id of FIRMATA_BOARD_USB_IDS) {
      const [vid, pid] = id.split(':');
      expect(guessBoard(vid, pid).likelyArduino, id).toBe(true);
    }
  });

  it.each([
    ['2341', '0043', 'arduino-uno', false],
    ['2341', '0001', 'arduino-uno', false],
    ['2341', '0243', 'arduino-uno', false],
    ['2341', '0010', 'arduino-mega', false],
    ['2341', '0042', 'arduino-mega', false],
    ['2341', '8036', 'arduino-leonardo', false],
    ['2341', '0036', 'arduino-leonardo', false],
    ['1a86', '7523', 'ch340', true],
    ['1A86', '7523', 'ch340', true],
    ['0x1a86', '0x55D4', 'ch9102', true],
    ['0403', '6001', 'ftdi', false],
    ['10c4', 'ea60', 'cp210x', true],
    ['067b', '2303', 'pl2303', true],
  ] as const)('%s:%s is %s', (vid, pid, kind, needsDriver) => {
    const guess = guessBoard(vid, pid);
    expect(guess.kind).toBe(kind);
    expect(guess.likelyArduino).toBe(true);
    expect(guess.label.fr.length).toBeGreaterThan(0);
    expect(guess.label.en.length).toBeGreaterThan(0);
    expect(guess.driverHint !== undefined).toBe(needsDriver);
  });

  it('says which driver a CH340 needs, in French and English', () => {
    const hint = guessBoard('1a86', '7523').driverHint!;
    expect(hint.fr).toMatch(/pilote CH340/);
    expect(hint.en).toMatch(/CH340 driver/);
  });

  it.each([
    [undefined, undefined],
    ['046d', 'c52b'],
    ['2341', 'zzzz'],
    ['', ''],
  ])('%s:%s is unknown', (vid, pid) => {
    const guess = guessBoard(vid, pid);
    expect(guess).toMatchObject({ kind: 'unknown', likelyArduino: false });
    expect(guess.label.fr).toBe('Appareil série inconnu');
  });
});

describe('listPorts', () => {
  const ports: RawPortInfo[] = [
    { path: '/dev/ttyS0' },
    { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' },
    { path: '/dev/ttyACM0', vendorId: '2341', productId: '0043', serialNumber: '7593' },
  ];

  it('lists likely robots first, each with its guess and USB id', async () => {
    const listed = await listPorts(async () => ports);
    expect(listed.map((p) => [p.path, p.board.kind, p.usbId])).toEqual([
      ['/dev/ttyACM0', 'arduino-uno', '2341:0043'],
      ['/dev/ttyUSB0', 'ch340', '1a86:7523'],
      ['/dev/ttyS0', 'unknown', undefined],
    ]);
    expect(listed[0]!.serialNumber).toBe('7593');
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed); // plain data for --json
  });

  it('picks the first likely robot for --robot auto, or none', async () => {
    expect((await findRobotPort(async () => ports))?.path).toBe('/dev/ttyACM0');
    expect(await findRobotPort(async () => [{ path: '/dev/ttyS0' }])).toBeUndefined();
  });
});
