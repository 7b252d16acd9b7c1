import { Navigate } from 'react-router';
import { Loading } from '../components/query-state';
import { homeOf, useSession } from './session';

/** /home: the signed-in person's own desk (homeOf), where a sign-in with no page to return
 * to lands (the password form and ID-porten alike). */
export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  return <Navigate to={homeOf(session.data?.user ?? null)} replace />;
}
