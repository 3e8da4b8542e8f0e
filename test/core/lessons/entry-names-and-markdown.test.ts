import { describe, expect, it } from 'vitest';
import { checkEntryName, collisionKey } from '../../../app/core/lessons/entry-names';
import { packImageUrl, renderMarkdown, resolvePackPath } from '../../../app/core/lessons/markdown';

describe('entry names', () => {
  it.each<[string, string]>([
    ['../x', 'pack-entry-escapes'],
    ['a/../../x', 'pack-entry-escapes'],
    ['/etc/x', 'pack-entry-absolute'],
    ['C:\\x', 'pack-entry-drive'],
    ['a\\..\\..\\x', 'pack-entry-backslash'],
    ['a\u0000b', 'pack-entry-bad-name'],
    ['nul.txt', 'pack-entry-bad-name'],
    ...['CON', 'prn.md', 'Aux.tar.gz', 'NUL', 'CONIN$', 'conout$.json', 'com1', 'COM9.png', 'lpt1', 'LPT0.txt', 'COM¹', 'com².md', 'LPT³', 'nul .txt', 'images/CON.png', 'steps/Conin$/1.md']
      .map((name): [string, string] => [name, 'pack-entry-bad-name']),
    ['a<b', 'pack-entry-bad-name'],
    ['', 'pack-entry-bad-name'],
  ])('refuses %j (%s)', (name, code) => {
    expect(checkEntryName(name)).toEqual({ ok: false, code });
  });

  it('accepts ordinary names, folders and accents, and marks junk as ignored', () => {
    expect(checkEntryName('steps/1.fr.md')).toEqual({ ok: true, path: 'steps/1.fr.md', isDir: false, ignored: false });
    expect(checkEntryName('images/')).toEqual({ ok: true, path: 'images', isDir: true, ignored: false });
    expect(checkEntryName('images/étoile filante.png')).toMatchObject({ ok: true, ignored: false });
    expect(checkEntryName('__MACOSX/._pack.json')).toMatchObject({ ok: true, ignored: true });
    expect(checkEntryName('.git/config')).toMatchObject({ ok: true, ignored: true });
    // Names that only start like a device are files like any other.
    for (const name of ['console.md', 'com10.png', 'auxiliaire.md', 'connexion/1.md', 'nulle.png', 'lpt.md', 'COM.md']) {
      expect(checkEntryName(name)).toMatchObject({ ok: true, ignored: false });
    }
  });

  it('treats names one file system would confuse as the same', () => {
    expect(collisionKey('Steps/Caf\u00e9.md')).toBe(collisionKey('steps/cafe\u0301.md'));
  });
});

describe('markdown rendering in the core', () => {
  const ctx = { file: 'steps/1.fr.md', hasFile: (p: string) => p === 'images/a b.png', imageUrl: (p: string) => packImageUrl('fr.x.y', p) };

  it('resolves images from the step’s folder and never above the pack', () => {
    expect(resolvePackPath('steps/1.fr.md', '../images/a.png')).toBe('images/a.png');
    expect(resolvePackPath('steps/1.fr.md', 'img/a.png?x=1#y')).toBe('steps/img/a.png');
    expect(resolvePackPath('steps/1.fr.md', '../../a.png')).toBeNull();
    expect(resolvePackPath('steps/1.fr.md', '..%2F..%2Fa.png')).toBeNull();
    expect(resolvePackPath('steps/1.fr.md', 'https://x/a.png')).toBeNull();
  });

  it('rewrites pack images to the pack URL scheme', () => {
    const out = renderMarkdown('![Un robot](../images/a%20b.png)', ctx);
    expect(out.html).toBe('<p><img src="robokit-pack://fr.x.y/images/a%20b.png" alt="Un robot"></p>\n');
    expect(out.problems).toEqual([]);
  });

  it('drops remote images and non-web links, and says so', () => {
    const out = renderMarkdown('![pixel](https://evil.example/p.png) [x](javascript:alert(1)) <b>gras</b>', ctx);
    expect(out.html).toBe(
      '<p><span class="robokit-image-missing">pixel</span> <span class="robokit-link-disabled">x</span> &lt;b&gt;gras&lt;/b&gt;</p>\n',
    );
    expect(out.problems.map((p) => p.code)).toEqual(['pack-md-raw-html', 'pack-md-remote-image', 'pack-md-unsafe-link']);
  });
});
