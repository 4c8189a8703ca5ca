// The page header: what Batch Normalization does, what the two curves are, and which backend is doing the work.
import type { BackendInfo } from '../shared/protocol';
import { BackendBadge } from './BackendBadge';

interface Props {
  backend: BackendInfo | null;
  backendFailed: boolean;
}

export function Header({ backend, backendFailed }: Props) {
  return (
    <header className="page-header">
      <h1>BatchNorm Lab</h1>
      <p className="lede">
        Batch Normalization standardizes each layer's inputs over the mini-batch (zero mean, unit variance, then a learned
        scale and shift), which keeps activations well-scaled while the weights beneath them change. Here two MNIST
        networks start from the same weights and see the same batches, right in your browser: one with BN layers, one
        without. The defaults are a well-known blog's recipe (Dense(128)→BN→ReLU→Dense(64)→BN→ReLU→Dense(10), Adam 0.001,
        batch 32, 10 epochs; its BN net reached 0.9802 validation accuracy). Change any setting, or pick a preset, and
        watch when BN helps and when it does not.
      </p>
      <BackendBadge info={backend} failed={backendFailed} />
    </header>
  );
}
