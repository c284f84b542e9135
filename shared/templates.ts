import type { PromptKind } from './records/Prompt';

/** A prompt as a template lists it, before it gets an id and an order key. */
export interface TemplatePrompt {
  readonly text: string;
  readonly kind: PromptKind;
}

/** A board template: a starting set of prompts and a suggested title and purpose. */
export interface Template {
  readonly id: string;
  readonly name: string;
  /** One sentence on when to use it, shown when choosing. */
  readonly summary: string;
  readonly title: string;
  readonly purpose: string;
  readonly prompts: readonly TemplatePrompt[];
  /** Notes are anonymous (true for every template but a conversation between two people). */
  readonly isAnonymous: boolean;
  /** Agreement items carry SMARTIE fields (owner, measure, deadline, equity check). */
  readonly usesSmartie: boolean;
}

/**
 * Working agreement questionnaire (seed 000). The seed's example fills the Agreement column for
 * barriers, meeting times, out-of-hours contact and commitments; the other three prompts build
 * awareness of each other and are not meant to be aligned on.
 */
export const WORKING_AGREEMENT_QUESTIONNAIRE: Template = {
  id: 'working-agreement',
  name: 'Working agreement questionnaire',
  summary: 'Seven questions that help a team agree how it works together and understand each other.',
  title: 'Our working agreement',
  purpose:
    'We are building trust and clear expectations: each of us says what we need, we look for where we agree, and we write down what we will do.',
  prompts: [
    { text: 'Right now, what stops me from working at my best is…', kind: 'align' },
    { text: 'The times that work best for me to meet are…', kind: 'align' },
    { text: 'Outside working hours, I am happy to be contacted…', kind: 'align' },
    { text: 'I would like the team to keep in mind that…', kind: 'awareness' },
    { text: 'The team can support me by…', kind: 'awareness' },
    { text: 'You can tell I have too much on when I…', kind: 'awareness' },
    { text: 'In my work, I can commit to…', kind: 'align' },
  ],
  isAnonymous: true,
  usesSmartie: false,
};

/**
 * Working together agreement (seed 004): a purpose, five values — action focused, inclusive,
 * integrity, collective voice, safe and supportive — and the practices that make them real.
 */
export const WORKING_TOGETHER_AGREEMENT: Template = {
  id: 'working-together',
  name: 'Working together agreement',
  summary: 'A group agrees its purpose, the values it wants to live by, and the practices that show them.',
  title: 'Our working together agreement',
  purpose:
    'We are a group that wants to work well together. We agree why we exist, what we value, and what that looks like in practice.',
  prompts: [
    { text: 'Our group exists to…', kind: 'align' },
    { text: 'Being focused on action means we will…', kind: 'align' },
    { text: 'Being inclusive means we will…', kind: 'align' },
    { text: 'Acting with integrity means we will…', kind: 'align' },
    { text: 'Speaking with one collective voice means we will…', kind: 'align' },
    { text: 'Keeping this space safe and supportive means we will…', kind: 'align' },
    { text: 'A practice we should agree on (minutes, agendas, check-ins, accessible formats…) is…', kind: 'align' },
    { text: 'To take part fully, I need…', kind: 'awareness' },
  ],
  isAnonymous: true,
  usesSmartie: false,
};

/**
 * Alliance foundations (seed 003): the elements successful partnerships rest on — vision,
 * participatory leadership, a shared problem definition, power equity, interdependence, clarity
 * of needs and mutual accountability.
 */
export const ALLIANCE_FOUNDATIONS: Template = {
  id: 'alliance-foundations',
  name: 'Alliance foundations',
  summary: 'Organisations starting a partnership agree its vision, leadership and accountability, and say what each needs.',
  title: 'Our alliance foundations',
  purpose:
    'Our organisations can achieve together what none of us can alone. We agree the foundations that make this partnership fair and lasting.',
  prompts: [
    { text: 'The change we want to see together is…', kind: 'align' },
    { text: 'Leadership in this alliance should look like…', kind: 'align' },
    { text: 'The problem we are tackling, as I see it, is…', kind: 'align' },
    { text: 'To feel that my organisation has a real say, I need…', kind: 'align' },
    { text: 'What my organisation brings that others do not is…', kind: 'awareness' },
    { text: 'For this partnership to be worth it for us, we need…', kind: 'awareness' },
    { text: 'We will hold each other to account by…', kind: 'align' },
  ],
  isAnonymous: true,
  usesSmartie: false,
};

/**
 * Coalition building (seed 002): the five foundational blocks — diverse people, common purpose,
 * clear boundaries, clear roles, explicit norms — with agreed actions as SMARTIE goals.
 */
export const COALITION_BUILDING: Template = {
  id: 'coalition-building',
  name: 'Coalition building',
  summary: 'A coalition agrees its purpose, boundaries, roles and norms, and turns them into SMARTIE action items.',
  title: 'Our coalition agreement',
  purpose:
    'We are building a coalition to win a change none of us can win alone. We agree what holds us together and the actions we commit to, with owners and deadlines.',
  prompts: [
    { text: 'Who is missing from this coalition, and how do we bring them in with real power?', kind: 'align' },
    { text: 'The purpose we share is…', kind: 'align' },
    { text: 'This coalition will not… (our boundaries)', kind: 'align' },
    { text: 'The roles we need (convener, messengers, connectors…) and who takes them:', kind: 'align' },
    { text: 'A norm we should make explicit is…', kind: 'align' },
    { text: 'What I bring (skills, resources, relationships) is…', kind: 'awareness' },
  ],
  isAnonymous: true,
  usesSmartie: true,
};

/**
 * Partnering conversation (seed 001): two people set up a mutually beneficial working
 * relationship. With two people anonymity is pointless, so names are shown on notes.
 */
export const PARTNERING_CONVERSATION: Template = {
  id: 'partnering',
  name: 'Partnering conversation (two people)',
  summary:
    'Two people say what each offers and asks, and agree their commitments. Names are shown: with two people, anonymity is pointless.',
  title: 'Our partnership',
  purpose:
    'We want a working relationship that is good for both of us. We say openly what each of us offers and needs, and what we commit to.',
  prompts: [
    { text: 'Why I want us to work together:', kind: 'awareness' },
    { text: 'What I can offer you:', kind: 'awareness' },
    { text: 'How I would like you to support me:', kind: 'align' },
    { text: 'What we commit to, starting now:', kind: 'align' },
  ],
  isAnonymous: false,
  usesSmartie: false,
};

/** Every template that can start a board, by id. */
export const TEMPLATES: readonly Template[] = [
  WORKING_AGREEMENT_QUESTIONNAIRE,
  WORKING_TOGETHER_AGREEMENT,
  ALLIANCE_FOUNDATIONS,
  COALITION_BUILDING,
  PARTNERING_CONVERSATION,
];

/** The template with this id, or undefined. */
export function findTemplate(templateId: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === templateId);
}
