// Every page renders its title through <Page>: the document title follows, and after a navigation the focus
// moves to the page's h1 so screen-reader and keyboard users start at the new content.
import { useEffect, useRef, type ReactNode } from 'react';
import { texts } from './texts';

let focusPending = false;

/** Called by the layout when the location changes (not on the first load: the browser starts at the top). */
export function requestPageFocus(): void {
  focusPending = true;
}

export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = texts.pageTitle(title);
    if (focusPending && heading.current) {
      focusPending = false;
      heading.current.focus();
    }
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead}
      {children}
    </>
  );
}
