import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import type { Organisation, RoleChoice } from './api';
import { isStaffRole, organisationOptions, ROLE_OPTIONS, withPrompt } from './labels';

interface RoleFieldsProps {
  /** The selects get the ids (and names) `${idPrefix}organisation` and `${idPrefix}role`. */
  idPrefix: string;
  organisations: Organisation[];
  defaultValue?: Partial<RoleChoice>;
  errors: FormError[];
  roleHint?: string;
}

/** Where a person works and what they do there: one role, held within one organisation. */
export function RoleFields({ idPrefix, organisations, defaultValue, errors, roleHint }: RoleFieldsProps) {
  const organisationId = `${idPrefix}organisation`;
  const roleId = `${idPrefix}role`;
  return (
    <>
      <Select
        id={organisationId}
        label="Organisation"
        options={withPrompt('Select an organisation', organisationOptions(organisations))}
        defaultValue={defaultValue?.organisationId ?? ''}
        error={errorFor(errors, organisationId)}
      />
      <Select
        id={roleId}
        label="Role"
        hint={roleHint}
        options={withPrompt('Select a role', ROLE_OPTIONS)}
        defaultValue={defaultValue?.role ?? ''}
        error={errorFor(errors, roleId)}
      />
    </>
  );
}

/**
 * The role chosen in the two selects, or the errors that say what is missing; `which` tells
 * several roles apart in the error summary (" for role 2").
 */
export function roleChoiceOf(
  form: FormData,
  idPrefix: string,
  which = '',
): { choice?: RoleChoice; errors: FormError[] } {
  const organisationId = String(form.get(`${idPrefix}organisation`) ?? '');
  const role = String(form.get(`${idPrefix}role`) ?? '');
  const errors: FormError[] = [];
  if (!organisationId) errors.push({ fieldId: `${idPrefix}organisation`, message: `Select an organisation${which}` });
  if (!isStaffRole(role)) errors.push({ fieldId: `${idPrefix}role`, message: `Select a role${which}` });
  if (errors.length > 0 || !isStaffRole(role)) return { errors };
  return { choice: { organisationId, role }, errors };
}
