/**
 * The parts of firmata-io and Johnny-Five the bridge uses (neither ships types).
 * firmata-io's CommonJS export is `bindTransport(Transport) => Firmata` with `.Firmata` on it;
 * passing a transport object to the constructor uses it as is, so no binding is needed.
 */
declare module 'firmata-io' {
  import type { EventEmitter } from 'node:events';

  export interface FirmataTransport {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EventEmitter's own listener type
    on(event: string, listener: (...args: any[]) => void): unknown;
    write(data: Buffer, callback: (error?: Error | null) => void): unknown;
  }

  export interface FirmataOptions {
    skipCapabilities?: boolean;
    pinCount?: number;
    analogPins?: number[];
    reportVersionTimeout?: number;
    samplingInterval?: number;
  }

  export interface FirmataPin {
    mode?: number;
    value?: number;
    report?: number;
    /** What the board reported for the pin (pin state query): output level or PWM duty. */
    state?: number;
    supportedModes: number[];
    analogChannel: number;
  }

  export class Firmata extends EventEmitter {
    constructor(transport: FirmataTransport, options?: FirmataOptions);
    isReady: boolean;
    versionReceived: boolean;
    readonly MODES: Readonly<Record<string, number>>;
    pins: FirmataPin[];
    ports: number[];
    analogPins: number[];
    buffer: number[];
    pending: number;
    version: { major?: number; minor?: number };
    firmware: { name?: string; version?: { major: number; minor: number } };
    reportVersionTimeoutId: ReturnType<typeof setTimeout>;
    reportVersion(callback: () => void): void;
    queryFirmware(callback: () => void): void;
    pinMode(pin: number, mode: number): void;
    digitalWrite(pin: number, value: number): void;
    analogWrite(pin: number, value: number): void;
    servoWrite(pin: number, value: number): void;
    servoConfig(pin: number, min: number, max: number): void;
    reportAnalogPin(channel: number, on: 0 | 1): void;
    reportDigitalPin(pin: number, on: 0 | 1): void;
    updateDigitalPort(pin: number, value: number): number;
    setSamplingInterval(ms: number): void;
    queryPinState(pin: number, callback: () => void): void;
  }

  const bindTransport: { (transport: unknown): typeof Firmata; Firmata: typeof Firmata };
  export default bindTransport;
}

declare module 'johnny-five' {
  import type { EventEmitter } from 'node:events';

  export interface BoardOptions {
    io: unknown;
    repl?: boolean;
    sigint?: boolean;
    debug?: boolean;
    timeout?: number;
  }

  export class Board extends EventEmitter {
    constructor(options: BoardOptions);
    readonly isReady: boolean;
    readonly io: unknown;
  }

  const five: { Board: typeof Board };
  export default five;
}
