/**
 * A world file's problem, said to the pack's author at the right place: the world file and the path
 * inside it (« worlds/arene.json → zones[0].width : ce champ est obligatoire. »), in words rather
 * than the validator's English.
 */
import { localized } from '../i18n/messages';
import type { WorldError } from '../simulator/parse-world';
import { joinPath, packError, pointerToPath, type PackError } from './pack-error';
import { schemaErrors } from './schema-errors';

export function worldPackErrors(file: string, error: WorldError): PackError[] {
  const e = error.schemaError;
  if (e?.keyword === 'additionalProperties') {
    const fields = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const path = joinPath(pointerToPath(e.instancePath), String((e.params as { additionalProperty?: unknown }).additionalProperty));
    return [packError('pack-world-unknown-field', { file, path }, { fields: fields.join(', ') })];
  }
  const described = e ? schemaErrors(file, [e]) : [];
  if (described.length > 0) return described;
  const path = error.path === '/' ? '' : pointerToPath(error.path);
  const said = localized(error.code, { path: path || '/', detail: error.detail });
  return [packError('pack-world-field', { file, path }, { fr: said.fr, en: said.en })];
}
