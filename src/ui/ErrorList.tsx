// The alert region for worker, data, settings and training errors. Always in the page (a live region must exist
// before its content arrives to be announced); each message can be dismissed and the app stays usable.
import type { UiMessage } from './stateTypes';
import { countRender } from './renderCount';

const SCOPE_LABEL: Record<UiMessage['scope'], string> = {
  data: 'Data',
  backend: 'Backend',
  config: 'Settings',
  training: 'Training',
  worker: 'Worker',
  models: 'Saved models',
  ui: 'Page',
};

interface Props {
  messages: readonly UiMessage[];
  onDismiss: (id: number) => void;
}

export function ErrorList({ messages, onDismiss }: Props) {
  countRender('ErrorList');
  return (
    <div className="alerts" role="alert" data-testid="error">
      {messages.map((m) => (
        <div className="notice error" key={m.id}>
          <p>
            <strong>{SCOPE_LABEL[m.scope]} error:</strong> {m.text}
          </p>
          <button type="button" className="dismiss" onClick={() => onDismiss(m.id)} aria-label="Dismiss this error">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
