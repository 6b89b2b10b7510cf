/**
 * The kinds of community activity and support in the synthetic directory, the ones social
 * prescribing most often sends people to: what each is called, how it is described, when it
 * runs, what it costs and who it is for. The figures are typical of community listings, not
 * taken from any one of them.
 */
import type { RecurrenceWeekday } from '../directory/oruk/formats.js';

export const ACTIVITY_CODES = [
  'lunch-club',
  'walking-group',
  'befriending',
  'exercise-older-people',
  'dementia-cafe',
  'carers-support-group',
  'benefits-money-advice',
  'housing-advice',
  'digital-skills',
  'arts-crafts',
  'singing-music',
  'gardening',
  'mens-shed',
  'reading-group',
  'faith-community-group',
  'bereavement-support',
  'falls-prevention',
  'community-transport',
] as const;
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

export interface ActivityTerm {
  id: string;
  name: string;
  code: ActivityCode;
  taxonomy: 'kith-activities';
  description: string;
}

/** Term ids are fixed, so that every seed's directory classifies by one vocabulary. */
const termId = (n: number) => `5e7c1a40-d1c0-4a11-9c0d-${n.toString(16).padStart(12, '0')}`;

const TERM_WORDS: Record<ActivityCode, [string, string]> = {
  'lunch-club': ['Lunch club', 'A hot meal and company, usually for older people, once or twice a week'],
  'walking-group': ['Walking group', 'Led walks at an easy pace, often in a park, for health and company'],
  befriending: ['Befriending', 'Regular visits or phone calls from a volunteer for people who are lonely or isolated'],
  'exercise-older-people': ['Exercise class for older people', 'Gentle exercise, seated or standing, for older adults'],
  'dementia-cafe': ['Dementia café', 'A relaxed meeting place for people living with dementia and those who care for them'],
  'carers-support-group': ["Carers' support group", 'Peer support and information for unpaid carers'],
  'benefits-money-advice': ['Benefits and money advice', 'Help to claim benefits, manage debt and make money go further'],
  'housing-advice': ['Housing advice', 'Advice on tenancies, repairs, homelessness and moving home'],
  'digital-skills': ['Digital skills', 'Help to use a phone, tablet or computer and to get online safely'],
  'arts-crafts': ['Arts and crafts group', 'Painting, knitting, sewing and making things together'],
  'singing-music': ['Singing or music group', 'Choirs, singalongs and music-making for enjoyment and wellbeing'],
  gardening: ['Gardening group', 'Growing food and flowers together in a community garden or park'],
  'mens-shed': ["Men's shed", 'A workshop where people, mostly men, make and mend things side by side'],
  'reading-group': ['Library or reading group', 'Reading groups, shared reading and social time at a library'],
  'faith-community-group': ['Faith community group', 'Coffee mornings and friendship groups run by a place of worship, open to all'],
  'bereavement-support': ['Bereavement support', 'Support for people who have lost someone close to them'],
  'falls-prevention': ['Falls prevention class', 'Strength and balance exercise to lower the risk of falling'],
  'community-transport': ['Community transport', 'Door-to-door transport for people who cannot use buses or trains easily'],
};

/**
 * Kith's own demo vocabulary of activity types for social prescribing (taxonomy
 * `kith-activities`). It is not the LGA's service types list or any other published taxonomy:
 * it is small and plain so that demo searches read naturally.
 */
export const DIRECTORY_VOCABULARY: readonly ActivityTerm[] = ACTIVITY_CODES.map((code, i) => ({
  id: termId(i + 1),
  name: TERM_WORDS[code][0],
  code,
  taxonomy: 'kith-activities' as const,
  description: TERM_WORDS[code][1],
}));

/** What a name or description can mention: the area, the venue, a park, the provider, and its day when it runs on just one. */
export interface Wording {
  area: string;
  venue: string;
  /** The park it meets in; empty when it meets indoors. */
  park: string;
  organisation: string;
  day: string;
  /** When its first session starts, so a coffee morning is never in the evening. */
  timeOfDay: 'morning' | 'afternoon' | 'evening';
}

type Words = (w: Wording) => string;

/** How often a service runs: one, two or three days a week, every other week, once a month, or every weekday. */
export type Rhythm = 'weekly' | 'twice' | 'thrice' | 'fortnightly' | 'monthly' | 'weekdays';

