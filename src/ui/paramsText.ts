// The nets' sizes in one line, as Keras's model.summary() reports them: what BN adds, and what of it is not trained.
import { NET_IDS, type ParamCounts } from '../shared/metrics';
import { netName } from '../shared/netNames';
import type { SomeNets } from '../shared/protocol';
import type { TrainConfig } from '../shared/config';
import { formatInt } from './format';

/** "With BN (before ReLU): 110,154 parameters, 109,770 trainable · No BN: 109,386 parameters". */
export function paramsText(params: SomeNets<ParamCounts> | null, config: TrainConfig | null): string {
  if (params === null) return '';
  const parts = NET_IDS.flatMap((net) => {
    const p = params[net];
    if (!p) return [];
    const trainable = p.trainable === p.total ? '' : `, ${formatInt(p.trainable)} trainable`;
    return [`${netName(net, config)}: ${formatInt(p.total)} parameters${trainable}`];
  });
  return parts.join(' · ');
}
