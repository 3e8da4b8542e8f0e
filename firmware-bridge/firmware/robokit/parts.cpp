#include "robokit.h"

// ---- rules -------------------------------------------------------------------------------------

static bool usesServo(const Config &c) { return c.penPin != NO_PIN || c.motors == MOTORS_SERVO; }

// PWM pins for the H-bridge. Timer1 (D9, D10) is taken by servo pulses when there is a servo;
// Timer2 (D3, D11) by the buzzer's tone when there is a buzzer.
static bool pwmPin(const Config &c, uint8_t pin) {
  switch (pin) {
    case 5: case 6: return true;
    case 9: case 10: return !usesServo(c);
    case 3: case 11: return c.buzzerPin == NO_PIN;
    default: return false;
  }
}

static bool digitalPin(uint8_t pin) { return pin >= 2 && pin <= 19; }
static bool analogPin(uint8_t pin) { return pin >= 14 && pin <= 21; }

// Claims pins for one part: each exists, has the right kind, and is not used twice.
class Claims {
 public:
  uint32_t used = 0;
  bool ok = true;
  void take(uint8_t pin, bool kindOk) {
    if (pin == NO_PIN || !kindOk || (used & (1UL << pin))) ok = false;
    else used |= 1UL << pin;
  }
};

Answer partsCheck(const Config &c) {
  Claims claims;
#define CHECK(part, condition) \
  if (!(condition) || !claims.ok) return fail(ERR_RANGE, PSTR(part))
  if (c.motors == MOTORS_HBRIDGE) {
    claims.take(c.motorPins[0], pwmPin(c, c.motorPins[0]));
    claims.take(c.motorPins[1], digitalPin(c.motorPins[1]));
    claims.take(c.motorPins[2], pwmPin(c, c.motorPins[2]));
    claims.take(c.motorPins[3], digitalPin(c.motorPins[3]));
  } else if (c.motors == MOTORS_SERVO) {
    claims.take(c.motorPins[0], digitalPin(c.motorPins[0]));
    claims.take(c.motorPins[1], digitalPin(c.motorPins[1]));
  }
  CHECK("motors", c.motors <= MOTORS_SERVO && c.motorForward <= 1 && c.motorMirror <= (c.motors == MOTORS_HBRIDGE ? 7 : 3));
  if (c.lightPin != NO_PIN) claims.take(c.lightPin, digitalPin(c.lightPin));
  CHECK("light", true);
  if (c.rgbPin != NO_PIN) claims.take(c.rgbPin, digitalPin(c.rgbPin));
  CHECK("rgb", c.rgbPin == NO_PIN || (c.rgbCount >= 1 && c.rgbCount <= RGB_MAX));
  if (c.buzzerPin != NO_PIN) claims.take(c.buzzerPin, digitalPin(c.buzzerPin));
  CHECK("buzzer", true);
  if (c.penPin != NO_PIN) claims.take(c.penPin, digitalPin(c.penPin));
  CHECK("pen", c.penUp <= 180 && c.penDown <= 180);
  if (c.distance == DISTANCE_SHARP) claims.take(c.distancePins[0], analogPin(c.distancePins[0]));
  if (c.distance == DISTANCE_HCSR04 || c.distance == DISTANCE_ONEWIRE) claims.take(c.distancePins[0], digitalPin(c.distancePins[0]));
  if (c.distance == DISTANCE_HCSR04) claims.take(c.distancePins[1], digitalPin(c.distancePins[1]));
  CHECK("distance", c.distance <= DISTANCE_ONEWIRE);
  if (c.line != LINE_NONE) {
    bool analog = c.line == LINE_ANALOG;
    claims.take(c.linePins[0], analog ? analogPin(c.linePins[0]) : digitalPin(c.linePins[0]));
    claims.take(c.linePins[1], analog ? analogPin(c.linePins[1]) : digitalPin(c.linePins[1]));
  }
  CHECK("line", c.line <= LINE_DIGITAL && c.lineDark <= (c.line == LINE_DIGITAL ? 1 : 1023));
  if (c.lightSensorPin != NO_PIN) claims.take(c.lightSensorPin, analogPin(c.lightSensorPin));
  CHECK("lightsensor", true);
  if (c.button == BUTTON_DIGITAL) claims.take(c.buttonPin, digitalPin(c.buttonPin));
  if (c.button == BUTTON_ANALOG) claims.take(c.buttonPin, analogPin(c.buttonPin));
  CHECK("button", c.button <= BUTTON_ANALOG && c.buttonLevel <= 1 && c.buttonPullup <= 1 && c.buttonBelow <= 1023);
  CHECK("kit", strlen(c.kit) <= KIT_MAX);
#undef CHECK
  return ANSWER_OK;
}

bool partsValid(const Config &c) { return partsCheck(c) == ANSWER_OK; }

