import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../../auth/session-context.ts';
import { DemoBanner } from '../../components/DemoBanner/DemoBanner.tsx';
import { IdleSignOut } from './components/IdleSignOut.tsx';
import { MainNav } from './components/MainNav.tsx';
import { SessionKeepAlive } from './components/SessionKeepAlive.tsx';
import { ShellHeader } from './components/ShellHeader.tsx';
import { SkipLink } from './components/SkipLink.tsx';

const HEADER_HEIGHT = 60;
const BANNER_HEIGHT = 32;
const NAV_ID = 'main-navigation';

/** The signed-in frame: header, navigation (a drawer below 62em, i.e. tablets in portrait), main. */
export function AppLayout(): React.JSX.Element {
  const { clinic } = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    // After a navigation, put keyboard and screen-reader focus at the start of the new page.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const closeNavToBurger = (): void => {
    nav.close();
    burgerRef.current?.focus();
  };

  return (
    <>
      <SkipLink targetRef={mainRef} />
      <AppShell
        header={{ height: HEADER_HEIGHT + (clinic.demo ? BANNER_HEIGHT : 0) }}
        navbar={{ width: 248, breakpoint: 'md', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'lg' }}
      >
        <AppShell.Header>
          {clinic.demo && <DemoBanner mfaRequired={clinic.mfaRequiredRoles.length > 0} />}
          <ShellHeader
            height={HEADER_HEIGHT}
            navOpened={navOpened}
            onToggleNav={nav.toggle}
            navId={NAV_ID}
            burgerRef={burgerRef}
          />
        </AppShell.Header>
        <AppShell.Navbar
          id={NAV_ID}
          aria-label="Main navigation"
          p="sm"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && navOpened) closeNavToBurger();
          }}
        >
          <MainNav onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <IdleSignOut />
      <SessionKeepAlive />
    </>
  );
}
