/** What other parts of the web app use of the common feature: enter it here, never through its files (STYLE.md). */
export { DocumentLink } from './DocumentLink';
export { ErrorBoundary } from './ErrorBoundary';
export { LoadMore } from './LoadMore';
export { PageHeader } from './PageHeader';
export { focusFirstError } from './focusFirstError';
export { Empty, ErrorState, ListStates, NotFound, PageLoader, TableSkeleton, isNotFound } from './states';
export { usePageTitle } from './usePageTitle';
