/**
 * Names for a diverse London borough. People are drawn from heritage groups with shares loosely
 * following the 2021 Census for Croydon (about half British, Irish or Caribbean names; then South
 * Asian, West African, Tamil, Eastern European, Portuguese-speaking, Somali, Middle Eastern, East
 * Asian and Turkish names). A group also carries the languages its older members may need an
 * interpreter for. British given names follow the fashion of the decade of birth.
 */
import type { Random } from './random.js';
import { cumulativeOf } from './random.js';

const words = (text: string): string[] => text.trim().split(/\s+/);

export interface NameGroup {
  key: string;
  share: number;
  female: string[];
  male: string[];
  family: string[];
  /** Interpreter languages; empty when English is assumed. */
  languages: string[];
  /** How likely, against the group norm, an adult needs an interpreter. */
  interpreterLikelihood: number;
}

/** British given names by decade of birth: before 1950, 1950-79, 1980-99, 2000 on. */
const BRITISH_GIVEN = {
  female: [
    words(`Margaret Joan Dorothy Patricia Jean Barbara Betty Doris Irene Sheila Joyce Eileen
      Maureen Brenda Audrey Shirley Pamela Valerie Sylvia Mavis Kathleen Marjorie Gladys Hazel`),
    words(`Susan Linda Christine Julie Karen Sarah Elizabeth Deborah Janet Alison Jacqueline
      Tracey Lorraine Angela Helen Caroline Nicola Amanda Lisa Joanne Claire Michelle Beverley`),
    words(`Emma Laura Rebecca Charlotte Hannah Amy Jessica Gemma Katie Sophie Lauren Danielle
      Rachel Jade Stacey Kayleigh Natalie Stephanie Holly Zoe Chloe Samantha Leanne Naomi`),
    words(`Olivia Amelia Isla Ava Mia Lily Grace Freya Emily Ella Poppy Evie Isabella Sophia Ruby
      Florence Willow Ivy Harper Rosie Phoebe Maisie Aaliyah Nia`),
  ],
  male: [
    words(`John William Peter David Ronald Kenneth George Derek Brian Roy Dennis Alan Raymond
      Frank Leslie Arthur Stanley Geoffrey Harold Douglas Norman Edward Cyril Winston`),
    words(`Paul Mark Stephen Andrew Michael Richard Ian Gary Martin Simon Neil Anthony Kevin
      Christopher Steven Robert Philip Darren Jason Lee Nigel Trevor Clive Delroy`),
    words(`James Daniel Thomas Matthew Adam Ryan Luke Jamie Ben Craig Jack Liam Joshua Nathan Sam
      Kieran Aaron Jordan Scott Dean Carl Jermaine Marcus Tyrone`),
    words(`Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Freddie Theo Alfie Jacob Archie
      Henry Teddy Finley Reggie Ethan Louie Max Jayden Kai Elijah`),
  ],
};

