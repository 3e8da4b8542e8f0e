// No stored programs yet (see program.h): the VM of issue #11 replaces this file.
#include "robokit.h"

bool programRunning() { return false; }
void programStop() {}
void programPoll() {}
void programButton(uint8_t) {}
