import { describe, expect, it } from 'vitest';
import { CONTACT_IDS, readContactForm } from './contact-form';
import { englandClock, readWhen } from './form-dates';

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const one of [value].flat()) data.append(key, one);
  return data;
};
const date = (id: string, day: string, month: string, year: string) => ({ [`${id}-day`]: day, [`${id}-month`]: month, [`${id}-year`]: year });

describe('a date and time in England', () => {
  const ids = { date: 'd', time: 't' };
  it('reads summer and winter times as the instant they mean in England', () => {
    expect(readWhen(form({ ...date('d', '3', '6', '2026'), t: '14:30' }), ids, 'visit').at).toBe('2026-06-03T13:30:00.000Z');
    expect(readWhen(form({ ...date('d', '3', '12', '2026'), t: '9.05' }), ids, 'visit').at).toBe('2026-12-03T09:05:00.000Z');
  });

  it('names what is missing or wrong', () => {
    expect(readWhen(form({}), ids, 'visit').errors).toEqual([
      { fieldId: 'd-day', message: 'Enter the date of the visit' },
      { fieldId: 't', message: 'Enter the time of the visit' },
    ]);
    expect(readWhen(form({ ...date('d', '3', '6', '2026'), t: '25:00' }), ids, 'visit').errors[0]?.message).toBe('Enter the time on the 24-hour clock, such as 14:30');
  });

  it('shows a booking as England’s clock shows it', () => {
    expect(englandClock('2026-06-03T13:30:00.000Z')).toEqual({ date: '2026-06-03', time: '14:30' });
    expect(englandClock('2026-12-03T23:30:00.000Z')).toEqual({ date: '2026-12-03', time: '23:30' });
  });
});

describe('the contact form', () => {
  const now = new Date('2026-06-03T15:00:00.000Z');
  const filled = {
    [CONTACT_IDS.kind]: 'home_visit',
    ...date(CONTACT_IDS.date, '3', '6', '2026'),
    [CONTACT_IDS.time]: '14:30',
    [CONTACT_IDS.minutes]: '45',
    [CONTACT_IDS.note]: '  Talked through the plan  ',
    [CONTACT_IDS.episode]: '0190a1b2-0000-7000-8000-000000000001',
  };

  it('sends the contact with its time as an instant and its episode', () => {
    expect(readContactForm(form(filled), now).input).toEqual({
      kind: 'home_visit',
      at: '2026-06-03T13:30:00.000Z',
      minutes: 45,
      note: 'Talked through the plan',
      episodeId: '0190a1b2-0000-7000-8000-000000000001',
    });
    expect(readContactForm(form({ ...filled, [CONTACT_IDS.episode]: '' }), now).input?.episodeId).toBeUndefined();
  });

  it('lists every problem, each linked to its input', () => {
    const { problems } = readContactForm(form({ [CONTACT_IDS.minutes]: '0' }), now);
    expect(problems?.map((p) => p.fieldId)).toEqual(['contact-kind', 'contact-date-day', 'contact-time', 'contact-minutes', 'contact-note']);
  });

  it('refuses a contact still to come', () => {
    const { problems } = readContactForm(form({ ...filled, [CONTACT_IDS.time]: '16:30' }), now);
    expect(problems).toEqual([{ fieldId: 'contact-date-day', message: 'A contact cannot be in the future: record it once it has happened' }]);
  });
});
