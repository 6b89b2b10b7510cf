import { RESOURCE_KINDS, RESOURCE_WORDS, type ResourceKind } from '@kith/core';
import { roleLabel } from '../accounts/labels';

const ACTION_WORDS: Record<string, string> = {
  read: 'Looked at',
  search: 'Saw in search results',
  write: 'Changed',
  export: 'Exported',
  print: 'Printed',
  break_glass: 'Used emergency access to',
};

/** Events outside the access policy's parts of a record: sign-ins, emergency access grants, API use. */
const OTHER_RESOURCE_WORDS: Record<string, string> = {
  break_glass_grant: 'a record',
  staff_account: 'a staff account',
  api_client: 'an API client',
  api_call: 'the API',
};

const ACTOR_WORDS: Record<string, string> = {
  api_client: 'A connected system',
  system: 'Kith itself',
  person: 'The person themselves',
  carer: 'A carer',
};

/** "Looked at a person's summary", from the event's action and resource type. */
export function whatHappened(action: string, resourceType: string): string {
  return `${wordsFor(ACTION_WORDS, action) ?? action} ${resourceInWords(resourceType)}`;
}

function resourceInWords(resourceType: string): string {
  if (isResourceKind(resourceType)) return RESOURCE_WORDS[resourceType];
  return wordsFor(OTHER_RESOURCE_WORDS, resourceType) ?? resourceType.replace(/_/g, ' ');
}

function isResourceKind(value: string): value is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(value);
}

/** Own keys only, so a resource type such as "constructor" is never read from Object's prototype. */
function wordsFor(words: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(words, key) ? words[key] : undefined;
}

export function actorKindInWords(kind: string): string {
  return wordsFor(ACTOR_WORDS, kind) ?? kind;
}

export function outcomeInWords(outcome: string): string {
  if (outcome === 'allowed') return 'Allowed';
  if (outcome === 'restricted_marker') return 'Shown as restricted';
  return 'Refused';
}

export { roleLabel };
