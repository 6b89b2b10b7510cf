import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldIcsLine, huddleCalendarIcs, icsDateTime, icsText, seriesCalendarMeetings, type CalendarMeeting } from './ics.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replaceAll('\r\n ', '');

const meeting: CalendarMeeting = {
  uid: '4f1d2c3b-0000-4000-8000-000000000001@kith.example',
  startsAt: new Date('2026-03-31T09:00:00Z'),
  endsAt: new Date('2026-03-31T10:00:00Z'),
  summary: 'Elm Road huddle',
  location: 'Elm Road Surgery, first-floor library',
  description: 'MDT huddle; agenda in Kith',
};

describe('iCalendar text values', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(icsText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(icsText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(icsText('C:\\new')).toBe('C:\\\\new');
  });

  it('leaves colons and tabs alone and drops other control characters', () => {
    expect(icsText('10:00\tRoom 2')).toBe('10:00\tRoom 2');
    expect(icsText('bell\u0007 null\u0000 del\u007F')).toBe('bell null del');
  });

  it('replaces a lone surrogate, which has no UTF-8 form', () => {
    expect(icsText('a\uD83Db')).toBe('a\uFFFDb');
    expect(icsText('ok 😀')).toBe('ok 😀');
  });

  it('writes instants in UTC Z form', () => {
    expect(icsDateTime(new Date('2026-10-27T10:00:00.000Z'))).toBe('20261027T100000Z');
    expect(icsDateTime(new Date('2026-01-05T09:05:07.250Z'))).toBe('20260105T090507Z');
    expect(() => icsDateTime(new Date('nonsense'))).toThrow();
  });
});

describe('line folding', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('gives continuation lines a space and 74 octets', () => {
    const folded = foldIcsLine('y'.repeat(75 + 74 + 10)).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 75, 11]);
    expect(folded[1]!.startsWith(' ')).toBe(true);
  });

  it('counts UTF-8 octets, not characters, and never splits a character', () => {
    // "é" is 2 octets: 37 of them are 74 octets, the 38th would make 76.
    const folded = foldIcsLine('é'.repeat(40)).split('\r\n');
    expect(folded[0]).toBe('é'.repeat(37));
    expect(folded[1]).toBe(` ${'é'.repeat(3)}`);
    // A 3-octet character that would straddle octet 75 moves whole to the next line.
    const line = `${'a'.repeat(73)}€b`;
    expect(foldIcsLine(line).split('\r\n')).toEqual(['a'.repeat(73), ' €b']);
    // A 4-octet emoji (a surrogate pair in JavaScript) stays whole.
    const emoji = foldIcsLine(`${'a'.repeat(72)}😀😀`).split('\r\n');
    expect(emoji).toEqual([`${'a'.repeat(72)}`, ' 😀😀']);
  });

  it('folds any text into lines of at most 75 octets that unfold to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const folded = foldIcsLine(`DESCRIPTION:${text}`);
        for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(`DESCRIPTION:${text}`);
      }),
    );
  });
});

describe('huddle calendar', () => {
  const stampedAt = new Date('2026-03-20T08:15:00Z');

  it('writes a VCALENDAR with one VEVENT a meeting, every line ended by CRLF', () => {
    const ics = huddleCalendarIcs([meeting], { stampedAt, name: 'Elm Road huddles' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kith//Huddles//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Elm Road huddles',
      'BEGIN:VEVENT',
      'UID:4f1d2c3b-0000-4000-8000-000000000001@kith.example',
      'DTSTAMP:20260320T081500Z',
      'DTSTART:20260331T090000Z',
      'DTEND:20260331T100000Z',
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      'SUMMARY:Elm Road huddle',
      'LOCATION:Elm Road Surgery\\, first-floor library',
      'DESCRIPTION:MDT huddle\\; agenda in Kith',
      'CLASS:PRIVATE',
      'TRANSP:OPAQUE',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('writes an empty calendar, and leaves out what is not given', () => {
    expect(huddleCalendarIcs([], { stampedAt })).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kith//Huddles//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
    const bare = huddleCalendarIcs([{ ...meeting, location: undefined, description: undefined }], { stampedAt });
    expect(bare).not.toMatch(/LOCATION|DESCRIPTION|X-WR-CALNAME/);
  });

  it('marks a cancelled or changed meeting so calendars update their copy', () => {
    const ics = huddleCalendarIcs([{ ...meeting, cancelled: true, sequence: 2 }], { stampedAt });
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).toContain('\r\nSEQUENCE:2\r\n');
  });

  it('folds and escapes a long multi-line description with accents and emoji', () => {
    const description = 'Réunion pluridisciplinaire, salle 2; apportez vos notes.\nDeuxième ligne: café ☕ et 😀 pour tous, '.repeat(3);
    const ics = huddleCalendarIcs([{ ...meeting, description }], { stampedAt });
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const unfolded = unfold(ics).split('\r\n');
    expect(unfolded).toContain(`DESCRIPTION:${icsText(description)}`);
    expect(unfolded.find((l) => l.startsWith('DESCRIPTION:'))).toContain('salle 2\\; apportez vos notes.\\nDeuxième');
  });

  it('refuses a meeting that ends before it starts', () => {
    expect(() => huddleCalendarIcs([{ ...meeting, endsAt: meeting.startsAt }], { stampedAt })).toThrow(/ends before it starts/);
  });
});

describe('a series as calendar events', () => {
  const series = { name: 'Elm Road huddle', place: 'Elm Road Surgery', startTime: '10:00', durationMinutes: 60 };

  it('places each meeting at its local time, with a stable id and no agenda', () => {
    const events = seriesCalendarMeetings(
      series,
      [
        { id: 'm1', date: '2026-10-20' },
        { id: 'm2', date: '2026-10-27', cancelled: true, sequence: 1 },
      ],
      'kith.example',
    );
    expect(events).toEqual([
      {
        uid: 'huddle-meeting-m1@kith.example',
        startsAt: new Date('2026-10-20T09:00:00Z'),
        endsAt: new Date('2026-10-20T10:00:00Z'),
        summary: 'Elm Road huddle',
        location: 'Elm Road Surgery',
        description: 'MDT huddle. The agenda is confidential: open it in Kith.',
      },
      {
        uid: 'huddle-meeting-m2@kith.example',
        startsAt: new Date('2026-10-27T10:00:00Z'),
        endsAt: new Date('2026-10-27T11:00:00Z'),
        summary: 'Elm Road huddle',
        location: 'Elm Road Surgery',
        description: 'MDT huddle. The agenda is confidential: open it in Kith.',
        sequence: 1,
        cancelled: true,
      },
    ]);
    const ics = huddleCalendarIcs(events, { stampedAt: new Date('2026-10-01T00:00:00Z') });
    expect(ics).toContain('\r\nDTSTART:20261020T090000Z\r\n');
    expect(ics).toContain('\r\nDTSTART:20261027T100000Z\r\n');
  });
});
