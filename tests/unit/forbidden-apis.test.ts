import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sourcesIn(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesIn(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const PRODUCT = ['entrypoints', 'components', 'utils'].flatMap(sourcesIn);
/** Code that runs in Aruba's pages, where the password is. */
const IN_PAGE = [...sourcesIn('entrypoints/aruba.content'), 'entrypoints/page-outline.ts', 'utils/page/find-step.ts', 'utils/aruba/steps.ts', 'utils/page/outline.ts'];

const read = (path: string) =>
  readFileSync(join(ROOT, path), 'utf8')
    // Comments may name what the code must never do.
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the product code', () => {
  it('has sources to check', () => {
    expect(PRODUCT.length).toBeGreaterThan(20);
    expect(IN_PAGE).toContain('entrypoints/aruba.content/guide.ts');
  });

  it.each([
    ['network', /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|navigator\.connection/],
    ['HTML from strings', /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|DOMParser/],
    ['code from strings', /\beval\s*\(|new Function\s*\(|setTimeout\(\s*['"`]/],
    ['remote code', /<script[^>]+src=["']https?:|import\(\s*['"`]https?:/],
  ])('uses no %s', (_, pattern) => {
    const offenders = PRODUCT.filter((path) => pattern.test(read(path))).map((path) => relative(ROOT, join(ROOT, path)));
    expect(offenders).toEqual([]);
  });

  it("never polls Aruba's pages: it waits for changes (issue 7)", () => {
    expect(IN_PAGE.filter((path) => /\bsetInterval\s*\(/.test(read(path)))).toEqual([]);
  });

  it("never reads a form field's value in Aruba's pages", () => {
    const offenders = IN_PAGE.flatMap((path) =>
      read(path)
        .split('\n')
        // The one exception: the label of <input type=button|submit> is its value attribute.
        .filter((line) => !/type === 'button' \|\| type === 'submit'/.test(line))
        .filter((line) => /\.value\b|\bvalueAsNumber\b|FormData|getAttribute\(\s*['"]value['"]\s*\)/.test(line))
        .map((line) => `${path}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
