// The page header: the lab's name, one sentence on what it shows, the guided tour's button, the sources, and (folded)
// what Batch Normalization does. Short on purpose: the figure must be on the first screen.
import { forwardRef } from 'react';
import type { NetId } from '../shared/metrics';
import { ledeText } from './headerText';
import { SourcesFull, SourcesLine } from './Sources';
import { countRender } from './renderCount';

interface Props {
  /** The nets the settings train, in the figure's order, and with how many seeds: the first sentence says so. */
  nets: readonly NetId[];
  seeds: number;
  tourOpen: boolean;
  /** Opens the tour, or closes it when it is open. */
  onTour: () => void;
}

export const Header = forwardRef<HTMLButtonElement, Props>(function Header(
  { nets, seeds, tourOpen, onTour },
  tourButton,
) {
  countRender('Header');
  const lede = ledeText(nets, seeds);
  return (
    <header className="page-header">
      <div className="title-row">
        <h1>BatchNorm Lab</h1>
        <button
          ref={tourButton}
          type="button"
          className="secondary tour-start"
          data-testid="tour-start"
          aria-expanded={tourOpen}
          aria-controls="tour"
          onClick={onTour}
        >
          {tourOpen ? 'Hide the tour' : 'Take the guided tour'}
        </button>
      </div>
      <p className="lede" data-testid="lede">
        {lede.nets} Press <strong>Train</strong> to {lede.draws}, or take the tour.
      </p>
      <div className="header-meta">
        <details className="about">
          <summary>What BN does, and the recipe</summary>
          <p>
            Batch Normalization standardizes each layer's inputs over the mini-batch (zero mean, unit variance, then a
            learned scale and shift), which keeps activations well-scaled while the weights beneath them change. The
            defaults are a well-known blog's recipe (Dense(128)→BN→ReLU→Dense(64)→BN→ReLU→Dense(10), Adam 0.001, batch
            32, 10 epochs; its BN net reached 0.9802 validation accuracy). Change any setting, or pick a preset, and
            watch when BN helps and when it does not.
          </p>
          <SourcesFull />
        </details>
        <SourcesLine />
      </div>
    </header>
  );
});
