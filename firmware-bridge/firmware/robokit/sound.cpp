#include "robokit.h"

static bool timed;
static uint16_t toneTag;
static uint32_t toneStartUs, toneLengthUs;

static void silence() {
  if (config.buzzerPin != NO_PIN) noTone(config.buzzerPin);
}

static void cancelTimed() {
  if (!timed) return;
  timed = false;
  eventsAdd(EVENT_STOPPED, toneTag);
}

void soundBegin() {
  timed = false;
  if (config.buzzerPin == NO_PIN) return;
  pinMode(config.buzzerPin, OUTPUT);
  digitalWrite(config.buzzerPin, LOW);
}

void soundStop() {
  cancelTimed();
  silence();
}

void soundTick() {
  if (timed && micros() - toneStartUs >= toneLengthUs) {
    silence();
    timed = false;
    eventsAdd(EVENT_DONE, toneTag);
  }
}

void soundPlay(uint16_t hz) {
  cancelTimed();
  if (config.buzzerPin == NO_PIN) return;
  if (hz >= 31) tone(config.buzzerPin, hz);
  else silence();
}

void soundBeep(bool on) {
  if (config.buzzerPin == NO_PIN) return;
  if (on) tone(config.buzzerPin, 2000);
  else noTone(config.buzzerPin);
}

Answer cmdTone(Args &args) {
  int32_t hz, ms = 0, tag = 0;
  if (args.count == 3) return ERR_ARGS;
  Answer e = number(args.word[1], 0, 20000, PSTR("HZ"), hz);
  if (!e && hz > 0 && hz < 31) e = fail(ERR_RANGE, PSTR("HZ"));
  if (!e && args.count == 4) e = number(args.word[2], 0, 600000L, PSTR("MS"), ms);
  if (!e && args.count == 4) e = number(args.word[3], 0, 65535L, PSTR("TAG"), tag);
  if (e) return e;
  if (config.buzzerPin == NO_PIN) return ERR_NOCAP;
  cancelTimed();
  if (hz) tone(config.buzzerPin, hz);
  else silence();
  if (args.count == 4) {
    timed = true;
    toneTag = tag;
    toneStartUs = micros();
    toneLengthUs = ms * 1000UL;
    soundTick();
  }
  return ANSWER_OK;
}
