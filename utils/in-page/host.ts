import { OVERLAY_TAG } from '../page/walk';
import HOST_CSS from './host.css?inline';

/*
 * Our UI's place on an Aruba page, shared by the loader (the quiet chip) and the guide (ring,
 * card, chip): a host element with a closed shadow root of its own (the page's scripts can
 * neither read the days left nor reach our buttons) and a layer that never covers clicks (only
 * our buttons take them). Every text is set with textContent: labels and dates come from the
 * page, which is untrusted.
 */

/** The chip's words and look: `bad` for a date that could not be kept. */
export interface Chip {
  text: string;
  bad?: boolean;
  closeLabel: string;
}

/**
 * Acts on a person's click or key only: the page's scripts can dispatch events on our host, and
 * must not be able to press «Non ora» or close the chip.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

/** A host, not yet in the page, whose closed shadow root holds the styles (the host's and `css`) and the layer. */
export function createHost(css = ''): { host: HTMLElement; layer: HTMLElement } {
  const host = document.createElement(OVERLAY_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = HOST_CSS + css;
  const layer = document.createElement('div');
  layer.className = 'layer';
  root.append(style, layer);
  return { host, layer };
}

/** The chip in a corner: its text and a close button, which calls `onClose` once a person presses it. */
export function buildChip(chip: Chip, onClose: () => void): HTMLElement {
  const element = document.createElement('div');
  element.className = chip.bad ? 'chip bad' : 'chip';
  element.setAttribute('role', 'status');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', chip.closeLabel);
  close.addEventListener('click', trusted(onClose));
  // The text as a text node (set as text, never parsed), not in a span of its own: one element type less to build in the isolated world (issue 17).
  element.append(chip.text, close);
  return element;
}
