/**
 * The host's firmware installer: the board guessed from its USB ids, the shipped image, and the
 * STK500 upload with read-back (firmware-bridge/src/install), reported as plain progress.
 */
import { openBootLink } from '../../firmware-bridge/src/install/boot-link';
import { loadFirmwareImage } from '../../firmware-bridge/src/install/firmware-images';
import { installFirmware } from '../../firmware-bridge/src/install/install-firmware';
import { guessBoard, listPorts } from '../../firmware-bridge/src/ports';
import type { FirmwareInstaller } from './seams';

export function firmwareInstaller(): FirmwareInstaller {
  return {
    async install(port, firmware, onProgress) {
      const ports = await listPorts().catch(() => []);
      const board = ports.find((p) => p.path === port)?.board ?? guessBoard(undefined, undefined);
      const loaded = await loadFirmwareImage(firmware);
      const result = await installFirmware(
        {
          path: port,
          loaded,
          board,
          onEvent: (event) => {
            if (event.type === 'press-reset') onProgress({ phase: 'press-reset' });
            else if (event.type === 'phase') onProgress({ phase: event.phase });
            else onProgress({ phase: event.phase, done: event.done, total: event.total });
          },
        },
        openBootLink,
      );
      return { name: result.info.name, version: result.info.version, bytes: result.bytesWritten };
    },
  };
}
