// Stored programs (issue #11, docs/bytecode.md): a bytecode image kept in EEPROM bytes 128–1023,
// received with `prog ...` commands, checked (magic, version, sizes, CRC-16) before every start, and
// run by a small stack machine (vm.cpp) a slice of instructions per turn of the loop. The robot's
// button starts and stops it; `stop` stops it; the live failsafe does not apply to it.
#pragma once
#include <stdint.h>
#include "protocol.h"

#define PROGRAM_EEPROM_START 128
#define PROGRAM_EEPROM_END 1024
// The autostart flag: the last byte of the settings block (1 = on; erased 0xFF = off).
#define PROGRAM_AUTOSTART_ADDR 127

bool programRunning();
// Ends a running program (`stop`, the button; the failsafe never does: a program runs without a host).
void programStop();
// One slice of a running program, each turn of the loop.
void programPoll();
// The button was pressed (1) or released (0): a press starts the stored program, or stops it.
void programButton(uint8_t pressed);
// At power-on: runs the stored program if autostart is on.
void programBegin();

// Writes the text of a queued EVENT_PROG (`evt prog start|end|error CODE [PC]`).
void programSay(uint16_t value);

Answer cmdProg(Args &args);

#define PROGRAM_COMMANDS {"prog", 2, 4, 0, cmdProg},
