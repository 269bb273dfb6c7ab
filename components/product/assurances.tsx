import { TextLink } from "@/components/ui/text-link";
import { helpTopicPath, KITE_CLUB_SUPPORT_ANCHOR } from "@/lib/help/topics";

function AssuranceIcon({ path }: { path: string }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 20 20"
      fill="none"
      aria-hidden="true"
      className="shrink-0 text-ink-500"
    >
      <path d={path} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ASSURANCES: { text: string; path: string; href?: string }[] = [
  {
    text: "Sold and shipped by Kite",
    href: helpTopicPath("shipping"),
    path: "M2.5 6.5 10 2.5l7.5 4v7L10 17.5l-7.5-4zM2.5 6.5 10 10.5l7.5-4M10 10.5v7",
  },
  { text: "Secure checkout", path: "M5 9V6.5a5 5 0 0 1 10 0V9M4 9h12v8.5H4zM10 12.5v2" },
  {
    text: "Kite Club support",
    href: helpTopicPath("contact", KITE_CLUB_SUPPORT_ANCHOR),
    path: "M3 4.5h14v9H8l-4 3v-3H3z",
  },
];

/** What every order comes with, under the buy box. */
export function Assurances() {
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-ink-600">
      {ASSURANCES.map((a) => (
        <li key={a.text} className="flex items-center gap-2">
          <AssuranceIcon path={a.path} />
          {a.href ? <TextLink href={a.href}>{a.text}</TextLink> : a.text}
        </li>
      ))}
    </ul>
  );
}
