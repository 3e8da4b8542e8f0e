// The two drive motors: an H-bridge (PWM + direction pins) or two continuous-rotation servos.
// `move` is timed by the board itself (micros()), so a 1 s move lasts 1 s whatever the link does.
#pragma once
#include "protocol.h"

void motorsBegin();
// Both motors, -100…100 %; cancels a timed move (`stopped TAG`).
void motorsStop();
// Both motors, -100…100 % (a stored program's powers, already clamped); cancels a timed move.
void motorsSet(float left, float right);
void motorsTick();

Answer cmdMotors(Args &args);
Answer cmdMove(Args &args);