export interface Timing {
  /** Opening and closing times it typically keeps. */
  hours: readonly (readonly [string, string])[];
  days: readonly RecurrenceWeekday[];
  rhythms: Partial<Record<Rhythm, number>>;
  /** The chance of a second session at another time on another day (a Saturday walk, an evening group). */
  second: number;
}

export interface Charge {
  /** The chance it costs anything at all; most community activities are free. */
  chance: number;
  amounts: readonly number[];
  what: string;
}

export interface ActivityProfile {
  /** How common it is, against the others. */
  weight: number;
  names: readonly Words[];
  descriptions: readonly Words[];
  timing: Timing;
  charge?: Charge;
  /** The chance it has a minimum age, and the ages it might be. */
  ages?: { chance: number; from: readonly number[] };
  /** Held outdoors, meeting in a park. */
  outdoors?: boolean;
  /** Run from the provider's own base rather than a hired hall (visits, phone calls, bookings). */
  fromBase?: boolean;
}

const CARERS_TIME = { morning: "Carers' Coffee Morning", afternoon: "Carers' Afternoon Tea", evening: "Carers' Evening Group" } as const;

const WEEKDAYS: readonly RecurrenceWeekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const WITH_SATURDAY: readonly RecurrenceWeekday[] = [...WEEKDAYS, 'SA'];

