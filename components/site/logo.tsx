/** Two interleaved strands: the product's one idea, drawn small. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden fill="none" strokeWidth="2.4" strokeLinecap="round">
      <path d="M3 7h6l6 10h6" stroke="currentColor" />
      <path d="M3 17h6l6-10h6" stroke="currentColor" opacity="0.45" />
    </svg>
  );
}
