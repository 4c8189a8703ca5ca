// The panel's series: stable ids per net and role, epoch points from the history, running arrays passed by reference.
import { describe, expect, it } from 'vitest';
import { buildDatasets } from './datasets';
import { LiveSeries } from './liveSeries';
import { NET_STYLE } from './palette';

const history = {
  bn: [{ epoch: 1, loss: 0.2, accuracy: 0.94, valLoss: 0.1, valAccuracy: 0.97, seconds: 3 }],
  plain: [{ epoch: 1, loss: 0.3, accuracy: 0.91, valLoss: 0.15, valAccuracy: 0.95, seconds: 2 }],
};

describe('buildDatasets', () => {
  it('gives every series a stable id and the same colour per net, dashed for validation', () => {
    const live = new LiveSeries({ request: () => 0, cancel: () => {} });
    const sets = buildDatasets('accuracy', history, live.points);
    expect(sets.map((d) => d.id)).toEqual(['bn-train', 'bn-validation', 'plain-train', 'plain-validation', 'bn-running', 'plain-running']);
    expect(buildDatasets('accuracy', history, live.points).map((d) => d.id)).toEqual(sets.map((d) => d.id));
    expect(sets[0]).toMatchObject({ borderColor: NET_STYLE.bn.color, borderDash: [], data: [{ x: 1, y: 0.94 }] });
    expect(sets[1]).toMatchObject({ borderColor: NET_STYLE.bn.color, borderDash: [6, 4], data: [{ x: 1, y: 0.97 }] });
    expect(sets[2]?.pointStyle).not.toBe(sets[0]?.pointStyle);
    expect(sets[4]?.data).toBe(live.points.bn.accuracy);
    expect(buildDatasets('loss', history, live.points)[3]?.data).toEqual([{ x: 1, y: 0.15 }]);
  });
});
