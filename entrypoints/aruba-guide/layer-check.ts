import { coveringLayer, type CoveringLayer } from '@/utils/page/layers';

/** What is known of the layers over a target. */
export interface LayerAnswer {
  /** The notice over the target, or null when none is known to be. */
  layer: CoveringLayer | null;
  /** False for a target not tested yet: `layer` is then the last target's, a guess until the test. */
  tested: boolean;
}

/** A test waiting for the next frame's layout (or, in a hidden page, for a task). */
interface PendingTest {
  target: Element;
  observer?: ResizeObserver;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Whether one of Aruba's notices covers the element to click, without ever laying the page out
 * in the observer's callback. The hit test lays the page out (tens of milliseconds on a busy
 * inbox that keeps changing): it runs once per target and again only after a layer may have
 * opened or closed, and then in the next frame right after the browser laid the page out, where
 * it costs a fraction of a millisecond. `onTested` is called with each target tested.
 */
export class LayerCheck {
  private tested: { target: Element; layer: CoveringLayer | null } | null = null;
  /** A layer may have opened or closed since the last test. */
  private stale = false;
  private pending: PendingTest | null = null;

  constructor(private readonly onTested: (target: Element) => void) {}

  /** A layer may have opened or closed: what is asked about next is tested again. */
  layersChanged(): void {
    this.stale = true;
  }

  /** The last answer for the target; a test is scheduled when it is new or the layers changed since. */
  over(target: Element): LayerAnswer {
    const known = this.tested?.target === target;
    if (!known || this.stale) this.schedule(target);
    if (known) return { layer: this.tested!.layer, tested: true };
    // A notice over the last target is taken to be over this one until tested: never rung for a frame.
    return { layer: this.tested?.layer ?? null, tested: false };
  }

  cancel(): void {
    if (!this.pending) return;
    this.pending.observer?.disconnect();
    clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private schedule(target: Element): void {
    if (this.pending?.target === target) return;
    this.cancel();
    const test = () => {
      this.pending = null;
      if (!target.isConnected) return;
      this.stale = false;
      this.tested = { target, layer: coveringLayer(target) };
      this.onTested(target);
    };
    if (document.hidden) {
      // A hidden page draws no frames: it is tested in a task of its own.
      this.pending = { target, timer: setTimeout(test, 0) };
      return;
    }
    // A new observation is reported in the next frame, just after its layout: nothing is laid out
    // again. A task after the frame would be too late when one of the page's timers ran first.
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      test();
    });
    observer.observe(document.documentElement);
    this.pending = { target, observer };
  }
}
