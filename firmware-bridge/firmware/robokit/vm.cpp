// Stored programs: the `prog` commands that write a bytecode image into EEPROM, and the virtual
// machine that runs it (docs/bytecode.md). Code is read from EEPROM as it runs (no copy in SRAM);
// values are float32; a slice of instructions per turn of the loop keeps the serial line, the
// button and `stop` live; timed instructions end on the board's clock, from their own start.
#include "robokit.h"
#include <avr/eeprom.h>
#include <math.h>

#define IMAGE_MAX (PROGRAM_EEPROM_END - PROGRAM_EEPROM_START)   // 896
#define HEADER 16
#define CODE_START (PROGRAM_EEPROM_START + HEADER)
#define STACK_MAX 16
#define FRAMES_MAX 8
#define LOCALS_MAX 48
#define GLOBALS_MAX 32
#define SLICE_OPS 32
#define RANDOM_LIMIT 1000000L
#define WAIT_MAX_MS 3600000UL   // a timed instruction lasts at most an hour (micros() wraps at 71 min)
#define DATA_MAX 24

enum Op : uint8_t {
  OP_END = 0x00, OP_PUSH_F, OP_PUSH_I8, OP_PUSH_I16, OP_LOAD_G, OP_STORE_G, OP_LOAD_L, OP_STORE_L, OP_POP, OP_DUP,
  OP_ADD = 0x10, OP_SUB, OP_MUL, OP_DIV, OP_POW, OP_BOOL, OP_NOT,
  OP_EQ = 0x18, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
  OP_RANDOM = 0x1F, OP_JMP = 0x20, OP_JZ = 0x21, OP_CALL = 0x23, OP_ENTER, OP_RET,
  OP_SENSOR = 0x30,
  OP_MOTORS = 0x40, OP_MOVE, OP_TURN, OP_STOP, OP_LIGHT, OP_TONE, OP_PEN, OP_WAIT,
};

// What `evt prog` says (the event's value: kind << 12 | pc).
enum ProgEvent : uint8_t { PE_START, PE_END, PE_DIV0, PE_NAN, PE_DEEP, PE_STACK, PE_RANGE, PE_OP, PE_CRC, PE_HEADER };
static const char PROG_EVENTS[] PROGMEM = "start\0end\0div0\0nan\0deep\0stack\0range\0op\0crc\0header\0";
#define NO_PC 0xFFF

enum After : uint8_t { AFTER_NOTHING, AFTER_MOTORS, AFTER_TONE };

struct Frame {
  uint8_t base, count;
  uint16_t returnTo;
};

static bool running;
static uint16_t pc, codeLength;
static float stack[STACK_MAX];
static uint8_t depth;
static float globals[GLOBALS_MAX];
static float locals[LOCALS_MAX];
static Frame frames[FRAMES_MAX];
static uint8_t frameCount;
static float msPerDegree;
static uint32_t randomState;

static bool waiting;                 // a timed instruction is under way
static After after;
static uint32_t waitStartUs, waitUs;

static bool signalling;              // the error signal: 3 quick blinks and a low beep
static uint32_t signalStartMs;
static int8_t signalPhase;

static bool receiving;
static uint16_t expectedSize, receivedSize;

// ---- the image in EEPROM -------------------------------------------------------------------------

static uint8_t romByte(uint16_t offset) { return eeprom_read_byte((const uint8_t *)(PROGRAM_EEPROM_START + offset)); }
static uint16_t romWord(uint16_t offset) { return romByte(offset) | (romByte(offset + 1) << 8); }
static uint32_t romLong(uint16_t offset) { return romWord(offset) | ((uint32_t)romWord(offset + 2) << 16); }
static float romFloat(uint16_t offset) {
  uint32_t bits = romLong(offset);
  float f;
  memcpy(&f, &bits, 4);
  return f;
}

