#include "robokit.h"
#include <avr/wdt.h>

static bool armed;
static uint16_t silenceMs = FAILSAFE_DEFAULT_MS;
static uint32_t heardAtUs;   // micros(): the failsafe fires on the dot, not up to 1 ms early

// After a watchdog reset the watchdog stays on: turn it off before anything else runs (an old
// bootloader would otherwise reset the board again and again).
void watchdogOffAtReset() __attribute__((naked, used, section(".init3")));
void watchdogOffAtReset() {
  MCUSR = 0;
  wdt_disable();
}

void failsafeBegin() { wdt_enable(WDTO_250MS); }

void failsafeFeed() { wdt_reset(); }

void failsafeHeard() {
  armed = true;
  heardAtUs = micros();
}

void failsafeSetTime(uint16_t ms) { silenceMs = ms; }

void failsafeTick() {
  if (armed && programRunning()) armed = false;   // a stored program runs without a host
  if (!armed || micros() - heardAtUs < silenceMs * 1000UL) return;
  armed = false;   // once: the next line arms it again
  actuatorsSafe();
  sensorsUnwatch();
  eventsAdd(EVENT_FAILSAFE, 0);
}
