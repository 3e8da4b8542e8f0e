/**
 * The USB ids (VID:PID, lower-case hex) the exported Johnny-Five script looks for when no port is
 * given: an Arduino Uno and the USB-serial chips of its clones, the boards that run StandardFirmata.
 * `robokit ports` knows more boards (firmware-bridge/src/ports.ts, which the core cannot import: it
 * loads serialport); test/firmware-bridge/ports.test.ts checks it guesses each of these as a robot.
 */
export const FIRMATA_BOARD_USB_IDS: readonly string[] = [
  '2341:0043', '2341:0001', '2341:0243', '2a03:0043', // Arduino Uno
  '1a86:7523', '1a86:5523', // CH340
  '1a86:55d4', '1a86:55d3', // CH9102
  '0403:6001', '0403:6015', // FTDI
  '10c4:ea60', // CP210x
  '067b:2303', // PL2303
];
