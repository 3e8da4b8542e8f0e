#include "robokit.h"
#include <avr/interrupt.h>

#define TICKS_PER_US 2           // Timer1 at 16 MHz / 8
#define FRAME_TICKS (20000U * TICKS_PER_US)
#define IDLE_TICKS (50U * TICKS_PER_US)

struct Channel {
  volatile uint8_t *port;        // null: not attached
  uint8_t mask;
  uint16_t ticks;                // 0: no pulse
};

static Channel channels[SERVO_CHANNELS];
static volatile int8_t current = -1;   // the channel whose pulse is high; -1 between frames
static uint16_t frameStart;
static bool running;

// Each compare match ends the current pulse and starts the next one, OCR1A stepping by exact
// widths so interrupt latency does not change them; after the last, wait for the frame's end.
ISR(TIMER1_COMPA_vect) {
  if (current >= 0) {
    Channel &ch = channels[current];
    if (ch.port) *ch.port &= ~ch.mask;
  } else {
    frameStart = OCR1A;
  }
  for (current++; current < SERVO_CHANNELS; current++) {
    Channel &ch = channels[current];
    if (ch.port && ch.ticks) {
      *ch.port |= ch.mask;
      OCR1A += ch.ticks;
      return;
    }
  }
  current = -1;
  uint16_t next = frameStart + FRAME_TICKS;
  OCR1A = (uint16_t)(next - TCNT1) > IDLE_TICKS ? next : TCNT1 + IDLE_TICKS;
}

void servoAttach(uint8_t channel, uint8_t pin) {
  pinMode(pin, OUTPUT);
  digitalWrite(pin, LOW);
  uint8_t oldSreg = SREG;
  cli();
  channels[channel].port = portOutputRegister(digitalPinToPort(pin));
  channels[channel].mask = digitalPinToBitMask(pin);
  channels[channel].ticks = 0;
  SREG = oldSreg;
}

void servoWrite(uint8_t channel, uint16_t us) {
  uint16_t ticks = us ? constrain(us, 500U, 2500U) * TICKS_PER_US : 0;
  uint8_t oldSreg = SREG;
  cli();
  channels[channel].ticks = ticks;
  SREG = oldSreg;
}

static uint16_t angleUs(uint8_t degrees) { return 544 + (uint32_t)degrees * (2400 - 544) / 180; }

void servoBegin() {
  if (config.penPin != NO_PIN) {
    servoAttach(SERVO_PEN, config.penPin);
    servoWrite(SERVO_PEN, angleUs(config.penUp));
  }
  bool any = false;
  for (uint8_t i = 0; i < SERVO_CHANNELS; i++) any |= channels[i].port != nullptr;
  if (!any || running) return;
  running = true;
  current = -1;
  TCCR1A = 0;                // normal mode: Timer1 counts 0…65535
  TCCR1B = _BV(CS11);        // ÷ 8
  OCR1A = TCNT1 + IDLE_TICKS;
  TIFR1 = _BV(OCF1A);
  TIMSK1 |= _BV(OCIE1A);
}

void servoEnd() {
  TIMSK1 &= ~_BV(OCIE1A);
  for (uint8_t i = 0; i < SERVO_CHANNELS; i++) {
    Channel &ch = channels[i];
    if (ch.port) *ch.port &= ~ch.mask;
    ch.port = nullptr;
  }
  if (running) {
    // as the Arduino core left it: 8-bit phase-correct PWM, ÷ 64
    TCCR1A = _BV(WGM10);
    TCCR1B = _BV(CS11) | _BV(CS10);
  }
  running = false;
}

void penSet(bool down) {
  if (config.penPin != NO_PIN) servoWrite(SERVO_PEN, angleUs(down ? config.penDown : config.penUp));
}

Answer cmdPen(Args &args) {
  int32_t down;
  Answer e = number(args.word[1], 0, 1, PSTR("DOWN"), down);
  if (e) return e;
  if (config.penPin == NO_PIN) return ERR_NOCAP;
  servoWrite(SERVO_PEN, angleUs(down ? config.penDown : config.penUp));
  return ANSWER_OK;
}