const BRITISH_FAMILY = words(`Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson
  Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke
  Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan
  Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook
  Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Marshall Anderson Simpson
  Ellis Adams Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Hunt Campbell Matthews Owen
  Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray
  Dixon Harvey O'Brien O'Connor McCarthy Doyle Byrne Walsh Gallagher Quinn MacDonald Reid Stewart
  Grant Francis Samuels Gordon Henry Joseph Charles Lloyd-Jones Ashby-Clarke Forbes Bryan Brooks`);

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    key: 'british',
    share: 0.56,
    female: [],
    male: [],
    family: BRITISH_FAMILY,
    languages: [],
    interpreterLikelihood: 0,
  },
  {
    key: 'south_asian',
    share: 0.12,
    female: words(`Priya Anjali Sunita Aisha Fatima Ayesha Nusrat Shabana Rukhsana Kiran Harpreet
      Manjit Parveen Meera Riya Zara Sana Hafsa Jaswinder Nasreen`),
    male: words(`Mohammed Muhammad Imran Arjun Rahul Sanjay Ravi Amir Bilal Hamza Ali Harjit
      Gurpreet Rajesh Vikram Faisal Tariq Zain Ibrahim Yusuf`),
    family: words(`Patel Shah Khan Ahmed Hussain Ali Singh Sharma Mistry Chowdhury Rahman Iqbal
      Akhtar Malik Gill Sandhu Desai Joshi Mahmood Uddin`),
    languages: words('Urdu Punjabi Gujarati Bengali Hindi Sylheti'),
    interpreterLikelihood: 1,
  },
  {
    key: 'west_african',
    share: 0.09,
    female: words(`Adaeze Chiamaka Ngozi Funmilayo Abena Akosua Ama Folake Temitope Blessing
      Precious Chidinma Yetunde Efua Adwoa Ifeoma Amara Esther Comfort Grace`),
    male: words(`Chinedu Oluwaseun Emeka Kwame Kofi Kwabena Tunde Babajide Obinna Adebayo Femi
      Segun Yaw Kojo Ikenna Samuel Emmanuel Daniel Godfrey Kayode`),
    family: words(`Okafor Adeyemi Mensah Owusu Boateng Asante Okonkwo Adebayo Nwosu Eze Ogunleye
      Afolabi Appiah Osei Danso Bakare Adewale Agyeman Olawale Ogundipe`),
    languages: words('Yoruba Twi Igbo French'),
    interpreterLikelihood: 0.3,
  },
  {
    key: 'tamil',
    share: 0.04,
    female: words(`Lakshmi Kavitha Tharshini Nirmala Sharmila Vasanthi Malathi Thulasi Abirami
      Kalaivani`),
    male: words('Suresh Rajan Sivakumar Thayalan Kumaran Ganesh Pradeep Satheesh Vijay Kannan'),
    family: words(`Sivakumar Rajaratnam Thevarajah Kanagaratnam Selvarajah Mahendran Sritharan
      Balasubramaniam Nadarajah Ponnampalam`),
    languages: ['Tamil'],
    interpreterLikelihood: 1.2,
  },
  {
    key: 'polish',
    share: 0.035,
    female: words('Agnieszka Katarzyna Anna Magdalena Joanna Ewa Monika Jolanta Małgorzata Zofia'),
    male: words('Piotr Tomasz Krzysztof Paweł Marcin Marek Adam Jakub Grzegorz Michał'),
    family: words(`Kowalski Nowak Wiśniewski Wójcik Lewandowski Kamiński Zieliński Szymański
      Woźniak Dąbrowski Mazur Krawczyk`),
    languages: ['Polish'],
    interpreterLikelihood: 1,
  },
  {
    key: 'romanian',
    share: 0.025,
    female: words('Ioana Elena Andreea Maria Mihaela Alexandra Cristina Gabriela'),
    male: words('Andrei Mihai Ionuț Alexandru Florin Gheorghe Bogdan Vasile'),
    family: words('Popescu Ionescu Constantin Popa Stan Dumitru Stoica Munteanu Lungu Radu'),
    languages: ['Romanian'],
    interpreterLikelihood: 1,
  },
  {
    key: 'portuguese',
    share: 0.03,
    female: words('Ana Maria Beatriz Joana Mariana Inês Sofia Catarina Fernanda Luciana'),
    male: words('João Pedro Tiago Rui Miguel Bruno Ricardo Paulo Nuno Diego'),
    family: words(`Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes
      Gonçalves Almeida`),
    languages: ['Portuguese'],
    interpreterLikelihood: 1,
  },
  {
    key: 'somali',
    share: 0.02,
    female: words('Hodan Amina Faduma Sahra Hibo Ifrah Ayan Deeqa Nimco Halima'),
    male: words('Abdi Mohamed Ahmed Abdirahman Hassan Yusuf Omar Abdullahi Mahad Liban'),
    family: words('Abdi Hassan Farah Mohamed Ahmed Warsame Jama Osman Hersi Nur'),
    languages: ['Somali'],
    interpreterLikelihood: 1.3,
  },
  {
    key: 'middle_eastern',
    share: 0.03,
    female: words('Layla Noor Mariam Rania Yasmin Huda Samira Dalia Leila Shirin'),
    male: words('Omar Khalid Ahmad Karim Tarek Hassan Youssef Samir Rami Reza'),
    family: words('Haddad Nasser Rahimi Karimi Hosseini Al-Sayed Mansour Khoury Saleh Aziz'),
    languages: words('Arabic Farsi Kurdish Dari'),
    interpreterLikelihood: 1.2,
  },
  {
    key: 'east_asian',
    share: 0.03,
    female: words('Mei Xiu Ying Jing Lan Hoa Linh Yan Hui Thu'),
    male: words('Wei Jun Hao Ming Jian Minh Tuan Bo Long Quang'),
    family: words('Chen Wang Li Zhang Liu Wong Chan Nguyen Tran Le Pham Lam'),
    languages: words('Cantonese Mandarin Vietnamese'),
    interpreterLikelihood: 1.2,
  },
  {
    key: 'turkish',
    share: 0.02,
    female: words('Ayşe Elif Zeynep Fatma Emine Hatice Merve Selin'),
    male: words('Mehmet Mustafa Ahmet Ali Hasan Emre Murat Kemal'),
    family: words('Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan'),
    languages: words('Turkish Kurdish'),
    interpreterLikelihood: 1.2,
  },
];

const GROUP_CUMULATIVE = cumulativeOf(NAME_GROUPS.map((g) => g.share));

export function drawNameGroup(random: Random): NameGroup {
  return NAME_GROUPS[random.weighted(GROUP_CUMULATIVE)]!;
}

function birthDecadeIndex(birthYear: number): number {
  if (birthYear < 1950) return 0;
  if (birthYear < 1980) return 1;
  return birthYear < 2000 ? 2 : 3;
}

/** A given name; children of every group are often given British names too. */
export function drawGivenName(random: Random, group: NameGroup, female: boolean, birthYear: number): string {
  const british = group.female.length === 0 || (birthYear >= 1980 && random.chance(0.25));
  if (!british) return random.pick(female ? group.female : group.male);
  const byDecade = female ? BRITISH_GIVEN.female : BRITISH_GIVEN.male;
  return random.pick(byDecade[birthDecadeIndex(birthYear)]!);
}

/** A family name; Polish names ending -ski take -ska for women. */
export function drawFamilyName(random: Random, group: NameGroup, female: boolean): string {
  return familyNameFor(random.pick(group.family), female);
}

export function familyNameFor(familyName: string, female: boolean): string {
  return female && familyName.endsWith('ski') ? `${familyName.slice(0, -1)}a` : familyName;
}

/** Letters only, in lower case, for email addresses: "Wiśniewska" becomes "wisniewska". */
export function emailWord(name: string): string {
  return name
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