// ---- applying ----------------------------------------------------------------------------------

// Every pin back to an input with no pull-up, as at power-on (D0, D1 stay the serial line).
static void releasePins() {
  for (uint8_t pin = 2; pin < 20; pin++) pinMode(pin, INPUT);
}

void partsApply() {
  stopEverything();
  servoEnd();
  releasePins();
  motorsBegin();
  lightBegin();
  soundBegin();
  servoBegin();
  sensorsBegin();
}

// ---- describing --------------------------------------------------------------------------------

static const char CAPS[] PROGMEM = "motors\0light\0sound\0pen\0distance\0line\0lightSensor\0button\0rgb\0";

void partsCapabilities(Sink &sink) {
  bool has[] = {config.motors != MOTORS_NONE, config.lightPin != NO_PIN, config.buzzerPin != NO_PIN,
                config.penPin != NO_PIN, config.distance != DISTANCE_NONE, config.line != LINE_NONE,
                config.lightSensorPin != NO_PIN, config.button != BUTTON_NONE, config.rgbPin != NO_PIN};
  bool any = false;
  const char *name = CAPS;
  for (uint8_t i = 0; i < sizeof has; i++, name += strlen_P(name) + 1) {
    if (!has[i]) continue;
    if (any) sink.put(',');
    sink.textP(name);
    any = true;
  }
  if (!any) sink.put('-');
}

static void pins(Sink &sink, const uint8_t *list, uint8_t count) {
  for (uint8_t i = 0; i < count; i++) {
    sink.put(' ');
    sink.pin(list[i]);
  }
}

static void numbers(Sink &sink, int32_t a, int32_t b = -1) {
  sink.put(' ');
  sink.number(a);
  if (b >= 0) {
    sink.put(' ');
    sink.number(b);
  }
}

void partsDescribe(Sink &sink) {
  const Config &c = config;
  if (c.motors == MOTORS_HBRIDGE) {
    sink.textP(PSTR("cfg motors hbridge"));
    pins(sink, c.motorPins, 4);
    numbers(sink, c.motorForward, c.motorMirror);
    sink.put('\n');
  } else if (c.motors == MOTORS_SERVO) {
    sink.textP(PSTR("cfg motors servo"));
    pins(sink, c.motorPins, 2);
    numbers(sink, c.motorMirror);
    sink.put('\n');
  }
  if (c.lightPin != NO_PIN) {
    sink.textP(PSTR("cfg light"));
    pins(sink, &c.lightPin, 1);
    sink.put('\n');
  }
  if (c.rgbPin != NO_PIN) {
    sink.textP(PSTR("cfg rgb"));
    pins(sink, &c.rgbPin, 1);
    numbers(sink, c.rgbCount);
    sink.put('\n');
  }
  if (c.buzzerPin != NO_PIN) {
    sink.textP(PSTR("cfg buzzer"));
    pins(sink, &c.buzzerPin, 1);
    sink.put('\n');
  }
  if (c.penPin != NO_PIN) {
    sink.textP(PSTR("cfg pen"));
    pins(sink, &c.penPin, 1);
    numbers(sink, c.penUp, c.penDown);
    sink.put('\n');
  }
  if (c.distance != DISTANCE_NONE) {
    sink.textP(c.distance == DISTANCE_SHARP ? PSTR("cfg distance sharp")
               : c.distance == DISTANCE_HCSR04 ? PSTR("cfg distance hcsr04")
                                                : PSTR("cfg distance onewire"));
    pins(sink, c.distancePins, c.distance == DISTANCE_HCSR04 ? 2 : 1);
    sink.put('\n');
  }
  if (c.line != LINE_NONE) {
    sink.textP(c.line == LINE_ANALOG ? PSTR("cfg line analog") : PSTR("cfg line digital"));
    pins(sink, c.linePins, 2);
    numbers(sink, c.lineDark);
    sink.put('\n');
  }
  if (c.lightSensorPin != NO_PIN) {
    sink.textP(PSTR("cfg lightsensor"));
    pins(sink, &c.lightSensorPin, 1);
    sink.put('\n');
  }
  if (c.button == BUTTON_DIGITAL) {
    sink.textP(PSTR("cfg button"));
    pins(sink, &c.buttonPin, 1);
    numbers(sink, c.buttonLevel, c.buttonPullup);
    sink.put('\n');
  } else if (c.button == BUTTON_ANALOG) {
    sink.textP(PSTR("cfg button analog"));
    pins(sink, &c.buttonPin, 1);
    numbers(sink, c.buttonBelow);
    sink.put('\n');
  }
  if (c.calibCms) {
    sink.textP(PSTR("cfg calib"));
    numbers(sink, c.calibCms, c.calibDegs);
    sink.put('\n');
  }
  if (c.kit[0]) {
    sink.textP(PSTR("cfg kit "));
    sink.text(c.kit);
    sink.put('\n');
  }
}

