interface GliaMarkProps {
  size?: number;
}

/** Glia's logo mark (decorative; the product name is always written next to it). */
export function GliaMark({ size = 28 }: GliaMarkProps): React.JSX.Element {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-glia-7)" />
      <path d="M21.5 11.2A7 7 0 1 0 23 16h-6.5" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
