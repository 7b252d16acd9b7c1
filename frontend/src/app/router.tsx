import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { HomeRedirect } from './home-redirect';
import { RouteError } from './route-error';
import { SearchPage } from '../features/search/search-page';

// Every route but the search page (the landing page) is split into its own chunk.
function page<T, K extends keyof T>(load: () => Promise<T>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

const LoginPage = page(() => import('../features/auth/login-page'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/register-page'), 'RegisterPage');
const IdentityPage = page(() => import('../features/auth/identity-page'), 'IdentityPage');
const PrivacyPage = page(() => import('../features/privacy/privacy-page'), 'PrivacyPage');
const AccountDeletedPage = page(() => import('../features/privacy/privacy-page'), 'AccountDeletedPage');
const VerifyEmailPage = page(() => import('../features/auth/verify-email-page'), 'VerifyEmailPage');
const ForgotPasswordPage = page(() => import('../features/auth/forgot-password-page'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('../features/auth/reset-password-page'), 'ResetPasswordPage');
const OrgRegisterPage = page(() => import('../features/organizations/org-register-page'), 'OrgRegisterPage');
const MyOrganizationsPage = page(() => import('../features/organizations/my-organizations-page'), 'MyOrganizationsPage');
const OrgPage = page(() => import('../features/organizations/org-page'), 'OrgPage');
const InvitationAcceptPage = page(() => import('../features/organizations/invitation-accept-page'), 'InvitationAcceptPage');
const NeedDetailPage = page(() => import('../features/needs/need-detail-page'), 'NeedDetailPage');
const NeedFormPage = page(() => import('../features/needs/need-form-page'), 'NeedFormPage');
const BuyerDashboard = page(() => import('../features/buyer/buyer-dashboard'), 'BuyerDashboard');
const ConferenceDetailPage = page(() => import('../features/conferences/conference-detail-page'), 'ConferenceDetailPage');
const MeetingPage = page(() => import('../features/dialogue-record/meeting-page'), 'MeetingPage');
const ConferenceFormPage = page(() => import('../features/conferences/conference-form-page'), 'ConferenceFormPage');
const SolutionDetailPage = page(() => import('../features/solutions/solution-detail-page'), 'SolutionDetailPage');
const SolutionFormPage = page(() => import('../features/solutions/solution-form-page'), 'SolutionFormPage');
const SupplierDashboard = page(() => import('../features/supplier/supplier-dashboard'), 'SupplierDashboard');
const ResponseFormPage = page(() => import('../features/supplier/response-form-page'), 'ResponseFormPage');
const AdvisorQueuePage = page(() => import('../features/advisor/queue-page'), 'AdvisorQueuePage');
const NeedBoardPage = page(() => import('../features/advisor/need-board-page'), 'NeedBoardPage');
const OrganizationsPage = page(() => import('../features/advisor/organizations-page'), 'OrganizationsPage');
const PipelinePage = page(() => import('../features/advisor/pipeline-page'), 'PipelinePage');
const BarometerPage = page(() => import('../features/barometer/barometer-page'), 'BarometerPage');
const MissedSearchesPage = page(() => import('../features/advisor/missed-searches-page'), 'MissedSearchesPage');
const AdvisorJointGroupsPage = page(() => import('../features/joint/advisor-groups-page'), 'AdvisorJointGroupsPage');
const JointInvitationPage = page(() => import('../features/joint/invitation-page'), 'JointInvitationPage');
const NotificationsPage = page(() => import('../features/notifications/notifications-page'), 'NotificationsPage');
const NotificationSettingsPage = page(() => import('../features/notifications/notification-settings-page'), 'NotificationSettingsPage');
const UnsubscribePage = page(() => import('../features/notifications/unsubscribe-page'), 'UnsubscribePage');
const ProfileListPage = page(() => import('../features/research/profile-list-page'), 'ProfileListPage');
const ProfileDetailPage = page(() => import('../features/research/profile-detail-page'), 'ProfileDetailPage');
const ProfileFormPage = page(() => import('../features/research/profile-form-page'), 'ProfileFormPage');
const PartnershipsPage = page(() => import('../features/research/partnerships-page'), 'PartnershipsPage');
const PartnershipPage = page(() => import('../features/research/partnership-page'), 'PartnershipPage');
const CaseListPage = page(() => import('../features/cases/case-list-page'), 'CaseListPage');
const CaseDetailPage = page(() => import('../features/cases/case-detail-page'), 'CaseDetailPage');
const CaseFormPage = page(() => import('../features/cases/case-form-page'), 'CaseFormPage');
const NotFoundPage = page(() => import('./not-found-page'), 'NotFoundPage');

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <SearchPage /> },
      { path: 'home', element: <HomeRedirect /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'account/id-porten', element: <IdentityPage /> },
      { path: 'account/privacy', element: <PrivacyPage /> },
      { path: 'account/notifications', element: <NotificationSettingsPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'notifications/unsubscribe', element: <UnsubscribePage /> },
      { path: 'account/deleted', element: <AccountDeletedPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'organizations', element: <MyOrganizationsPage /> },
      { path: 'organizations/new', element: <OrgRegisterPage /> },
      { path: 'organizations/:id', element: <OrgPage /> },
      { path: 'invitations/accept', element: <InvitationAcceptPage /> },
      { path: 'needs/new', element: <NeedFormPage /> },
      { path: 'needs/:id', element: <NeedDetailPage /> },
      { path: 'needs/:id/edit', element: <NeedFormPage /> },
      { path: 'needs/:id/respond', element: <ResponseFormPage /> },
      { path: 'needs/:id/meetings/:requestId', element: <MeetingPage /> },
      { path: 'buyer', element: <BuyerDashboard /> },
      { path: 'conferences/new', element: <ConferenceFormPage /> },
      { path: 'conferences/:id', element: <ConferenceDetailPage /> },
      { path: 'conferences/:id/edit', element: <ConferenceFormPage /> },
      { path: 'conferences/:id/meetings/:slotId', element: <MeetingPage /> },
      { path: 'solutions/new', element: <SolutionFormPage /> },
      { path: 'solutions/:id', element: <SolutionDetailPage /> },
      { path: 'solutions/:id/edit', element: <SolutionFormPage /> },
      { path: 'supplier', element: <SupplierDashboard /> },
      { path: 'advisor', element: <AdvisorQueuePage /> },
      { path: 'advisor/needs/:id', element: <NeedBoardPage /> },
      { path: 'advisor/organizations', element: <OrganizationsPage /> },
      { path: 'advisor/pipeline', element: <PipelinePage /> },
      { path: 'barometer', element: <BarometerPage /> },
      { path: 'advisor/missed-searches', element: <MissedSearchesPage /> },
      { path: 'advisor/joint', element: <AdvisorJointGroupsPage /> },
      { path: 'joint/invitations/:id', element: <JointInvitationPage /> },
      { path: 'research', element: <ProfileListPage /> },
      { path: 'research/profiles/new', element: <ProfileFormPage /> },
      { path: 'research/profiles/:id', element: <ProfileDetailPage /> },
      { path: 'research/profiles/:id/edit', element: <ProfileFormPage /> },
      { path: 'research/partnerships', element: <PartnershipsPage /> },
      { path: 'research/partnerships/:id', element: <PartnershipPage /> },
      { path: 'cases', element: <CaseListPage /> },
      { path: 'cases/new', element: <CaseFormPage /> },
      { path: 'cases/:id', element: <CaseDetailPage /> },
      { path: 'cases/:id/edit', element: <CaseFormPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
