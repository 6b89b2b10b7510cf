import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FormError } from '../../components/ErrorSummary';
import type { Feedback } from './AccountPage';
import { useChangeAccount, type Organisation, type RoleChoice, type StaffAccount } from './api';
import { accountErrors, type FieldTarget } from './errors';
import { roleChoiceOf, RoleFields } from './RoleFields';

interface ChangeRolesFormProps extends Feedback {
  account: StaffAccount;
  organisations: Organisation[];
  errors: FormError[];
}

/** One row per role; the key keeps each row's choices as rows before it are removed. */
interface Row {
  key: number;
  value?: Partial<RoleChoice>;
}

const ADD_BUTTON_ID = 'add-role';
const prefixOf = (index: number) => `roles-${index}-`;

/**
 * The account's roles, each an organisation and a role; saving replaces them all and signs the
 * person out, so their next sign-in has what the new roles allow.
 */
export function ChangeRolesForm({ account, organisations, errors, ...feedback }: ChangeRolesFormProps) {
  const rows = useRoleRows(account);
  const submit = useSaveRoles(account, rows.list.length, feedback);
  return (
    <section aria-labelledby="change-roles">
      <h2 id="change-roles">Change roles</h2>
      <p>Saving new roles signs {account.name} out at once. When they sign in again, they have the new roles.</p>
      <form onSubmit={submit} noValidate>
        {rows.list.map((row, index) => (
          <fieldset className="nhsuk-fieldset" key={row.key}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Role {index + 1}</legend>
            <RoleFields
              idPrefix={prefixOf(index)}
              organisations={organisations}
              defaultValue={row.value}
              errors={errors}
            />
            {rows.list.length > 1 && (
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                onClick={() => rows.remove(index)}
              >
                Remove<span className="nhsuk-u-visually-hidden"> role {index + 1}</span>
              </button>
            )}
          </fieldset>
        ))}
        <div className="nhsuk-button-group">
          <button className="nhsuk-button nhsuk-button--secondary" type="button" id={ADD_BUTTON_ID} onClick={rows.add}>
            Add another role
          </button>
          <button className="nhsuk-button" type="submit">
            Save roles
          </button>
        </div>
      </form>
    </section>
  );
}

/** Checks every row has both choices, then replaces the account's roles with them. */
function useSaveRoles(account: StaffAccount, count: number, { succeeded, failed }: Feedback) {
  const change = useChangeAccount(account.id);
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    const form = new FormData(event.currentTarget);
    const which = (i: number) => (count > 1 ? ` for role ${i + 1}` : '');
    const chosen = Array.from({ length: count }, (_, i) => roleChoiceOf(form, prefixOf(i), which(i)));
    const missing = chosen.flatMap((result) => result.errors);
    if (missing.length > 0) return failed(missing);
    change.mutate(
      { roles: chosen.map((result) => result.choice!) },
      {
        onSuccess: () => succeeded(`Roles saved. ${account.name} has been signed out and has the new roles now.`),
        onError: (error) => failed(accountErrors(error, roleTargets(count))),
      },
    );
  };
}

/**
 * Adding a row moves focus to its first select; removing one moves it to "Add another role",
 * since the button that was pressed has gone.
 */
function useRoleRows(account: StaffAccount) {
  const [list, setList] = useState<Row[]>(() => account.roles.map((grant, key) => ({ key, value: grant })));
  const nextKey = useRef(list.length);
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  }, [list]);
  return {
    list,
    add: () => {
      focusNext.current = `${prefixOf(list.length)}organisation`;
      setList([...list, { key: nextKey.current++ }]);
    },
    remove: (index: number) => {
      focusNext.current = ADD_BUTTON_ID;
      setList(list.filter((_, i) => i !== index));
    },
  };
}

/** Where each API field's error links to: "roles.1.organisationId" is the second row's organisation. */
function roleTargets(count: number): Record<string, FieldTarget> {
  const targets: Record<string, FieldTarget> = { roles: { id: `${prefixOf(0)}organisation`, label: 'Roles' } };
  for (let i = 0; i < count; i++) {
    const which = count > 1 ? ` for role ${i + 1}` : '';
    targets[`roles.${i}.organisationId`] = { id: `${prefixOf(i)}organisation`, label: `Organisation${which}` };
    targets[`roles.${i}.role`] = { id: `${prefixOf(i)}role`, label: `Role${which}` };
  }
  return targets;
}
