import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findHardCodedText, findSentenceLiterals, moduleFiles } from '../../scripts/i18n/findHardCodedText';

/**
 * The components whose person-facing text all comes from the catalogs (issue 14). Add each file as
 * you convert it; the list is done when it holds every .tsx under client/src (docs/i18n.md).
 */
const CONVERTED_FILES = [
  'client/src/pages/JoinPage.tsx',
  'client/src/pages/JoinForm.tsx',
  'client/src/pages/home/OwnWorkshopChoice.tsx',
  'client/src/pages/HomePage.tsx',
  'client/src/pages/StartForm.tsx',
  'client/src/pages/home/ImportForm.tsx',
  'client/src/pages/home/YourWorkshops.tsx',
  'client/src/pages/NotFoundPage.tsx',
  'client/src/pages/present/PresentPage.tsx',
  'client/src/pages/present/PresentDecisions.tsx',
  'client/src/pages/present/PresentNotes.tsx',
  'client/src/pages/reader/ReaderPage.tsx',
  'client/src/components/decisions/ResponseForm.tsx',
  'client/src/components/decisions/DotControls.tsx',
  'client/src/components/decisions/VoteBudget.tsx',
  'client/src/components/decisions/VoterCount.tsx',
  'client/src/components/decisions/AnsweredCount.tsx',
  'client/src/components/decisions/Emphasized.tsx',
  'client/src/components/decisions/ProposalOutcome.tsx',
  'client/src/components/decisions/RuleLine.tsx',
  'client/src/components/decisions/ProposalRounds.tsx',
  'client/src/components/decisions/EarlierRounds.tsx',
  'client/src/components/decisions/LockIcon.tsx',
  'client/src/components/decisions/VoteItemList.tsx',
  'client/src/components/decisions/AwarenessSection.tsx',
  'client/src/components/decisions/ChangeSummary.tsx',
  'client/src/components/decisions/ProposalContext.tsx',
  'client/src/components/decisions/ItemSummary.tsx',
  'client/src/components/decisions/RoundRanking.tsx',
  'client/src/components/decisions/AgreementColumn.tsx',
  'client/src/pages/ParticipantPage.tsx',
  'client/src/pages/participant/NameGate.tsx',
  'client/src/pages/participant/PromptCard.tsx',
  'client/src/pages/participant/group/GroupView.tsx',
  'client/src/pages/participant/group/MoveNoteMenu.tsx',
  'client/src/pages/participant/group/ParticipantGroup.tsx',
  'client/src/pages/participant/decisions/DecisionView.tsx',
  'client/src/pages/participant/decisions/NoteReactions.tsx',
  'client/src/pages/participant/decisions/ParticipantDecide.tsx',
  'client/src/pages/participant/decisions/ParticipantDecisions.tsx',
  'client/src/pages/participant/decisions/ParticipantVote.tsx',
  'client/src/components/marks/DoneToggle.tsx',
  'client/src/components/marks/Reactions.tsx',
  'client/src/pages/FacilitatorPage.tsx',
  'client/src/pages/facilitator/AddPromptForm.tsx',
  'client/src/pages/facilitator/BoardActions.tsx',
  'client/src/pages/facilitator/HeldNotes.tsx',
  'client/src/pages/facilitator/InvitePanel.tsx',
  'client/src/pages/facilitator/LocalAddressWarning.tsx',
  'client/src/pages/facilitator/PhaseStepper.tsx',
  'client/src/pages/facilitator/PromptColumn.tsx',
  'client/src/pages/facilitator/PromptColumns.tsx',
  'client/src/pages/facilitator/PromptEditor.tsx',
  'client/src/pages/facilitator/PurposeEditor.tsx',
  'client/src/pages/facilitator/QrCode.tsx',
  'client/src/pages/facilitator/SaveTemplateForm.tsx',
  'client/src/pages/facilitator/SeatsPanel.tsx',
  'client/src/pages/facilitator/SettingsPanel.tsx',
  'client/src/pages/facilitator/TimerControl.tsx',
  'client/src/pages/facilitator/TitleEditor.tsx',
  'client/src/pages/facilitator/agreement/CheckInEditor.tsx',
  'client/src/pages/facilitator/agreement/HandOutPanel.tsx',
  'client/src/pages/facilitator/agreement/ReaderLinkBlock.tsx',
  'client/src/pages/facilitator/agreement/RevisitItem.tsx',
  'client/src/pages/facilitator/agreement/RevisitStage.tsx',
  'client/src/pages/facilitator/agreement/WorkshopVersionPanel.tsx',
  'client/src/pages/facilitator/decisions/BoardRuleSetting.tsx',
  'client/src/pages/facilitator/decisions/DecideStage.tsx',
  'client/src/pages/facilitator/decisions/DecisionStage.tsx',
  'client/src/pages/facilitator/decisions/LeftOpen.tsx',
  'client/src/pages/facilitator/decisions/OpenProposalPanel.tsx',
  'client/src/pages/facilitator/decisions/OpenVotePanel.tsx',
  'client/src/pages/facilitator/decisions/PromptDecisions.tsx',
  'client/src/pages/facilitator/decisions/ProposalForm.tsx',
  'client/src/pages/facilitator/decisions/RuleFields.tsx',
  'client/src/pages/facilitator/decisions/StartVoteForm.tsx',
  'client/src/pages/facilitator/decisions/ThemeDecision.tsx',
  'client/src/pages/facilitator/decisions/UnlockAgreement.tsx',
  'client/src/pages/facilitator/decisions/VoteStage.tsx',
  'client/src/pages/facilitator/group/DragCard.tsx',
  'client/src/pages/facilitator/group/GroupLane.tsx',
  'client/src/pages/facilitator/group/GroupNote.tsx',
  'client/src/pages/facilitator/group/GroupStage.tsx',
  'client/src/pages/facilitator/group/GroupToolbar.tsx',
  'client/src/pages/facilitator/group/LaneDnd.tsx',
  'client/src/pages/facilitator/group/NewThemeTarget.tsx',
  'client/src/pages/facilitator/group/RemoteDrags.tsx',
  'client/src/pages/facilitator/group/ThemeCard.tsx',
  'client/src/pages/facilitator/group/UndoButton.tsx',
  'client/src/pages/facilitator/group/UngroupedPool.tsx',
  'client/src/components/BoardGate.tsx',
  'client/src/components/ConfirmDialog.tsx',
  'client/src/components/CopyButton.tsx',
  'client/src/components/Countdown.tsx',
  'client/src/components/DeletedNoteUndo.tsx',
  'client/src/components/JoinCode.tsx',
  'client/src/components/MyNote.tsx',
  'client/src/components/MyNotes.tsx',
  'client/src/components/NameDialog.tsx',
  'client/src/components/NoteComposer.tsx',
  'client/src/components/OfflineBanner.tsx',
  'client/src/components/PeopleHere.tsx',
  'client/src/components/TagBadge.tsx',
  'client/src/components/TagChoice.tsx',
  'client/src/components/ThemeList.tsx',
  'client/src/components/agreement/AgreementTable.tsx',
  'client/src/components/agreement/CheckInLine.tsx',
  'client/src/components/agreement/SmartieEditor.tsx',
  'client/src/components/agreement/SmartieDetails.tsx',
  'client/src/components/agreement/VersionCompare.tsx',
  'client/src/components/agreement/VersionStatus.tsx',
  'client/src/components/agreement/VersionsPanel.tsx',
  'client/src/components/agreement/ExportButtons.tsx',
  'client/src/components/agreement/PrintDocument.tsx',
  'client/src/components/ContentLanguageSelect.tsx',
  'client/src/App.tsx',
];

