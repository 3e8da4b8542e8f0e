// The passive buzzer: a real pitch (the Arduino core's tone(), Timer2), for a time or until `tone 0`.
#pragma once
#include "protocol.h"

void soundBegin();
// Silence; cancels a timed tone (`stopped TAG`).
void soundStop();
void soundTick();
// A tone until soundStop() (below 31 Hz: silence); cancels a timed tone.
void soundPlay(uint16_t hz);
// For `identify`: a beep on or off (no event).
void soundBeep(bool on);

Answer cmdTone(Args &args);
