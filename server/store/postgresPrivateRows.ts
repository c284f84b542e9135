import { assertNever } from '../../shared/assertNever';
import type { PrivateChange } from '../../shared/domain/changes';
import type { StatementSink } from './postgresOneTrip';

/**
 * Writes one private change to PostgreSQL's rows (the same rows as SqliteStore), as statements of
 * the commit's one transaction (postgresOneTrip.ts).
 */
export async function writePrivateChange(c: StatementSink, boardId: string, change: PrivateChange): Promise<void> {
  switch (change.type) {
    case 'putDraft': {
      const d = change.draft;
      await c.query(
        `INSERT INTO drafts (board_id, id, prompt_id, author_id, text, tag, author_name) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (board_id, id) DO UPDATE SET text = excluded.text, tag = excluded.tag`,
        [boardId, d.id, d.promptId, d.authorId, d.text, d.tag, d.authorName],
      );
      return;
    }
    case 'deleteDraft':
      await c.query('DELETE FROM drafts WHERE board_id = $1 AND id = $2', [boardId, change.draftId]);
      return;
    case 'revealDrafts':
      await c.query('DELETE FROM drafts WHERE board_id = $1 AND id = ANY($2::text[])', [boardId, change.draftIds]);
      return;
    case 'countPosted':
      await c.query(
        `INSERT INTO posted_counts (board_id, participant_id, prompt_id, count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, participant_id, prompt_id) DO UPDATE SET count = posted_counts.count + excluded.count`,
        [boardId, change.participantId, change.promptId, change.delta],
      );
      return;
    case 'setBallot':
      if (change.count > 0) {
        await c.query(
          `INSERT INTO ballots (board_id, round_id, participant_id, item_id, count) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (board_id, round_id, participant_id, item_id) DO UPDATE SET count = excluded.count`,
          [boardId, change.roundId, change.participantId, change.itemId, change.count],
        );
      } else {
        await c.query('DELETE FROM ballots WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND item_id = $4', [
          boardId,
          change.roundId,
          change.participantId,
          change.itemId,
        ]);
      }
      return;
    case 'clearBallots':
      await c.query('DELETE FROM ballots WHERE board_id = $1 AND round_id = $2', [boardId, change.roundId]);
      return;
    case 'setResponse':
      await c.query(
        `INSERT INTO responses (board_id, proposal_id, participant_id, response, reason) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (board_id, proposal_id, participant_id) DO UPDATE SET response = excluded.response, reason = excluded.reason`,
        [boardId, change.proposalId, change.participantId, change.response, change.reason],
      );
      return;
    case 'clearResponses':
      await c.query('DELETE FROM responses WHERE board_id = $1 AND proposal_id = $2', [boardId, change.proposalId]);
      return;
    case 'removeSeat':
      await c.query('DELETE FROM ballots WHERE board_id = $1 AND participant_id = $2', [boardId, change.participantId]);
      await c.query('DELETE FROM responses WHERE board_id = $1 AND participant_id = $2', [boardId, change.participantId]);
      await c.query('DELETE FROM marks WHERE board_id = $1 AND participant_id = $2', [boardId, change.participantId]);
      await c.query('DELETE FROM participants WHERE board_id = $1 AND id = $2', [boardId, change.participantId]);
      return;
    case 'setMark':
      if (change.isOn) {
        await c.query(
          `INSERT INTO marks (board_id, target_id, participant_id, kind) VALUES ($1, $2, $3, $4)
           ON CONFLICT (board_id, target_id, participant_id, kind) DO NOTHING`,
          [boardId, change.targetId, change.participantId, change.kind],
        );
      } else {
        await c.query('DELETE FROM marks WHERE board_id = $1 AND target_id = $2 AND participant_id = $3 AND kind = $4', [
          boardId,
          change.targetId,
          change.participantId,
          change.kind,
        ]);
      }
      return;
    case 'clearMarks':
      await c.query('DELETE FROM marks WHERE board_id = $1 AND target_id = $2', [boardId, change.targetId]);
      return;
    default:
      assertNever(change, 'private change');
  }
}
