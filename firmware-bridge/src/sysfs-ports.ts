/**
 * Serial ports read from Linux's sysfs, for machines where serialport's own listing fails: on Linux
 * it runs `udevadm`, which containers and minimal systems often lack (then `robokit ports` and the
 * app's port list would fail outright). Each tty with a `device` link is a port; a USB one carries
 * its vendor and product ids, manufacturer and serial number a few directories up.
 */
import { readFile, readdir, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RawPortInfo } from './ports';

const USB_LEVELS = 4;

const readText = (path: string): Promise<string | undefined> =>
  readFile(path, 'utf8').then(
    (text) => text.trim() || undefined,
    () => undefined,
  );

/** The USB device directory above a tty's device (the first one with an idVendor file), if any. */
async function usbDeviceOf(deviceDir: string): Promise<string | undefined> {
  let dir = deviceDir;
  for (let level = 0; level < USB_LEVELS; level++) {
    if (await readText(join(dir, 'idVendor'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

async function portOf(sysRoot: string, name: string): Promise<RawPortInfo | undefined> {
  const device = await realpath(join(sysRoot, 'class/tty', name, 'device')).catch(() => undefined);
  if (!device) return undefined; // virtual terminals, ptys: no hardware behind them
  const usb = await usbDeviceOf(device);
  if (!usb) return { path: `/dev/${name}` };
  const [vendorId, productId, manufacturer, serialNumber] = await Promise.all(
    ['idVendor', 'idProduct', 'manufacturer', 'serial'].map((file) => readText(join(usb, file))),
  );
  return {
    path: `/dev/${name}`,
    ...(vendorId ? { vendorId } : {}),
    ...(productId ? { productId } : {}),
    ...(manufacturer ? { manufacturer } : {}),
    ...(serialNumber ? { serialNumber } : {}),
  };
}

/** Every serial port sysfs knows (`sysRoot` is `/sys`, or a copy of its layout in tests). */
export async function listSysfsPorts(sysRoot = '/sys'): Promise<RawPortInfo[]> {
  const names = await readdir(join(sysRoot, 'class/tty')).catch(() => [] as string[]);
  const ports = await Promise.all(names.map((name) => portOf(sysRoot, name)));
  return ports.filter((p): p is RawPortInfo => p !== undefined);
}
