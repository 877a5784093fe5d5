import { useEffect, useRef, useState } from 'react';
import { SHARE_LINK_WARN_CHARS } from '../../model/shareLink';
import { useUiStore } from '../../store/uiStore';
import { copyText, downloadCurrentScenario } from './shareActions';

/**
 * The share link, shown so it can be copied by hand when the clipboard is refused, with its
 * length; a link too long for chat apps says so and offers the file instead.
 */
export function ShareDialog() {
  const dialog = useUiStore((s) => s.dialog);
  const openDialog = useUiStore((s) => s.openDialog);
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copiedAgain, setCopiedAgain] = useState(false);
  const share = dialog?.type === 'share' ? dialog : null;

  useEffect(() => {
    const d = ref.current;
    if (!share || !d) return;
    if (!d.open) d.showModal();
    input.current?.select();
    return () => d.close();
  }, [share]);

  if (!share) return null;
  const close = () => {
    setCopiedAgain(false);
    openDialog(null);
  };
  const tooLong = share.link.length > SHARE_LINK_WARN_CHARS;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="share-title" onCancel={close} data-testid="share-dialog">
      <h2 id="share-title">Share this scenario</h2>
      <p className="dialog__status" role="status">
        {share.copied || copiedAgain ? 'The link is copied to the clipboard.' : 'Copy the link below.'} Whoever opens it gets this exact scenario, seed included; nothing is sent to a server.
      </p>
      <label className="dialog__label" htmlFor="share-link">
        Link ({share.link.length.toLocaleString('en-US')} characters)
      </label>
      <div className="dialog__row">
        <input id="share-link" ref={input} className="dialog__link" readOnly value={share.link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
        <button type="button" onClick={async () => setCopiedAgain(await copyText(share.link))}>
          Copy
        </button>
      </div>
      {tooLong && (
        <div className="dialog__warning" role="alert">
          This link is {share.link.length.toLocaleString('en-US')} characters long. Chat apps and some browsers cut links over {SHARE_LINK_WARN_CHARS.toLocaleString('en-US')} characters, so it may arrive broken. Share the scenario file instead.
          <button type="button" onClick={downloadCurrentScenario}>
            Download file
          </button>
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={close} autoFocus>
          Done
        </button>
      </div>
    </dialog>
  );
}
