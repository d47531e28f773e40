import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReplicaPage } from '../harness/replica-page';
import { FIXTURE_PAGES } from '../harness/site';

const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const STYLESHEET = withoutComments(readFileSync(join(PAGES_DIR, 'aruba.css'), 'utf8'));

describe('the replica pages as served', () => {
  const files = [...new Set(FIXTURE_PAGES.map((page) => page.file))];

  it.each(files)('%s asks for nothing: its stylesheet and scripts are inline, its images data', (file) => {
    const html = readReplicaPage(file);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    expect(html).not.toMatch(/\burl\(\s*(?!["']?data:)/i);
  });
});

/** The unit tests open the pages in happy-dom without it (tests/unit/replica-window.ts): it must not change what is seen. */
describe('the replica stylesheet', () => {
  it('hides nothing but what the markup hides', () => {
    const hiding = STYLESHEET.match(/[^{}]*\{[^}]*display:\s*none[^}]*\}/g)?.map((rule) => rule.trim());
    expect(hiding).toEqual(['[hidden] { display: none !important; }']);
    expect(STYLESHEET).not.toMatch(/visibility:\s*(hidden|collapse)|opacity:\s*0(?![.\d])|content-visibility|clip(-path)?:/);
  });
});
