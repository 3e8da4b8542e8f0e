/*
 * RoboKit firmware for the ATmega328P (Arduino Uno, Nano, mBot's mCore).
 *
 * The robot talks to RoboKit in short text lines at 115200 baud (docs/protocol.md): open the
 * Serial Monitor at 115200 baud, "Newline" line ending, and type `hello`, `led 1`, `m 50 50`.
 * Careful: if nothing is received for 300 ms (`failsafe MS` changes it), the motors stop by
 * themselves — that is what keeps a robot on the table when its cable is pulled.
 *
 * Each tab does one thing:
 *   link        the serial line (our own small USART driver: the loop never waits for it)
 *   protocol    reads lines, splits words, runs the commands, answers `ok` / `err ...`
 *   settings    the robot's identity and wiring, kept in EEPROM (bytes 0–127)
 *   parts       checks and applies the wiring (`cfg ...`)
 *   motors      H-bridge or continuous-servo motors, moves timed by the board
 *   servo       servo pulses from Timer1 (no Servo library): pen and servo motors
 *   sound       the buzzer: a real pitch, timed tones
 *   light       the light, the WS2812 RGB LEDs, `identify`
 *   sensors     distance (Sharp, HC-SR04, one-wire ultrasonic), line, light, button; reports
 *   failsafe    the host's heartbeat and the AVR hardware watchdog
 *   events      what the board says unasked (`done`, `stopped`, `evt ...`)
 *   vm          stored programs: bytecode kept in EEPROM bytes 128–1023, its virtual machine, `prog ...`
 *
 * Build: the Arduino IDE (board "Arduino Uno" or "Nano"), or `node scripts/build-firmware.mjs`.
 */
#include "robokit.h"

void setup() {
  failsafeBegin();   // the hardware watchdog first: a hang from here on resets the board
  linkBegin();
  settingsLoad();
  partsApply();
  sayHello();        // the host knows at once that the board is ready
  programBegin();    // autostart
}

void loop() {
  failsafeFeed();
  keepTime();        // ends timed moves and tones, fires the failsafe
  protocolPoll();    // at most one line per turn
  sensorsPoll();
  eventsFlush();
  programPoll();
}
