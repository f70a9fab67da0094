import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import { ApiError } from './client';

export interface Loaded<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when the page opens, again when `key` changes or on reload(). */
export function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V, key = ''): Loaded<R> {
  const { api, session } = useSession();
  const [state, setState] = useState<{ data?: R; error?: ApiError; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const token = session?.token;
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api(document, variables).then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error: asApiError(error), loading: false }),
    );
    return () => {
      current = false;
    };
    // The variables are read through `key`: an object literal would rerun on every render.
  }, [document, key, round, token]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
