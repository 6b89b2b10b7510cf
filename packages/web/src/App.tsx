import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './app/Layout';
import { NotFoundPage } from './app/NotFoundPage';
import { RequireSession } from './features/auth/RequireSession';
import { SignInPage } from './features/auth/SignInPage';
import { RequireAdministrator } from './features/accounts/access';
import { AccountPage } from './features/accounts/AccountPage';
import { CreateAccountPage } from './features/accounts/CreateAccountPage';
import { StaffAccountsPage } from './features/accounts/StaffAccountsPage';
import { PersonPage } from './features/people/PersonPage';
import { PersonSearchPage } from './features/people/PersonSearchPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<Navigate to="/people" replace />} />
          <Route path="people" element={<PersonSearchPage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="admin/staff" element={<RequireAdministrator />}>
            <Route index element={<StaffAccountsPage />} />
            <Route path="new" element={<CreateAccountPage />} />
            <Route path=":id" element={<AccountPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
