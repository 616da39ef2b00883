import { NavLink, ScrollArea } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { areasFor } from '../../../app/areas.ts';
import { useSession } from '../../../auth/session-context.ts';

function isWithin(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The areas this user's roles allow, in a fixed order; sub-areas of Admin open beneath it. */
export function MainNav({ onNavigate }: { onNavigate: () => void }): React.JSX.Element {
  const { user } = useSession();
  const { pathname } = useLocation();
  const areas = areasFor(user.roles);

  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      {areas.map(({ label, path, icon: Icon, children }) =>
        children && children.length > 0 ? (
          <NavLink
            key={path}
            label={label}
            leftSection={<Icon size={22} aria-hidden />}
            defaultOpened
            active={isWithin(pathname, path)}
            variant="subtle"
            py="sm"
            childrenOffset="md"
          >
            {children.map((child) => (
              <NavLink
                key={child.path}
                component={RouterNavLink}
                to={child.path}
                label={child.label}
                leftSection={<child.icon size={20} aria-hidden />}
                active={isWithin(pathname, child.path)}
                onClick={onNavigate}
                py="sm"
              />
            ))}
          </NavLink>
        ) : (
          <NavLink
            key={path}
            component={RouterNavLink}
            to={path}
            label={label}
            leftSection={<Icon size={22} aria-hidden />}
            active={isWithin(pathname, path)}
            onClick={onNavigate}
            py="sm"
          />
        ),
      )}
    </ScrollArea>
  );
}
