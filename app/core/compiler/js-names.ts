/**
 * Turns pupils' names ("mon score", "avance 2") into JavaScript identifiers that stay readable
 * (accents kept, spaces become `_`), never clash with each other, keywords or the script's helpers.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends false finally ' +
    'for function if import in instanceof let new null return super switch this throw true try typeof ' +
    'var void while with yield await async enum static implements interface package private protected ' +
    'public arguments eval undefined NaN Infinity Math Promise console process require setTimeout ' +
    'five carte programme attendre avancer reculer tourner moteurs arreterTout regler bip dire ' +
    'distance ligne lumiereAmbiante boutonAppuye nombreAuHasard pourcentVersPwm crayon reglerServo ' +
    'moteurGauche moteurDroit lumiere buzzer servoCrayon capteurDistance capteurLigneGauche ' +
    'capteurLigneDroite capteurLumiere bouton erreur charger trouverCarte ouvrirLien CARTES_USB demarrer ' +
    'lancer limiter enMillisecondes angleServo distanceEnCm lumiereEnPourcent arreterMoteurs brocheBuzzer ' +
    'chemin capteurs mesure'
  ).split(' '),
);

export class JsNames {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  /** A variable or parameter: the same pupil name gives the same identifier (so locals shadow). */
  variable(name: string): string {
    return this.get(`v:${name}`, name);
  }

  procedure(name: string): string {
    return this.get(`p:${name}`, name);
  }

  private get(key: string, name: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let base = name.normalize('NFC').replace(/[^\p{ID_Continue}$]+/gu, '_');
    if (!/^[\p{ID_Start}_$]/u.test(base)) base = `_${base}`;
    // `fois1`, `fois2`… count the script's repeat loops.
    if (/^fois\d+$/.test(base)) base = `${base}_`;
    let id = base;
    for (let n = 2; RESERVED.has(id) || this.used.has(id); n++) id = `${base}${n}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }
}
