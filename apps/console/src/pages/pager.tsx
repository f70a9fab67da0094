import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** The paging arguments of a connection query (docs/api.md, "Paging"). */
export interface PageArgs {
  first: number | null;
  after: string | null;
  last: number | null;
  before: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Pager {
  args: PageArgs;
  /** Changes whenever the page asked for does: the query's reload key. */
  key: string;
  next: (info: PageInfo) => void;
  previous: (info: PageInfo) => void;
  /** Back to the newest page, e.g. when a filter changes. */
  reset: () => void;
}

/**
 * Walks a newest-first connection by its cursors: Next asks for the page after the last item shown, Previous for
 * the page before the first one, so that what arrives meanwhile neither shifts nor repeats items.
 */
export function usePager(size: number): Pager {
  const [args, setArgs] = useState<PageArgs>({ first: size, after: null, last: null, before: null });
  return {
    args,
    key: `${args.after ?? ''}:${args.before ?? ''}`,
    next: (info) => setArgs({ first: size, after: info.endCursor, last: null, before: null }),
    previous: (info) => setArgs({ first: null, after: null, last: size, before: info.startCursor }),
    reset: () => setArgs({ first: size, after: null, last: null, before: null }),
  };
}

/** Previous and Next, each shown only when the connection says there is such a page. */
export function PageButtons({ pager, info, name }: { pager: Pager; info: PageInfo | undefined; name: string }) {
  const { t } = useI18n();
  if (!info || (!info.hasPreviousPage && !info.hasNextPage)) return null;
  return (
    <div className="inline" data-testid={`${name}-pages`}>
      {info.hasPreviousPage && (
        <button type="button" onClick={() => pager.previous(info)} data-testid={`${name}-previous`}>
          {t('app.previous')}
        </button>
      )}
      {info.hasNextPage && (
        <button type="button" onClick={() => pager.next(info)} data-testid={`${name}-next`}>
          {t('app.next')}
        </button>
      )}
    </div>
  );
}
