import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PROMPT_KIND_KEYS,
  pendingLine,
  phaseGuidance,
  phaseName,
  quoted,
  revealedLine,
  writingClosedReason,
} from '../../client/src/copy';
import { activateLocale, translate } from '../../client/src/i18n/i18n';
import type { Locale } from '../../client/src/i18n/locales';
import { useToastStore } from '../../client/src/store/toastStore';
import { FINAL_CLOSE_KEYS } from '../../client/src/sync/BoardConnection';
import { submit } from '../../client/src/sync/commands';
import { describeBoardChanges } from '../../client/src/sync/revealAnnouncements';
import { undo } from '../../client/src/sync/undoableCommands';
import type { DomainState } from '../../shared/domain/state';
import { CLOSE_CODES } from '../../shared/protocol';
import type { Prompt } from '../../shared/records/Prompt';
import { ALICE, BOB, CAROL, FACILITATOR, newBoardState, post, step, withMeta } from '../shared/helpers';

/**
 * The sentences kept in client `.ts` modules (copy.ts, client/src/sync) come from the catalogs
 * (issue 14): English byte for byte as before, and a Spanish or Arabic reader hears their own
 * language, plurals included (Arabic's zero, one, two, few, many and other).
 */

// activateLocale marks <html lang dir>: the node environment has no document, so a stand-in.
beforeAll(() => {
  vi.stubGlobal('document', { documentElement: {} });
});
afterAll(async () => {
  await activateLocale('en');
  vi.unstubAllGlobals();
});

/** Arabic's digits, as Intl writes them for `ar` (Latin since CLDR 44). */
const ar = (n: number) => new Intl.NumberFormat('ar').format(n);

function prompt(pendingCount: number, contributorCount: number): Prompt {
  const first = newBoardState().board.prompts.get('prompt1');
  if (!first) throw new Error('no prompt1');
  return { ...first, pendingCount, contributorCount };
}

/** Three notes on prompt1 (from three people), one on prompt2, in the share phase, nothing revealed. */
function sharing(): DomainState {
  let state = newBoardState({ phase: 'reflect' });
  for (const [actor, id] of [
    [ALICE, 'a'],
    [BOB, 'b'],
    [CAROL, 'c'],
  ] as const) {
    state = post(state, actor, `d-${id}`, 'prompt1');
  }
  state = post(state, ALICE, 'd-a2', 'prompt2');
  return step(state, FACILITATOR, { type: 'setPhase', phase: 'share' });
}

/** What a participant hears when the facilitator reveals `promptId` (null: every prompt). */
function heardOnReveal(promptId: string | null): string[] {
  const before = sharing();
  const after = step(before, FACILITATOR, { type: 'reveal', promptId, confirmSmallCount: true });
  return describeBoardChanges(before.board, after.board, false);
}

function heardOnPhase(isAnonymous: boolean, isFacilitator: boolean): string[] {
  const before = withMeta(newBoardState({ phase: 'reflect' }), {
    settings: { ...newBoardState().board.meta.settings, isAnonymous },
  });
  const after = withMeta(before, { phase: 'share' });
  return describeBoardChanges(before.board, after.board, isFacilitator);
}

const spoken = () => useToastStore.getState().spoken.map((t) => t.text);

