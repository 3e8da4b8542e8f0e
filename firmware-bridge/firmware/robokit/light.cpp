#include "robokit.h"

#define IDENTIFY_MS 2000

static bool ledOn;
static uint8_t colours[RGB_MAX * 3];   // G, R, B per LED: the order WS2812 expects
static bool identifying;
static uint32_t identifyStartMs;
static int8_t identifyPhase;
static bool identifyTagged;      // `identify TAG`: `done TAG` when it ends, `stopped TAG` when cut
static uint16_t identifyTag;

// Sends `count` bytes to WS2812 LEDs on `pin`: 21 cycles a bit at 16 MHz (1.31 µs), HIGH for 6
// cycles (0.375 µs) for a 0 and 12 cycles (0.75 µs) for a 1. Interrupts are held off during one
// LED (30 µs) only, so the serial line loses nothing; a gap between LEDs under 50 µs does not latch.
static void ws2812Send(uint8_t pin, const uint8_t *bytes, uint8_t count) {
  volatile uint8_t *port = portOutputRegister(digitalPinToPort(pin));
  uint8_t mask = digitalPinToBitMask(pin);
  for (uint8_t led = 0; led < count; led += 3) {
    uint8_t oldSreg = SREG;
    cli();
    uint8_t high = *port | mask, low = *port & ~mask;
    for (uint8_t i = 0; i < 3; i++) {
      uint8_t byte = bytes[led + i], bits = 8;
      asm volatile(
          "1:                    \n\t"
          "st   %a[port], %[high] \n\t"   // 2  HIGH                      t = 0
          "sbrs %[byte], 7        \n\t"   // 1/2
          "rjmp 2f                \n\t"   // 2  a 0 bit
          "nop                    \n\t"   //    a 1 bit: stay HIGH
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "st   %a[port], %[low]  \n\t"   // 2  LOW                       t = 12
          "rjmp 3f                \n\t"   // 2
          "2:                     \n\t"
          "nop                    \n\t"
          "st   %a[port], %[low]  \n\t"   // 2  LOW                       t = 6
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "nop                    \n\t"
          "3:                     \n\t"
          "lsl  %[byte]           \n\t"   // 1
          "nop                    \n\t"   // 1
          "dec  %[bits]           \n\t"   // 1
          "brne 1b                \n\t"   // 2 (1 when done)
          : [byte] "+r"(byte), [bits] "+r"(bits)
          : [port] "e"(port), [high] "r"(high), [low] "r"(low));
    }
    SREG = oldSreg;
  }
}

static void showLight(bool on) {
  if (config.lightPin != NO_PIN) digitalWrite(config.lightPin, on);
}

static void showColours(bool white) {
  if (config.rgbPin == NO_PIN) return;
  uint8_t all[RGB_MAX * 3];
  if (white) memset(all, 255, sizeof all);
  ws2812Send(config.rgbPin, white ? all : colours, config.rgbCount * 3);
}

void lightBegin() {
  identifying = false;
  ledOn = false;
  memset(colours, 0, sizeof colours);
  if (config.lightPin != NO_PIN) {
    pinMode(config.lightPin, OUTPUT);
    showLight(false);
  }
  if (config.rgbPin != NO_PIN) {
    pinMode(config.rgbPin, OUTPUT);
    digitalWrite(config.rgbPin, LOW);
    showColours(false);
  }
}

static void identifyEnd(EventKind kind) {
  if (!identifying) return;
  identifying = false;
  if (identifyTagged) eventsAdd(kind, identifyTag);
  soundBeep(false);
  showLight(ledOn);
  showColours(false);
}

void identifyStop() { identifyEnd(EVENT_STOPPED); }

// Blink at 4 Hz (light and RGB LEDs white), beep twice at the start.
void lightTick() {
  if (!identifying) return;
  uint32_t t = millis() - identifyStartMs;
  if (t >= IDENTIFY_MS) {
    identifyEnd(EVENT_DONE);
    return;
  }
  int8_t now = (t / 125) & 1 ? 0 : 1;
  if (now == identifyPhase) return;
  identifyPhase = now;
  showLight(now);
  showColours(now);
  soundBeep(now && t < 500);
}

void lightSet(bool on) {
  ledOn = on;
  if (!identifying) showLight(on);
}

Answer cmdLed(Args &args) {
  int32_t on;
  Answer e = number(args.word[1], 0, 1, PSTR("ON"), on);
  if (e) return e;
  if (config.lightPin == NO_PIN) return ERR_NOCAP;
  ledOn = on;
  if (!identifying) showLight(on);
  return ANSWER_OK;
}

Answer cmdRgb(Args &args) {
  int32_t index, value[3];
  Answer e = number(args.word[1], 0, RGB_MAX, PSTR("I"), index);
  if (!e) e = number(args.word[2], 0, 255, PSTR("R"), value[0]);
  if (!e) e = number(args.word[3], 0, 255, PSTR("G"), value[1]);
  if (!e) e = number(args.word[4], 0, 255, PSTR("B"), value[2]);
  if (e) return e;
  if (config.rgbPin == NO_PIN) return ERR_NOCAP;
  if (index > config.rgbCount) return fail(ERR_RANGE, PSTR("I"));
  for (uint8_t led = 0; led < config.rgbCount; led++) {
    if (index && led != index - 1) continue;
    colours[led * 3] = value[1];
    colours[led * 3 + 1] = value[0];
    colours[led * 3 + 2] = value[2];
  }
  if (!identifying) showColours(false);
  return ANSWER_OK;
}

Answer cmdIdentify(Args &args) {
  int32_t tag = 0;
  if (args.count == 2) {
    Answer e = number(args.word[1], 0, 65535L, PSTR("TAG"), tag);
    if (e) return e;
  }
  identifyStop();
  identifyTagged = args.count == 2;
  identifyTag = tag;
  soundStop();
  identifying = true;
  identifyStartMs = millis();
  identifyPhase = -1;
  lightTick();
  return ANSWER_OK;
}
