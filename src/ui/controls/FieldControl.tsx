// Picks the widget for a field by its kind in the field table, so the form is rendered from that table alone.
import type { FieldKey, FieldSpec } from '../../shared/configFields';
import type { FieldErrors, FieldTexts } from '../../shared/configText';
import { BackendSelect } from '../BackendSelect';
import { NumericInput } from '../NumericInput';
import { seedsHint } from '../seedsHint';
import { bnTextWithin, inapplicableReason, layerCount } from '../settings';
import { useUi } from '../store/uiStore';
import { ChoiceSelect } from './ChoiceSelect';
import { ChoiceSetChecks } from './ChoiceSetChecks';
import { FlagCheckbox } from './FlagCheckbox';
import { LayerSetChecks } from './LayerSetChecks';
import { WidthsInput } from './WidthsInput';

interface Props {
  spec: FieldSpec;
  texts: FieldTexts;
  errors: FieldErrors;
  /** A run is going: the backend cannot change (a reload would end it); everything else is for the next run. */
  running: boolean;
  onEdit: (key: FieldKey, text: string) => void;
}

export function FieldControl({ spec, texts, errors, running, onEdit }: Props) {
  const backend = useUi((s) => s.worker.backend);
  const common = {
    text: texts[spec.key],
    error: errors[spec.key],
    inapplicable: inapplicableReason(spec.key, texts),
    onChange: (text: string) => onEdit(spec.key, text),
  };
  switch (spec.kind) {
    case 'number': {
      // The Seeds field says how several seeds train on this device, and so what they cost.
      const note = spec.key === 'seeds' ? seedsHint(backend, texts.seeds) : null;
      return <NumericInput spec={note ? { ...spec, hint: `${spec.hint} ${note}` } : spec} {...common} />;
    }
    case 'choice':
      return spec.key === 'backend' ? (
        <BackendSelect spec={spec} {...common} running={running} />
      ) : (
        <ChoiceSelect spec={spec} {...common} />
      );
    case 'flag':
      return <FlagCheckbox spec={spec} {...common} />;
    case 'widths':
      return (
        <WidthsInput
          spec={spec}
          {...common}
          onRemoveLayer={(widths) => {
            onEdit(spec.key, widths);
            onEdit('bnLayers', bnTextWithin(texts.bnLayers, layerCount(widths)));
          }}
        />
      );
    case 'layerSet':
      return <LayerSetChecks spec={spec} {...common} count={layerCount(texts.layers)} />;
    case 'choiceSet':
      return <ChoiceSetChecks spec={spec} {...common} />;
  }
}