// CRC-16/CCITT-FALSE of the first `length` bytes of the image.
static uint16_t imageCrc(uint16_t length) {
  uint16_t crc = 0xFFFF;
  for (uint16_t i = 0; i < length; i++) {
    crc ^= (uint16_t)romByte(i) << 8;
    for (uint8_t b = 0; b < 8; b++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
  }
  return crc;
}

// The image's whole size from its header, or 0 if the header is not one this VM runs.
static uint16_t imageSize() {
  if (romByte(0) != 'R' || romByte(1) != 'K' || romByte(2) != 1) return 0;
  uint16_t size = HEADER + romWord(4) + 2;
  if (romWord(4) == 0 || size > IMAGE_MAX || romByte(6) > GLOBALS_MAX) return 0;
  return size;
}

// PE_START if the stored image is whole and runnable, else PE_HEADER or PE_CRC.
static ProgEvent imageCheck() {
  uint16_t size = imageSize();
  if (!size) return PE_HEADER;
  return imageCrc(size - 2) == romWord(size - 2) ? PE_START : PE_CRC;
}

static bool autostart() { return romByte(PROGRAM_AUTOSTART_ADDR - PROGRAM_EEPROM_START) == 1; }

// ---- running -------------------------------------------------------------------------------------

void programSay(uint16_t value) {
  const char *name = PROG_EVENTS;
  for (uint8_t i = 0; i < value >> 12; i++) name += strlen_P(name) + 1;
  out.textP(PSTR("evt prog "));
  if (value >> 12 >= PE_DIV0) out.textP(PSTR("error "));
  out.textP(name);
  if ((value & NO_PC) != NO_PC) {
    out.put(' ');
    out.number(value & NO_PC);
  }
}

static void say(ProgEvent kind, uint16_t at) { eventsAdd(EVENT_PROG, ((uint16_t)kind << 12) | (at & NO_PC)); }

static void outputsOff() {
  motorsSet(0, 0);
  soundStop();
}

static void signalTick() {
  if (!signalling) return;
  uint32_t t = millis() - signalStartMs;
  int8_t phase = t >= 600 ? 6 : t / 100;   // on, off, on, off, on, off
  if (phase == signalPhase) return;
  signalPhase = phase;
  lightSet(phase < 6 && !(phase & 1));
  if (phase == 0) soundPlay(220);
  if (phase == 3) soundStop();
  if (phase == 6) signalling = false;
}

static void fault(ProgEvent kind, uint16_t at) {
  running = false;
  waiting = false;
  outputsOff();
  say(kind, at);
  signalling = true;
  signalStartMs = millis();
  signalPhase = -1;
  signalTick();
}

static void start(bool seeded, uint32_t seed) {
  ProgEvent check = imageCheck();
  if (check != PE_START) {
    fault(check, NO_PC);
    return;
  }
  actuatorsSafe();
  signalling = false;
  codeLength = romWord(4);
  msPerDegree = romFloat(8);
  if (!seeded) {
    seed = romLong(12);
    if (!(romByte(3) & 1)) seed ^= micros();
  }
  randomState = seed;
  memset(globals, 0, sizeof globals);
  pc = depth = frameCount = 0;
  waiting = false;
  running = true;
  say(PE_START, NO_PC);
}

bool programRunning() { return running; }

void programStop() {
  running = false;
  waiting = false;
  signalling = false;
}

void programBegin() {
  if (autostart()) start(false, 0);
}

void programButton(uint8_t pressed) {
  if (!pressed) return;
  if (running) stopEverything();
  else start(false, 0);
}

// The host's mulberry32 (app/core/random.ts), bit for bit.
static uint32_t mulberry32() {
  randomState += 0x6D2B79F5UL;
  uint32_t t = randomState;
  t = (t ^ (t >> 15)) * (t | 1);
  t ^= t + (t ^ (t >> 7)) * (t | 61);
  return t ^ (t >> 14);
}

static uint8_t codeByte() { return pc < codeLength ? eeprom_read_byte((const uint8_t *)(CODE_START + pc++)) : (uint8_t)OP_END; }
static uint16_t codeWord() {
  uint16_t low = codeByte();
  return low | (codeByte() << 8);
}

// Starts a timed instruction of `ms` (rounded to whole ms, as the host), measured from now.
static void waitFor(float ms, After then) {
  if (!(ms > 0)) ms = 0;
  uint32_t whole = ms > WAIT_MAX_MS ? WAIT_MAX_MS : (uint32_t)(ms + 0.5f);
  waitStartUs = micros();
  waitUs = whole * 1000UL;
  after = then;
  waiting = true;
}

static float clampPower(float p) {
  if (isnan(p)) return 0;
  return p > 100 ? 100 : p < -100 ? -100 : p;
}

static bool truth(float v) { return v != 0 && !isnan(v); }

// One instruction; false when the program ended or failed.
static bool step() {
  uint16_t at = pc;
  uint8_t op = codeByte();
  float a, b;
  ProgEvent error = PE_OP;
#define PUSH(v) do { if (depth >= STACK_MAX) { error = PE_STACK; goto fail; } stack[depth++] = (v); } while (0)
#define POP(v) do { if (!depth) { error = PE_STACK; goto fail; } (v) = stack[--depth]; } while (0)
  switch (op) {
    case OP_END:
      running = false;
      outputsOff();
      say(PE_END, NO_PC);
      return false;
    case OP_PUSH_F: {
      uint32_t bits = codeWord();
      bits |= (uint32_t)codeWord() << 16;
      memcpy(&a, &bits, 4);
      PUSH(a);
      break;
    }
    case OP_PUSH_I8: PUSH((int8_t)codeByte()); break;
    case OP_PUSH_I16: PUSH((int16_t)codeWord()); break;
    case OP_LOAD_G: {
      uint8_t g = codeByte();
      if (g >= GLOBALS_MAX) goto fail;
      PUSH(globals[g]);
      break;
    }
    case OP_STORE_G: {
      uint8_t g = codeByte();
      if (g >= GLOBALS_MAX) goto fail;
      POP(globals[g]);
      break;
    }
    case OP_LOAD_L:
    case OP_STORE_L: {
      uint8_t i = codeByte();
      if (!frameCount || i >= frames[frameCount - 1].count) goto fail;
      float &slot = locals[frames[frameCount - 1].base + i];
      if (op == OP_LOAD_L) PUSH(slot);
      else POP(slot);
      break;
    }
    case OP_POP: POP(a); break;
    case OP_DUP:
      POP(a);
      PUSH(a);
      PUSH(a);
      break;
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_POW:
      POP(b);
      POP(a);
      if (op == OP_DIV && b == 0) {
        error = PE_DIV0;
        goto fail;
      }
      a = op == OP_ADD ? a + b : op == OP_SUB ? a - b : op == OP_MUL ? a * b : op == OP_DIV ? a / b : (float)pow(a, b);
      if (isnan(a)) {
        error = PE_NAN;
        goto fail;
      }
      PUSH(a);
      break;
    case OP_BOOL: case OP_NOT:
      POP(a);
      PUSH(truth(a) == (op == OP_BOOL) ? 1 : 0);
      break;
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
      POP(b);
      POP(a);
      bool r = op == OP_EQ ? a == b : op == OP_NE ? a != b : op == OP_LT ? a < b : op == OP_LE ? a <= b : op == OP_GT ? a > b : a >= b;
      PUSH(r ? 1 : 0);
      break;
    }
    case OP_RANDOM: {
      POP(b);
      POP(a);
      a = floor(a + 0.5f);
      b = floor(b + 0.5f);
      if (!(fabs(a) <= RANDOM_LIMIT && fabs(b) <= RANDOM_LIMIT)) {
        error = PE_RANGE;
        goto fail;
      }
      int32_t low = a, high = b;
      if (low > high) {
        int32_t t = low;
        low = high;
        high = t;
      }
      uint64_t spread = (uint64_t)mulberry32() * (uint32_t)(high - low + 1);
      PUSH((float)(low + (int32_t)(spread >> 32)));
      break;
    }
    case OP_JMP: pc = codeWord(); break;
    case OP_JZ: {
      uint16_t to = codeWord();
      POP(a);
      if (!truth(a)) pc = to;
      break;
    }
    case OP_CALL: {
      uint16_t to = codeWord();
      uint8_t n = codeByte();
      if (frameCount >= FRAMES_MAX) {
        error = PE_DEEP;
        goto fail;
      }
      if (n > depth) {
        error = PE_STACK;
        goto fail;
      }
      uint8_t base = frameCount ? frames[frameCount - 1].base + frames[frameCount - 1].count : 0;
      if (base + n > LOCALS_MAX) {
        error = PE_DEEP;
        goto fail;
      }
      depth -= n;
      memcpy(&locals[base], &stack[depth], n * sizeof(float));
      frames[frameCount++] = {base, n, pc};
      pc = to;
      break;
    }
    case OP_ENTER: {
      uint8_t k = codeByte();
      if (!frameCount) frames[frameCount++] = {0, 0, 0};
      Frame &frame = frames[frameCount - 1];
      if (frame.base + k > LOCALS_MAX) {
        error = PE_DEEP;
        goto fail;
      }
      while (frame.count < k) locals[frame.base + frame.count++] = 0;
      break;
    }
    case OP_RET:
      if (frameCount < 2) goto fail;
      pc = frames[--frameCount].returnTo;
      break;
    case OP_SENSOR: {
      uint8_t s = codeByte();
      if (s > 4) goto fail;
      int16_t v = sensorValue(s);
      PUSH(s == 0 ? v / 10.0f : v);
      break;
    }
    case OP_MOTORS:
      POP(b);
      POP(a);
      motorsSet(clampPower(a), clampPower(b));
      break;
    case OP_MOVE: {
      bool backward = codeByte() == 1;
      POP(b);
      POP(a);
      a = clampPower(backward ? -a : a);
      motorsSet(a, a);
      waitFor(b * 1000, AFTER_MOTORS);
      break;
    }
    case OP_TURN: {
      bool right = codeByte() == 1;
      POP(a);
      bool left = !right == (a >= 0);
      motorsSet(left ? -50 : 50, left ? 50 : -50);
      waitFor(fabs(a) * msPerDegree, AFTER_MOTORS);
      break;
    }
    case OP_STOP: motorsSet(0, 0); break;
    case OP_LIGHT: lightSet(codeByte() == 1); break;
    case OP_TONE: {
      POP(b);
      POP(a);
      soundPlay(a > 20000 ? 20000 : a > 0 ? (uint16_t)(a + 0.5f) : 0);
      waitFor(b * 1000, AFTER_TONE);
      break;
    }
    case OP_PEN: penSet(codeByte() == 1); break;
    case OP_WAIT:
      POP(a);
      waitFor(a * 1000, AFTER_NOTHING);
      break;
    default: goto fail;
  }
  return true;
fail:
  fault(error, at);
  return false;
#undef PUSH
#undef POP
}

