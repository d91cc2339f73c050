import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  GlobalOutlined,
  InboxOutlined,
  LineChartOutlined,
  SettingOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Action } from '../../src/shared/actions.ts';
import type { NavCountKey } from './lib/nav-counts.ts';
import type { Session } from './lib/session.tsx';

/**
 * Every page of the app in one table: its path, its lazily loaded component, and — for pages in the
 * navigation — its label, icon and who sees it (from the actions the server grants, never the role
 * alone). The router and the menu are both built from this list.
 */
export interface PageRoute {
  path: string;
  component: LazyExoticComponent<ComponentType>;
  nav?: {
    vi: string;
    en: string;
    icon: ReactNode;
    visible: (session: Session) => boolean;
    /** where the menu entry goes, when not the path itself (a filtered list) */
    to?: string;
    /** the count shown beside the entry (lib/nav-counts.ts) */
    count?: NavCountKey;
  };
}

const has = (session: Session, action: Action) => session.actions.includes(action);

export const PRIVATE_ROUTES: PageRoute[] = [
  {
    path: '/viec-cua-don-vi',
    component: lazy(() => import('./pages/inbox/InboxPage.tsx')),
    nav: {
      vi: 'Việc của đơn vị',
      en: 'Our assignments',
      icon: <InboxOutlined />,
      visible: (s) => s.user.role === 'agency',
      count: 'inbox',
    },
  },
  { path: '/nhiem-vu/:id', component: lazy(() => import('./pages/inbox/AssignmentPage.tsx')) },
  // Tài khoản của tôi: from the user menu (AppLayout), for every signed-in user
  { path: '/tai-khoan', component: lazy(() => import('./pages/account/AccountPage.tsx')) },
  {
    path: '/tong-quan',
    component: lazy(() => import('./pages/dashboard/DashboardPage.tsx')),
    nav: {
      vi: 'Tổng quan',
      en: 'Overview',
      icon: <DashboardOutlined />,
      visible: (s) => has(s, 'stats.read'),
    },
  },
  {
    path: '/danh-sach',
    component: lazy(() => import('./pages/dashboard/DrillDownPage.tsx')),
    nav: {
      vi: 'Quá hạn',
      en: 'Overdue',
      icon: <WarningOutlined />,
      visible: (s) => has(s, 'stats.read') && s.user.role !== 'agency',
      to: '/danh-sach?state=open_overdue',
      count: 'overdue',
    },
  },
  {
    path: '/ke-hoach',
    component: lazy(() => import('./pages/plans/PlansPage.tsx')),
    nav: {
      vi: 'Kế hoạch',
      en: 'Plans',
      icon: <FileTextOutlined />,
      visible: (s) => has(s, 'plan.read'),
    },
  },
  { path: '/ke-hoach/:id', component: lazy(() => import('./pages/plans/PlanPage.tsx')) },
  {
    path: '/nhap-ke-hoach',
    component: lazy(() => import('./pages/plans/ImportPage.tsx')),
    nav: {
      vi: 'Nhập kế hoạch',
      en: 'Import a plan',
      icon: <UploadOutlined />,
      visible: (s) => has(s, 'plan.write'),
    },
  },
  {
    path: '/duyet',
    component: lazy(() => import('./pages/review/ReviewPage.tsx')),
    nav: {
      vi: 'Duyệt',
      en: 'Review',
      icon: <CheckSquareOutlined />,
      visible: (s) => has(s, 'result.decide') || has(s, 'extension.decide') || has(s, 'obstacle.respond'),
      count: 'review',
    },
  },
  {
    path: '/nhac-nho',
    component: lazy(() => import('./pages/followup/FollowupPage.tsx')),
    nav: {
      vi: 'Nhắc nhở & chấm điểm',
      en: 'Reminders & scores',
      icon: <BellOutlined />,
      visible: (s) => has(s, 'reminder.read'),
    },
  },
  {
    path: '/cau-hinh',
    component: lazy(() => import('./pages/settings/SettingsPage.tsx')),
    nav: {
      vi: 'Cấu hình',
      en: 'Settings',
      icon: <SettingOutlined />,
      visible: (s) => has(s, 'scoring.configure') || has(s, 'outbox.manage'),
    },
  },
  {
    path: '/chi-so',
    component: lazy(() => import('./pages/indices/IndicesPage.tsx')),
    nav: {
      vi: 'Chỉ số',
      en: 'Indices',
      icon: <LineChartOutlined />,
      visible: (s) => s.user.role !== 'agency',
    },
  },
  { path: '/chi-so/:code', component: lazy(() => import('./pages/indices/IndexPage.tsx')) },
  {
    path: '/danh-muc',
    component: lazy(() => import('./pages/directory/DirectoryPage.tsx')),
    nav: {
      vi: 'Danh mục',
      en: 'Directory',
      icon: <BankOutlined />,
      visible: (s) => has(s, 'directory.read') && s.user.role !== 'agency',
    },
  },
  {
    path: '/nhat-ky',
    component: lazy(() => import('./pages/audit/AuditPage.tsx')),
    nav: {
      vi: 'Nhật ký',
      en: 'Audit trail',
      icon: <AuditOutlined />,
      visible: (s) => has(s, 'audit.read'),
    },
  },
];

/** Pages anyone may open without signing in. */
export const PUBLIC_ROUTES: PageRoute[] = [
  { path: '/cong-khai', component: lazy(() => import('./pages/public/PublicPage.tsx')) },
  { path: '/cong-khai/ke-hoach/:id', component: lazy(() => import('./pages/public/PublicPlanPage.tsx')) },
];

export const PUBLIC_NAV = { vi: 'Công khai', en: 'Public page', icon: <GlobalOutlined /> };

/** Where a user lands after signing in: the first page of the navigation they may see. */
export function homePath(session: Session): string {
  const first = PRIVATE_ROUTES.find((route) => route.nav?.visible(session));
  return first?.path ?? '/cong-khai';
}
