#include "robokit.h"

static bool moving;
static uint16_t moveTag;
static uint32_t moveStartUs, moveLengthUs;

// -100…100 % → what the motor driver needs. Speed maps linearly to PWM 0…255 (50 % → 128).
// A stored program's powers are not whole numbers: rounded half up, as the host does.
static void drive(uint8_t side, float percent) {
  if (config.motorMirror & (1 << side)) percent = -percent;
  if (config.motors == MOTORS_HBRIDGE) {
    uint8_t pwm = config.motorPins[side * 2], dir = config.motorPins[side * 2 + 1];
    bool forward = percent >= 0;
    float magnitude = forward ? percent : -percent;
    bool level = forward ? config.motorForward : !config.motorForward;
    uint8_t duty = (uint8_t)(magnitude * 255 / 100 + 0.5f);
    digitalWrite(dir, level);
    // A two-input driver (L9110, L298N's IN1/IN2): with the direction input HIGH the motor runs
    // while the PWM input is LOW, so the duty is inverted.
    analogWrite(pwm, (config.motorMirror & 4) && level ? 255 - duty : duty);
  } else if (config.motors == MOTORS_SERVO) {
    servoWrite(SERVO_LEFT + side, (uint16_t)(1500 + 5 * percent + 0.5f));   // 1500 µs still, ±500 µs full speed
  }
}

static void set(float left, float right) {
  drive(0, left);
  drive(1, right);
}

static void cancelMove() {
  if (!moving) return;
  moving = false;
  eventsAdd(EVENT_STOPPED, moveTag);
}

void motorsBegin() {
  moving = false;
  if (config.motors == MOTORS_HBRIDGE) {
    for (uint8_t i = 0; i < 4; i++) pinMode(config.motorPins[i], OUTPUT);
  } else if (config.motors == MOTORS_SERVO) {
    servoAttach(SERVO_LEFT, config.motorPins[0]);
    servoAttach(SERVO_RIGHT, config.motorPins[1]);
  }
  set(0, 0);
}

void motorsStop() {
  cancelMove();
  set(0, 0);
}

void motorsSet(float left, float right) {
  cancelMove();
  set(left, right);
}

void motorsTick() {
  if (moving && micros() - moveStartUs >= moveLengthUs) {
    set(0, 0);
    moving = false;
    eventsAdd(EVENT_DONE, moveTag);
  }
}

static Answer powers(Args &args, int32_t &left, int32_t &right) {
  Answer e = number(args.word[1], -100, 100, PSTR("L"), left);
  if (!e) e = number(args.word[2], -100, 100, PSTR("R"), right);
  if (!e && config.motors == MOTORS_NONE) e = ERR_NOCAP;
  return e;
}

Answer cmdMotors(Args &args) {
  int32_t left, right;
  Answer e = powers(args, left, right);
  if (e) return e;
  cancelMove();
  set(left, right);
  return ANSWER_OK;
}

Answer cmdMove(Args &args) {
  int32_t left, right, ms, tag;
  Answer e = number(args.word[3], 0, 600000L, PSTR("MS"), ms);
  if (!e) e = number(args.word[4], 0, 65535L, PSTR("TAG"), tag);
  if (e) return e;
  if ((e = powers(args, left, right))) return e;
  cancelMove();
  set(left, right);
  moveStartUs = micros();
  moveLengthUs = ms * 1000UL;
  moveTag = tag;
  moving = true;
  motorsTick();   // a 0 ms move is done at once
  return ANSWER_OK;
}
