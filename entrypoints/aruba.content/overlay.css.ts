/**
 * The overlay's styles, scoped to its shadow root so Aruba's CSS cannot reach it and ours
 * cannot leak into Aruba's page. Colours keep at least 4.5:1 contrast.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; }
.ring { position: fixed; border: 3px solid #f2a900; border-radius: 6px; pointer-events: none;
  box-shadow: 0 0 0 4px rgba(11, 92, 173, .55), 0 0 0 9999px rgba(0, 0, 0, .18);
  animation: pulse 1.6s ease-in-out infinite; }
.ring.tentative { border-style: dashed; animation: none; }
@keyframes pulse { 50% { border-color: #0b5cad; } }
.card { position: fixed; max-width: 320px; pointer-events: auto; background: #fff; border-radius: 8px;
  border: 1px solid #0b5cad; box-shadow: 0 4px 18px rgba(0,0,0,.25); padding: 10px 12px; }
.card.docked { right: 16px; bottom: 16px; }
.step { font-weight: 600; color: #0b5cad; margin: 0 0 2px; }
.text { margin: 0; }
.hint { margin: 6px 0 0; color: #3c3c3c; font-size: 13px; }
.hint.warn { color: #8a1c1c; font-weight: 600; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid #0b5cad;
  background: #fff; color: #0b5cad; }
button:focus-visible { outline: 3px solid #f2a900; outline-offset: 1px; }
.chip { position: fixed; left: 16px; bottom: 16px; pointer-events: auto; display: flex; align-items: center; gap: 8px;
  background: #0b5cad; color: #fff; border-radius: 18px; padding: 6px 8px 6px 14px; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
.chip.bad { background: #8a1c1c; }
.chip button { border: none; background: transparent; color: #fff; padding: 0 6px; font-size: 16px; line-height: 1; }
@media (prefers-reduced-motion: reduce) { .ring { animation: none; } }
`;
