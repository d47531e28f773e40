import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, TEXT_NODE, composedParent } from './walk';

/**
 * What a person reads on an Aruba page: visible text across spans, slots and open shadow roots,
 * and what a control is called. Pure DOM. Never reads a form field's value: the password may sit
 * in one.
 */

/** Never contribute text: code, and form fields (their content is a value, possibly the password). */
export const TEXTLESS = new Set([
  'head',
  'title',
  'script',
  'style',
  'template',
  'noscript',
  'input',
  'textarea',
  'select',
  'iframe',
  'frame',
  'object',
]);
/** Rendered on their own line: their text is kept apart from the neighbours'. */
const BLOCKS = new Set([
  'br',
  'div',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'form',
  'fieldset',
  'legend',
  'button',
  'label',
]);
const EDGE_PUNCTUATION = /^[\s«»"'“”‘’:›‹<>…·•*.,;!?()[\]-]+|[\s«»"'“”‘’:›‹<>…·•*.,;!?()[\]-]+$/g;
/** Icon fonts (private use area), symbols and arrows drawn beside a label. */
const GLYPHS = /[\p{So}\p{Sm}\p{Sk}\p{Co}\p{Cf}]/gu;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function normalizeLabel(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
}

export function withoutGlyphs(normalized: string): string {
  return normalized.replace(GLYPHS, ' ').replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
}

export function labelMatches(normalized: string, wanted: ReadonlySet<string>): boolean {
  return wanted.has(normalized) || wanted.has(withoutGlyphs(normalized));
}

const normalizedSets = new Map<string, Set<string>>();

/** The labels normalized, once: every look at every change asks for the same few sets. */
export function normalizedSet(labels: readonly string[]): Set<string> {
  const key = labels.join('\n');
  let set = normalizedSets.get(key);
  if (!set) normalizedSets.set(key, (set = new Set(labels.map(normalizeLabel))));
  return set;
}

export function isMarkedHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.hasAttribute('inert') ||
    element.getAttribute('aria-hidden') === 'true' ||
    (element.localName === 'dialog' && !element.hasAttribute('open'))
  );
}

/** Whether a person can see the element: nothing up the composed tree hides it. */
export function isRendered(element: Element): boolean {
  if (!element.isConnected) return false;
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType === ELEMENT_NODE && isMarkedHidden(node as Element)) return false;
  }
  // One native check where the browser has it; the computed styles (slower) only to confirm a "no".
  if (element.checkVisibility?.({ visibilityProperty: true })) return true;
  const view = element.ownerDocument.defaultView;
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const current = node as Element;
    const style = view?.getComputedStyle(current);
    if (style?.display === 'none') return false;
    // Visibility is inherited, so the element's own value is enough.
    if (current === element && (style?.visibility === 'hidden' || style?.visibility === 'collapse')) return false;
  }
  return true;
}

/** Children as rendered: a shadow root instead of the light children, a slot's assigned nodes. */
export function renderedChildren(element: Element): ArrayLike<Node> {
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
    if (assigned.length > 0) return assigned;
  }
  return (element.shadowRoot ?? element).childNodes;
}

/** Hidden or textless: nothing under it is read. Only inline styles: a computed style per node would not be cheap. */
export function contributesNoText(element: Element): boolean {
  return TEXTLESS.has(element.localName) || isMarkedHidden(element) || (element as HTMLElement).style?.display === 'none';
}

export function isBlock(element: Element): boolean {
  return BLOCKS.has(element.localName);
}

function appendText(node: Node, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType === DOCUMENT_FRAGMENT_NODE) {
    for (const child of node.childNodes) appendText(child, parts);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (contributesNoText(element)) return;
  if (element.localName === 'img') {
    parts.push(element.getAttribute('alt') ?? '');
    return;
  }
  const block = isBlock(element);
  if (block) parts.push(' ');
  const children = renderedChildren(element);
  for (let index = 0; index < children.length; index++) appendText(children[index]!, parts);
  if (block) parts.push(' ');
}

/** The text a person sees inside the node, across spans, slots and shadow roots. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  appendText(node, parts);
  return collapse(parts.join(''));
}

/** Only a button's value is its label; any other input's value is what the user typed. */
export function buttonInputLabel(element: Element): string {
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  // eslint-disable-next-line no-restricted-syntax -- a button's value is its label, never something typed
  return type === 'button' || type === 'submit' ? collapse(element.getAttribute('value') ?? '') : '';
}

/** The name given by attributes alone: aria-label, else title. */
export function attributeName(element: Element): string {
  return collapse(element.getAttribute('aria-label') ?? '') || collapse(element.getAttribute('title') ?? '');
}

/** What the element is called, the way a screen reader would say it (simplified). */
export function accessibleLabel(element: Element): string {
  const ariaLabel = collapse(element.getAttribute('aria-label') ?? '');
  if (ariaLabel) return ariaLabel;
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (labelledBy.length > 0) {
    const root = element.getRootNode() as Document | ShadowRoot;
    const text = collapse(
      labelledBy
        .map((id) => {
          const labelElement = root.getElementById(id);
          return labelElement ? visibleText(labelElement) : '';
        })
        .join(' '),
    );
    if (text) return text;
  }
  if (element.localName === 'input') return buttonInputLabel(element) || collapse(element.getAttribute('title') ?? '');
  return visibleText(element) || collapse(element.getAttribute('title') ?? '');
}
