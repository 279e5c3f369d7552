import type { Disclosure } from '../model/disclosure';
import type { Workbook } from '../model/grid';
import { crossIdentities } from './cross';
import { formLinks } from './forms';
import { tableIdentities } from './tables';
import type { IdentitySet } from './types';

export type { Identity, IdentityTerm, ExactLink, IdentitySet } from './types';
export { tableIdentities } from './tables';
export { crossIdentities } from './cross';
export { formLinks } from './forms';

/**
 * Every linear identity the engine checks on a located disclosure, over its cells, plus the
 * forms' exact 元 figures behind 表12 (when the workbook is given: the forms are read from it).
 */
export function identitiesOf(d: Disclosure, wb?: Workbook): IdentitySet {
  return { identities: [...tableIdentities(d), ...crossIdentities(d)], links: wb ? formLinks(d, wb) : [] };
}
