// Servo pulses from Timer1 (the Servo library is not needed): one pulse per channel in turn, every
// 20 ms, 0.5 µs steps. Timer1's PWM pins (D9, D10) then cannot do analogWrite.
#pragma once
#include "protocol.h"

enum ServoChannel : uint8_t { SERVO_PEN, SERVO_LEFT, SERVO_RIGHT, SERVO_CHANNELS };

void servoAttach(uint8_t channel, uint8_t pin);
// Pulse width in µs (500–2500); 0 = no pulses.
void servoWrite(uint8_t channel, uint16_t us);
// Attaches the pen (up), then starts Timer1 if a channel is attached.
void servoBegin();
// Every channel detached, Timer1 given back to analogWrite.
void servoEnd();

// The pen down or up (a stored program).
void penSet(bool down);

// `pen 0|1`: up or down, at the configured angles (0…180° → 544…2400 µs, as the Servo library).
Answer cmdPen(Args &args);
