/**
 * The one trusted assessment (model-of-care.md): health, psychological and social factors, in
 * sections that different professionals complete over time. The person tells their story once,
 * so a fact already held (long-term conditions and medicines from the GP record, hospital stays, scores from
 * standard instruments) is shown beside its section and never asked again.
 */

export type QuestionKind =
  | { type: 'choice'; options: readonly { value: string; label: string }[] }
  | { type: 'number'; min: number; max: number; unit: string }
  | { type: 'yes_no' }
  | { type: 'text'; maxLength: number };

export interface AssessmentQuestion {
  id: string;
  label: string;
  hint?: string;
  kind: QuestionKind;
}

/** What the record already holds for a section, shown instead of being asked. */
export type HeldFact = 'conditions' | 'medicines' | 'hospital_stays' | 'instrument_scores' | 'contacts';

export interface AssessmentSection {
  id: string;
  title: string;
  questions: readonly AssessmentQuestion[];
  held: readonly HeldFact[];
}

const help = (value: string, label: string) => ({ value, label });
const DEPENDENCE = [help('independent', 'Manages on their own'), help('some_help', 'Needs some help'), help('full_help', 'Needs full help')];
const HOW_OFTEN = [help('never', 'Never'), help('sometimes', 'Sometimes'), help('often', 'Often'), help('always', 'Always')];
const notes = (label = 'Anything else, in the person’s words where possible'): AssessmentQuestion => ({
  id: 'notes',
  label,
  kind: { type: 'text', maxLength: 4000 },
});
const text = (id: string, label: string, hint?: string): AssessmentQuestion => ({ id, label, hint, kind: { type: 'text', maxLength: 2000 } });
const yesNo = (id: string, label: string): AssessmentQuestion => ({ id, label, kind: { type: 'yes_no' } });
const choice = (id: string, label: string, options: readonly { value: string; label: string }[]): AssessmentQuestion => ({
  id,
  label,
  kind: { type: 'choice', options },
});

export const ASSESSMENT_SECTIONS: readonly AssessmentSection[] = [
  {
    id: 'conditions_and_medicines',
    title: 'Conditions and medicines',
    held: ['conditions', 'medicines', 'hospital_stays'],
    questions: [
      choice('medicines_management', 'How are medicines managed?', [
        help('self', 'By the person, without help'),
        help('prompted', 'By the person, with reminders'),
        help('supported', 'With help from family or carers'),
        help('administered', 'Given by a professional'),
        help('none', 'Takes no regular medicines'),
      ]),
      yesNo('medicines_review_wanted', 'Would a medicines review by the pharmacist help?'),
      text('health_concerns', 'What worries the person most about their health?'),
      notes(),
    ],
  },
  {
    id: 'mobility_and_falls',
    title: 'Mobility and falls',
    held: ['instrument_scores'],
    questions: [
      choice('walking', 'Getting about indoors', [
        help('unaided', 'Walks without help'),
        help('aid', 'Walks with a stick or frame'),
        help('person', 'Needs another person'),
        help('wheelchair', 'Uses a wheelchair'),
        help('bed', 'Mostly in bed or a chair'),
      ]),
      { id: 'falls_last_year', label: 'Falls in the last 12 months', kind: { type: 'number', min: 0, max: 100, unit: 'falls' } },
      yesNo('fear_of_falling', 'Afraid of falling?'),
      notes(),
    ],
  },
  {
    id: 'daily_living',
    title: 'Daily living',
    held: ['instrument_scores'],
    questions: [
      choice('washing_and_dressing', 'Washing and dressing', DEPENDENCE),
      choice('meals', 'Preparing meals and drinks', DEPENDENCE),
      choice('shopping', 'Shopping', DEPENDENCE),
      choice('housework', 'Housework and laundry', DEPENDENCE),
      notes(),
    ],
  },
  {
    id: 'memory',
    title: 'Memory',
    held: [],
    questions: [
      choice('memory_concern', 'Concern about memory', [
        help('none', 'No concern'),
        help('some', 'Some concern from the person or family'),
        help('significant', 'Significant concern'),
      ]),
      yesNo('memory_assessed', 'Has memory been assessed by a memory service?'),
      notes(),
    ],
  },
  {
    id: 'mood',
    title: 'Mood and how the person is feeling',
    held: ['instrument_scores'],
    questions: [choice('low_mood', 'Feeling low or down', HOW_OFTEN), choice('worry', 'Feeling worried or anxious', HOW_OFTEN), notes()],
  },
  {
    id: 'loneliness_and_connections',
    title: 'Loneliness and social connections',
    held: ['instrument_scores', 'contacts'],
    questions: [
      choice('contact_with_others', 'How often the person sees or speaks to family or friends', [
        help('daily', 'Most days'),
        help('weekly', 'About once a week'),
        help('monthly', 'About once a month'),
        help('rarely', 'Less often'),
      ]),
      text('groups', 'Groups, clubs or places of worship the person goes to'),
      text('would_like_to', 'What the person would like to do with others'),
      notes(),
    ],
  },
  {
    id: 'housing_and_home_safety',
    title: 'Housing and home safety',
    held: [],
    questions: [
      choice('home', 'Home', [
        help('own', 'Owns their home'),
        help('council', 'Council or housing association'),
        help('private_rent', 'Rents privately'),
        help('supported', 'Supported or sheltered housing'),
        help('other', 'Other'),
      ]),
      yesNo('home_warm', 'Is the home warm enough in winter?'),
      yesNo('home_hazards', 'Trip hazards, stairs or bathing difficulties at home?'),
      yesNo('telecare', 'Has a pendant alarm or other telecare?'),
      notes(),
    ],
  },
  {
    id: 'family_and_carers',
    title: 'Family and carers',
    held: ['contacts'],
    questions: [
      yesNo('lives_alone', 'Lives alone?'),
      yesNo('has_carer', 'Has an unpaid carer?'),
      yesNo('carer_assessment_offered', "Has the carer been offered a carer's assessment?"),
      yesNo('cares_for_someone', 'Cares for someone else?'),
      notes(),
    ],
  },
  {
    id: 'money_and_benefits',
    title: 'Money and benefits',
    held: [],
    questions: [
      yesNo('money_worries', 'Worried about money or bills?'),
      yesNo('benefits_check_wanted', 'Would like a benefits check?'),
      notes(),
    ],
  },
  {
    id: 'lifestyle',
    title: 'Lifestyle',
    held: [],
    questions: [
      choice('smoking', 'Smoking', [help('never', 'Never smoked'), help('former', 'Used to smoke'), help('current', 'Smokes now')]),
      { id: 'alcohol_units', label: 'Alcohol in a usual week', kind: { type: 'number', min: 0, max: 300, unit: 'units' } },
      choice('activity', 'Physical activity', [
        help('active', 'Active most days'),
        help('some', 'Some activity each week'),
        help('little', 'Little or none'),
      ]),
      notes(),
    ],
  },
  {
    id: 'what_i_want_to_change',
    title: 'What I want to change',
    held: [],
    questions: [text('in_my_words', 'What the person wants to change, in their own words'), notes('Anything else the person wants us to know')],
  },
] as const;

export type AssessmentSectionId = string;

export function assessmentSection(id: string): AssessmentSection | undefined {
  return ASSESSMENT_SECTIONS.find((s) => s.id === id);
}
