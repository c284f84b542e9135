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
export function CopyButton({ text, label, done }: { readonly text: string; readonly label: string; readonly done: string }) {
  return (
    <button
      type="button"
      className="button"
      onClick={async () => {
        const isCopied = await copyText(text);
        announce(isCopied ? done : 'Could not copy. Select the text and copy it yourself.', isCopied ? 'info' : 'error');
      }}
    >
      {label}
    </button>
  );
}