export const ACTIVITIES: Readonly<Record<ActivityCode, ActivityProfile>> = {
  'lunch-club': {
    weight: 10,
    names: [
      (w) => `${w.area} Lunch Club`,
      // Named for its day only when it has just the one.
      (w) => (w.day ? `${w.day} Lunch Club, ${w.area}` : `${w.area} Lunch Club`),
      (w) => `${w.area} Friendship Lunch`,
      (w) => `Community Lunch at ${w.venue}`,
      (w) => `${w.area} Luncheon Club`,
      (w) => `Hot Lunch and Chat, ${w.area}`,
    ],
    descriptions: [
      (w) => `A hot two-course lunch and good company for older people in ${w.area}, with tea, a raffle and the odd quiz.`,
      (w) => `Lunch cooked fresh by volunteers at ${w.venue}. Come for the food and stay for a chat; new faces are always welcome.`,
      (w) => `A friendly lunch club run by ${w.organisation}. Special diets can be catered for if you tell us a week ahead.`,
    ],
    timing: { hours: [['12:00', '14:00'], ['12:30', '14:00'], ['11:30', '13:30'], ['12:00', '13:30']], days: WEEKDAYS, rhythms: { weekly: 3, twice: 3, thrice: 3, fortnightly: 1 }, second: 0 },
    charge: { chance: 0.55, amounts: [3, 3.5, 4, 4.5, 5, 6], what: 'Two-course lunch with tea or coffee' },
    ages: { chance: 0.4, from: [60, 65] },
  },
  'walking-group': {
    weight: 8,
    names: [
      (w) => `${w.area} Walking for Health`,
      (w) => `${w.park} Health Walk`,
      (w) => `${w.area} Strollers`,
      (w) => `${w.park} Walking Group`,
      (w) => `Wellbeing Walk, ${w.park}`,
    ],
    descriptions: [
      (w) => `Free, friendly walks of about an hour around ${w.park}, led by trained volunteers. Walk at your own pace; nobody is left behind.`,
      (w) => `A gentle group walk for people who want to get a little more active, finishing with a cup of tea nearby. Meet at ${w.venue}.`,
      (w) => `Short, sociable walks in ${w.area} for all abilities. Wear comfortable shoes and bring water.`,
    ],
    timing: { hours: [['10:00', '11:00'], ['10:30', '12:00'], ['09:30', '11:00'], ['14:00', '15:00']], days: WITH_SATURDAY, rhythms: { weekly: 6, twice: 4 }, second: 0.4 },
    ages: { chance: 0.1, from: [50] },
    outdoors: true,
  },
  befriending: {
    weight: 4,
    names: [
      (w) => `${w.area} Befriending`,
      (w) => `${w.organisation} Befriending Service`,
      (w) => `Telephone Befriending, ${w.area}`,
      (w) => `Good Neighbour Visiting, ${w.area}`,
    ],
    descriptions: [
      (w) => `A volunteer visits or phones each week for a chat, matched to your interests. For people in ${w.area} who feel lonely or cut off.`,
      (w) => `Friendly weekly phone calls from a trained volunteer, arranged by ${w.organisation}. Call the office to be referred or to refer someone.`,
    ],
    timing: { hours: [['10:00', '16:00'], ['09:30', '16:30'], ['09:00', '17:00']], days: WEEKDAYS, rhythms: { weekdays: 6, twice: 4 }, second: 0 },
    ages: { chance: 0.4, from: [60, 65] },
    fromBase: true,
  },
  'exercise-older-people': {
    weight: 8,
    names: [
      (w) => `Chair-Based Exercise, ${w.area}`,
      (w) => `${w.area} Seated Exercise`,
      (w) => `Tai Chi for Older People, ${w.area}`,
      (w) => `Gentle Yoga for Older People, ${w.area}`,
      (w) => `${w.area} Keep Fit`,
      (w) => `Move More at ${w.venue}`,
    ],
    descriptions: [
      (w) => `Gentle exercise to music, mostly seated, led by a qualified instructor at ${w.venue}. Good for joints, mood and meeting people.`,
      (w) => `A relaxed class for older people in ${w.area} who want to stay supple and strong. Tell the instructor about any health conditions.`,
    ],
    timing: { hours: [['10:00', '11:00'], ['11:00', '12:00'], ['14:00', '15:00'], ['10:30', '11:30']], days: WEEKDAYS, rhythms: { weekly: 3, twice: 4, thrice: 3 }, second: 0.25 },
    charge: { chance: 0.6, amounts: [2, 2.5, 3, 4], what: 'Per class' },
    ages: { chance: 0.5, from: [50, 60, 65] },
  },
  'dementia-cafe': {
    weight: 4,
    names: [
      (w) => `${w.area} Memory Café`,
      (w) => `${w.area} Dementia Café`,
      (w) => `Forget-Me-Not Café, ${w.area}`,
      (w) => `Memory Lane Café at ${w.venue}`,
    ],
    descriptions: [
      () => `A welcoming café for people living with dementia and their family or carers, with music, reminiscence and someone to ask for advice.`,
      (w) => `Tea, cake and activities at ${w.venue} for people with memory problems and the people who support them.`,
    ],
    timing: { hours: [['14:00', '16:00'], ['10:30', '12:30'], ['13:30', '15:30']], days: WEEKDAYS, rhythms: { monthly: 5, fortnightly: 3, weekly: 2 }, second: 0.1 },
  },
  'carers-support-group': {
    weight: 4,
    names: [
      (w) => `${w.area} Carers' Support Group`,
      (w) => `${CARERS_TIME[w.timeOfDay]}, ${w.area}`,
      (w) => `Carers' Drop-in at ${w.venue}`,
      (w) => `${w.area} Carers' Café`,
    ],
    descriptions: [
      (w) => `Time out for unpaid carers to share experiences, get information and be looked after for a change. Run by ${w.organisation}.`,
      (w) => `A friendly group for anyone in ${w.area} who looks after a relative or friend. Guest speakers some months.`,
    ],
    timing: { hours: [['10:30', '12:30'], ['13:00', '15:00'], ['18:30', '20:00']], days: WEEKDAYS, rhythms: { monthly: 5, fortnightly: 3, weekly: 2 }, second: 0.35 },
  },
  'benefits-money-advice': {
    weight: 4,
    names: [
      (w) => `Benefits and Money Advice, ${w.area}`,
      (w) => `${w.area} Money Advice Drop-in`,
      (w) => `Pension Credit and Benefits Help, ${w.area}`,
      (w) => `Debt and Budgeting Advice at ${w.venue}`,
    ],
    descriptions: [
      (w) => `Free, confidential advice on benefits, debt and bills. Bring any letters you have. Drop in at ${w.venue} or phone to book.`,
      (w) => `Help to check you get everything you are entitled to, including Pension Credit and Attendance Allowance, from ${w.organisation}.`,
    ],
    timing: { hours: [['09:30', '12:30'], ['10:00', '13:00'], ['13:30', '16:30']], days: WEEKDAYS, rhythms: { weekly: 3, twice: 4, weekdays: 3 }, second: 0.1 },
  },
  'housing-advice': {
    weight: 2,
    names: [
      (w) => `Housing Advice Drop-in, ${w.area}`,
      (w) => `${w.area} Housing Surgery`,
      (w) => `Housing and Tenancy Advice at ${w.venue}`,
    ],
    descriptions: [
      () => `Free advice on renting, repairs, rent arrears and homelessness. Advisers can help with forms and speak to landlords for you.`,
      (w) => `A drop-in at ${w.venue} for anyone in ${w.area} worried about their home. No appointment needed.`,
    ],
    timing: { hours: [['09:30', '12:30'], ['13:30', '16:30'], ['10:00', '15:00']], days: WEEKDAYS, rhythms: { weekly: 4, twice: 3, weekdays: 3 }, second: 0.1 },
  },
  'digital-skills': {
    weight: 5,
    names: [
      (w) => `${w.area} Digital Drop-in`,
      (w) => `Tablet and Smartphone Help, ${w.area}`,
      (w) => `Get Online at ${w.venue}`,
      (w) => `${w.area} Computer Club`,
    ],
    descriptions: [
      () => `Patient, one-to-one help with phones, tablets and computers: video calls, online shopping, NHS App and staying safe online.`,
      (w) => `Bring your own device or borrow one at ${w.venue}. Volunteers help beginners get online at their own pace.`,
    ],
    timing: { hours: [['10:00', '12:00'], ['14:00', '16:00'], ['13:30', '15:30'], ['18:00', '20:00']], days: WEEKDAYS, rhythms: { weekly: 4, twice: 5, thrice: 1 }, second: 0.35 },
    ages: { chance: 0.2, from: [50] },
  },
  'arts-crafts': {
    weight: 6,
    names: [
      (w) => `${w.area} Knit and Natter`,
      (w) => `${w.area} Craft Club`,
      (w) => `Art Group at ${w.venue}`,
      (w) => `Painting for Pleasure, ${w.area}`,
      (w) => `${w.area} Sewing Circle`,
    ],
    descriptions: [
      () => `Bring your knitting, sewing or sketchbook, or learn something new. Materials provided, and the kettle is always on.`,
      (w) => `A sociable arts and crafts group at ${w.venue} for all abilities, from complete beginners to old hands.`,
    ],
    timing: { hours: [['10:00', '12:00'], ['13:30', '15:30'], ['14:00', '16:00'], ['19:00', '21:00']], days: WEEKDAYS, rhythms: { weekly: 6, twice: 4 }, second: 0.35 },
    charge: { chance: 0.5, amounts: [2, 3], what: 'Per session, materials included' },
  },
  'singing-music': {
    weight: 5,
    names: [
      (w) => `${w.area} Community Choir`,
      (w) => `Singing for Wellbeing, ${w.area}`,
      (w) => `${w.area} Ukulele Group`,
      (w) => `Golden Oldies Singalong, ${w.area}`,
      (w) => `Music and Memories at ${w.venue}`,
    ],
    descriptions: [
      (w) => `No auditions and no need to read music: just come and sing. Songs from the shows, pop and gospel, at ${w.venue}.`,
      (w) => `A friendly music group in ${w.area} that is good for breathing, mood and making friends.`,
    ],
    timing: { hours: [['14:00', '15:30'], ['10:30', '12:00'], ['19:00', '21:00'], ['19:30', '21:00']], days: WITH_SATURDAY, rhythms: { weekly: 6, twice: 2, fortnightly: 2 }, second: 0.3 },
    charge: { chance: 0.5, amounts: [2, 3, 4, 5], what: 'Per session' },
  },
  gardening: {
    weight: 4,
    names: [
      (w) => `${w.area} Community Garden`,
      (w) => (w.park ? `${w.park} Gardening Volunteers` : `${w.area} Gardening Volunteers`),
      (w) => `Green Fingers Club, ${w.area}`,
      (w) => `${w.area} Growing Together`,
    ],
    descriptions: [
      (w) => `Grow vegetables and flowers alongside neighbours at ${w.venue}. Tools and gloves provided; no experience needed.`,
      () => `Gardening in the fresh air with a friendly group, with tea breaks and produce to take home.`,
    ],
    timing: { hours: [['10:00', '13:00'], ['09:30', '12:30'], ['13:00', '16:00']], days: WITH_SATURDAY, rhythms: { weekly: 4, twice: 6 }, second: 0.3 },
    outdoors: true,
  },
  'mens-shed': {
    weight: 2,
    names: [(w) => `${w.area} Men's Shed`, (w) => `${w.area} Men's Shed`, (w) => `${w.area} Community Shed`],
    descriptions: [
      () => `A workshop where people come together to make and mend things: woodwork, repairs and projects for the community. Mostly men, all welcome.`,
      (w) => `Tools, tea and good company in ${w.area}. Bring a project or help with ours.`,
    ],
    timing: { hours: [['10:00', '15:00'], ['09:30', '13:30'], ['10:00', '16:00']], days: WITH_SATURDAY, rhythms: { twice: 5, weekly: 2, thrice: 2, weekdays: 1 }, second: 0.1 },
    charge: { chance: 0.3, amounts: [2], what: 'Per visit, towards materials' },
    ages: { chance: 0.3, from: [18] },
  },
  'reading-group': {
    weight: 4,
    names: [
      (w) => `${w.area} Reading Group`,
      (w) => `Coffee and Chat at ${w.venue}`,
      (w) => `Shared Reading at ${w.venue}`,
      (w) => `${w.area} Book Club`,
    ],
    descriptions: [
      () => `A relaxed group that reads a book a month and meets to talk about it. Copies can be borrowed from the library.`,
      (w) => `Short stories and poems read aloud together at ${w.venue}, with time to chat. Nothing to prepare.`,
    ],
    timing: { hours: [['14:00', '15:30'], ['10:30', '12:00'], ['18:30', '20:00']], days: WEEKDAYS, rhythms: { monthly: 6, weekly: 4 }, second: 0.05 },
  },
  'faith-community-group': {
    weight: 6,
    names: [
      (w) => `${w.timeOfDay === 'morning' ? 'Coffee Morning' : 'Afternoon Tea'} at ${w.organisation}`,
      (w) => `${w.organisation} Friendship Club`,
      (w) => `Open Door at ${w.organisation}`,
      (w) => `Tea and Chat at ${w.organisation}`,
    ],
    descriptions: [
      (w) => `A warm welcome, hot drinks and cake for anyone in ${w.area}, of any faith or none.`,
      (w) => `A friendship group for older neighbours with speakers, outings and games. Run by volunteers from ${w.organisation}.`,
    ],
    timing: { hours: [['10:00', '12:00'], ['10:30', '12:00'], ['14:00', '16:00']], days: WITH_SATURDAY, rhythms: { weekly: 5, twice: 3, thrice: 2 }, second: 0.25 },
  },
  'bereavement-support': {
    weight: 2,
    names: [
      (w) => `${w.area} Bereavement Café`,
      (w) => `Bereavement Support Group, ${w.area}`,
      (w) => `Living with Loss, ${w.area}`,
    ],
    descriptions: [
      () => `A gentle, informal space to talk with others who have lost someone, however long ago. Trained volunteers are on hand.`,
      (w) => `Support after a bereavement at ${w.venue}, run by ${w.organisation}. Come along, or phone first if you would rather.`,
    ],
    timing: { hours: [['14:00', '16:00'], ['10:30', '12:30'], ['18:30', '20:30']], days: WEEKDAYS, rhythms: { fortnightly: 5, monthly: 3, weekly: 2 }, second: 0.1 },
  },
  'falls-prevention': {
    weight: 4,
    names: [
      (w) => `Falls Prevention Class, ${w.area}`,
      (w) => `${w.area} Strength and Balance`,
      (w) => `Steady Steps, ${w.area}`,
      (w) => `Stay Steady at ${w.venue}`,
    ],
    descriptions: [
      () => `A 12-week strength and balance course for older people who have fallen or fear falling, led by a specialist instructor.`,
      (w) => `Exercises proven to improve balance and confidence, at ${w.venue}. Ask your GP or physiotherapist to refer you, or get in touch.`,
    ],
    timing: { hours: [['10:00', '11:00'], ['11:00', '12:00'], ['14:00', '15:00']], days: WEEKDAYS, rhythms: { weekly: 4, twice: 6 }, second: 0.1 },
    ages: { chance: 0.7, from: [60, 65] },
  },
  'community-transport': {
    weight: 2,
    names: [
      (w) => `${w.area} Community Transport`,
      (w) => `Door-to-Door Shopping Bus, ${w.area}`,
      (w) => `Volunteer Car Scheme, ${w.area}`,
    ],
    descriptions: [
      () => `Accessible minibus trips for people who find public transport hard: shopping, appointments and social outings. Book by phone.`,
      (w) => `Volunteer drivers take people in ${w.area} to GP and hospital appointments and to local groups. Book at least two days ahead.`,
    ],
    timing: { hours: [['09:00', '17:00'], ['09:30', '16:00'], ['08:30', '17:30']], days: WEEKDAYS, rhythms: { weekdays: 8, twice: 2 }, second: 0 },
    charge: { chance: 0.7, amounts: [2, 3, 4], what: 'Per single journey' },
    fromBase: true,
  },
};
