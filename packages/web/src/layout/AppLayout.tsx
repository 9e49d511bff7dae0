import { Outlet, useLocation } from 'react-router';
import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { ShortcutsProvider } from '../shortcuts/ShortcutsProvider';
import { ShortcutsOverlay } from '../shortcuts/ShortcutsOverlay';
import { NavBar } from './NavBar';
import { TopBar } from './TopBar';
import { GlobalKeys } from './GlobalKeys';
import { TicketNavigationProvider } from '../views/ticket-navigation';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ChatRinger } from '../chat/ChatRinger';

/** The signed-in frame: top bar, navigation with views, and the page. */
export function AppLayout() {
  const [navOpen, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  return (
    <ShortcutsProvider>
      <RealtimeProvider>
        <TicketNavigationProvider>
          <AppShell
            header={{ height: 44 }}
            navbar={{ width: 228, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
            padding={0}
            styles={{ main: { height: '100dvh', display: 'flex', flexDirection: 'column' } }}
          >
            <AppShell.Header>
              <TopBar navOpen={navOpen} onToggleNav={nav.toggle} />
            </AppShell.Header>
            <AppShell.Navbar>
              <NavBar onNavigate={nav.close} />
            </AppShell.Navbar>
            <AppShell.Main>
              <ErrorBoundary key={pathname}>
                <Outlet />
              </ErrorBoundary>
            </AppShell.Main>
          </AppShell>
          <ShortcutsOverlay />
          <GlobalKeys />
          <ChatRinger />
        </TicketNavigationProvider>
      </RealtimeProvider>
    </ShortcutsProvider>
  );
}
