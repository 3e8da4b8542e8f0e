// The robot's identity (id, name) and wiring (the configuration), kept in EEPROM bytes 0–127.
// Bytes 128–1023 are left to stored programs (program.h).
//
// EEPROM layout:
//   0–3    'R' 'K' layout-version 0
//   4–7    id (0 on a new board; the host chooses one, `id`)
//   8–32   name, NUL-terminated (≤ 24 bytes UTF-8)
//   33–…   Config, then a CRC-8 of it (a damaged configuration is forgotten, the id is kept)
#pragma once
#include <stdint.h>

#define NO_PIN 0xFF
#define PIN_COUNT 22        // D0–D13 = 0–13, A0–A7 = 14–21 (A6, A7: analog only)
#define NAME_MAX 24
#define KIT_MAX 16
#define EEPROM_SETTINGS_END 128

enum MotorsType : uint8_t { MOTORS_NONE, MOTORS_HBRIDGE, MOTORS_SERVO };
enum DistanceType : uint8_t { DISTANCE_NONE, DISTANCE_SHARP, DISTANCE_HCSR04, DISTANCE_ONEWIRE };
enum LineType : uint8_t { LINE_NONE, LINE_ANALOG, LINE_DIGITAL };
enum ButtonType : uint8_t { BUTTON_NONE, BUTTON_DIGITAL, BUTTON_ANALOG };

struct Config {
  uint8_t motors;           // MotorsType
  uint8_t motorPins[4];     // hbridge: left PWM, left dir, right PWM, right dir; servo: left, right
  uint8_t motorForward;     // hbridge: direction level for forward
  uint8_t motorMirror;      // bit 0 inverts the left motor, bit 1 the right; hbridge bit 2: two-input driver
  uint8_t lightPin;
  uint8_t rgbPin, rgbCount;
  uint8_t buzzerPin;
  uint8_t penPin, penUp, penDown;
  uint8_t distance;         // DistanceType
  uint8_t distancePins[2];  // sharp: analog pin; hcsr04: trigger, echo; onewire: the pin
  uint8_t line;             // LineType
  uint8_t linePins[2];
  uint16_t lineDark;        // analog: dark above; digital: the dark level
  uint8_t lightSensorPin;
  uint8_t button;           // ButtonType
  uint8_t buttonPin;
  uint8_t buttonLevel;      // digital: pressed level
  uint8_t buttonPullup;
  uint16_t buttonBelow;     // analog: pressed below
  uint16_t calibCms, calibDegs;   // 0 = not calibrated
  char kit[KIT_MAX + 1];    // "" = none
};

struct Identity {
  uint32_t id;
  char name[NAME_MAX + 1];  // "" = none
};

extern Config config;       // the configuration in use
extern Identity identity;

void settingsLoad();
void configClear(Config &c);
// Writes the configuration in use to EEPROM; false if the EEPROM did not keep it.
bool configSave();
bool nameSave(const char *name);
bool idSave(uint32_t id);
// CRC-32 of the configuration's canonical text (docs/protocol.md, `cfg hash`).
uint32_t configHash();
