import { useEffect } from 'react';
import { useUiStore } from '../../store/uiStore';

/** How long a toast stays, long enough to read a sentence. */
const TOAST_MS = 5000;

/**
 * A short message next to where the user is looking (the pointer or the target node), for
 * example why a connection was refused. An alert, so screen readers announce it at once.
 */
export function Toast() {
  const toast = useUiStore((s) => s.toast);
  const hideToast = useUiStore((s) => s.hideToast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(hideToast, TOAST_MS);
    return () => clearTimeout(t);
  }, [toast, hideToast]);
  if (!toast) return null;
  // Kept inside the window: a toast near the right or bottom edge flips to the other side.
  const left = Math.max(8, Math.min(toast.x + 14, window.innerWidth - 340));
  const top = Math.max(8, Math.min(toast.y + 14, window.innerHeight - 90));
  return (
    <div className="toast" role="alert" data-testid="toast" style={{ left, top }} onClick={hideToast}>
      {toast.text}
    </div>
  );
}