void programPoll() {
  signalTick();
  for (uint8_t i = 0; running && i < SLICE_OPS; i++) {
    if (waiting) {
      if (micros() - waitStartUs < waitUs) return;
      waiting = false;
      if (after == AFTER_MOTORS) motorsSet(0, 0);
      if (after == AFTER_TONE) soundStop();
    }
    if (!step()) return;
  }
}

// ---- `prog ...` ----------------------------------------------------------------------------------

static void hex4(uint16_t n) {
  for (int8_t shift = 12; shift >= 0; shift -= 4) out.put("0123456789ABCDEF"[(n >> shift) & 15]);
}

static Answer progBegin(Args &args) {
  int32_t size;
  if (args.count != 3) return ERR_ARGS;
  if (running) return ERR_BUSY;
  Answer e = number(args.word[2], 0, 65535L, PSTR("SIZE"), size);
  if (e) return e;
  if (size < HEADER + 2 || size > IMAGE_MAX) return fail(ERR_PROG, PSTR("size"));
  eeprom_update_byte((uint8_t *)PROGRAM_EEPROM_START, 0xFF);   // the old program is invalid from now on
  receiving = true;
  expectedSize = size;
  receivedSize = 0;
  return ANSWER_OK;
}

static Answer progData(Args &args) {
  int32_t offset;
  if (args.count != 4) return ERR_ARGS;
  if (!receiving) return fail(ERR_PROG, PSTR("begin"));
  Answer e = number(args.word[2], 0, IMAGE_MAX, PSTR("OFFSET"), offset);
  if (e) return e;
  const char *hex = args.word[3];
  uint8_t digits = strlen(hex);
  if (!digits || digits & 1 || digits > DATA_MAX * 2) return fail(ERR_RANGE, PSTR("HEX"));
  if (offset > receivedSize || offset + digits / 2 > expectedSize) return fail(ERR_RANGE, PSTR("OFFSET"));
  for (uint8_t i = 0; i < digits; i++) {
    if (hexDigit(hex[i]) < 0) return fail(ERR_NUM, PSTR("HEX"));
  }
  for (uint8_t i = 0; i < digits; i += 2) {
    uint8_t byte = hexDigit(hex[i]) << 4 | hexDigit(hex[i + 1]);
    uint8_t *cell = (uint8_t *)(PROGRAM_EEPROM_START + offset + i / 2);
    eeprom_update_byte(cell, byte);   // 3.3 ms a changed byte: keep time meanwhile
    failsafeFeed();
    keepTime();
    if (eeprom_read_byte(cell) != byte) return ERR_EEPROM;
  }
  if (offset + digits / 2 > receivedSize) receivedSize = offset + digits / 2;
  return ANSWER_OK;
}

