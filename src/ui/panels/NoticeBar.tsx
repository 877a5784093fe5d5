import { useEffect } from 'react';
import { useUiStore } from '../../store/uiStore';

/** Info messages leave on their own (errors stay until dismissed: they may need reading twice). */
const INFO_MS = 8000;
const INFO_WITH_ACTION_MS = 30000;

/** The message bar under the toolbar: errors about bad input (role="alert"), always as text. */
export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  const notify = useUiStore((s) => s.notify);
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return;
    const t = setTimeout(() => useUiStore.getState().notice === notice && notify(null), notice.action ? INFO_WITH_ACTION_MS : INFO_MS);
    return () => clearTimeout(t);
  }, [notice, notify]);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span className="notice__text">{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          onClick={() => {
            notice.action?.run();
            if (useUiStore.getState().notice === notice) notify(null);
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" onClick={() => notify(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
