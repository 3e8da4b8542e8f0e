#include "robokit.h"

static char line[LINE_MAX + 1];
static uint8_t length;
static bool tooLong;

static const char *detailP;      // error detail from flash
static const char *detailWord;   // error detail from the line (the unknown command)

// Live actuator commands fight a running stored program: they answer `err busy`.
#define LIVE 1

struct Command {
  char name[10];
  uint8_t minWords, maxWords;    // the command's own word included
  uint8_t flags;
  Answer (*run)(Args &args);
};

static Answer cmdHello(Args &) {
  sayHello();
  return ANSWERED;
}

static Answer cmdName(Args &args) {
  const char *text = args.rest;
  uint8_t bytes = strlen(text);
  if (bytes > NAME_MAX) return fail(ERR_RANGE, PSTR("TEXT"));
  for (const char *c = text; *c; c++) {
    if ((uint8_t)*c < 0x20 || *c == 0x7F) return fail(ERR_RANGE, PSTR("TEXT"));
  }
  return nameSave(strcmp(text, "-") == 0 ? "" : text) ? ANSWER_OK : ERR_EEPROM;
}

// `id XXXXXXXX`: the id the host chose for this board (a new board has none: 00000000). Two boards
// flashed alike would pick the same id from their own start-up, so the host picks one at random.
static Answer cmdId(Args &args) {
  const char *hex = args.word[1];
  uint32_t id = 0;
  uint8_t digits = 0;
  for (; hex[digits]; digits++) {
    int8_t d = hexDigit(hex[digits]);
    if (d < 0 || digits >= 8) return fail(ERR_NUM, PSTR("ID"));
    id = id << 4 | d;
  }
  if (digits != 8 || id == 0) return fail(ERR_RANGE, PSTR("ID"));
  return idSave(id) ? ANSWER_OK : ERR_EEPROM;
}

static Answer cmdHeartbeat(Args &) { return ANSWER_OK; }

static Answer cmdFailsafe(Args &args) {
  int32_t ms;
  Answer e = number(args.word[1], 100, 2000, PSTR("MS"), ms);
  if (e) return e;
  failsafeSetTime(ms);
  return ANSWER_OK;
}

static Answer cmdStop(Args &) {
  stopEverything();
  return ANSWER_OK;
}

static const Command COMMANDS[] PROGMEM = {
    {"hello", 1, 1, 0, cmdHello},
    {"hb", 1, 1, 0, cmdHeartbeat},
    {"stop", 1, 1, 0, cmdStop},
    {"m", 3, 3, LIVE, cmdMotors},
    {"move", 5, 5, LIVE, cmdMove},
    {"tone", 2, 4, LIVE, cmdTone},
    {"led", 2, 2, LIVE, cmdLed},
    {"rgb", 5, 5, LIVE, cmdRgb},
    {"pen", 2, 2, LIVE, cmdPen},
    {"watch", 1, 3, 0, cmdWatch},
    {"read", 1, 1, 0, cmdRead},
    {"cfg", 2, WORDS_MAX, 0, cmdCfg},
    {"name", 2, WORDS_MAX, 0, cmdName},
    {"id", 2, 2, 0, cmdId},
    {"identify", 1, 2, LIVE, cmdIdentify},
    {"failsafe", 2, 2, 0, cmdFailsafe},
    PROGRAM_COMMANDS
};

int8_t hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

Answer fail(Answer code, const char *detail) {
  detailP = detail;
  return code;
}

Answer number(const char *word, int32_t low, int32_t high, const char *name, int32_t &value) {
  const char *c = word;
  bool negative = *c == '-';
  if (negative) c++;
  if (!*c) return fail(ERR_NUM, name);
  int32_t n = 0;
  for (; *c; c++) {
    if (*c < '0' || *c > '9') return fail(ERR_NUM, name);
    if (n > 99999999L) return fail(ERR_RANGE, name);   // far outside every range; no overflow
    n = n * 10 + (*c - '0');
  }
  if (negative) n = -n;
  if (n < low || n > high) return fail(ERR_RANGE, name);
  value = n;
  return ANSWER_OK;
}

