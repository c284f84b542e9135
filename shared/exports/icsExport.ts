import { EN_ICS, type IcsWords } from '../i18n/content/enIcs';
import type { ContentLanguage } from '../i18n/contentLanguage';

/**
 * Escapes text for an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, `;` and `,` get a
 * backslash; every line break — CRLF, a bare LF and a bare CR alike — becomes `\n`. Other control
 * characters are not allowed in TEXT at all, so they are dropped (tab excepted): a bare CR left in
 * place would end the content line for some readers and start a property of the sender's choosing.
 */
function icsText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), the leading space of a continuation
 * included. Cuts fall between characters (code points), never inside one: a cut inside a UTF-16
 * surrogate pair would write U+FFFD in place of an emoji.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/**
 * An all-day calendar event for the group's check-in on its agreement, its SUMMARY and
 * DESCRIPTION in `words` (English by default). A `language` other than English is declared on
 * both (RFC 5545 §3.2.10), so that a calendar can pick fonts, direction and hyphenation.
 */
export function exportCheckInIcs(input: {
  boardId: string;
  title: string;
  checkInDate: string;
  link: string;
  now: Date;
  words?: IcsWords;
  language?: ContentLanguage;
}): string {
  const words = input.words ?? EN_ICS;
  const param = input.language === undefined || input.language === 'en' ? '' : `;LANGUAGE=${input.language}`;
  const day = input.checkInDate.replace(/-/g, '');
  const next = new Date(`${input.checkInDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const stamp = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Accord//Agreement check-in//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${input.boardId}-checkin@accord`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day}`,
    `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
    `SUMMARY${param}:${icsText(words.icsSummary(input.title))}`,
    `DESCRIPTION${param}:${icsText(`${words.icsDescription}\n${input.link}`)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
