// New datasets into a live chart, matched by id as react-chartjs-2 does: a dataset that stays keeps its object, so
// Chart.js keeps what it knows of it (hidden in the legend, its elements); new ones are copied in, gone ones dropped.
export interface Identified {
  id: string;
}

export function mergeDatasets<D extends Identified>(current: D[], next: readonly D[]): D[] {
  const kept = new Set<D>();
  return next.map((dataset) => {
    const match = current.find((d) => d.id === dataset.id && !kept.has(d));
    if (!match) return { ...dataset };
    kept.add(match);
    return Object.assign(match, dataset);
  });
}
