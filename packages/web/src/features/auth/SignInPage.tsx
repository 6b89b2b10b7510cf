import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { usePageTitle } from '../../components/usePageTitle';
import { useSignInOptions } from './options';
import { forgetRecords, useSignIn, type SignInDetails, type SignInState } from './session';

export const WRONG_DETAILS = 'Email or password is wrong. After 5 wrong attempts an account is locked for 15 minutes';

export function SignInPage() {
  const state = (useLocation().state ?? {}) as SignInState;
  const { errors, submit } = useSignInForm(state);
  const singleSignOn = useSignInOptions().data?.singleSignOn;
  usePageTitle('Sign in', errors.length > 0);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1>Sign in</h1>
        {state.signedOut && errors.length === 0 && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You have signed out.</p>
          </div>
        )}
        {singleSignOn && (
          <>
            {/* A plain link, not a fetch: the browser itself must go to the provider and back. */}
            <a className="nhsuk-button nhsuk-button--secondary" href={singleSignOn.startUrl} draggable={false}>
              {singleSignOn.label}
            </a>
            <h2 className="nhsuk-heading-m">Or sign in with a Kith password</h2>
          </>
        )}
        <form onSubmit={submit} noValidate>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            error={errorFor(errors, 'email')}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errorFor(errors, 'password')}
          />
          <button className="nhsuk-button" type="submit">
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}

function useSignInForm(state: SignInState) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const signIn = useSignIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // Whoever reaches this page (signed out, or their session expired) leaves no records behind.
  useEffect(() => forgetRecords(queryClient), [queryClient]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const details = detailsOf(new FormData(event.currentTarget));
    const missing = missingDetails(details);
    setErrors(missing);
    if (missing.length > 0) return;
    signIn.mutate(details, {
      onSuccess: () => navigate(returnPath(state), { replace: true }),
      onError: (error) => setErrors(signInErrors(error)),
    });
  }
  return { errors, submit };
}

function detailsOf(form: FormData): SignInDetails {
  return { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') };
}

function missingDetails({ email, password }: SignInDetails): FormError[] {
  const errors: FormError[] = [];
  if (!email) errors.push({ fieldId: 'email', message: 'Enter your email address' });
  if (!password) errors.push({ fieldId: 'password', message: 'Enter your password' });
  return errors;
}

/** Never says which of the two was wrong, so the form cannot be used to find staff emails. */
function signInErrors(error: unknown): FormError[] {
  if (isApiError(error, 401) || isApiError(error, 400)) return [{ fieldId: 'email', message: WRONG_DETAILS }];
  if (isApiError(error, 429)) {
    return [{ message: 'Too many attempts to sign in. Wait a few minutes, then try again.' }];
  }
  return [{ message: 'Sorry, there is a problem with the service. Try again later.' }];
}

/** Back to the page the user was going to; never back to sign-in itself. */
function returnPath({ from }: SignInState): string {
  if (!from?.pathname || from.pathname === '/sign-in') return '/people';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}
