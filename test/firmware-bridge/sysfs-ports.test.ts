import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSysfsPorts } from '../../firmware-bridge/src/sysfs-ports';

/** A copy of sysfs's layout: a CH340 on USB (ttyUSB0), an Uno (ttyACM0), a platform port, a virtual terminal. */
async function fakeSys(root: string): Promise<void> {
  const usb = join(root, 'devices/pci0000:00/usb1/1-1');
  const uno = join(root, 'devices/pci0000:00/usb1/1-2');
  await mkdir(join(usb, '1-1:1.0/ttyUSB0'), { recursive: true });
  await mkdir(join(uno, '1-2:1.0'), { recursive: true });
  await mkdir(join(root, 'devices/platform/serial8250'), { recursive: true });
  await writeFile(join(usb, 'idVendor'), '1a86\n');
  await writeFile(join(usb, 'idProduct'), '7523\n');
  await writeFile(join(uno, 'idVendor'), '2341\n');
  await writeFile(join(uno, 'idProduct'), '0043\n');
  await writeFile(join(uno, 'manufacturer'), 'Arduino (www.arduino.cc)\n');
  await writeFile(join(uno, 'serial'), '85736323838351F0E1A1\n');
  for (const name of ['ttyUSB0', 'ttyACM0', 'ttyS0', 'tty1']) await mkdir(join(root, 'class/tty', name), { recursive: true });
  await symlink(join(usb, '1-1:1.0/ttyUSB0'), join(root, 'class/tty/ttyUSB0/device'));
  await symlink(join(uno, '1-2:1.0'), join(root, 'class/tty/ttyACM0/device'));
  await symlink(join(root, 'devices/platform/serial8250'), join(root, 'class/tty/ttyS0/device'));
}

describe('serial ports from sysfs (Linux without udevadm)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'robokit-sys-'));
    await fakeSys(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('lists ttys with hardware behind them, with their USB ids', async () => {
    const ports = await listSysfsPorts(root);
    const byPath = Object.fromEntries(ports.map((p) => [p.path, p]));
    expect(Object.keys(byPath).sort()).toEqual(['/dev/ttyACM0', '/dev/ttyS0', '/dev/ttyUSB0']);
    expect(byPath['/dev/ttyUSB0']).toEqual({ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' });
    expect(byPath['/dev/ttyACM0']).toEqual({
      path: '/dev/ttyACM0',
      vendorId: '2341',
      productId: '0043',
      manufacturer: 'Arduino (www.arduino.cc)',
      serialNumber: '85736323838351F0E1A1',
    });
    expect(byPath['/dev/ttyS0']).toEqual({ path: '/dev/ttyS0' });
  });

  it('gives no port when there is no sysfs', async () => {
    expect(await listSysfsPorts(join(root, 'nowhere'))).toEqual([]);
  });
});