describe.each<[Locale, Record<string, string>]>([
  [
    'en',
    {
      phase: 'Share',
      guidance: 'Answers are being shown to everyone, without names. You can still add more.',
      named: 'Answers are being shown to everyone, with their authors’ names. You can still add more.',
      none: 'No notes yet',
      one: '1 note so far, from 1 person',
      many: '11 notes so far, from 3 people',
      noneShown: 'No notes shown yet',
      shownOne: '1 note shown',
      shownMany: '12 notes shown',
      setup: 'You can write answers once the facilitator starts the reflection.',
      closed: 'Writing new answers is closed in this part of the workshop.',
      align: 'To agree on',
      quoted: '‘Meeting hours’',
      cut: `‘${'x'.repeat(57)}…’`,
      nowFacilitator: 'Now: Share.',
      revealed: 'Answers revealed for 3 questions: 4 notes in all.',
      revealedOne: '3 notes revealed for ‘Question 1?’.',
      revealedNone: 'No notes revealed for ‘Question 3?’.',
      notFound: 'This workshop does not exist. Check the link or code.',
      notOpen: 'The board is not open yet. Wait a moment and try again.',
      nothingToUndo: 'There is nothing to undo.',
    },
  ],
  [
    'es',
    {
      phase: 'Compartir',
      guidance: 'Las respuestas se están mostrando a todo el grupo, sin nombres. Todavía puedes añadir más.',
      named: 'Las respuestas se están mostrando a todo el grupo, con el nombre de quien las escribió. Todavía puedes añadir más.',
      none: 'Todavía no hay notas',
      one: '1 nota hasta ahora, de 1 persona',
      many: '11 notas hasta ahora, de 3 personas',
      noneShown: 'Todavía no se muestra ninguna nota',
      shownOne: '1 nota mostrada',
      shownMany: '12 notas mostradas',
      setup: 'Podrás escribir respuestas cuando quien facilita empiece la reflexión.',
      closed: 'En esta parte del taller ya no se pueden escribir respuestas nuevas.',
      align: 'Para ponernos de acuerdo',
      quoted: '«Meeting hours»',
      cut: `«${'x'.repeat(57)}…»`,
      nowFacilitator: 'Ahora: Compartir.',
      revealed: 'Respuestas reveladas de 3 preguntas: 4 notas en total.',
      revealedOne: 'Se revelaron 3 notas de «Question 1?».',
      revealedNone: 'No se reveló ninguna nota de «Question 3?».',
      notFound: 'Este taller no existe. Revisa el enlace o el código.',
      notOpen: 'El tablero aún no está abierto. Espera un momento y vuelve a intentarlo.',
      nothingToUndo: 'No hay nada que deshacer.',
    },
  ],
  [
    'ar',
    {
      phase: 'المشاركة',
      guidance: 'تُعرض الإجابات على الجميع، من دون أسماء. ما زال بإمكانك إضافة المزيد.',
      named: 'تُعرض الإجابات على الجميع، مع أسماء كاتبيها. ما زال بإمكانك إضافة المزيد.',
      none: 'لا ملاحظات بعد',
      one: 'ملاحظة واحدة حتى الآن، من شخص واحد',
      many: `${ar(11)} ملاحظة حتى الآن، من ${ar(3)} أشخاص`,
      noneShown: 'لم تُعرض أي ملاحظة بعد',
      shownOne: 'عُرضت ملاحظة واحدة',
      shownMany: `عُرضت ${ar(12)} ملاحظة`,
      setup: 'يمكنك كتابة الإجابات عندما يبدأ الميسّر مرحلة التأمل.',
      closed: 'كتابة إجابات جديدة مغلقة في هذا الجزء من الورشة.',
      align: 'للاتفاق',
      quoted: '«Meeting hours»',
      cut: `«${'x'.repeat(57)}…»`,
      nowFacilitator: 'الآن: المشاركة.',
      revealed: `كُشفت الإجابات عن ${ar(3)} أسئلة: ${ar(4)} ملاحظات في المجموع.`,
      revealedOne: `كُشفت ${ar(3)} ملاحظات للسؤال «Question 1?».`,
      revealedNone: 'لم تُكشف أي ملاحظة للسؤال «Question 3?».',
      notFound: 'هذه الورشة غير موجودة. تحقّق من الرابط أو الرمز.',
      notOpen: 'لم تُفتح اللوحة بعد. انتظر لحظة ثم حاول مرة أخرى.',
      nothingToUndo: 'لا يوجد ما يمكن التراجع عنه.',
    },
  ],
])('%s: the interface’s sentences outside components', (locale, say) => {
  beforeAll(() => activateLocale(locale));
  beforeEach(() => useToastStore.setState({ spoken: [], toasts: [] }));

  it('names the phase and says what to do now, with or without authors’ names', () => {
    expect(phaseName('share')).toBe(say.phase);
    expect(phaseGuidance('share', true)).toBe(say.guidance);
    expect(phaseGuidance('share', false)).toBe(say.named);
  });

  it('counts notes and people before and after the reveal, in the language’s plural forms', () => {
    expect(pendingLine(prompt(0, 0))).toBe(say.none);
    expect(pendingLine(prompt(1, 1))).toBe(say.one);
    expect(pendingLine(prompt(11, 3))).toBe(say.many);
    expect(revealedLine(0)).toBe(say.noneShown);
    expect(revealedLine(1)).toBe(say.shownOne);
    expect(revealedLine(12)).toBe(say.shownMany);
  });

  it('says why writing is closed, what a prompt is for, and quotes with the language’s marks', () => {
    expect(writingClosedReason('setup')).toBe(say.setup);
    expect(writingClosedReason('vote')).toBe(say.closed);
    expect(translate(PROMPT_KIND_KEYS.align)).toBe(say.align);
    expect(quoted('Meeting hours')).toBe(say.quoted);
    expect(quoted('x'.repeat(80))).toBe(say.cut);
  });

  it('announces a new phase: participants hear what to do, the facilitator only where they are', () => {
    expect(heardOnPhase(true, true)).toEqual([say.nowFacilitator]);
    expect(heardOnPhase(true, false)).toEqual([`${say.nowFacilitator} ${say.guidance}`]);
    expect(heardOnPhase(false, false)).toEqual([`${say.nowFacilitator} ${say.named}`]);
  });

  it('announces a reveal: one question, one without notes, and every question at once', () => {
    expect(heardOnReveal('prompt1')).toEqual([say.revealedOne]);
    expect(heardOnReveal('prompt3')).toEqual([say.revealedNone]);
    expect(heardOnReveal(null)).toEqual([say.revealed]);
  });

  it('says why the workshop closed the connection, why nothing was sent, and that there is nothing to undo', () => {
    const key = FINAL_CLOSE_KEYS[CLOSE_CODES.BOARD_NOT_FOUND];
    expect(key && translate(key)).toBe(say.notFound);
    expect(submit({ type: 'focusPrompt', promptId: null })?.message).toBe(say.notOpen);
    undo({ kind: 'note' });
    expect(spoken()).toEqual([say.notOpen, say.nothingToUndo]);
  });
});

