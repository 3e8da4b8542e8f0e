// Two guards. The failsafe: while a host drives the robot, every line it sends is a heartbeat; after
// `failsafe MS` (default 300 ms) without one, every actuator goes to its safe state and the board
// says `evt failsafe`. The AVR hardware watchdog: if the firmware itself ever hangs, the board
// resets after 250 ms.
#pragma once
#include <stdint.h>

#define FAILSAFE_DEFAULT_MS 300

void failsafeBegin();
void failsafeFeed();
// A line arrived: the host is alive (and the failsafe is armed).
void failsafeHeard();
void failsafeSetTime(uint16_t ms);
void failsafeTick();
