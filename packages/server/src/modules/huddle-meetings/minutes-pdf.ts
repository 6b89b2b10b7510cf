/**
 * The minutes as a PDF, laid out with pdfkit in its built-in Helvetica (no font files to ship,
 * so it works offline): the same content as the printable page, in the same order. Times are
 * England's local time.
 */
import { type MeetingActionView, type MeetingNoteView, type Minutes, type MinutesItem, TASK_PRIORITY_LABELS } from '@kith/core';
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

const at = (instant: string) => LONDON_TIME.format(new Date(instant));
const day = (date: string) => LONDON_DAY.format(new Date(`${date}T00:00:00Z`));
const weeks = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;
const nhsNumber = (n: string) => (n.length === 10 ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n);

function heading(doc: Doc, text: string, size = 13): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10);
}

function line(doc: Doc, text: string, indent = 0): void {
  doc.text(text, { indent, paragraphGap: 2 });
}

function written(doc: Doc, label: string, notes: readonly MeetingNoteView[]): void {
  if (notes.length === 0) return;
  doc.font('Helvetica-Bold').text(label).font('Helvetica');
  for (const note of notes) {
    line(doc, note.text, 12);
    const signed = note.kind === 'addendum' ? 'Signed by' : 'Written by';
    doc.fillColor('#505a5f').text(`${signed} ${note.writtenBy.name}, ${at(note.writtenAt)}`, { indent: 12, paragraphGap: 4 }).fillColor('black');
  }
}

function actions(doc: Doc, list: readonly MeetingActionView[]): void {
  if (list.length === 0) return;
  doc.font('Helvetica-Bold').text('Actions').font('Helvetica');
  for (const action of list) {
    line(doc, `${action.title}: ${action.owner.name}, due ${day(action.dueOn)} (${TASK_PRIORITY_LABELS[action.priority].toLowerCase()} priority)`, 12);
  }
}

function item(doc: Doc, entry: MinutesItem, index: number): void {
  const { person } = entry;
  heading(doc, `${index + 1}. ${person.name}`, 12);
  line(doc, `NHS number ${nhsNumber(person.nhsNumber)}, age ${person.age}`);
  for (const reason of entry.reasons) line(doc, `Why discussed: ${reason.text}`);
  if (entry.presenter) line(doc, `Presented by ${entry.presenter.name}`);
  if (!entry.reviewed) line(doc, 'Not reached: carried over to the next meeting');
  else if (entry.nextReviewOn) line(doc, `Discuss again in ${weeks(entry.discussAgainInWeeks ?? 0)} (${day(entry.nextReviewOn)})`);
  else line(doc, 'Reviewed: no planned review');
  doc.moveDown(0.3);
  written(doc, 'Notes', entry.notes);
  written(doc, 'Decisions', entry.decisions);
  actions(doc, entry.actions);
  written(doc, 'Addenda', entry.addenda);
}

function write(doc: Doc, minutes: Minutes): void {
  const { meeting } = minutes;
  doc.font('Helvetica-Bold').fontSize(18).text(`Minutes: ${meeting.title}`).font('Helvetica').fontSize(10);
  line(doc, `${meeting.place}, ${at(meeting.startsAt)}. Chair: ${meeting.chair.name}.`);
  if (meeting.closedAt) line(doc, `Closed by ${meeting.closedBy?.name ?? 'the chair'} at ${at(meeting.closedAt)}.`);
  line(doc, `Lawful basis: ${minutes.lawfulBasis}.`);
  line(doc, 'Confidential: for the direct care of the people named.');
  heading(doc, 'Attendance');
  if (minutes.attendance.length === 0) line(doc, 'No attendance was recorded.');
  for (const attendee of minutes.attendance) line(doc, `${attendee.name}, ${attendee.roleLabel}`);
  heading(doc, 'People discussed');
  if (minutes.withheldNotice) line(doc, minutes.withheldNotice);
  if (minutes.items.length === 0) line(doc, 'No one on this agenda is shown to you.');
  minutes.items.forEach((entry, index) => item(doc, entry, index));
  if (minutes.addenda.length > 0) {
    heading(doc, 'Addenda to the meeting');
    written(doc, 'Addenda', minutes.addenda);
  }
  doc.moveDown(1).fillColor('#505a5f').text(`Produced by ${minutes.producedBy.name} at ${at(minutes.producedAt)}.`).fillColor('black');
}

/** The minutes as the bytes of a PDF. */
export function renderMinutesPdf(minutes: Minutes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `Minutes: ${minutes.meeting.title}`, Author: minutes.producedBy.name, Creator: 'Kith', CreationDate: new Date(minutes.producedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    write(doc, minutes);
    doc.end();
  });
}
