// The serial line at 115200 baud, 8N1: a small interrupt-driven USART driver with a 64-byte
// receive buffer and a 128-byte send buffer. Sending waits only when the send buffer is full, and
// keeps time meanwhile (keepTime), so a stop or a timed move never waits for the link.
#pragma once
#include <stdint.h>

#define LINK_BAUD 115200UL

void linkBegin();
// The next received byte, or -1.
int16_t linkRead();

// Where text goes: the serial line, or a checksum (the configuration's hash is taken over the
// same text the board would print).
class Sink {
 public:
  virtual void put(uint8_t c) = 0;
  void text(const char *s);                 // from RAM
  void textP(const char *s);                // from flash (PSTR)
  void number(int32_t n);
  void hex32(uint32_t n);                   // 8 hex digits, upper case
  void pin(uint8_t pin);                    // D5, A0
};

class LinkSink : public Sink {
 public:
  void put(uint8_t c) override;
  void end();                               // ends the line
};

class CrcSink : public Sink {
 public:
  uint32_t crc = 0xFFFFFFFFUL;
  void put(uint8_t c) override;
  uint32_t value() const { return ~crc; }
};

extern LinkSink out;
