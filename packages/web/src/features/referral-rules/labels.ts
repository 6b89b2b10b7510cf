import { describeRule, type Criterion } from '@kith/core';
import type { Network } from '../case-finding/api';

/** "Whole borough" for a rule with no network, else the network's name. */
export function networkText(networkId: string | null, networks: readonly Network[] | undefined): string {
  if (networkId === null) return 'Whole borough';
  return networks?.find((n) => n.id === networkId)?.name ?? 'One network';
}

/** The rule in plain words, from core. */
export function criteriaInWords(name: string, criteria: Criterion): string {
  return describeRule({ name, criteria });
}
