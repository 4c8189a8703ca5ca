// Drawing on the pad with the mouse, as a person would: press, move through the stroke's points, release.
import type { Locator, Page } from '@playwright/test';
import type { Stroke } from '../src/digit/strokes';

export class DrawPad {
  readonly canvas: Locator;
  readonly clear: Locator;
  readonly bn: Locator;
  readonly plain: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('draw-canvas');
    this.clear = page.getByTestId('clear-drawing');
    this.bn = page.getByTestId('prediction-bn');
    this.plain = page.getByTestId('prediction-plain');
  }

  async draw(strokes: readonly Stroke[]): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the drawing pad is not on screen');
    const at = (p: { x: number; y: number }) => ({ x: box.x + p.x * box.width, y: box.y + p.y * box.height });
    for (const stroke of strokes) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      const start = at(first);
      await this.page.mouse.move(start.x, start.y);
      await this.page.mouse.down();
      for (const p of rest) {
        const q = at(p);
        await this.page.mouse.move(q.x, q.y, { steps: 2 });
      }
      await this.page.mouse.up();
    }
  }

  /** The top digit a net shows, once it has settled on the drawing on the pad ('' when it shows none). */
  async digit(net: 'bn' | 'plain'): Promise<string> {
    const panel = net === 'bn' ? this.bn : this.plain;
    return (await panel.getAttribute('data-digit')) ?? '';
  }
}
