import { describe, expect, it } from 'vitest';
import { csvCell, sessionsCsv } from '../../../app/core/workshop/csv';
import { recordTry } from '../../../app/core/workshop/session';
import { attempt, sessionWith } from './fixtures';

/** A small RFC 4180 reader, to read back what was written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('sessionsCsv', () => {
  it('writes one row per try with a header, CRLF line ends, and reads back the same cells', () => {
    let s = sessionWith('s1', ['Les "Tigres", et Cie', 'Ligne\nDeux']);
    s = recordTry(s, attempt('t1', 'le-spectacle', { seconds: 61.4, stars: 2, swaps: 1, pilot: 'parent' }));
    s = recordTry(s, attempt('t2', 'se-garer', { outcome: 'skipped', passed: false, stars: 0 }));
    s = recordTry(s, attempt('t2', 'le-spectacle', { outcome: 'manual' }));
    const text = sessionsCsv([s]);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(text);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['atelier', 'date', 'équipe', 'pack', 'défi', 'heure', 'secondes', 'résultat', 'réussi', 'étoiles', 'pilote', 'échanges']);
    expect(rows[1]!.slice(2)).toEqual(['Les "Tigres", et Cie', 'fr.robokit.defis-parents-enfants', 'le-spectacle', '2026-12-01T10:00:00.000Z', '61', 'vérifié', 'oui', '2', 'parent', '1']);
    expect(rows[2]!.slice(2, 3).concat(rows[2]!.slice(7, 9))).toEqual(['Ligne\nDeux', 'passé', 'non']);
    expect(rows[3]![7]).toBe('fait à la main');
    expect(rows.every((r) => r.length === 12)).toBe(true);
  });

  it('never lets a cell be a spreadsheet formula', () => {
    for (const hostile of ['=HYPERLINK("http://x","clic")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\r=1']) {
      const cell = csvCell(hostile);
      const read = readCsv(`${cell}\r\n`)[0]![0]!;
      expect(read.startsWith("'"), hostile).toBe(true);
      expect(read.slice(1)).toBe(hostile);
    }
    expect(csvCell('Zoé')).toBe('Zoé');
    expect(csvCell(42)).toBe('42');
    const s = recordTry(sessionWith('s1', ['=cmd|"/c calc"!A1']), attempt('t1', 'l'));
    expect(readCsv(sessionsCsv([s]))[1]![2]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('puts several sessions in one file', () => {
    const a = recordTry(sessionWith('a', ['Lou']), attempt('t1', 'x'));
    const b = recordTry(sessionWith('b', ['Lou']), attempt('t1', 'y'));
    expect(readCsv(sessionsCsv([a, b])).map((r) => r[4])).toEqual(['défi', 'x', 'y']);
  });
});
