// "Copy link": the address bar holds the settings, so the link reproduces the experiment. Falls back to a selected,
// read-only field when the clipboard cannot be used, and announces the result to screen readers.
import { useEffect, useRef } from 'react';
import { useCopyLink } from '../hooks/useCopyLink';

interface Props {
  /** The absolute link to the form's settings; null while a field is refused (the link could not hold it). */
  link: string | null;
  /** Why there is no link. */
  disabledReason: string;
}

export function CopyLinkButton({ link, disabledReason }: Props) {
  const { outcome, copy, dismiss } = useCopyLink();
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome.status === 'manual') field.current?.select();
  }, [outcome]);

  return (
    <div className="copy-link">
      <button
        type="button"
        className="secondary"
        data-testid="copy-link"
        disabled={link === null}
        title={link === null ? disabledReason : 'Copy a link that reproduces these settings'}
        onClick={() => {
          if (link !== null) void copy(link);
        }}
      >
        Copy link
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {outcome.status === 'copied' ? 'Link copied' : ''}
      </span>
      {outcome.status === 'manual' && link !== null ? (
        <div className="copy-fallback">
          <label htmlFor="copy-link-field">{outcome.reason} Copy it from here:</label>
          <div className="widths-row">
            <input
              id="copy-link-field"
              data-testid="copy-link-field"
              type="text"
              readOnly
              value={link}
              ref={field}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="secondary small" onClick={dismiss} aria-label="Close the link field">
              ×
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
