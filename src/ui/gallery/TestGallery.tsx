// A sample of test images, each with its true digit and each net's reading; mistakes marked by border, ✕ and text,
// and filters for the mistakes and for where the nets disagree. Each image is a 28×28 canvas scaled up by CSS.
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { NET_IDS, type NetId } from '../../shared/metrics';
import { NET_SHORT_NAMES } from '../../shared/netNames';
import type { TestInspection } from '../../shared/protocol';
import {
  filterCounts,
  galleryItems,
  matchesFilter,
  GALLERY_FILTERS,
  type GalleryFilter,
  type GalleryItem,
} from './confusion';

const SIDE = 28;
const IMAGE_PIXELS = SIDE * SIDE;

/** The nets' names in a gallery cell, where there is room for a word or two. */
export const GALLERY_ABBREV: Record<NetId, string> = { bn: 'BN', plain: 'No BN', ln: 'LN', gn: 'GN', rms: 'RMS' };

/** The filters' labels; "either" is for two nets, "any" for more. */
function filterLabel(filter: GalleryFilter, nets: number): string {
  switch (filter) {
    case 'all':
      return 'All';
    case 'mistakes':
      return nets > 2 ? 'Mistakes of any net' : 'Mistakes of either net';
    case 'disagree':
      return 'Only where the nets disagree';
  }
}

const EMPTY_TEXT: Record<GalleryFilter, string> = {
  all: 'The sample is empty.',
  mistakes: 'No mistakes in this sample.',
  disagree: 'The nets agree on every image in this sample.',
};

/** "Test image 123: a 7; With BN reads 7, No BN reads 9" */
export function itemDescription(item: GalleryItem): string {
  const readings = NET_IDS.flatMap((id) => {
    const digit = item.predicted[id];
    return digit === undefined ? [] : [`${NET_SHORT_NAMES[id]} reads ${digit}`];
  });
  return `Test image ${item.index}: a ${item.label}; ${readings.join(', ')}`;
}

interface ImageProps {
  pixels: Uint8Array;
  position: number;
  /** The test image's index: its pixels never change, so the canvas is redrawn only when this does. */
  index: number;
  description: string;
}

/**
 * One test image. Memoized on the image's index: a fresh inspection after each epoch brings new arrays holding the
 * same pixels, and redrawing every canvas then was a long main-thread task.
 */
const GalleryImage = memo(
  function GalleryImage({ pixels, position, description }: ImageProps) {
    const ref = useRef<HTMLCanvasElement>(null);
    useEffect(() => {
      const ctx = ref.current?.getContext('2d') ?? null;
      if (ctx === null) return;
      const image = ctx.createImageData(SIDE, SIDE);
      const from = position * IMAGE_PIXELS;
      const rgba = image.data;
      for (let p = 0; p < IMAGE_PIXELS; p++) {
        // White ink on black, as the nets see it (and as the drawing pad shows it).
        const v = pixels[from + p] ?? 0;
        rgba[p * 4] = v;
        rgba[p * 4 + 1] = v;
        rgba[p * 4 + 2] = v;
        rgba[p * 4 + 3] = 255;
      }
      ctx.putImageData(image, 0, 0);
    }, [pixels, position]);
    return (
      <canvas ref={ref} width={SIDE} height={SIDE} className="gallery-image" role="img" aria-label={description} />
    );
  },
  (before, after) => before.index === after.index && before.description === after.description,
);

interface Props {
  inspection: TestInspection;
  /** Where the gallery opens; 'all' unless a caller (or a test) asks otherwise. */
  initialFilter?: GalleryFilter;
}

export function TestGallery({ inspection, initialFilter = 'all' }: Props) {
  const [chosen, setChosen] = useState<GalleryFilter>(initialFilter);
  const groupName = useId();
  const items = useMemo(() => galleryItems(inspection), [inspection]);
  const counts = useMemo(() => filterCounts(items), [items]);
  const netCount = NET_IDS.filter((id) => inspection.predicted[id] !== undefined).length;
  const bothNets = netCount >= 2;
  // With one net there is nothing to disagree about: that filter is off, and a choice of it falls back to all.
  const filter = chosen === 'disagree' && !bothNets ? 'all' : chosen;
  const shown = items.filter((item) => matchesFilter(item, filter));

  return (
    <div className="test-gallery" data-testid="test-gallery" data-filter={filter} data-shown={shown.length}>
      <div className="gallery-head">
        <fieldset className="gallery-filters">
          <legend>Show</legend>
          {GALLERY_FILTERS.map((f) => (
            <label key={f} className="gallery-filter">
              <input
                type="radio"
                name={groupName}
                value={f}
                checked={filter === f}
                disabled={f === 'disagree' && !bothNets}
                onChange={() => setChosen(f)}
                data-testid={`gallery-filter-${f}`}
              />
              {filterLabel(f, netCount)} <span className="gallery-filter-count">({counts[f]})</span>
            </label>
          ))}
        </fieldset>
        <p className="gallery-count" role="status" data-testid="gallery-count">
          {shown.length} of {items.length} shown
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="gallery-empty">{EMPTY_TEXT[filter]}</p>
      ) : (
        <ul className="gallery-grid">
          {shown.map((item) => (
            <li
              key={item.index}
              className={`gallery-item${item.wrong.length > 0 ? ' wrong' : ''}`}
              data-testid="gallery-item"
              data-index={item.index}
              data-label={item.label}
              data-pred-bn={item.predicted.bn ?? ''}
              data-pred-plain={item.predicted.plain ?? ''}
              data-pred-ln={item.predicted.ln}
              data-pred-gn={item.predicted.gn}
              data-pred-rms={item.predicted.rms}
              data-wrong={item.wrong.join(' ')}
            >
              <GalleryImage
                pixels={inspection.sample.pixels}
                position={item.position}
                index={item.index}
                description={itemDescription(item)}
              />
              {/* The image's label says all of this to a screen reader. */}
              <div className="gallery-text" aria-hidden="true">
                <span className="gallery-truth">
                  {item.label}
                  <span className="gallery-index">#{item.index}</span>
                </span>
                {NET_IDS.map((id) => {
                  const digit = item.predicted[id];
                  if (digit === undefined) return null;
                  const wrong = item.wrong.includes(id);
                  return (
                    <span key={id} className={`gallery-pred net-${id}${wrong ? ' wrong' : ''}`}>
                      {wrong ? '✕ ' : ''}
                      {GALLERY_ABBREV[id]} {digit}
                    </span>
                  );
                })}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
