import { useUiStore } from '../../store/uiStore';

/** The alert region: errors about bad input, always as text. */
export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  const notify = useUiStore((s) => s.notify);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice__text">{notice.text}</span>
      <button type="button" onClick={() => notify(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
