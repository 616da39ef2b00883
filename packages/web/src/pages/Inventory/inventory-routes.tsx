import type { RouteObject } from 'react-router';
import { CountsPage } from './CountsPage.tsx';
import { InventoryGuard } from './components/InventoryGuard.tsx';
import { InventoryOverviewPage } from './InventoryOverviewPage.tsx';
import { LossReportsPage } from './LossReportsPage.tsx';
import { LotPage } from './LotPage.tsx';
import { NewCountPage } from './NewCountPage.tsx';
import { PendingWastesPage } from './PendingWastesPage.tsx';
import { ReceiveStockPage } from './ReceiveStockPage.tsx';
import { ReportsPage } from './ReportsPage.tsx';
import { SetupPage } from './SetupPage.tsx';

const guarded = (path: string, element: React.JSX.Element): RouteObject => ({ path, element: <InventoryGuard>{element}</InventoryGuard> });

/** The inventory area's screens (the controlled-substance ledger). */
export const inventoryRoutes: RouteObject[] = [
  guarded('inventory', <InventoryOverviewPage />),
  guarded('inventory/receive', <ReceiveStockPage />),
  guarded('inventory/lots/:lotId', <LotPage />),
  guarded('inventory/counts', <CountsPage />),
  guarded('inventory/counts/new', <NewCountPage />),
  guarded('inventory/wastes', <PendingWastesPage />),
  guarded('inventory/losses', <LossReportsPage />),
  guarded('inventory/reports', <ReportsPage />),
  guarded('inventory/setup', <SetupPage />),
];
