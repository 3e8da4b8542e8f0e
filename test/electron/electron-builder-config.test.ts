import { readFile } from 'node:fs/promises';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/** electron-builder's own schema (draft-07 with a custom `typeof` keyword, hence strict: false). */
async function validator() {
  const schema = JSON.parse(await readFile('node_modules/app-builder-lib/scheme.json', 'utf8')) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addKeyword({
    keyword: 'typeof',
    validate: (type: string, data: unknown) => typeof data === type,
  });
  return ajv.compile(schema);
}

const load = async () => loadYaml(await readFile('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', async () => {
    const validate = await validator();
    const ok = validate(await load());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails the schema when broken', async () => {
    const validate = await validator();
    const config = await load();
    expect(validate({ ...config, asarUnpack: 42 })).toBe(false);
    expect(validate({ ...config, fileAssociations: [{ name: 'sans extension' }] })).toBe(false);
    expect(validate({ ...config, linux: { target: 'AppImage', category: 7 } })).toBe(false);
    expect(validate({ ...config, noSuchOption: true })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: 'off' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { noSuchFuse: false } })).toBe(false);
  });

  it('packages what RoboKit needs: targets, associations, the serial module unpacked', async () => {
    const config = await load();
    expect(config).toMatchObject({ appId: 'fr.robokit.app', productName: 'RoboKit' });
    expect(config.asarUnpack).toContain('node_modules/@serialport/bindings-cpp/**');
    expect((config.fileAssociations as { ext: string }[]).map((a) => a.ext)).toEqual(['robokit', 'robokitpack']);
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
  });

  it('flips the Electron fuses: no run-as-Node, NODE_OPTIONS or --inspect; asar only, integrity checked; no file:// privileges', async () => {
    const config = await load();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Asar integrity needs the app in an asar archive.
    expect(config.asar).toBe(true);
  });
});
