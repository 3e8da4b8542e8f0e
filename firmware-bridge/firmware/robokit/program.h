// The seam for stored programs (issue #11, docs/bytecode.md): a bytecode program kept in EEPROM
// bytes 128–1023, started and stopped by the robot's button or by `prog ...` commands. Until the
// bytecode VM (vm.cpp) replaces program.cpp, the robot has no stored program: nothing runs, and
// `prog` is an unknown command.
#pragma once
#include <stdint.h>
#include "protocol.h"

#define PROGRAM_EEPROM_START 128
#define PROGRAM_EEPROM_END 1024

bool programRunning();
// Ends a running program (`stop`, the failsafe never does: a program runs without a host).
void programStop();
// One step of a running program, each turn of the loop.
void programPoll();
// The button was pressed (1) or released (0).
void programButton(uint8_t pressed);

// Entries of the protocol's command table for `prog ...` (none yet).
#define PROGRAM_COMMANDS
