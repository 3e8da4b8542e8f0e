// Sensors: distance (Sharp GP2Y0A21YK on an analog pin, HC-SR04 trigger/echo, one-wire ultrasonic),
// two line sensors, a light sensor, a button (digital or analog). Nothing here waits: the ADC
// converts one channel at a time in the background, ultrasonic echoes are timed by a pin-change
// interrupt (never pulseIn). `watch` reports changes at a bounded rate; `read` answers now.
#pragma once
#include "protocol.h"

#define DISTANCE_SHARP_MAX_MM 800
#define DISTANCE_ULTRASONIC_MAX_MM 4000

void sensorsBegin();
void sensorsPoll();
// Stops reports (an idle link is quiet).
void sensorsUnwatch();

// Now: 0 distance (mm), 1 line left, 2 line right (1 = dark), 3 light (0…100), 4 button (1 = pressed).
int16_t sensorValue(uint8_t sensor);

Answer cmdWatch(Args &args);
Answer cmdRead(Args &args);
