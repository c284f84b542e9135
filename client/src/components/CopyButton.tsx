import { translate } from '../i18n/i18n';
import { announce } from '../store/toastStore';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (http, permissions): fall back to a hidden selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const isCopied = document.execCommand('copy');
    area.remove();
    return isCopied;
  }
}

/** Copies a text and says so. */
export function CopyButton({
  text,
  label,
  done,
  accessibleLabel,
  className = 'button',
}: {
  readonly text: string;
  readonly label: string;
  readonly done: string;
  /** A longer name for screen readers when several such buttons share one page (e.g. one per workshop). */
  readonly accessibleLabel?: string;
  readonly className?: string;
}) {
  return (
    <button
      type="button"
      className={className}
      aria-label={accessibleLabel}
      onClick={async () => {
        const isCopied = await copyText(text);
        announce(isCopied ? done : translate('copyButton.failed'), isCopied ? 'info' : 'error');
      }}
    >
      {label}
    </button>
  );
}
