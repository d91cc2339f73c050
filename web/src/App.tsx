import { Result, Spin } from 'antd';
import { Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { useT } from './lib/i18n.tsx';
import { useSession } from './lib/session.tsx';
import LoginPage from './pages/LoginPage.tsx';
import { homePath, PRIVATE_ROUTES, PUBLIC_ROUTES } from './routes.tsx';

function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Spin size="large" />
    </div>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('Không có trang này.', 'There is no such page.')}
      extra={<Link to="/">{t('Về trang chủ', 'Go home')}</Link>}
    />
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
          element={
            session ? (
              <AppLayout>
                <Suspense fallback={<PageSpinner />}>
                  <Page />
                </Suspense>
              </AppLayout>
            ) : (
              <PublicLayout>
                <Suspense fallback={<PageSpinner />}>
                  <Page />
                </Suspense>
              </PublicLayout>
            )
          }
        />
      ))}
      <Route path="/dang-nhap" element={session ? <Navigate to="/" replace /> : <LoginPage />} />
      {session ? (
        <>
          <Route path="/" element={<Navigate to={homePath(session)} replace />} />
          {PRIVATE_ROUTES.map(({ path, component: Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <AppLayout>
                  <Suspense fallback={<PageSpinner />}>
                    <Page />
                  </Suspense>
                </AppLayout>
              }
            />
          ))}
          <Route
            path="*"
            element={
              <AppLayout>
                <NotFound />
              </AppLayout>
            }
          />
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
