// Everything the sketch's tabs share. Each module's header says what it offers.
#pragma once
#include <Arduino.h>
#include "link.h"
#include "protocol.h"
#include "settings.h"
#include "parts.h"
#include "motors.h"
#include "servo.h"
#include "sound.h"
#include "light.h"
#include "sensors.h"
#include "failsafe.h"
#include "events.h"
#include "vm.h"

#define FIRMWARE_NAME "robokit"
#define FIRMWARE_VERSION "1.0.0"
#define PROTOCOL_VERSION 1

// Runs what must happen on time: ends timed moves and tones, fires the failsafe. Called every turn
// of the loop and while the board waits for room to send (so a slow link never delays a stop).
void keepTime();
