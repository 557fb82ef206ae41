import { Mark } from '@mantine/core';
import { Fragment } from 'react';
import { highlightOf, type Segment } from './highlight';

/** A text with the search's matches marked; the runs are React text, so nothing is read as HTML. */
export function Highlighted({ text, query, segments }: { text: string; query?: string | undefined; segments?: readonly Segment[] | undefined }) {
  if (!query && !segments) return <>{text}</>;
  return (
    <>
      {highlightOf(text, query, segments).map((s, i) =>
        s.match ? (
          <Mark key={i} data-testid="search-match">
            {s.text}
          </Mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
