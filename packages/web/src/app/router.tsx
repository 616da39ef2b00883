import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/RequirePermission/RequirePermission.tsx';
import { RequireSession } from '../auth/RequireSession/RequireSession.tsx';
import { NoAccess } from '../components/NoAccess/NoAccess.tsx';
import { AuditPage } from '../pages/AdminAudit/AuditPage.tsx';
import { intakeRoutes } from './intake-routes.tsx';
import { infusionRoutes } from './infusion-routes.tsx';
import { ClinicSettingsPage } from '../pages/AdminClinic/ClinicSettingsPage.tsx';
import { UsersPage } from '../pages/AdminUsers/UsersPage.tsx';
import { HomeRedirect } from '../pages/Home/HomeRedirect.tsx';
import { inventoryRoutes } from '../pages/Inventory/inventory-routes.tsx';
import { LoginPage } from '../pages/Login/LoginPage.tsx';
import { NotFoundPage } from '../pages/NotFound/NotFoundPage.tsx';
import { PatientPage } from '../pages/Patient/PatientPage.tsx';
import { NewPatientPage } from '../pages/PatientNew/NewPatientPage.tsx';
import { PatientsPage } from '../pages/Patients/PatientsPage.tsx';
import { PlannedAreaPage } from '../pages/PlannedArea/PlannedAreaPage.tsx';
import { RouteErrorPage } from '../pages/RouteError/RouteErrorPage.tsx';
import { SchedulePage } from '../pages/Schedule/SchedulePage.tsx';
import { AppLayout } from '../pages/Shell/AppLayout.tsx';
import { AdminIndexRedirect } from '../pages/Shell/components/AdminIndexRedirect.tsx';
import { AREAS } from './areas.ts';

const plannedAreaRoutes: RouteObject[] = AREAS.filter((area) => area.planned).map((area) => ({
  path: area.path.slice(1),
  element: <PlannedAreaPage area={area} />,
}));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomeRedirect /> },
          ...plannedAreaRoutes,
          ...intakeRoutes,
          ...inventoryRoutes,
          { path: 'schedule', element: <SchedulePage /> },
          ...infusionRoutes,
          {
            path: 'patients',
            element: <RequirePermission permission="readPatients" what="patients"><PatientsPage /></RequirePermission>,
          },
          {
            path: 'patients/new',
            element: <RequirePermission permission="writePatients" what="registering patients"><NewPatientPage /></RequirePermission>,
          },
          {
            path: 'patients/:patientId',
            element: <RequirePermission permission="readPatients" what="patient charts"><PatientPage /></RequirePermission>,
          },
          { path: 'admin', element: <AdminIndexRedirect /> },
          {
            path: 'admin/audit',
            element: <RequirePermission permission="readAudit" what="the audit trail"><AuditPage /></RequirePermission>,
          },
          {
            path: 'admin/users',
            element: <RequirePermission permission="manageUsers" what="staff accounts"><UsersPage /></RequirePermission>,
          },
          {
            path: 'admin/clinic',
            element: <RequirePermission permission="manageClinic" what="clinic settings"><ClinicSettingsPage /></RequirePermission>,
          },
          { path: 'no-access', element: <NoAccess what="any area of Glia" order={1} /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