// ---- cfg commands ------------------------------------------------------------------------------
// Each reads its words (after `cfg PART`) into the candidate configuration `c`.

static Answer pinsFrom(Args &args, uint8_t first, uint8_t count, PinKind kind, uint8_t *pins) {
  for (uint8_t i = 0; i < count; i++) {
    Answer e = pinWord(args.word[first + i], kind, PSTR("PIN"), pins[i]);
    if (e) return e;
  }
  return ANSWER_OK;
}

static Answer small(Args &args, uint8_t index, int32_t low, int32_t high, const char *name, uint8_t &value) {
  int32_t n;
  Answer e = number(args.word[index], low, high, name, n);
  if (!e) value = n;
  return e;
}

static Answer wide(Args &args, uint8_t index, int32_t low, int32_t high, const char *name, uint16_t &value) {
  int32_t n;
  Answer e = number(args.word[index], low, high, name, n);
  if (!e) value = n;
  return e;
}

static bool is(Args &args, uint8_t index, const char *wordP) {
  return args.count > index && strcmp_P(args.word[index], wordP) == 0;
}

static Answer cfgReset(Args &args, Config &c) {
  if (args.count != 2) return ERR_ARGS;
  configClear(c);
  return ANSWER_OK;
}

static Answer cfgMotors(Args &args, Config &c) {
  Answer e;
  c.motorMirror = 0;
  memset(c.motorPins, NO_PIN, sizeof c.motorPins);
  if (is(args, 2, PSTR("hbridge")) && (args.count == 8 || args.count == 9)) {
    c.motors = MOTORS_HBRIDGE;
    if ((e = pinsFrom(args, 3, 4, PIN_DIGITAL, c.motorPins)) || (e = small(args, 7, 0, 1, PSTR("FWD"), c.motorForward))) return e;
    if (args.count == 9 && (e = small(args, 8, 0, 7, PSTR("MIRROR"), c.motorMirror))) return e;
    return ANSWER_OK;
  }
  if (is(args, 2, PSTR("servo")) && (args.count == 5 || args.count == 6)) {
    c.motors = MOTORS_SERVO;
    c.motorForward = 0;
    if ((e = pinsFrom(args, 3, 2, PIN_DIGITAL, c.motorPins))) return e;
    if (args.count == 6 && (e = small(args, 5, 0, 3, PSTR("MIRROR"), c.motorMirror))) return e;
    return ANSWER_OK;
  }
  return args.count < 3 || is(args, 2, PSTR("hbridge")) || is(args, 2, PSTR("servo")) ? ERR_ARGS : fail(ERR_RANGE, PSTR("TYPE"));
}

static Answer cfgLight(Args &args, Config &c) {
  if (args.count != 3) return ERR_ARGS;
  return pinWord(args.word[2], PIN_DIGITAL, PSTR("PIN"), c.lightPin);
}

static Answer cfgRgb(Args &args, Config &c) {
  if (args.count != 4) return ERR_ARGS;
  Answer e = pinWord(args.word[2], PIN_DIGITAL, PSTR("PIN"), c.rgbPin);
  return e ? e : small(args, 3, 1, RGB_MAX, PSTR("COUNT"), c.rgbCount);
}

static Answer cfgBuzzer(Args &args, Config &c) {
  if (args.count != 3) return ERR_ARGS;
  return pinWord(args.word[2], PIN_DIGITAL, PSTR("PIN"), c.buzzerPin);
}

static Answer cfgPen(Args &args, Config &c) {
  Answer e;
  if (args.count != 5) return ERR_ARGS;
  if ((e = pinWord(args.word[2], PIN_DIGITAL, PSTR("PIN"), c.penPin)) || (e = small(args, 3, 0, 180, PSTR("UP"), c.penUp))) return e;
  return small(args, 4, 0, 180, PSTR("DOWN"), c.penDown);
}

static Answer cfgDistance(Args &args, Config &c) {
  memset(c.distancePins, NO_PIN, sizeof c.distancePins);
  if (is(args, 2, PSTR("sharp"))) {
    c.distance = DISTANCE_SHARP;
    return args.count == 4 ? pinsFrom(args, 3, 1, PIN_ANALOG, c.distancePins) : ERR_ARGS;
  }
  if (is(args, 2, PSTR("hcsr04"))) {
    c.distance = DISTANCE_HCSR04;
    return args.count == 5 ? pinsFrom(args, 3, 2, PIN_DIGITAL, c.distancePins) : ERR_ARGS;
  }
  if (is(args, 2, PSTR("onewire"))) {
    c.distance = DISTANCE_ONEWIRE;
    return args.count == 4 ? pinsFrom(args, 3, 1, PIN_DIGITAL, c.distancePins) : ERR_ARGS;
  }
  return args.count < 3 ? ERR_ARGS : fail(ERR_RANGE, PSTR("TYPE"));
}

