#include "robokit.h"
#include <avr/eeprom.h>

#define ADDR_MAGIC 0
#define ADDR_ID 4
#define ADDR_NAME 8
#define ADDR_CONFIG (ADDR_NAME + NAME_MAX + 1)
#define ADDR_CONFIG_CRC (ADDR_CONFIG + sizeof(Config))

static_assert(ADDR_CONFIG_CRC < EEPROM_SETTINGS_END, "settings must fit in EEPROM bytes 0-127");

static const uint8_t MAGIC[4] PROGMEM = {'R', 'K', 1, 0};

Config config;
Identity identity;

static uint8_t crc8(const uint8_t *data, uint8_t length) {
  uint8_t crc = 0;
  while (length--) {
    crc ^= *data++;
    for (uint8_t i = 0; i < 8; i++) crc = crc & 0x80 ? (crc << 1) ^ 0x07 : crc << 1;
  }
  return crc;
}

// Writes only the bytes that differ (an EEPROM cell lasts ~100,000 writes), keeping time between
// bytes: each takes 3.3 ms on the chip. Reads back to check.
static bool eepromWrite(uint16_t address, const void *data, uint16_t length) {
  const uint8_t *bytes = (const uint8_t *)data;
  for (uint16_t i = 0; i < length; i++) {
    eeprom_update_byte((uint8_t *)(address + i), bytes[i]);
    failsafeFeed();
    keepTime();
  }
  for (uint16_t i = 0; i < length; i++) {
    if (eeprom_read_byte((const uint8_t *)(address + i)) != bytes[i]) return false;
  }
  return true;
}

void configClear(Config &c) {
  memset(&c, 0, sizeof c);
  memset(c.motorPins, NO_PIN, sizeof c.motorPins);
  memset(c.distancePins, NO_PIN, sizeof c.distancePins);
  memset(c.linePins, NO_PIN, sizeof c.linePins);
  c.lightPin = c.rgbPin = c.buzzerPin = c.penPin = c.lightSensorPin = c.buttonPin = NO_PIN;
}

void settingsLoad() {
  uint8_t magic[4];
  eeprom_read_block(magic, (const void *)ADDR_MAGIC, sizeof magic);
  if (memcmp_P(magic, MAGIC, sizeof magic) != 0) {
    // A new board: no id yet (0: the host that first meets it gives it one, `id`), no name, no
    // configuration. Only 9 bytes are written (~30 ms), so even the first boot says hello at once;
    // the configuration block stays erased, which its CRC refuses at the next boot (empty, as now).
    // (An id from the board's own start-up is not unique: boards flashed alike boot alike.)
    identity.id = 0;
    identity.name[0] = 0;
    configClear(config);
    eepromWrite(ADDR_ID, &identity.id, sizeof identity.id);
    eepromWrite(ADDR_NAME, identity.name, 1);
    memcpy_P(magic, MAGIC, sizeof magic);
    eepromWrite(ADDR_MAGIC, magic, sizeof magic);
    return;
  }
  eeprom_read_block(&identity, (const void *)ADDR_ID, sizeof identity);
  identity.name[NAME_MAX] = 0;
  eeprom_read_block(&config, (const void *)ADDR_CONFIG, sizeof config);
  uint8_t stored = eeprom_read_byte((const uint8_t *)ADDR_CONFIG_CRC);
  config.kit[KIT_MAX] = 0;
  if (stored != crc8((const uint8_t *)&config, sizeof config) || !partsValid(config)) configClear(config);
}

bool configSave() {
  uint8_t crc = crc8((const uint8_t *)&config, sizeof config);
  return eepromWrite(ADDR_CONFIG, &config, sizeof config) && eepromWrite(ADDR_CONFIG_CRC, &crc, 1);
}

bool idSave(uint32_t id) {
  identity.id = id;
  return eepromWrite(ADDR_ID, &identity.id, sizeof identity.id);
}

bool nameSave(const char *name) {
  memset(identity.name, 0, sizeof identity.name);
  strncpy(identity.name, name, NAME_MAX);
  return eepromWrite(ADDR_NAME, identity.name, sizeof identity.name);
}

uint32_t configHash() {
  CrcSink crc;
  partsDescribe(crc);
  return crc.value();
}