// D2–D13 and A0–A5 are digital pins (D0, D1 are the serial line); A0–A7 are analog inputs.
Answer pinWord(const char *word, PinKind kind, const char *name, uint8_t &pin) {
  int32_t n;
  if ((word[0] != 'D' && word[0] != 'A') || number(word + 1, 0, 13, name, n)) return fail(ERR_RANGE, name);
  uint8_t p = word[0] == 'D' ? n : 14 + n;
  bool ok = kind == PIN_DIGITAL ? (p >= 2 && p <= 19) : (p >= 14 && p <= 21);
  if (!ok) return fail(ERR_RANGE, name);
  pin = p;
  return ANSWER_OK;
}

static const char ERROR_CODES[] PROGMEM =
    "unknown\0args\0num\0range\0long\0nocap\0busy\0eeprom\0crc\0prog\0";

static void answer(Answer result) {
  if (result == ANSWERED) return;
  if (result == ANSWER_OK) {
    out.textP(PSTR("ok"));
    out.end();
    return;
  }
  const char *code = ERROR_CODES;
  for (uint8_t i = ERR_UNKNOWN; i < result; i++) code += strlen_P(code) + 1;
  out.textP(PSTR("err "));
  out.textP(code);
  if (detailWord) {
    out.put(' ');
    // the word as received, printable ASCII only, at most 16 characters
    for (uint8_t i = 0; detailWord[i] && i < 16; i++) {
      char c = detailWord[i];
      out.put(c > ' ' && c < 0x7F ? c : '?');
    }
  } else if (detailP) {
    out.put(' ');
    out.textP(detailP);
  }
  out.end();
}

// Cuts the line into words at spaces; false if there are too many.
static bool split(char *c, Args &args) {
  args.count = 0;
  while (*c) {
    while (*c == ' ') *c++ = 0;
    if (!*c) break;
    if (args.count == WORDS_MAX) return false;
    args.word[args.count++] = c;
    while (*c && *c != ' ') c++;
  }
  return true;
}

static Answer run(Args &args) {
  for (const Command *command = COMMANDS; command < COMMANDS + sizeof COMMANDS / sizeof *COMMANDS; command++) {
    if (strcmp_P(args.word[0], command->name) != 0) continue;
    if (args.count < pgm_read_byte(&command->minWords) || args.count > pgm_read_byte(&command->maxWords)) return ERR_ARGS;
    if ((pgm_read_byte(&command->flags) & LIVE) && programRunning()) return ERR_BUSY;
    Answer (*handler)(Args &) = (Answer(*)(Args &))pgm_read_word(&command->run);
    return handler(args);
  }
  detailWord = args.word[0];
  return ERR_UNKNOWN;
}

// `name TEXT` keeps the rest of the line whole (spaces included); every other command is words.
static bool splitName(Args &args) {
  char *text = line;
  while (*text == ' ') text++;
  if (strncmp_P(text, PSTR("name"), 4) != 0 || (text[4] != ' ' && text[4] != 0)) return false;
  char *rest = text + 4;
  while (*rest == ' ') rest++;
  char *end = rest + strlen(rest);
  while (end > rest && end[-1] == ' ') *--end = 0;
  text[4] = 0;
  args.word[0] = text;
  args.rest = rest;
  args.count = *rest ? 2 : 1;
  return true;
}

static void handleLine() {
  failsafeHeard();
  detailP = nullptr;
  detailWord = nullptr;
  if (tooLong) {
    answer(ERR_LONG);
    return;
  }
  line[length] = 0;
  Args args;
  args.rest = "";
  if (!splitName(args) && !split(line, args)) {
    answer(ERR_ARGS);
    return;
  }
  if (args.count == 0) return;   // an empty line: nothing to answer
  answer(run(args));
}

void protocolPoll() {
  int16_t c = linkRead();
  while (c >= 0) {
    if (c == '\n') {
      handleLine();
      length = 0;
      tooLong = false;
      return;   // one line per turn of the loop: timed actions stay on time
    }
    if (c != '\r') {
      if (length < LINE_MAX) line[length++] = c ? c : 1;   // a NUL byte must not end the line early
      else tooLong = true;
    }
    c = linkRead();
  }
}

void sayHello() {
  out.textP(PSTR("hello fw=" FIRMWARE_NAME " ver=" FIRMWARE_VERSION " proto="));
  out.number(PROTOCOL_VERSION);
  out.textP(PSTR(" board=uno id="));
  out.hex32(identity.id);
  out.textP(PSTR(" caps="));
  partsCapabilities(out);
  out.textP(PSTR(" kit="));
  out.text(config.kit[0] ? config.kit : "-");
  out.textP(PSTR(" name="));
  out.text(identity.name[0] ? identity.name : "-");
  out.end();
}