static Answer cfgLine(Args &args, Config &c) {
  bool analog = is(args, 2, PSTR("analog"));
  if (!analog && !is(args, 2, PSTR("digital"))) return args.count < 3 ? ERR_ARGS : fail(ERR_RANGE, PSTR("TYPE"));
  if (args.count != 6) return ERR_ARGS;
  c.line = analog ? LINE_ANALOG : LINE_DIGITAL;
  Answer e = pinsFrom(args, 3, 2, analog ? PIN_ANALOG : PIN_DIGITAL, c.linePins);
  return e ? e : wide(args, 5, 0, analog ? 1023 : 1, analog ? PSTR("DARKABOVE") : PSTR("DARKLEVEL"), c.lineDark);
}

static Answer cfgLightSensor(Args &args, Config &c) {
  if (args.count != 3) return ERR_ARGS;
  return pinWord(args.word[2], PIN_ANALOG, PSTR("PIN"), c.lightSensorPin);
}

static Answer cfgButton(Args &args, Config &c) {
  Answer e;
  c.buttonLevel = c.buttonPullup = 0;
  c.buttonBelow = 0;
  if (is(args, 2, PSTR("analog"))) {
    if (args.count != 5) return ERR_ARGS;
    c.button = BUTTON_ANALOG;
    if ((e = pinWord(args.word[3], PIN_ANALOG, PSTR("PIN"), c.buttonPin))) return e;
    return wide(args, 4, 1, 1023, PSTR("BELOW"), c.buttonBelow);
  }
  if (args.count != 5) return ERR_ARGS;
  c.button = BUTTON_DIGITAL;
  if ((e = pinWord(args.word[2], PIN_DIGITAL, PSTR("PIN"), c.buttonPin)) ||
      (e = small(args, 3, 0, 1, PSTR("LEVEL"), c.buttonLevel)))
    return e;
  return small(args, 4, 0, 1, PSTR("PULLUP"), c.buttonPullup);
}

static Answer cfgCalib(Args &args, Config &c) {
  Answer e;
  if (args.count != 4) return ERR_ARGS;
  if ((e = wide(args, 2, 1, 1000, PSTR("CMS"), c.calibCms))) return e;
  return wide(args, 3, 1, 3600, PSTR("DEGS"), c.calibDegs);
}

static Answer cfgKit(Args &args, Config &c) {
  if (args.count != 3) return ERR_ARGS;
  const char *id = args.word[2];
  if (strlen(id) > KIT_MAX) return fail(ERR_RANGE, PSTR("ID"));
  for (const char *ch = id; *ch; ch++) {
    if (*ch <= ' ' || *ch >= 0x7F) return fail(ERR_RANGE, PSTR("ID"));
  }
  strcpy(c.kit, strcmp(id, "-") == 0 ? "" : id);
  return ANSWER_OK;
}

struct CfgPart {
  char name[12];
  Answer (*read)(Args &args, Config &c);
};

static const CfgPart CFG_PARTS[] PROGMEM = {
    {"reset", cfgReset},   {"motors", cfgMotors}, {"light", cfgLight},           {"rgb", cfgRgb},
    {"buzzer", cfgBuzzer}, {"pen", cfgPen},       {"distance", cfgDistance},     {"line", cfgLine},
    {"lightsensor", cfgLightSensor},              {"button", cfgButton},         {"calib", cfgCalib},
    {"kit", cfgKit},
};

static Answer answerHash(uint32_t hash) {
  out.textP(PSTR("ok hash="));
  out.hex32(hash);
  out.end();
  return ANSWERED;
}

Answer cmdCfg(Args &args) {
  if (is(args, 1, PSTR("hash"))) return args.count == 2 ? answerHash(configHash()) : ERR_ARGS;
  if (is(args, 1, PSTR("save"))) {
    if (args.count != 2) return ERR_ARGS;
    return configSave() ? answerHash(configHash()) : ERR_EEPROM;
  }
  for (const CfgPart *part = CFG_PARTS; part < CFG_PARTS + sizeof CFG_PARTS / sizeof *CFG_PARTS; part++) {
    if (strcmp_P(args.word[1], part->name) != 0) continue;
    if (programRunning()) return ERR_BUSY;
    Config candidate = config;
    Answer (*read)(Args &, Config &) = (Answer(*)(Args &, Config &))pgm_read_word(&part->read);
    Answer e = read(args, candidate);
    if (!e) e = partsCheck(candidate);
    if (e) return e;
    config = candidate;
    partsApply();
    return ANSWER_OK;
  }
  return fail(ERR_RANGE, PSTR("PART"));
}
