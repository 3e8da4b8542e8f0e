// What the board says unasked (docs/protocol.md, Events): queued where it happens, sent by the loop
// (a timed move that ends while the board is sending still ends on time).
#pragma once
#include <stdint.h>

enum EventKind : uint8_t { EVENT_DONE, EVENT_STOPPED, EVENT_FAILSAFE, EVENT_BUTTON, EVENT_PROG };

void eventsAdd(EventKind kind, uint16_t value);
void eventsFlush();
// The safe state (the failsafe's): motors 0, tone off, identify off, timed actions cancelled.
void actuatorsSafe();
// `stop`: the safe state, and a running stored program ended.
void stopEverything();
