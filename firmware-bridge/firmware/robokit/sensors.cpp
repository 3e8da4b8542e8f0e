#include "robokit.h"
#include <avr/interrupt.h>
#include "distance_curve.h"

#define PING_PERIOD_MS 60          // HC-SR04: let the last echo die out
#define ECHO_TIMEOUT_US 30000UL    // no echo within 30 ms (5 m): nothing in range
#define BUTTON_STEADY_MS 20

enum Sensor : uint8_t { S_DISTANCE, S_LINE_LEFT, S_LINE_RIGHT, S_LIGHT, S_BUTTON, SENSOR_COUNT };
static const char SENSOR_NAMES[] PROGMEM = "d\0ll\0lr\0li\0b\0";

// ---- analog inputs: one conversion at a time, never waited for ----------------------------------

#define ANALOG_MAX 5
static uint8_t analogPins[ANALOG_MAX], analogCount, analogNext;
static int16_t analogRaw[ANALOG_MAX];
static bool converting;

static uint8_t analogSlot(uint8_t pin) {
  for (uint8_t i = 0; i < analogCount; i++) {
    if (analogPins[i] == pin) return i;
  }
  analogPins[analogCount] = pin;
  analogRaw[analogCount] = 0;
  return analogCount++;
}

static int16_t analogValue(uint8_t pin) {
  for (uint8_t i = 0; i < analogCount; i++) {
    if (analogPins[i] == pin) return analogRaw[i];
  }
  return 0;
}

static void analogPoll() {
  if (!analogCount) return;
  if (converting) {
    if (ADCSRA & _BV(ADSC)) return;
    uint8_t low = ADCL;
    analogRaw[analogNext] = (ADCH << 8) | low;
    converting = false;
    analogNext = (analogNext + 1) % analogCount;
  }
  ADMUX = _BV(REFS0) | ((analogPins[analogNext] - 14) & 7);   // AVcc reference
  ADCSRA |= _BV(ADSC);
  converting = true;
}

// ---- ultrasonic: trigger, then the echo's width from a pin-change interrupt ----------------------

enum EchoState : uint8_t { ECHO_IDLE, ECHO_WAIT_RISE, ECHO_HIGH, ECHO_DONE };
static volatile uint8_t echoState;
static volatile uint32_t echoRiseUs, echoWidthUs;
static volatile uint8_t *echoInput;
static uint8_t echoMask;
static uint32_t pingStartUs;
static uint16_t pingAtMs;  // the low 16 bits of millis(): enough for a 60 ms period, 2 bytes of SRAM
static uint16_t distanceMm;

static void echoEdge() {
  if (!echoInput) return;
  bool high = *echoInput & echoMask;
  if (echoState == ECHO_WAIT_RISE && high) {
    echoRiseUs = micros();
    echoState = ECHO_HIGH;
  } else if (echoState == ECHO_HIGH && !high) {
    echoWidthUs = micros() - echoRiseUs;
    echoState = ECHO_DONE;
  }
}

ISR(PCINT0_vect) { echoEdge(); }
ISR(PCINT1_vect) { echoEdge(); }
ISR(PCINT2_vect) { echoEdge(); }

static void echoListen(uint8_t pin) {
  echoInput = portInputRegister(digitalPinToPort(pin));
  echoMask = digitalPinToBitMask(pin);
  *digitalPinToPCMSK(pin) |= _BV(digitalPinToPCMSKbit(pin));
  PCICR |= _BV(digitalPinToPCICRbit(pin));
}

static void echoStopListening() {
  PCICR = 0;
  PCMSK0 = PCMSK1 = PCMSK2 = 0;
  echoInput = nullptr;
  echoState = ECHO_IDLE;
}

static void ping() {
  uint8_t pin = config.distancePins[0];
  if (config.distance == DISTANCE_ONEWIRE) {
    pinMode(pin, OUTPUT);
    digitalWrite(pin, LOW);
    delayMicroseconds(2);
  }
  digitalWrite(pin, HIGH);
  delayMicroseconds(10);
  digitalWrite(pin, LOW);
  if (config.distance == DISTANCE_ONEWIRE) pinMode(pin, INPUT);
  pingStartUs = micros();
  echoState = ECHO_WAIT_RISE;
}

static void ultrasonicPoll() {
  if (config.distance != DISTANCE_HCSR04 && config.distance != DISTANCE_ONEWIRE) return;
  uint8_t state = echoState;
  if (state == ECHO_DONE) {
    uint32_t mm = echoWidthUs * 1715UL / 10000UL;   // sound: 343 m/s, there and back
    distanceMm = mm > DISTANCE_ULTRASONIC_MAX_MM ? DISTANCE_ULTRASONIC_MAX_MM : mm;
    echoState = ECHO_IDLE;
  } else if (state != ECHO_IDLE && micros() - pingStartUs > ECHO_TIMEOUT_US) {
    distanceMm = DISTANCE_ULTRASONIC_MAX_MM;
    echoState = ECHO_IDLE;
  }
  if (echoState == ECHO_IDLE && (uint16_t)((uint16_t)millis() - pingAtMs) >= PING_PERIOD_MS) {
    pingAtMs = (uint16_t)millis();
    ping();
  }
}

static uint8_t watched;                 // bit per Sensor (see watch and report below)

// ---- values ------------------------------------------------------------------------------------

static uint8_t buttonPressed, buttonReading;
static uint32_t buttonChangedMs;

static bool configured(uint8_t sensor) {
  switch (sensor) {
    case S_DISTANCE: return config.distance != DISTANCE_NONE;
    case S_LINE_LEFT: case S_LINE_RIGHT: return config.line != LINE_NONE;
    case S_LIGHT: return config.lightSensorPin != NO_PIN;
    default: return config.button != BUTTON_NONE;
  }
}

