#include "robokit.h"
#include <avr/interrupt.h>

#define RX_SIZE 64    // powers of two
#define TX_SIZE 128

static volatile uint8_t rxBuffer[RX_SIZE];
static volatile uint8_t rxHead, rxTail;
static volatile uint8_t txBuffer[TX_SIZE];
static volatile uint8_t txHead, txTail;

LinkSink out;

void linkBegin() {
  // 16 MHz, double speed: UBRR 16 gives 117647 baud (2.1 % off, as every Arduino at 115200)
  UCSR0A = _BV(U2X0);
  UBRR0 = (F_CPU / 8 / LINK_BAUD) - 1;
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
  UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
}

ISR(USART_RX_vect) {
  bool framingError = UCSR0A & _BV(FE0);
  uint8_t c = UDR0;
  if (framingError) return;
  uint8_t next = (rxHead + 1) & (RX_SIZE - 1);
  if (next == rxTail) return;  // full: the byte is lost (the host keeps ≤ 48 bytes in flight)
  rxBuffer[rxHead] = c;
  rxHead = next;
}

// Sends the next byte; after the last one, stops asking (the ISR never runs with nothing to send:
// avr8js clears the UDRE flag when the interrupt is taken, where the chip keeps it set).
ISR(USART_UDRE_vect) {
  UDR0 = txBuffer[txTail];
  txTail = (txTail + 1) & (TX_SIZE - 1);
  if (txHead == txTail) UCSR0B &= ~_BV(UDRIE0);
}

int16_t linkRead() {
  if (rxHead == rxTail) return -1;
  uint8_t c = rxBuffer[rxTail];
  rxTail = (rxTail + 1) & (RX_SIZE - 1);
  return c;
}

void LinkSink::put(uint8_t c) {
  uint8_t oldSreg = SREG;
  cli();
  if (txHead == txTail && (UCSR0A & _BV(UDRE0))) {
    UDR0 = c;   // the line is idle: straight out
    SREG = oldSreg;
    return;
  }
  SREG = oldSreg;
  uint8_t next = (txHead + 1) & (TX_SIZE - 1);
  while (next == txTail) {
    failsafeFeed();
    keepTime();
  }
  txBuffer[txHead] = c;
  cli();
  txHead = next;
  UCSR0B |= _BV(UDRIE0);
  SREG = oldSreg;
}

void LinkSink::end() { put('\n'); }

void CrcSink::put(uint8_t c) {
  crc ^= c;
  for (uint8_t i = 0; i < 8; i++) crc = (crc >> 1) ^ (0xEDB88320UL & (0UL - (crc & 1)));
}

void Sink::text(const char *s) {
  while (*s) put(*s++);
}

void Sink::textP(const char *s) {
  for (char c; (c = pgm_read_byte(s)); s++) put(c);
}

void Sink::number(int32_t n) {
  char digits[11];
  uint8_t count = 0;
  uint32_t u = n < 0 ? (uint32_t)(-n) : (uint32_t)n;
  if (n < 0) put('-');
  do {
    digits[count++] = '0' + u % 10;
    u /= 10;
  } while (u);
  while (count) put(digits[--count]);
}

void Sink::hex32(uint32_t n) {
  for (int8_t shift = 28; shift >= 0; shift -= 4) put(pgm_read_byte(PSTR("0123456789ABCDEF") + ((n >> shift) & 15)));
}

void Sink::pin(uint8_t p) {
  if (p < 14) {
    put('D');
    number(p);
  } else {
    put('A');
    number(p - 14);
  }
}
