import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

/** Renders into a fresh element attached to the document, so focus and events behave as on a page. */
export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => render(vnode, root));
  return root;
}

/** Types into an input or textarea the way a user does: the value changes, then `input` fires. */
export async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
}

/** The element labelled `text`, through <label for> or aria-label. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, text: string): T {
  for (const label of root.querySelectorAll('label')) {
    if (label.textContent?.trim() === text && label.htmlFor) return root.querySelector<T>(`#${CSS.escape(label.htmlFor)}`)!;
    if (label.textContent?.trim() === text) return label.querySelector<T>('input')!;
  }
  const labelled = root.querySelector<T>(`[aria-label="${CSS.escape(text)}"]`);
  if (!labelled) throw new Error(`Nothing labelled ${JSON.stringify(text)}`);
  return labelled;
}

export function button(root: HTMLElement, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (candidate) => candidate.getAttribute('aria-label') === name || (!candidate.hasAttribute('aria-label') && candidate.textContent?.trim() === name),
  );
  if (!found) throw new Error(`No button ${JSON.stringify(name)}`);
  return found;
}
