// The robot's parts as the configuration wires them: `cfg ...` commands check a change on a copy
// of the configuration, then every part is stopped, its pins released, and the new wiring applied.
#pragma once
#include "protocol.h"
#include "settings.h"

class Sink;

// Every rule of docs/protocol.md (a pin used twice, PWM pins, analog-only pins, timers shared).
// ANSWER_OK, or ERR_RANGE with the part's name as detail.
Answer partsCheck(const Config &c);
bool partsValid(const Config &c);
// Puts every pin the configuration names to work.
void partsApply();
// `motors,light,...` or `-`.
void partsCapabilities(Sink &sink);
// The configuration as the `cfg` lines that would make it (its hash is taken over this text).
void partsDescribe(Sink &sink);

Answer cmdCfg(Args &args);
