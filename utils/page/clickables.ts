import { CLICK_ROLES, type ClickRole } from '../aruba/steps';
import { ELEMENT_NODE, composedParent, queryAll, type SearchRoot } from './walk';
import { accessibleLabel, attributeName, buttonInputLabel, normalizeLabel } from './text';

/**
 * What a person can click on an Aruba page, with the names it goes by: the real controls, inside
 * open shadow roots too, and design-system elements named on their host. Pure DOM.
 */

const CLICKABLE = 'a, button, [role=button], [role=link], [role=menuitem], [role=tab], input[type=button], input[type=submit]';

export interface Clickable {
  element: Element;
  role: ClickRole;
  /** The normalized accessible label. */
  label: string;
  /**
   * A design-system element's name, normalized: a custom element labelled on its host (aria-label,
   * title) around the one real control of its shadow root, which shows only an icon or an initial.
   */
  hostLabel?: string;
}

function roleOf(element: Element): ClickRole | null {
  const explicit = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0];
  if (explicit) return (CLICK_ROLES as readonly string[]).includes(explicit) ? (explicit as ClickRole) : null;
  if (element.localName === 'a') return 'link';
  return element.localName === 'button' || element.localName === 'input' ? 'button' : null;
}

function isEnabled(element: Element): boolean {
  return !element.hasAttribute('disabled') && element.getAttribute('aria-disabled') !== 'true';
}

/**
 * Could this element carry one of the labels? Its raw text must contain the label's longest
 * word; a label from elsewhere (aria-labelledby, a slot, a host, the user menu's initial) is
 * always looked at. Cheap enough for the thousands of links of a full inbox, where computing
 * every accessible label is not.
 */
function mayCarry(element: Element, anchors: readonly string[]): boolean {
  // In a shadow root the text may come through a slot, which textContent does not follow.
  if (element.hasAttribute('aria-labelledby') || element.hasAttribute('aria-haspopup') || element.getRootNode() !== element.ownerDocument)
    return true;
  const raw =
    `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''} ${buttonInputLabel(element)} ${element.textContent ?? ''}`.toLowerCase();
  // The user menu: named with the address, or showing one letter.
  if (`${element.getAttribute('aria-label')}${element.getAttribute('title')}`.includes('@') || (element.textContent ?? '').trim().length === 1)
    return true;
  return anchors.some((anchor) => raw.includes(anchor));
}

/** The name of the custom element whose shadow root holds this control and no other. */
function hostLabelOf(element: Element): string | undefined {
  const root = element.getRootNode() as Partial<ShadowRoot>;
  const host = root.host;
  if (!host?.localName.includes('-')) return undefined;
  const name = attributeName(host);
  if (!name || (root as ShadowRoot).querySelectorAll(CLICKABLE).length !== 1) return undefined;
  return normalizeLabel(name);
}

/**
 * A custom element with no role that is itself the control: focusable or announcing a popup,
 * named on its host, with no real control inside it nor around it. Counted as a button.
 */
function isControlHost(element: Element): boolean {
  if (!element.localName.includes('-') || element.hasAttribute('role') || !attributeName(element)) return false;
  const tabIndex = element.getAttribute('tabindex');
  if (!(element.hasAttribute('aria-haspopup') || element.hasAttribute('aria-expanded') || (tabIndex !== null && Number(tabIndex) >= 0))) return false;
  if (element.querySelector(CLICKABLE) || element.shadowRoot?.querySelector(CLICKABLE)) return false;
  for (let node = composedParent(element); node && node.nodeType === ELEMENT_NODE; node = composedParent(node)) {
    if ((node as Element).matches(CLICKABLE)) return false;
  }
  return true;
}

/**
 * Every enabled clickable with its normalized label; visibility and whether it is Aruba's own are
 * checked later, on matches only. With `anchors`, only those that may carry a label with one of
 * these words.
 */
export function clickablesIn(root: SearchRoot, anchors?: readonly string[]): Clickable[] {
  const clickables: Clickable[] = [];
  for (const element of queryAll(root, `${CLICKABLE}, [tabindex], [aria-haspopup], [aria-expanded]`)) {
    if (!element.matches(CLICKABLE)) {
      if (isControlHost(element)) clickables.push({ element, role: 'button', label: normalizeLabel(attributeName(element)) });
      continue;
    }
    if (anchors && !mayCarry(element, anchors)) continue;
    const role = roleOf(element);
    if (role && isEnabled(element))
      clickables.push({ element, role, label: normalizeLabel(accessibleLabel(element)), hostLabel: hostLabelOf(element) });
  }
  return clickables;
}

export function names(clickable: Clickable): string[] {
  return clickable.hostLabel ? [clickable.label, clickable.hostLabel] : [clickable.label];
}
