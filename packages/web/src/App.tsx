import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './app/Layout';
import { NotFoundPage } from './app/NotFoundPage';
import { RequireSession } from './features/auth/RequireSession';
import { SignInPage } from './features/auth/SignInPage';
import { RequireAdministrator } from './features/accounts/access';
import { AccountPage } from './features/accounts/AccountPage';
import { CreateAccountPage } from './features/accounts/CreateAccountPage';
import { StaffAccountsPage } from './features/accounts/StaffAccountsPage';
import { ApiClientPage } from './features/api-clients/ApiClientPage';
import { ApiClientsPage } from './features/api-clients/ApiClientsPage';
import { CreateApiClientPage } from './features/api-clients/CreateApiClientPage';
import { RequirePrivacyOfficer } from './features/audit/access';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { WhoLookedPage } from './features/audit/WhoLookedPage';
import { ReviewPage } from './features/break-glass-reviews/ReviewPage';
import { ReviewsPage } from './features/break-glass-reviews/ReviewsPage';
import { CaseFindingPage } from './features/case-finding/CaseFindingPage';
import { CareTeamPage } from './features/care-team/CareTeamPage';
import { ConsentPage } from './features/consent/ConsentPage';
import { DirectorySearchPage } from './features/directory/DirectorySearchPage';
import { ListingEditPage } from './features/directory/ListingEditPage';
import { ListingReviewsPage } from './features/directory/ListingReviewsPage';
import { RequireDirectoryKeeper } from './features/directory/RequireDirectoryKeeper';
import { ServicePage } from './features/directory/ServicePage';
import { StaleListingsPage } from './features/directory/StaleListingsPage';
import { PersonDetailsPage } from './features/people/PersonDetailsPage';
import { PersonPage } from './features/people/PersonPage';
import { PersonSearchPage } from './features/people/PersonSearchPage';
import { RecordEntriesPage } from './features/record-entries/RecordEntriesPage';
import { RequireRuleEditor } from './features/referral-rules/access';
import { NewRulePage } from './features/referral-rules/NewRulePage';
import { RulePage } from './features/referral-rules/RulePage';
import { RulesPage } from './features/referral-rules/RulesPage';
import { InboxPage } from './features/referrals/InboxPage';
import { AssessmentPage } from './features/assessment/AssessmentPage';
import { AssessmentSectionPage } from './features/assessment/AssessmentSectionPage';
import { InstrumentPage } from './features/assessment/InstrumentPage';
import { PlanEditPage } from './features/my-life-plan/PlanEditPage';
import { PlanHistoryPage } from './features/my-life-plan/PlanHistoryPage';
import { PlanPage } from './features/my-life-plan/PlanPage';
import { CaseloadPage } from './features/support/CaseloadPage';
import { SupportPage } from './features/support/SupportPage';
import { PersonReferralsPage } from './features/referrals/PersonReferralsPage';
import { ReferralPage } from './features/referrals/ReferralPage';
import { SentReferralsPage } from './features/referrals/SentReferralsPage';
import { SummaryPage } from './features/summary/SummaryPage';
import { MeetingPage } from './features/huddle-meetings/MeetingPage';
import { AgendaPage } from './features/huddles/AgendaPage';
import { HuddlesPage } from './features/huddles/HuddlesPage';
import { PersonHuddleNotesPage } from './features/huddles/PersonHuddleNotesPage';
import { SeriesPage } from './features/huddles/SeriesPage';
import { MinutesPage } from './features/huddle-meetings/MinutesPage';
import { PersonTasksPage } from './features/tasks/PersonTasksPage';
import { TaskPage } from './features/tasks/TaskPage';
import { TasksPage } from './features/tasks/TasksPage';
import { SocialPrescribingPage } from './features/social-prescribing/SocialPrescribingPage';
import { LogEnquiryPage } from './features/enquiries/LogEnquiryPage';
import { PointOfAccessStatisticsPage } from './features/enquiries/PointOfAccessStatisticsPage';
import { PointsOfAccessPage } from './features/enquiries/PointsOfAccessPage';
import { TimelinePage } from './features/timeline/TimelinePage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<Navigate to="/people" replace />} />
          <Route path="people" element={<PersonSearchPage />} />
          <Route path="people/:id" element={<PersonPage />}>
            <Route index element={<PersonDetailsPage />} />
            <Route path="summary" element={<SummaryPage />} />
            <Route path="assessment" element={<AssessmentPage />} />
            <Route path="assessment/instruments/:code" element={<InstrumentPage />} />
            <Route path="assessment/:section" element={<AssessmentSectionPage />} />
            <Route path="plan" element={<PlanPage />} />
            <Route path="plan/edit" element={<PlanEditPage />} />
            <Route path="plan/versions" element={<PlanHistoryPage />} />
            <Route path="support" element={<SupportPage />} />
            <Route path="social-prescribing" element={<SocialPrescribingPage />} />
            <Route path="care-team" element={<CareTeamPage />} />
            <Route path="consent" element={<ConsentPage />} />
            <Route path="entries" element={<RecordEntriesPage />} />
            <Route path="referrals" element={<PersonReferralsPage />} />
            <Route path="tasks" element={<PersonTasksPage />} />
            <Route path="huddle-notes" element={<PersonHuddleNotesPage />} />
            <Route path="timeline" element={<TimelinePage />} />
          </Route>
          <Route path="referrals" element={<InboxPage />} />
          <Route path="referrals/:id" element={<ReferralPage />} />
          <Route path="referrals-made" element={<SentReferralsPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="caseload" element={<CaseloadPage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="huddles" element={<HuddlesPage />} />
          <Route path="huddles/series/:id" element={<SeriesPage />} />
          <Route path="huddles/series/:id/meetings/:date" element={<AgendaPage />} />
          <Route path="huddles/meetings/:id" element={<MeetingPage />} />
          <Route path="huddles/meetings/:id/minutes" element={<MinutesPage />} />
          <Route path="enquiries/new" element={<LogEnquiryPage />} />
          <Route path="points-of-access" element={<PointsOfAccessPage />} />
          <Route path="points-of-access/:id/statistics" element={<PointOfAccessStatisticsPage />} />
          <Route path="directory" element={<DirectorySearchPage />} />
          <Route path="directory/services/:id" element={<ServicePage />} />
          <Route path="directory/services/:id/edit" element={<ListingEditPage />} />
          <Route element={<RequireDirectoryKeeper />}>
            <Route path="directory/reviews" element={<ListingReviewsPage />} />
            <Route path="directory/stale" element={<StaleListingsPage />} />
          </Route>
          <Route path="case-finding" element={<CaseFindingPage />} />
          <Route path="case-finding/rules" element={<RequireRuleEditor />}>
            <Route index element={<RulesPage />} />
            <Route path="new" element={<NewRulePage />} />
            <Route path=":id" element={<RulePage />} />
          </Route>
          <Route element={<RequirePrivacyOfficer />}>
            <Route path="emergency-access-reviews" element={<ReviewsPage />} />
            <Route path="emergency-access-reviews/:grantId" element={<ReviewPage />} />
            <Route path="audit-log" element={<AuditLogPage />} />
            <Route path="people/:id/who-looked" element={<WhoLookedPage />} />
          </Route>
          <Route path="admin/staff" element={<RequireAdministrator />}>
            <Route index element={<StaffAccountsPage />} />
            <Route path="new" element={<CreateAccountPage />} />
            <Route path=":id" element={<AccountPage />} />
          </Route>
          <Route path="admin/api-clients" element={<RequireAdministrator />}>
            <Route index element={<ApiClientsPage />} />
            <Route path="new" element={<CreateApiClientPage />} />
            <Route path=":id" element={<ApiClientPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
