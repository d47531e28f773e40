import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Attributes whose value a user sees or hears. */
const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'placeholder',
  'title',
]);

/** Words, in any script: punctuation, digits and symbols such as "×" or "—" need no translation. */
const WORDS = /\p{L}/u;

/** String literals an expression can evaluate to: 'a', cond ? 'a' : 'b', flag && 'a', ('a'). */
function literalTexts(expression: ts.Expression): string[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isTemplateExpression(expression)) return [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)];
  if (ts.isParenthesizedExpression(expression)) return literalTexts(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalTexts(expression.whenTrue), ...literalTexts(expression.whenFalse)];
  if (
    ts.isBinaryExpression(expression) &&
    [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expression.operatorToken.kind)
  ) {
    return literalTexts(expression.right);
  }
  return [];
}

/**
 * Text a .tsx file shows without going through t(): JSX text, string literals placed as JSX
 * children, and literal values of user-facing attributes.
 */
function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) found.push(node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) found.push(...literalTexts(node.expression));
    else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) found.push(value.text);
      else if (ts.isJsxExpression(value) && value.expression) found.push(...literalTexts(value.expression));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.map((text) => text.trim()).filter((text) => WORDS.test(text));
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('no hard-coded user-facing string', () => {
  it.each([
    ['JSX text', '<p>Rinnova ora</p>', ['Rinnova ora']],
    ['a literal child', "<p>{'Salva'}</p>", ['Salva']],
    ['a conditional child', "<p>{done ? 'Fatto' : t('x')}</p>", ['Fatto']],
    ['a template child', '<p>{`Scade il ${date}`}</p>', ['Scade il']],
    ['an aria-label', '<button aria-label="Chiudi" />', ['Chiudi']],
    ['a placeholder in braces', "<input placeholder={'Cerca'} />", ['Cerca']],
  ])('catches %s', (_, source, expected) => {
    expect(hardCodedStrings('sample.tsx', `const x = ${source};`)).toEqual(expected);
  });

  it('lets through t() calls, symbols, numbers, class names and other non-text attributes', () => {
    const source = `const x = (
      <div class="account-row" id="a" role="status" type="button">
        {t('popupTitle')} × — 12 {\`\${hour}:00\`} {count}
        <input aria-label={t('popupSearchLabel')} inputMode="email" autoComplete="off" />
      </div>
    );`;
    expect(hardCodedStrings('sample.tsx', source)).toEqual([]);
  });

  const files = [...tsxFiles(join(ROOT, 'components')), ...tsxFiles(join(ROOT, 'entrypoints'))];

  it('finds the extension pages to check', () => {
    expect(files.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['components/Popup.tsx', 'entrypoints/popup/main.tsx']));
  });

  it.each(files.map((file) => [relative(ROOT, file), file] as const))('%s shows only strings from the locale files', (_, file) => {
    expect(hardCodedStrings(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
