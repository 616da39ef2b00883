import type { RouteObject } from 'react-router';
import { NoAccess } from '../components/NoAccess/NoAccess.tsx';
import { ChairBoardPage } from '../pages/Chairs/ChairBoardPage.tsx';
import { SessionPage } from '../pages/Session/SessionPage.tsx';
import { useInventoryStaff } from '../pages/Inventory/inventory-roles.ts';

/** Chairside screens are for nurses, prescribers and the medical director (the server decides too). */
function Chairside({ children }: { children: React.JSX.Element }): React.JSX.Element {
  return useInventoryStaff() ? children : <NoAccess what="the infusion chairs" order={1} />;
}

/** The infusion day: the live chair board and each session's chart. */
export const infusionRoutes: RouteObject[] = [
  { path: 'chairs', element: <Chairside><ChairBoardPage /></Chairside> },
  { path: 'sessions/:sessionId', element: <Chairside><SessionPage /></Chairside> },
];
