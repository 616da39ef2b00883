import type { Role } from '@glia/contracts';
import {
  IconArmchair,
  IconBuildingHospital,
  IconCalendar,
  IconChartLine,
  IconListDetails,
  IconPackages,
  IconReceipt,
  IconSettings,
  IconSun,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';
import type { TablerIcon } from '@tabler/icons-react';
import { PERMISSIONS } from '../auth/roles.ts';

export interface Area {
  label: string;
  path: string;
  icon: TablerIcon;
  /** Roles that see this area in the navigation and may open it. */
  roles: readonly Role[];
  /** Present while the area is not built yet: what it will hold, said plainly. */
  planned?: string;
  children?: Area[];
}

const CLINICAL: readonly Role[] = ['nurse', 'prescriber', 'medical-director'];

/** The app's top-level areas, in navigation order. */
export const AREAS: Area[] = [
  {
    label: 'Today',
    path: '/today',
    icon: IconSun,
    roles: ['front-desk', ...CLINICAL],
  },
  {
    label: 'Chairs',
    path: '/chairs',
    icon: IconArmchair,
    roles: CLINICAL,
  },
  {
    label: 'Schedule',
    path: '/schedule',
    icon: IconCalendar,
    roles: ['front-desk', ...CLINICAL],
  },
  { label: 'Patients', path: '/patients', icon: IconUsers, roles: PERMISSIONS.readPatients },
  {
    label: 'Inventory',
    path: '/inventory',
    icon: IconPackages,
    roles: CLINICAL,
  },
  {
    label: 'Outcomes',
    path: '/outcomes',
    icon: IconChartLine,
    roles: CLINICAL,
    planned: "Symptom scores over a patient's course of treatment and how patients across the clinic respond.",
  },
  {
    label: 'Billing',
    path: '/billing',
    icon: IconReceipt,
    roles: ['billing', 'front-desk', 'medical-director'],
    planned: 'Charges, claims and payments for infusion sessions.',
  },
  {
    label: 'Admin',
    path: '/admin',
    icon: IconSettings,
    roles: [...new Set([...PERMISSIONS.readAudit, ...PERMISSIONS.manageUsers, ...PERMISSIONS.manageClinic])],
    children: [
      { label: 'Audit trail', path: '/admin/audit', icon: IconListDetails, roles: PERMISSIONS.readAudit },
      { label: 'Users', path: '/admin/users', icon: IconUserCog, roles: PERMISSIONS.manageUsers },
      { label: 'Clinic settings', path: '/admin/clinic', icon: IconBuildingHospital, roles: PERMISSIONS.manageClinic },
    ],
  },
];

function visibleTo(roles: readonly Role[], area: Area): boolean {
  return area.roles.some((r) => roles.includes(r));
}

/** The areas (and sub-areas) a user with these roles may see. */
export function areasFor(roles: readonly Role[]): Area[] {
  return AREAS.filter((a) => visibleTo(roles, a)).map((a) =>
    a.children ? { ...a, children: a.children.filter((c) => visibleTo(roles, c)) } : a,
  );
}

/** Where to land after signing in: the first built area the user may open. */
export function homePathFor(roles: readonly Role[]): string {
  for (const area of areasFor(roles)) {
    const target = area.children?.[0] ?? area;
    if (!area.planned) return target.path;
  }
  return areasFor(roles)[0]?.path ?? '/no-access';
}
