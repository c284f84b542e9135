import { memo } from 'react';
import type { Draft } from '../../../../../shared/records/Draft';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { MyNotes } from '../../../components/MyNotes';
import { NoteComposer } from '../../../components/NoteComposer';
import type { PromptLayout } from '../../../components/themeLayout';
import { quoted } from '../../../copy';
import { type Translate, useT } from '../../../i18n/i18n';
import { focusPrompt } from '../../../sync/commands';
import { HeldNotes } from '../HeldNotes';
import { revealWithCare } from '../revealWithCare';
import { useConfirm } from '../useConfirm';
import { toggleFolded, useGroupUi } from './groupUiStore';
import { NewThemeTarget } from './NewThemeTarget';
import { RemoteDrags } from './RemoteDrags';
import { ThemeCard } from './ThemeCard';
import { UngroupedPool } from './UngroupedPool';

export interface GroupLaneProps {
  readonly layout: PromptLayout;
  readonly isFocused: boolean;
  readonly canWrite: boolean;
  readonly drafts: readonly Draft[];
  /** Receives the element where the lane's drag announcements live (LaneDnd). */
  readonly announcer?: (element: HTMLElement | null) => void;
}

/** The element id of a prompt's lane (the spotlight scrolls to it). */
export const laneId = (promptId: string) => `lane-${promptId}`;

function countsLine(layout: PromptLayout, t: Translate): string {
  const { prompt, noteCount, needCount, themes } = layout;
  if (!prompt.isRevealed) {
    return prompt.pendingCount === 0
      ? t('facilitator.group.pendingNone')
      : t('facilitator.group.pending', { notes: prompt.pendingCount, people: prompt.contributorCount });
  }
  return t('facilitator.group.laneCounts', {
    notes: noteCount,
    needs: needCount,
    themes: themes.length,
    writers: prompt.contributorCount,
  });
}

/** One prompt on the group board: its themes, then the notes in no theme yet. */
export const GroupLane = memo(function GroupLane({ layout, isFocused, canWrite, drafts, announcer }: GroupLaneProps) {
  const t = useT();
  const { prompt } = layout;
  const isFolded = useGroupUi((s) => s.folded.has(prompt.id));
  const confirm = useConfirm();
  const headingId = `lane-title-${prompt.id}`;
  const bodyId = `lane-body-${prompt.id}`;
  return (
    <section id={laneId(prompt.id)} className={`lane${isFocused ? ' lane--focused' : ''}`} aria-labelledby={headingId}>
      <div className="lane__head">
        <div className="lane__title-block">
          <p className="lane__meta">
            {isFocused && <span className="prompt__spotlight">{t('facilitator.group.spotlightOn')}</span>}
            <span className={`kind kind--${prompt.kind}`}>{t('facilitator.group.kind', { kind: prompt.kind })}</span>
          </p>
          <h2 id={headingId} className="lane__title">
            {prompt.text}
          </h2>
          <p className="lane__counts">{countsLine(layout, t)}</p>
        </div>
        <div className="actions lane__actions">
          <button
            type="button"
            className="button button--small"
            aria-pressed={isFocused}
            aria-label={t('facilitator.group.spotlightLabel', { prompt: quoted(prompt.text) })}
            onClick={() => focusPrompt(isFocused ? null : prompt.id)}
          >
            {t('facilitator.group.spotlight')}
          </button>
          {!prompt.isRevealed && (
            <button
              type="button"
              className="button button--small button--primary"
              aria-label={t('facilitator.group.revealLabel', { prompt: quoted(prompt.text) })}
              onClick={() => void revealWithCare(prompt.id, confirm.ask)}
            >
              {t('facilitator.group.reveal')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            aria-expanded={!isFolded}
            aria-controls={bodyId}
            aria-label={t('facilitator.group.foldLabel', { folded: isFolded ? 'yes' : 'no', prompt: quoted(prompt.text) })}
            onClick={() => toggleFolded(prompt.id)}
          >
            {t('facilitator.group.fold', { folded: isFolded ? 'yes' : 'no' })}
          </button>
        </div>
        {prompt.isRevealed && prompt.pendingCount > 0 && <HeldNotes prompt={prompt} confirm={confirm} />}
      </div>
      {!isFolded && (
        <div id={bodyId} className="lane__body">
          {prompt.isRevealed ? (
            <>
              <div className="lane__themes">
                {layout.themes.map((group, position) => (
                  <ThemeCard key={group.theme.id} group={group} position={position} />
                ))}
                <NewThemeTarget layout={layout} />
              </div>
              <UngroupedPool layout={layout} />
            </>
          ) : (
            <p className="lane__hidden">{t('facilitator.group.revealFirst')}</p>
          )}
          {(drafts.length > 0 || canWrite) && (
            <div className="lane__mine">
              <MyNotes promptId={prompt.id} drafts={drafts} isRevealed={prompt.isRevealed} isEditable={canWrite} />
              {canWrite && (
                <NoteComposer promptId={prompt.id} promptText={prompt.text} isRevealed={prompt.isRevealed} isCollapsible />
              )}
            </div>
          )}
        </div>
      )}
      <RemoteDrags layout={layout} />
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
      <div ref={announcer} className="lane__announcer" />
    </section>
  );
});
