import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';

/** Where another facilitator is dragging notes of this prompt right now: a ghost card in their place. */
export function RemoteDrags({ layout }: { readonly layout: PromptLayout }) {
  const t = useT();
  const previews = useBoardStore((s) => s.dragPreviews);
  const notes = [...layout.ungrouped, ...layout.themes.flatMap((t) => t.notes)];
  const themes = layout.themes.map((t) => t.theme);
  return (
    <>
      {previews.map((preview) => {
        const note = notes.find((n) => preview.noteIds.includes(n.id));
        const theme = themes.find((t) => preview.noteIds.includes(t.id));
        if (!note && !theme) return null;
        const count = preview.noteIds.filter((id) => notes.some((n) => n.id === id)).length;
        const label = theme
          ? t('facilitator.group.themeLabel', { name: theme.name })
          : t('facilitator.group.remote.notes', { note: noteExcerpt(note?.text ?? '', 30), more: Math.max(0, count - 1) });
        return (
          <div
            key={preview.clientId}
            className="remote-drag"
            aria-hidden="true"
            style={{ left: `${Math.min(95, Math.max(0, preview.x))}%`, top: `${Math.min(98, Math.max(0, preview.y))}%` }}
          >
            <span className="remote-drag__who">{t('facilitator.group.remote.who')}</span> {label}
          </div>
        );
      })}
    </>
  );
}