static Answer progEnd(Args &args) {
  if (args.count != 3) return ERR_ARGS;
  if (!receiving) return fail(ERR_PROG, PSTR("begin"));
  const char *hex = args.word[2];
  uint16_t crc = 0;
  if (strlen(hex) != 4) return fail(ERR_NUM, PSTR("CRC"));
  for (uint8_t i = 0; i < 4; i++) {
    int8_t d = hexDigit(hex[i]);
    if (d < 0) return fail(ERR_NUM, PSTR("CRC"));
    crc = crc << 4 | d;
  }
  if (receivedSize < expectedSize) return fail(ERR_PROG, PSTR("short"));
  receiving = false;
  if (imageSize() != expectedSize) return fail(ERR_PROG, PSTR("header"));
  if (imageCheck() != PE_START || romWord(expectedSize - 2) != crc) return ERR_CRC;
  return ANSWER_OK;
}

static Answer progInfo() {
  uint16_t size = imageSize();
  out.textP(PSTR("ok size="));
  out.number(size);
  out.textP(PSTR(" crc="));
  hex4(size ? romWord(size - 2) : 0);
  out.textP(PSTR(" valid="));
  out.number(imageCheck() == PE_START);
  out.textP(PSTR(" autostart="));
  out.number(autostart());
  out.textP(PSTR(" running="));
  out.number(running);
  out.end();
  return ANSWERED;
}

