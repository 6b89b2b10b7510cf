import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { useSession, type SignInState } from './session';

/** Shows the pages within only to signed-in staff; everyone else is sent to sign in first. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading what="your session" />;
  if (session.isError) return <ServiceProblem />;
  if (!session.data.staff) {
    const state: SignInState = session.data.signedOut ? { signedOut: true } : { from: location };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <Outlet />;
}
