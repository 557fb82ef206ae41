import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isStaff, type Role } from '../../api/types';
import { ErrorState, PageLoader } from '../common';
import { useMe } from './auth.api';

export function homePath(role: Role | undefined): string {
  return isStaff(role) ? '/agent' : '/portal';
}

/**
 * Lets through the roles of one side of the app (`admin`: the administration pages, admins only);
 * anyone else goes to their own home or to login.
 */
export function RequireRole({ area, children }: { area: 'staff' | 'portal' | 'admin'; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const staff = isStaff(me.data.user.role);
  const allowed = area === 'admin' ? me.data.user.role === 'admin' : (area === 'staff') === staff;
  if (!allowed) return <Navigate to={homePath(me.data.user.role)} replace />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace />;
  return <Navigate to={homePath(me.data.user.role)} replace />;
}