Answer cmdProg(Args &args) {
  const char *sub = args.word[1];
  if (!strcmp_P(sub, PSTR("begin"))) return progBegin(args);
  if (!strcmp_P(sub, PSTR("data"))) return progData(args);
  if (!strcmp_P(sub, PSTR("end"))) return progEnd(args);
  if (args.count == 2 && !strcmp_P(sub, PSTR("info"))) return progInfo();
  if (args.count == 3 && !strcmp_P(sub, PSTR("autostart"))) {
    int32_t on;
    Answer e = number(args.word[2], 0, 1, PSTR("ON"), on);
    if (e) return e;
    eeprom_update_byte((uint8_t *)PROGRAM_AUTOSTART_ADDR, on ? 1 : 0);
    return ANSWER_OK;
  }
  if (args.count <= 3 && !strcmp_P(sub, PSTR("run"))) {
    uint32_t seed = 0;
    if (args.count == 3) {
      char *end;
      seed = strtoul(args.word[2], &end, 10);
      if (*end || !isdigit(args.word[2][0])) return fail(ERR_NUM, PSTR("SEED"));
    }
    if (imageCheck() != PE_START) return fail(ERR_PROG, PSTR("none"));
    stopEverything();
    start(args.count == 3, seed);
    return ANSWER_OK;
  }
  if (args.count == 2 && !strcmp_P(sub, PSTR("stop"))) {
    stopEverything();
    return ANSWER_OK;
  }
  if (args.count == 2 && !strcmp_P(sub, PSTR("erase"))) {
    stopEverything();
    receiving = false;
    eeprom_update_byte((uint8_t *)PROGRAM_EEPROM_START, 0xFF);
    return ANSWER_OK;
  }
  return fail(ERR_ARGS, PSTR("prog"));
}
