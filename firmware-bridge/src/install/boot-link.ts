/**
 * The serial seam of the firmware installer: bytes both ways, the baud rate, and the Arduino
 * auto-reset (DTR/RTS pulled low then high through the board's capacitor). A port that cannot
 * (a pseudo-terminal, a Bluetooth link) says so, and the installer asks for the reset button.
 */
import { SerialPort } from 'serialport';
import { openErrorToAppError } from '../serial-link';

export interface BootLink {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Resets the board by DTR/RTS; false when this port has no such lines. */
  pulseReset(): Promise<boolean>;
  setBaud(baud: number): Promise<void>;
  close(): Promise<void>;
}

export type BootLinkOpener = (path: string, baud: number) => Promise<BootLink>;

/** avrdude's arduino programmer: lines low 250 ms, then high; the bootloader starts ≈ 50 ms later. */
const RESET_LOW_MS = 250;
const RESET_HIGH_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const openBootLink: BootLinkOpener = async (path, baud) => {
  const port = new SerialPort({ path, baudRate: baud, autoOpen: false, hupcl: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(openErrorToAppError(error, path)) : resolve())));
  return new SerialBootLink(port);
};

class SerialBootLink implements BootLink {
  constructor(private readonly port: SerialPort) {
    port.on('error', () => {}); // a write or read error surfaces as a timeout of the command
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) =>
      this.port.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve())),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.port.on('data', listener);
    return () => this.port.off('data', listener);
  }

  async pulseReset(): Promise<boolean> {
    const set = (level: boolean) =>
      new Promise<boolean>((resolve) => this.port.set({ dtr: level, rts: level }, (error) => resolve(!error)));
    if (!(await set(false))) return false;
    await sleep(RESET_LOW_MS);
    if (!(await set(true))) return false;
    await sleep(RESET_HIGH_MS);
    return true;
  }

  setBaud(baud: number): Promise<void> {
    return new Promise((resolve, reject) => this.port.update({ baudRate: baud }, (error) => (error ? reject(error) : resolve())));
  }

  close(): Promise<void> {
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }
}
