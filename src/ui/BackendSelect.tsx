// The backend choice. The worker picks its backend once, at start, so a change rewrites the URL and reloads.
import { isBackendChoice } from '../shared/fieldText';
import { ChoiceSelect } from './controls/ChoiceSelect';
import type { FieldProps } from './controls/FieldShell';
import { searchWithBackend } from './urlState';

interface Props extends FieldProps<'choice'> {
  /** A reload would end the run in progress. */
  running: boolean;
}

export function BackendSelect({ running, ...field }: Props) {
  const onChange = (next: string) => {
    if (!isBackendChoice(next) || next === field.text) return;
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${searchWithBackend(search, next)}${hash}`);
    window.location.reload();
  };
  const inapplicable = running ? 'Stop the run to change it: changing it reloads the page.' : field.inapplicable;
  return <ChoiceSelect {...field} inapplicable={inapplicable} onChange={onChange} />;
}
