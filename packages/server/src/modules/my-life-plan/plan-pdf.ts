/**
 * The printed My Life plan: large print in plain English, for the person to keep at home and
 * show whoever visits. Core decides what is printed and in what order (printablePlan); this lays
 * it out with pdfkit's built-in Helvetica (no font files to ship). Body text is 16pt or more,
 * the person's own words are quoted and marked with a bar beside them, and every statement says
 * whose words it is.
 */
import {
  ACTION_DOER_LABELS,
  GOAL_STATUS_LABELS,
  PLAN_AGREEMENT_METHOD_LABELS,
  STAFF_ROLE_LABELS,
  type Goal,
  type GoalAction,
  type GoalStatus,
  type MyLifePlanContent,
  type PlanComment,
  type PrintablePlanPart,
  type Statement,
  EMPTY_PART_TEXT,
  attributionInWords,
  isPersonsOwnWords,
  printablePlan,
} from '@kith/core';
import PDFDocument from 'pdfkit';
import type { AgreementView } from './views.js';

type Doc = PDFKit.PDFDocument;

export interface PrintedPlan {
  personName: string;
  version: number;
  savedAt: string;
  content: MyLifePlanContent;
  agreement: AgreementView | null;
  goalStatuses: Readonly<Record<string, GoalStatus>>;
  printedAt: string;
  printedBy: string;
}

const SIZE = { title: 30, part: 24, domain: 20, body: 16 } as const;
const GREY = '#4c6272';
const OWN_WORDS_BAR = '#005eb8';
const MARGIN = 60;

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const dayOfInstant = (instant: string) => DAY.format(new Date(instant));
const dayOfDate = (date: string) => DAY.format(new Date(`${date}T12:00:00Z`));

function body(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Helvetica').fontSize(SIZE.body).fillColor('black').text(text, { paragraphGap: 4, ...options });
}

function note(doc: Doc, text: string, indent = 0): void {
  doc.font('Helvetica').fontSize(SIZE.body).fillColor(GREY).text(text, { indent, paragraphGap: 6 }).fillColor('black');
}

function heading(doc: Doc, text: string, size: number): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).fillColor('black').text(text, { paragraphGap: 6 });
}

/** The person's own words in quotation marks with a bar beside them; anyone else's as written. */
function statement(doc: Doc, item: Statement, extra?: string): void {
  const own = isPersonsOwnWords(item);
  const [top, page] = [doc.y, doc.page];
  body(doc, own ? `“${item.text}”` : item.text, { indent: own ? 14 : 0 });
  note(doc, `${attributionInWords(item)}${extra ? `. ${extra}` : ''}`, own ? 14 : 0);
  if (own && doc.page === page && doc.y > top) doc.save().rect(MARGIN, top, 5, doc.y - top - 6).fill(OWN_WORDS_BAR).restore();
  for (const comment of item.comments) commentLine(doc, comment);
  doc.moveDown(0.4);
}

function byWhom(by: PlanComment['by']): string {
  return by.kind === 'person' ? 'me' : `${by.name} (${STAFF_ROLE_LABELS[by.role]})`;
}

function commentLine(doc: Doc, comment: PlanComment): void {
  body(doc, `Comment from ${byWhom(comment.by)}, ${dayOfInstant(comment.at)}: ${comment.text}`, { indent: 28 });
}

/** "Who: Jane Okafor (my family). By when: 3 November 2026." */
function action(doc: Doc, item: GoalAction): void {
  const who = item.who.kind === 'me' ? 'me' : `${item.who.name} (${ACTION_DOER_LABELS[item.who.kind].toLowerCase()})`;
  const when = item.byWhen ? ` By when: ${dayOfDate(item.byWhen)}.` : '';
  body(doc, `•  ${item.description}`, { indent: 28 });
  note(doc, `Who: ${who}.${when}`, 46);
}

function goal(doc: Doc, item: Goal, status: GoalStatus): void {
  statement(doc, item.inMyWords, `Progress: ${GOAL_STATUS_LABELS[status].toLowerCase()}`);
  if (item.actions.length > 0) body(doc, 'What will be done:', { indent: 14 });
  for (const each of item.actions) action(doc, each);
}

function part(doc: Doc, printed: PrintablePlanPart, statuses: PrintedPlan['goalStatuses']): void {
  heading(doc, printed.title, SIZE.part);
  if (printed.part === 'reviewDate') return body(doc, printed.text);
  if (printed.part === 'goals') {
    if (printed.byDomain.length === 0) body(doc, EMPTY_PART_TEXT);
    for (const group of printed.byDomain) {
      heading(doc, group.title, SIZE.domain);
      for (const each of group.goals) goal(doc, each, statuses[each.id] ?? 'not_started');
    }
    return;
  }
  if (printed.statements.length === 0) body(doc, EMPTY_PART_TEXT);
  for (const each of printed.statements) statement(doc, each);
}

function agreement(doc: Doc, plan: PrintedPlan): void {
  heading(doc, 'My agreement', SIZE.part);
  const agreed = plan.agreement;
  if (!agreed) return body(doc, 'I have not yet agreed to this version of my plan.');
  body(doc, `I agreed to this plan on ${dayOfDate(agreed.agreedOn)} (${PLAN_AGREEMENT_METHOD_LABELS[agreed.how].toLowerCase()}).`);
  if (agreed.note) body(doc, agreed.note);
  if (agreed.recordedBy.kind === 'staff') note(doc, `Recorded by ${agreed.recordedBy.name}.`);
}

function write(doc: Doc, plan: PrintedPlan): void {
  doc.font('Helvetica-Bold').fontSize(SIZE.title).text('My Life plan', { paragraphGap: 4 });
  doc.fontSize(SIZE.part).text(plan.personName, { paragraphGap: 8 });
  note(doc, `Version ${plan.version}, saved on ${dayOfInstant(plan.savedAt)}.`);
  note(doc, 'Words in quotation marks, with a blue bar beside them, are my own words.');
  for (const printed of printablePlan(plan.content)) part(doc, printed, plan.goalStatuses);
  agreement(doc, plan);
  doc.moveDown(1);
  note(doc, `Printed on ${dayOfInstant(plan.printedAt)} by ${plan.printedBy}. Confidential: about me, for my care.`);
}

/** The printed plan as the bytes of a PDF. */
export function renderPlanPdf(plan: PrintedPlan): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: 'My Life plan', Creator: 'Kith', CreationDate: new Date(plan.printedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    write(doc, plan);
    doc.end();
  });
}
