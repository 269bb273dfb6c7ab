export function KiteLogo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <path d="M16 2 L28 14 L16 30 L4 14 Z" fill="#d93f24" />
        <path d="M16 2 L16 30 M4 14 L28 14" stroke="#fff" strokeWidth="1.6" />
      </svg>
      <span className="text-xl font-bold tracking-tight text-ink-900">Kite</span>
    </span>
  );
}
