export { startEmulatedUno, type EmulatedUno, type EmulationSpeed, type StartEmulatedUnoOptions } from './emulated-uno';
export { pwmSpans, type PwmChange, type PwmSpan } from './pwm-history';
export { fetchFirmata, FIRMATA_HEX_SHA256, FirmwareIntegrityError } from './fetch-firmata';
export { PWM_PINS, isPwmPin } from './uno-pins';
