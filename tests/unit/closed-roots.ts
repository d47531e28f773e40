import { vi } from 'vitest';

/**
 * Our in-page UI lives in closed shadow roots: the page, and so a test, cannot ask the host for
 * them. Called in a beforeEach, this catches every root as it is attached, in order.
 */
export function catchShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}
