import type { RouteObject } from 'react-router';
import { NoAccess } from '../components/NoAccess/NoAccess.tsx';
import { useIntakeCan, type IntakePermission } from '../api/intake/intake-roles.ts';
import { ConsentTemplatesPage } from '../pages/ConsentTemplates/ConsentTemplatesPage.tsx';
import { TodayPage } from '../pages/Today/TodayPage.tsx';

function RequireIntake({ permission, what, children }: { permission: IntakePermission; what: string; children: React.JSX.Element }): React.JSX.Element {
  return useIntakeCan(permission) ? children : <NoAccess what={what} />;
}

/** Routes of intake, eligibility and consent (spread into the router's signed-in area). */
export const intakeRoutes: RouteObject[] = [
  { path: 'today', element: <RequireIntake permission="desk" what="the Today page"><TodayPage /></RequireIntake> },
  { path: 'consent-templates', element: <RequireIntake permission="medicalDirector" what="consent templates"><ConsentTemplatesPage /></RequireIntake> },
];
