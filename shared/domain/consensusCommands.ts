import type { CommandOf } from '../commands';
import { shuffled } from '../random';
import type { AgreementItem } from '../records/AgreementItem';
import type { Proposal, ResponseKind } from '../records/Proposal';
import type { Changes, DocChange } from './changes';
import { decide } from './decisionRules';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { isSmallCount } from './smallCounts';
import { type Actor, type BoardState, type DomainContext, type DomainState, responseKey } from './state';

/** Everyone who may respond: participants, and the facilitator when they take part. */
export function mayRespond(actor: Actor, board: BoardState): boolean {
  if (actor.participantId === null) return false;
  return actor.role === 'participant' || (actor.role === 'facilitator' && board.meta.settings.facilitatorParticipates);
}

/**
 * The base of a round's quorum: the people taking part now, together with everyone who responded
 * to it (someone may answer, then leave). Idle or removed identities are in neither.
 */
export function quorumBase(state: DomainState, proposalId: string, present: ReadonlySet<string>): number {
  const base = new Set(present);
  const prefix = `${proposalId}/`;
  for (const key of state.responses.keys()) if (key.startsWith(prefix)) base.add(key.slice(prefix.length));
  return base.size;
}

/** Checks what an amendment or retirement is about; null when fine. */
function checkTarget(board: BoardState, promptId: string, targetAgreementId: string): DomainError | null {
  const target = board.agreements.get(targetAgreementId);
  if (!target) return refuse('not_found', 'agreementNotFound');
  if (target.status !== 'locked') return refuse('conflict', 'amendNeedsAgreementInForce');
  if (target.promptId !== promptId) return refuse('conflict', 'proposalOnOtherPrompt');
  const isOpen = [...board.proposals.values()].some((p) => p.status === 'open' && p.targetAgreementId === targetAgreementId);
  return isOpen ? refuse('conflict', 'agreementHasOpenRound') : null;
}

/**
 * Opens a consensus round: on a new statement (adopt), on new wording for an agreed item (amend)
 * or on dropping one (retire). A revision of a failed round continues its history: same prompt,
 * theme, kind and agreement.
 */
export function openProposal(state: DomainState, command: CommandOf<'openProposal'>, ctx: DomainContext): Changes | DomainError {
  const { board } = state;
  const kind = command.kind ?? 'adopt';
  const targetAgreementId = command.targetAgreementId ?? null;
  const prompt = board.prompts.get(command.promptId);
  if (!prompt) return refuse('not_found', 'promptNotFound');
  if (prompt.kind !== 'align') return refuse('conflict', 'awarenessNotDecided');
  if (board.proposals.has(command.proposalId)) return refuse('conflict', 'proposalIdTaken');
  if ((kind === 'adopt') !== (targetAgreementId === null)) {
    return refuse('invalid_command', 'proposalTargetMismatch');
  }
  let round = 1;
  if (command.previousProposalId !== null) {
    const previous = board.proposals.get(command.previousProposalId);
    if (!previous) return refuse('not_found', 'revisedRoundNotFound');
    if (previous.status !== 'failed') return refuse('conflict', 'reviseFailedOnly');
    if (previous.promptId !== command.promptId || previous.themeId !== command.themeId) {
      return refuse('conflict', 'revisionSamePromptTheme');
    }
    // A revised amendment stays an amendment of the same item (and so on), or its history would mix decisions.
    if (previous.kind !== kind || previous.targetAgreementId !== targetAgreementId) {
      return refuse('conflict', 'revisionSameKind');
    }
    round = previous.round + 1;
  }
  if (targetAgreementId !== null) {
    const refusal = checkTarget(board, command.promptId, targetAgreementId);
    if (refusal) return refusal;
  }
  if (command.themeId !== null) {
    const theme = board.themes.get(command.themeId);
    if (!theme || theme.promptId !== prompt.id) return refuse('not_found', 'themeNotInPrompt');
    const proposals = [...board.proposals.values()].filter((p) => p.themeId === theme.id);
    if (proposals.some((p) => p.status === 'open')) return refuse('conflict', 'themeHasOpenRound');
    const agreed = [...board.agreements.values()].some((a) => a.themeId === theme.id && a.status === 'locked');
    if (agreed && kind === 'adopt') return refuse('conflict', 'themeHasAgreement');
  }
  const proposal: Proposal = {
    id: command.proposalId,
    promptId: command.promptId,
    themeId: command.themeId,
    statement: command.statement,
    rule: command.rule,
    quorumPercent: command.quorumPercent,
    thresholdPercent: command.thresholdPercent,
    round,
    previousProposalId: command.previousProposalId,
    status: 'open',
    respondentCount: 0,
    openedAt: ctx.now,
    closedAt: null,
    outcome: null,
    kind,
    targetAgreementId,
  };
  return { doc: [{ type: 'putProposal', proposal }], private: [] };
}

