#include "robokit.h"

#define EVENTS_MAX 8   // at most two timed actions, the failsafe and the button are ever waiting

struct Event {
  uint8_t kind;
  uint16_t value;
};

static Event queue[EVENTS_MAX];
static uint8_t head, count;

void eventsAdd(EventKind kind, uint16_t value) {
  if (count == EVENTS_MAX) return;
  queue[(head + count) % EVENTS_MAX] = {kind, value};
  count++;
}

void eventsFlush() {
  if (!count) return;
  Event event = queue[head];
  head = (head + 1) % EVENTS_MAX;
  count--;
  switch (event.kind) {
    case EVENT_DONE: out.textP(PSTR("done ")); out.number(event.value); break;
    case EVENT_STOPPED: out.textP(PSTR("stopped ")); out.number(event.value); break;
    case EVENT_FAILSAFE: out.textP(PSTR("evt failsafe")); break;
    case EVENT_PROG: programSay(event.value); break;
    default: out.textP(PSTR("evt button ")); out.number(event.value); break;
  }
  out.end();
}

void actuatorsSafe() {
  motorsStop();
  soundStop();
  identifyStop();
}

void stopEverything() {
  actuatorsSafe();
  programStop();
}

void keepTime() {
  motorsTick();
  soundTick();
  lightTick();
  failsafeTick();
}
