// The drawing pad: a square canvas that records strokes from mouse, touch and pen (Pointer Events), paints them as
// they grow, and reports them at most once per frame; Clear and Undo by button and keyboard.
import { useCallback, useEffect, useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Point, Stroke } from '../../digit/strokes';
import { paintSegment, paintStrokes } from './paint';
import { StrokeRecorder, toPadPoint, type PadRect } from './strokeRecorder';

interface Props {
  /** The drawing: pass back what onChange gave, or a new array (e.g. []) to replace it. */
  strokes: readonly Stroke[];
  /** Called as a stroke grows (at most once per animation frame), when it ends, and on Clear and Undo. */
  onChange: (strokes: readonly Stroke[]) => void;
  disabled?: boolean;
}

export const PAD_LABEL = 'Drawing pad: draw a digit with the mouse, a finger or a pen';

function isUndoKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}

function isClearKey(e: KeyboardEvent): boolean {
  return e.key === 'Delete' || e.key === 'Backspace' || e.key === 'Escape';
}

export function DrawPad({ strokes, onChange, disabled = false }: Props) {
  const hintId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const recorderRef = useRef<StrokeRecorder | null>(null);
  // The pen in use, so a second finger or a second pen neither starts nor bends a stroke.
  const pointerRef = useRef<number | null>(null);
  // Measured once per stroke: reading the layout on every move would cost a reflow each time.
  const rectRef = useRef<PadRect | null>(null);
  const lastPointRef = useRef<Point | null>(null);
  const sideRef = useRef(0);
  const frameRef = useRef<number | null>(null);
  // Every snapshot handed to onChange: when one comes back as `strokes`, it is our own and needs no repaint.
  const emittedRef = useRef(new WeakSet<readonly Stroke[]>());
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const recorder = useCallback((): StrokeRecorder => {
    recorderRef.current ??= new StrokeRecorder();
    return recorderRef.current;
  }, []);

  const context = useCallback((): CanvasRenderingContext2D | null => canvasRef.current?.getContext('2d') ?? null, []);

  const repaint = useCallback(() => {
    const ctx = context();
    if (ctx !== null && sideRef.current > 0) paintStrokes(ctx, recorder().strokes(), sideRef.current);
  }, [context, recorder]);

  const emit = useCallback(() => {
    if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    frameRef.current = null;
    const snapshot = recorder().strokes();
    if (emittedRef.current.has(snapshot)) return;
    emittedRef.current.add(snapshot);
    onChangeRef.current(snapshot);
  }, [recorder]);

  const emitSoon = useCallback(() => {
    frameRef.current ??= requestAnimationFrame(() => {
      frameRef.current = null;
      emit();
    });
  }, [emit]);

  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      frameRef.current = null;
    },
    [],
  );

  // A drawing from outside (cleared, restored) replaces ours; our own snapshots coming back change nothing.
  useEffect(() => {
    const rec = recorder();
    if (strokes === rec.strokes() || emittedRef.current.has(strokes)) return;
    pointerRef.current = null;
    rec.load(strokes);
    emittedRef.current.add(strokes);
    repaint();
  }, [strokes, recorder, repaint]);

  // The backing store follows the canvas's CSS size and the screen's pixel density, so strokes stay crisp.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const resize = () => {
      const side = Math.max(1, Math.round(canvas.getBoundingClientRect().width * window.devicePixelRatio));
      if (side === sideRef.current) return;
      sideRef.current = side;
      canvas.width = side;
      canvas.height = side;
      repaint();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [repaint]);

  const addPoints = (events: readonly PointerEvent['nativeEvent'][]) => {
    const rect = rectRef.current;
    const ctx = context();
    if (rect === null) return;
    let added = false;
    for (const event of events) {
      const point = recorder().extend(toPadPoint(event.clientX, event.clientY, rect));
      if (point === null) continue;
      if (ctx !== null) paintSegment(ctx, lastPointRef.current, point, sideRef.current);
      lastPointRef.current = point;
      added = true;
    }
    if (added) emitSoon();
  };

  const finishStroke = useCallback(() => {
    pointerRef.current = null;
    rectRef.current = null;
    lastPointRef.current = null;
    recorder().end();
    emit();
  }, [recorder, emit]);

  // Switched off mid-stroke: the stroke ends where it is.
  useEffect(() => {
    if (disabled && pointerRef.current !== null) finishStroke();
  }, [disabled, finishStroke]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    // Only the main button (or a pen's tip, or a finger); a right-click or a second finger draws nothing.
    if (disabled || pointerRef.current !== null || e.button !== 0 || !e.isPrimary) return;
    const canvas = e.currentTarget;
    // No preventDefault: the press's default focuses the pad (so Esc and Ctrl+Z work on the pad just drawn on) without
    // the keyboard focus ring that a focus() call from here would show; CSS stops text selection and scrolling.
    try {
      // Capture keeps the stroke going when the pen leaves the pad, and brings its pointerup back here.
      canvas.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic event (automation, a test) has no active pointer to capture: draw without capture.
    }
    pointerRef.current = e.pointerId;
    const rect = canvas.getBoundingClientRect();
    rectRef.current = rect;
    const point = toPadPoint(e.clientX, e.clientY, rect);
    recorder().begin(point);
    const ctx = context();
    if (ctx !== null) paintSegment(ctx, null, point, sideRef.current);
    lastPointRef.current = point;
    emitSoon();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerId !== pointerRef.current) return;
    // The browser merges fast moves into one event per frame; the merged ones keep the curve round.
    const coalesced = e.nativeEvent.getCoalescedEvents?.() ?? [];
    addPoints(coalesced.length > 0 ? coalesced : [e.nativeEvent]);
  };

  const onPointerEnd = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerId !== pointerRef.current) return;
    if (e.type === 'pointerup') addPoints([e.nativeEvent]);
    finishStroke();
  };

  const clear = () => {
    pointerRef.current = null;
    recorder().clear();
    repaint();
    emit();
  };

  const undo = () => {
    pointerRef.current = null;
    recorder().undo();
    repaint();
    emit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    if (isClearKey(e)) {
      e.preventDefault();
      clear();
    } else if (isUndoKey(e)) {
      e.preventDefault();
      undo();
    }
  };

  // The buttons disable themselves when the pad empties; focus goes to the pad rather than to the page's start.
  const afterButton = () => {
    if (recorder().strokes().length === 0) canvasRef.current?.focus();
  };

  const empty = strokes.length === 0;
  return (
    <div className="draw-pad">
      <div className={`draw-pad-frame${disabled ? ' disabled' : ''}`}>
        <canvas
          ref={canvasRef}
          className="draw-canvas"
          data-testid="draw-canvas"
          tabIndex={disabled ? -1 : 0}
          role="img"
          aria-label={PAD_LABEL}
          aria-describedby={hintId}
          aria-disabled={disabled || undefined}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onLostPointerCapture={onPointerEnd}
          onKeyDown={onKeyDown}
          onContextMenu={(e) => e.preventDefault()}
        />
        {empty ? (
          <span className="draw-pad-prompt" aria-hidden="true">
            Draw a digit here
          </span>
        ) : null}
      </div>
      <div className="draw-pad-actions">
        <button
          type="button"
          className="secondary small"
          data-testid="clear-drawing"
          disabled={disabled || empty}
          onClick={() => {
            clear();
            afterButton();
          }}
        >
          Clear
        </button>
        <button
          type="button"
          className="secondary small"
          data-testid="undo-drawing"
          disabled={disabled || empty}
          onClick={() => {
            undo();
            afterButton();
          }}
        >
          Undo
        </button>
        <span className="hint" id={hintId}>
          Esc or Delete clears; Ctrl+Z (⌘Z) undoes.
        </span>
      </div>
    </div>
  );
}