/** Records or changes my response. A block needs a reason: a true barrier, not a preference. */
export function respond(state: DomainState, actor: Actor, command: CommandOf<'respond'>): Changes | DomainError {
  const proposal = state.board.proposals.get(command.proposalId);
  if (!proposal) return refuse('not_found', 'proposalNotFound');
  if (proposal.status !== 'open') return refuse('conflict', 'roundClosed');
  if (!mayRespond(actor, state.board)) return refuse('forbidden', 'notRespondent');
  if (command.response === 'block' && command.reason === null) {
    return refuse('invalid_command', 'blockNeedsReason');
  }
  const participantId = actor.participantId as string;
  const isFirst = !state.responses.has(responseKey(proposal.id, participantId));
  const doc: DocChange[] = isFirst
    ? [{ type: 'patchProposal', id: proposal.id, fields: { respondentCount: proposal.respondentCount + 1 } }]
    : [];
  return {
    doc,
    private: [
      { type: 'setResponse', proposalId: proposal.id, participantId, response: command.response, reason: command.reason },
    ],
  };
}

/**
 * Closes a round: counts, the outcome under its rule and every reason are published, unattributed
 * and shuffled; the link between people and responses is deleted in the same commit. A passed
 * statement is locked into the Agreement column with its decision record. An outcome from one
 * or two people shows what each answered: that needs `confirmSmallCount`.
 */
export function closeProposal(
  state: DomainState,
  command: CommandOf<'closeProposal'>,
  ctx: DomainContext,
): Changes | DomainError {
  const proposal = state.board.proposals.get(command.proposalId);
  if (!proposal) return refuse('not_found', 'proposalNotFound');
  if (proposal.status !== 'open') return refuse('conflict', 'roundAlreadyClosed');
  if (command.confirmSmallCount !== true && isSmallCount(state.board, proposal.respondentCount)) {
    return refuse('too_few_people', 'smallRound', { respondents: proposal.respondentCount });
  }
  const counts = { agree: 0, canLive: 0, block: 0 };
  const reasons: { response: ResponseKind; text: string }[] = [];
  const prefix = `${proposal.id}/`;
  for (const [key, answer] of state.responses) {
    if (!key.startsWith(prefix)) continue;
    counts[answer.response] += 1;
    if (answer.reason !== null) reasons.push({ response: answer.response, text: answer.reason });
  }
  const presentCount = quorumBase(state, proposal.id, ctx.present);
  const decision = decide(proposal, counts, presentCount);
  const outcome = {
    counts,
    reasons: shuffled(reasons, ctx.random),
    presentCount,
    isQuorumMet: decision.isQuorumMet,
    isPassed: decision.isPassed,
    explanation: decision.explanation,
  };
  const doc: DocChange[] = [
    {
      type: 'patchProposal',
      id: proposal.id,
      fields: { status: decision.isPassed ? 'passed' : 'failed', closedAt: ctx.now, outcome },
    },
  ];
  const target = proposal.targetAgreementId === null ? undefined : state.board.agreements.get(proposal.targetAgreementId);
  if (decision.isPassed && target && target.status === 'locked') {
    // The item it amends or retires leaves force in the same change; its record stays.
    const status = proposal.kind === 'amend' ? 'replaced' : 'retired';
    doc.push({ type: 'patchAgreement', id: target.id, fields: { status, endedAt: ctx.now } });
  }
  if (decision.isPassed && proposal.kind !== 'retire') {
    const id = ctx.newId();
    const item: AgreementItem = {
      id,
      promptId: proposal.promptId,
      themeId: proposal.themeId,
      statement: proposal.statement,
      proposalId: proposal.id,
      rule: proposal.rule,
      round: proposal.round,
      counts,
      decidedAt: ctx.now,
      status: 'locked',
      unlockReason: null,
      unlockedAt: null,
      lineageId: target?.lineageId ?? id,
      version: state.board.meta.version,
      endedAt: null,
      smartie: target?.smartie ?? null,
    };
    doc.push({ type: 'putAgreement', item });
  }
  return { doc, private: [{ type: 'clearResponses', proposalId: proposal.id }] };
}

/** Unlocks an agreed item; the reason and time stay in its record. */
export function unlockAgreement(
  state: DomainState,
  command: CommandOf<'unlockAgreement'>,
  ctx: DomainContext,
): Changes | DomainError {
  const item = state.board.agreements.get(command.agreementId);
  if (!item) return refuse('not_found', 'agreementNotFound');
  if (item.status !== 'locked') return refuse('conflict', 'agreementAlreadyUnlocked');
  return {
    doc: [
      { type: 'patchAgreement', id: item.id, fields: { status: 'unlocked', unlockReason: command.reason, unlockedAt: ctx.now } },
    ],
    private: [],
  };
}
