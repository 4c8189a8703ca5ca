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
        scale and shift), which keeps activations well-scaled while the weights beneath them change. Here two identical
        MNIST networks start from the same weights and see the same batches: one is Dense(128)→BN→ReLU→Dense(64)→BN→ReLU→Dense(10),
        the other is the same without the BN layers. Both train with Adam (learning rate 0.001), batch 32, for 10 epochs,
        right in your browser. Watch the loss and accuracy curves of the two nets pull apart; in the blog this recipe comes from,
        the BN net reached 0.9802 validation accuracy.
      </p>
      <BackendBadge info={backend} failed={backendFailed} />
    </header>
  );
}