type Compiled = Record<string, string | ((values: Record<string, string | number>) => string)>;

describe('Arabic’s six plural forms (zero, one, two, few, many, other)', () => {
  beforeAll(() => activateLocale('ar'));

  it.each([
    [1, 'عُرضت ملاحظة واحدة', 'ملاحظة واحدة حتى الآن، من شخص واحد'],
    [2, 'عُرضت ملاحظتان', 'ملاحظتان حتى الآن، من شخصين'],
    [3, `عُرضت ${ar(3)} ملاحظات`, `${ar(3)} ملاحظات حتى الآن، من ${ar(3)} أشخاص`],
    [11, `عُرضت ${ar(11)} ملاحظة`, `${ar(11)} ملاحظة حتى الآن، من ${ar(11)} شخصًا`],
    [100, `عُرضت ${ar(100)} ملاحظة`, `${ar(100)} ملاحظة حتى الآن، من ${ar(100)} شخص`],
  ])('%i: the count lines', (count, shown, pending) => {
    expect(revealedLine(count)).toBe(shown);
    expect(pendingLine(prompt(count, count))).toBe(pending);
  });

  // The keyed catalog (tests' keys are not rewritten into indexes): the announcement's every form.
  it.each([
    [0, 'لم تُكشف أي ملاحظة للسؤال «س».', 'لم تُعرض ملاحظات أخرى للسؤال «س».'],
    [1, 'كُشفت ملاحظة واحدة للسؤال «س».', 'عُرضت ملاحظة أخرى للسؤال «س».'],
    [2, 'كُشفت ملاحظتان للسؤال «س».', 'عُرضت ملاحظتان أخريان للسؤال «س».'],
    [3, `كُشفت ${ar(3)} ملاحظات للسؤال «س».`, `عُرضت ${ar(3)} ملاحظات أخرى للسؤال «س».`],
    [11, `كُشفت ${ar(11)} ملاحظة للسؤال «س».`, `عُرضت ${ar(11)} ملاحظة أخرى للسؤال «س».`],
    [100, `كُشفت ${ar(100)} ملاحظة للسؤال «س».`, `عُرضت ${ar(100)} ملاحظة أخرى للسؤال «س».`],
  ])('%i: notes revealed, more notes shown', async (count, revealed, more) => {
    const catalog = (await import('virtual:accord-catalog/ar')).default as Compiled;
    const say = (key: string) => {
      const message = catalog[key];
      return typeof message === 'function' ? message({ count, prompt: quoted('س') }) : message;
    };
    expect(say('board.announce.revealed')).toBe(revealed);
    expect(say('board.announce.moreShown')).toBe(more);
  });
});
