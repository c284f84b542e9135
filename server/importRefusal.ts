import { type Refusal, refusalOf } from '../shared/domain/refusals';
import type { Invalid } from '../shared/validate';

/** Singular names of the lists of an export, as a person says them. */
const RECORD_NOUNS: Readonly<Record<string, string>> = {
  prompts: 'prompt',
  themes: 'theme',
  notes: 'note',
  voteRounds: 'vote round',
  proposals: 'proposal',
  agreements: 'agreement',
  versions: 'version',
};

/** "note 4", "the board's settings", "the file": the record a path points into. */
function recordOf(path: string): string {
  const listed = /^export\.board\.(\w+)\[(\d+)\]/.exec(path);
  if (listed) return `${RECORD_NOUNS[listed[1] ?? ''] ?? 'record'} ${Number(listed[2]) + 1}`;
  if (path.startsWith('export.board.meta.settings')) return 'the board’s settings';
  if (path.startsWith('export.board.meta')) return 'the board';
  return 'the file';
}

/** The field a path ends in, without list positions: `themeId`, `hello`. */
function fieldOf(path: string): string {
  return (path.split('.').at(-1) ?? path).replace(/\[\d+\]$/, '');
}

/** Straight double quotes as typographic ones. */
const curly = (text: string) => text.replace(/"([^"]*)"/g, '“$1”');

/**
 * Why an uploaded export is refused, in words its owner can act on: what is wrong, what to do,
 * and (for whoever edits the file) where, e.g. "This file can’t be imported. There is a field
 * “hello” in the file that an Accord board export never has. Import the .json file exactly as Accord exported
 * it. Where in the file: export.hello." instead of the validator's "export.hello is not an allowed field".
 * A client in another language says the first two cases whole, and the others with `why` as it is.
 */
export function importRefusal(invalid: Invalid): Refusal<'invalid_request'> {
  const { path, message } = invalid;
  if (path === '(root)' || path === 'export.format' || path === 'export.formatVersion') {
    return refusalOf('invalid_request', 'importNotAccord', { path });
  }
  if (path === 'export.schemaVersion') return refusalOf('invalid_request', 'importOtherVersion', { path });
  const field = fieldOf(path);
  let why: string;
  if (message === 'is not an allowed field') {
    why = `there is a field “${field}” in ${recordOf(path)} that an Accord board export never has`;
  } else if (message === 'is required') {
    why = `“${field}” is missing from ${recordOf(path)}, and every Accord board export has it`;
  } else if (message.startsWith('is the id of another ')) {
    why = `${recordOf(path)} has the same id as another ${message.slice('is the id of another '.length).replace(/ as well$/, '')}`;
  } else if (message.startsWith('names the ')) {
    // A broken reference (see findBrokenReference): the record and what it points at say enough.
    why = `${recordOf(path)} ${curly(message).replace('which is not in the export', 'which is not in the file')}`;
  } else {
    why = `in ${recordOf(path)}, “${field}” ${curly(message)}`;
  }
  return refusalOf('invalid_request', 'importFileChanged', { path, why: why.charAt(0).toUpperCase() + why.slice(1) });
}