describe('converted components take every person-facing text from the catalogs', () => {
  it.each(CONVERTED_FILES)('%s has no hard-coded text', (file) => {
    expect(findHardCodedText(readFileSync(file, 'utf8'), file)).toEqual([]);
  });
});

/**
 * Sentences still written into client `.ts` modules, with why. A module not listed has none: its
 * announcements, labels and helpers' words come from the catalogs.
 */
const SENTENCES_LEFT: Readonly<Record<string, { readonly texts: readonly string[] | 'all'; readonly why: string }>> = {
  'client/src/sync/BoardConnection.ts': {
    texts: ['Too many actions are waiting. Reconnect first.'],
    why: 'the connection’s answer to tests and the bench; a page’s session refuses first, in the reader’s language',
  },
};

describe('client .ts modules hold no sentence for people (announcements, labels, helpers’ words)', () => {
  it.each(moduleFiles('client/src'))('%s', (file) => {
    const left = SENTENCES_LEFT[file];
    if (left?.texts === 'all') return;
    const texts = findSentenceLiterals(readFileSync(file, 'utf8'), file).map((f) => f.text);
    expect(texts.filter((text) => !left?.texts.includes(text))).toEqual([]);
  });
});

describe('findSentenceLiterals: what it catches in a module and what it lets through', () => {
  it.each([
    ["return 'No notes yet';", 'No notes yet'],
    ["announce('There is nothing to undo.');", 'There is nothing to undo.'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
    ['const label = `deleting note ‘${excerpt}’`;', 'deleting note ‘’'],
    ["const NAMES = { full: 'This workshop is full.' };", 'This workshop is full.'],
    ["throw new ApiError(0, 'Could not reach Accord.');", 'Could not reach Accord.'],
    ["const x = 'لا ملاحظات بعد، للأسف';", 'لا ملاحظات بعد، للأسف'],
  ])('%s → %j', (source, text) => {
    expect(findSentenceLiterals(source).map((f) => f.text)).toContain(text);
  });

  it.each([
    "translate('board.closed.full');",
    "const error = 'limit_reached';",
    "const className = 'button button--primary';",
    "throw new Error('useGroupHost outside GroupStage');",
    "console.warn('Outbox could not be read');",
    "import { x } from './some module';",
  ])('%s is clean', (source) => {
    expect(findSentenceLiterals(source)).toEqual([]);
  });
});

describe('findHardCodedText: what it catches and what it lets through', () => {
  it.each([
    ['<h1>Join a workshop</h1>', 'Join a workshop'],
    ['<button aria-label="Close">×</button>', 'Close'],
    ['<input placeholder={"e.g. K7PQ"} />', 'e.g. K7PQ'],
    ['<img alt="QR code" src={src} />', 'QR code'],
    ['<p title={isOpen ? t("a") : "Closed"} />', 'Closed'],
    ["<button>{isBusy ? 'Joining…' : 'Join'}</button>", 'Joining…'],
    ['<p>{count} notes</p>', 'notes'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
    ['<p>{`${count} notes`}</p>', 'notes'],
    ["document.title = 'Board · Accord';", 'Board · Accord'],
    ["setError(caught instanceof Error ? caught.message : 'Something went wrong.');", 'Something went wrong.'],
    ["announce('Note moved');", 'Note moved'],
    ['<p>مرحبا</p>', 'مرحبا'],
  ])('%s → %j', (source, text) => {
    expect(findHardCodedText(`const x = () => { ${source} };`).map((f) => f.text)).toContain(text);
  });

  it.each([
    "<h1>{t('join.heading')}</h1>",
    "<p>{t('join.codeNotOpened', { code })}</p>",
    '<div className="page page--narrow" aria-busy="true" />',
    '<input autoComplete="off" inputMode="text" aria-label={t("x")} />',
    '<span> · </span>',
    "<p>{code ?? '–'}</p>",
    "navigate('/b/' + id);",
    "announce(t('composer.nameFirst'), 'error');",
  ])('%s is clean', (source) => {
    expect(findHardCodedText(`const x = () => { ${source} };`)).toEqual([]);
  });
});
