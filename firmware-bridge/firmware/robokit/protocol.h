// Lines from the host: split into words, checked, run; exactly one answer per line
// (docs/protocol.md). A command returns ANSWER_OK (the protocol writes `ok`), ANSWERED (it wrote
// its own `ok ...` line) or an error (the protocol writes `err CODE [detail]`).
#pragma once
#include <stdint.h>

#define LINE_MAX 64
#define WORDS_MAX 10

enum Answer : uint8_t {
  ANSWER_OK = 0,
  ERR_UNKNOWN, ERR_ARGS, ERR_NUM, ERR_RANGE, ERR_LONG, ERR_NOCAP, ERR_BUSY, ERR_EEPROM, ERR_CRC, ERR_PROG,
  ANSWERED,
};

struct Args {
  uint8_t count;             // words, the command's own included
  char *word[WORDS_MAX];
  const char *rest;          // the line after the command word (for `name TEXT`)
};

// Kinds of pins a part may use.
enum PinKind : uint8_t { PIN_DIGITAL, PIN_ANALOG };

// Parse helpers: they return ANSWER_OK or the error (detail = `name`, a PSTR).
Answer number(const char *word, int32_t low, int32_t high, const char *name, int32_t &value);
Answer pinWord(const char *word, PinKind kind, const char *name, uint8_t &pin);
// 0…15 for a hex digit (either case), -1 for anything else.
int8_t hexDigit(char c);
// An error with a detail from flash (PSTR), e.g. fail(ERR_RANGE, PSTR("L")).
Answer fail(Answer code, const char *detail);

void protocolPoll();
void sayHello();
