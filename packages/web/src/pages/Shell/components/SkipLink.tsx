import type { RefObject } from 'react';

/** The first stop for keyboard users: jumps past the header and navigation. */
export function SkipLink({ targetRef }: { targetRef: RefObject<HTMLElement | null> }): React.JSX.Element {
  return (
    <a
      href="#main-content"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        targetRef.current?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
