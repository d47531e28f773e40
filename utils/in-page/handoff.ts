import type { GuideModeAnswer } from '../messaging/protocol';

/*
 * The loader and the guide it loads (issue 17) run in the same world: the extension's isolated
 * world of the page (Chrome) or its content-script sandbox (Firefox), whose global the page's own
 * scripts cannot see. What the loader hands over, and the mark of a guide already running, live
 * there.
 */

/** What the loader leaves for the guide. */
export interface Handoff {
  /** The mailbox the loader read on the page. */
  address: string | null;
  /** Its answer, when it came with the guide's texts: the guide then need not ask again. */
  answer: GuideModeAnswer | null;
  /** The user closed the loader's chip: the guide does not show it again. */
  chipClosed: boolean;
  /** Aborted when this copy of the content script is replaced (the extension updated or reloaded). */
  signal: AbortSignal;
  /** Ends the loader: its chip and its click listener go, the guide shows what it decides. */
  release(): void;
}

const HANDOFF = Symbol.for('pec-password-assistant:handoff');
const GUIDE_RUNNING = Symbol.for('pec-password-assistant:guide');

type Shared = typeof globalThis & { [HANDOFF]?: Handoff; [GUIDE_RUNNING]?: true };

export function leaveHandoff(handoff: Handoff): void {
  (globalThis as Shared)[HANDOFF] = handoff;
}

export function takeHandoff(): Handoff | undefined {
  return (globalThis as Shared)[HANDOFF];
}

/**
 * True the first time in a page, false after: a guide injected twice (two quick clicks, a request
 * crossing a navigation) must not watch and draw twice.
 */
export function claimGuide(): boolean {
  const shared = globalThis as Shared;
  if (shared[GUIDE_RUNNING]) return false;
  shared[GUIDE_RUNNING] = true;
  return true;
}
