// The light (one LED, HIGH = on), the WS2812 RGB LEDs (bit-banged at 800 kHz, no library), and
// `identify`: blink and beep for 2 s so a teacher sees which robot this is.
#pragma once
#include "protocol.h"

#define RGB_MAX 4

void lightBegin();
void lightTick();
void identifyStop();
// The light on or off (a stored program).
void lightSet(bool on);

Answer cmdLed(Args &args);
Answer cmdRgb(Args &args);
Answer cmdIdentify(Args &args);
