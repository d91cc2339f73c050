import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { useSession } from './lib/session.tsx';
import { homePath, PRIVATE_ROUTES, PUBLIC_ROUTES } from './routes.tsx';

/** antd's Result (its pictures) only for an address that is no page: not in the first download. */
const NotFound = lazy(() => import('./pages/NotFoundPage.tsx'));
/**
 * The sign-in page (antd's Form, Card, Input.Password) out of a signed-in user's download: the server
 * preloads its chunk in the public's index.html (src/server/first-page.ts), so it costs no round trip.
 */
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));

function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Spin size="large" />
    </div>
  );
}

/** A page in a layout, the spinner in its place while the page's chunk loads. */
function InLayout({
  layout: Layout,
  page: Page,
}: {
  layout: ComponentType<{ children: ReactNode }>;
  page: ComponentType;
}) {
  return (
    <Layout>
      <Suspense fallback={<PageSpinner />}>
        <Page />
      </Suspense>
    </Layout>
  );
}

/** Routes: the public pages for everyone, the sign-in page, and every other page behind a session. */
function AppRoutes() {
  const { session, loading } = useSession();
  if (loading) return <PageSpinner />;
  return (
    <Routes>
      {PUBLIC_ROUTES.map(({ path, component: Page }) => (
        <Route
          key={path}
          path={path}
          element={<InLayout layout={session ? AppLayout : PublicLayout} page={Page} />}
        />
      ))}
      <Route
        path="/dang-nhap"
        element={
          session ? (
            <Navigate to="/" replace />
          ) : (
            <Suspense fallback={<PageSpinner />}>
              <LoginPage />
            </Suspense>
          )
        }
      />
      {session ? (
        <>
          <Route path="/" element={<Navigate to={homePath(session)} replace />} />
          {PRIVATE_ROUTES.map(({ path, component: Page }) => (
            <Route key={path} path={path} element={<InLayout layout={AppLayout} page={Page} />} />
          ))}
          <Route path="*" element={<InLayout layout={AppLayout} page={NotFound} />} />
        </>
      ) : (
        <Route path="*" element={<Navigate to="/dang-nhap" replace />} />
      )}
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