static uint8_t lineDark(uint8_t side) {
  uint8_t pin = config.linePins[side];
  if (config.line == LINE_ANALOG) return analogValue(pin) > (int16_t)config.lineDark;
  return digitalRead(pin) == (int)config.lineDark;
}

int16_t sensorValue(uint8_t sensor) {
  switch (sensor) {
    case S_DISTANCE:
      if (config.distance == DISTANCE_SHARP) return pgm_read_word(&DISTANCE_CURVE_MM[analogValue(config.distancePins[0]) & 1023]);
      return distanceMm;
    case S_LINE_LEFT: return lineDark(0);
    case S_LINE_RIGHT: return lineDark(1);
    case S_LIGHT: return ((int32_t)analogValue(config.lightSensorPin) * 100 + 511) / 1023;
    default: return buttonPressed;
  }
}

static void buttonPoll() {
  if (config.button == BUTTON_NONE) return;
  uint8_t reading = config.button == BUTTON_DIGITAL ? digitalRead(config.buttonPin) == config.buttonLevel
                                                    : analogValue(config.buttonPin) < (int16_t)config.buttonBelow;
  if (reading != buttonReading) {
    buttonReading = reading;
    buttonChangedMs = millis();
  } else if (reading != buttonPressed && millis() - buttonChangedMs >= BUTTON_STEADY_MS) {
    buttonPressed = reading;
    programButton(reading);
    if (!(watched & _BV(S_BUTTON))) eventsAdd(EVENT_BUTTON, reading);
  }
}

// ---- watch and report --------------------------------------------------------------------------

static bool firstReport;
static uint16_t periodMs;
static uint32_t reportedAtMs;
static int16_t reported[SENSOR_COUNT];

static void pair(uint8_t sensor, int16_t v) {
  const char *name = SENSOR_NAMES;
  for (uint8_t i = 0; i < sensor; i++) name += strlen_P(name) + 1;
  out.put(' ');
  out.textP(name);
  out.put('=');
  out.number(v);
}

static void report() {
  if (!watched || (!firstReport && millis() - reportedAtMs < periodMs)) return;
  uint8_t changed = 0;
  for (uint8_t s = 0; s < SENSOR_COUNT; s++) {
    if ((watched & _BV(s)) && (firstReport || sensorValue(s) != reported[s])) changed |= _BV(s);
  }
  if (!changed) return;
  out.put('s');
  for (uint8_t s = 0; s < SENSOR_COUNT; s++) {
    if (!(changed & _BV(s))) continue;
    reported[s] = sensorValue(s);
    pair(s, reported[s]);
  }
  out.end();
  firstReport = false;
  reportedAtMs = millis();
}

void sensorsUnwatch() { watched = 0; }

void sensorsBegin() {
  watched = 0;
  analogCount = analogNext = 0;
  converting = false;
  echoStopListening();
  distanceMm = config.distance == DISTANCE_SHARP ? DISTANCE_SHARP_MAX_MM : DISTANCE_ULTRASONIC_MAX_MM;
  switch (config.distance) {
    case DISTANCE_SHARP: analogSlot(config.distancePins[0]); break;
    case DISTANCE_HCSR04:
      pinMode(config.distancePins[0], OUTPUT);
      digitalWrite(config.distancePins[0], LOW);
      pinMode(config.distancePins[1], INPUT);
      echoListen(config.distancePins[1]);
      break;
    case DISTANCE_ONEWIRE: echoListen(config.distancePins[0]); break;
  }
  if (config.line == LINE_ANALOG) {
    analogSlot(config.linePins[0]);
    analogSlot(config.linePins[1]);
  } else if (config.line == LINE_DIGITAL) {
    pinMode(config.linePins[0], INPUT);
    pinMode(config.linePins[1], INPUT);
  }
  if (config.lightSensorPin != NO_PIN) analogSlot(config.lightSensorPin);
  if (config.button == BUTTON_DIGITAL) pinMode(config.buttonPin, config.buttonPullup ? INPUT_PULLUP : INPUT);
  if (config.button == BUTTON_ANALOG) analogSlot(config.buttonPin);
  buttonPressed = buttonReading = 0;
}

void sensorsPoll() {
  analogPoll();
  ultrasonicPoll();
  buttonPoll();
  report();
}

static Answer watchList(char *list, uint8_t &mask) {
  mask = 0;
  for (char *name = strtok(list, ","); name; name = strtok(nullptr, ",")) {
    const char *known = SENSOR_NAMES;
    uint8_t s = 0;
    while (s < SENSOR_COUNT && strcmp_P(name, known) != 0) {
      known += strlen_P(known) + 1;
      s++;
    }
    if (s == SENSOR_COUNT) return fail(ERR_RANGE, PSTR("LIST"));
    if (!configured(s)) return ERR_NOCAP;
    mask |= _BV(s);
  }
  return mask ? ANSWER_OK : fail(ERR_RANGE, PSTR("LIST"));
}

Answer cmdWatch(Args &args) {
  if (args.count == 1) {
    watched = 0;
    return ANSWER_OK;
  }
  if (args.count != 3) return ERR_ARGS;
  int32_t ms;
  uint8_t mask;
  Answer e = number(args.word[2], 20, 1000, PSTR("MS"), ms);
  if (!e) e = watchList(args.word[1], mask);
  if (e) return e;
  watched = mask;
  periodMs = ms;
  firstReport = true;
  return ANSWER_OK;
}

Answer cmdRead(Args &) {
  out.textP(PSTR("ok"));
  for (uint8_t s = 0; s < SENSOR_COUNT; s++) {
    if (configured(s)) pair(s, sensorValue(s));
  }
  out.end();
  return ANSWERED;
}
