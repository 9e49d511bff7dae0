import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { SessionProvider, useMeQuery } from '../auth/session';
import { LoginPage } from '../auth/LoginPage';
import { InvitePage } from '../auth/InvitePage';
import { AppLayout } from '../layout/AppLayout';
import { ViewPage } from '../views/ViewPage';
import { PageLoader } from '../components/PageLoader';
import { ErrorState } from '../components/ErrorState';
import { NotFound } from '../components/NotFound';
import { theme } from './theme';

const TicketPage = lazy(() => import('../tickets/TicketPage').then((m) => ({ default: m.TicketPage })));
const ViewEditorPage = lazy(() => import('../views/ViewEditorPage').then((m) => ({ default: m.ViewEditorPage })));
const SearchPage = lazy(() => import('../search/SearchPage').then((m) => ({ default: m.SearchPage })));
const CustomersPage = lazy(() => import('../customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('../customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const OrganizationsPage = lazy(() => import('../organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationPage = lazy(() => import('../organizations/OrganizationPage').then((m) => ({ default: m.OrganizationPage })));
const SettingsRoutes = lazy(() => import('../settings/SettingsRoutes').then((m) => ({ default: m.SettingsRoutes })));
const AdminRoutes = lazy(() => import('../admin/AdminRoutes').then((m) => ({ default: m.AdminRoutes })));
const ReportsRoutes = lazy(() => import('../reports/ReportsRoutes').then((m) => ({ default: m.ReportsRoutes })));
const KnowledgeRoutes = lazy(() => import('../knowledge/KnowledgeRoutes').then((m) => ({ default: m.KnowledgeRoutes })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

/** Everything behind sign-in: waits for the session, sends strangers to /login. */
function SignedIn() {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppLayout />;
}

function Page({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}

/** The agent workspace: providers and routes. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/invite/:token" element={<InvitePage />} />
              <Route element={<SignedIn />}>
                <Route index element={<ViewPage viewId="my_open" />} />
                <Route path="views" element={<Navigate to="/views/my_open" replace />} />
                <Route path="views/new" element={<Page><ViewEditorPage /></Page>} />
                <Route path="views/:viewId/edit" element={<Page><ViewEditorPage /></Page>} />
                <Route path="views/:viewId" element={<ViewPage />} />
                <Route path="tickets/:ticketId" element={<Page><TicketPage /></Page>} />
                <Route path="search" element={<Page><SearchPage /></Page>} />
                <Route path="customers" element={<Page><CustomersPage /></Page>} />
                <Route path="customers/:contactId" element={<Page><CustomerPage /></Page>} />
                <Route path="organizations" element={<Page><OrganizationsPage /></Page>} />
                <Route path="organizations/:organizationId" element={<Page><OrganizationPage /></Page>} />
                <Route path="settings/*" element={<Page><SettingsRoutes /></Page>} />
                <Route path="admin/*" element={<Page><AdminRoutes /></Page>} />
                <Route path="reports/*" element={<Page><ReportsRoutes /></Page>} />
                <Route path="knowledge/*" element={<Page><KnowledgeRoutes /></Page>} />
                <Route path="app/*" element={<Navigate to="/" replace />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
